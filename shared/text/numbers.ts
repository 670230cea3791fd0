import type { Lang } from '../languages.js';

/**
 * Locale-aware number extraction: "1,234.5" (en), "1 234,5" (ru), "5.4亿" (zh),
 * "540 млн" (ru), "540 mln" (uz) all come out as plain values, so a check (or the
 * sentence aligner, which uses numbers as anchors) can compare figures across
 * languages without caring how each one writes them.
 *
 * Decisions (documented in docs/qa-checks.md too):
 * - Only figures written with digits count. Number words ("six", "шесть", 六) are
 *   left alone: supporting them in one language but not the others would make
 *   every comparison lopsided.
 * - Full-width digits (１２３) are read like ASCII ones.
 * - A group separator must be followed by exactly three digits, and the first
 *   group has at most three. Non-breaking/thin spaces group in every language; a
 *   plain space groups only in ru/kk/uz, where "12 150" is the normal spelling.
 * - Decimal mark: "." in en/zh; "," or "." in ru/kk/uz. A separator repeated
 *   between three-digit groups ("1,234,567" typed into Russian, "1.234.567") is
 *   read as grouping whatever the language.
 * - A minus sign only counts at the start of a token, so "2020-2025" is two years.
 * - Scale words right after the figure multiply it (万 亿 千, тыс., млн, млрд,
 *   мың, ming, mln, mlrd, thousand, million, billion, bn …); per cent words and
 *   % are kept in `raw` but do not change the value.
 */
export interface ExtractedNumber {
  value: number;
  /** The text the figure was read from, scale word and per cent sign included. */
  raw: string;
  /** UTF-16 offset of `raw` in the input. */
  index: number;
}

const NBSP_LIKE = '\u00A0\u2009\u202F\u2007';
const COMMA_DECIMAL: ReadonlySet<Lang> = new Set(['ru', 'kk', 'uz']);

interface Scale {
  re: RegExp;
  exp: number;
}

// Longest alternatives first; each regex is anchored at the position right after the figure.
const LETTER_AFTER = '(?![\\p{L}\\p{M}])';
const SCALES: readonly Scale[] = [
  { re: /^(?:万亿|兆)/u, exp: 12 },
  { re: /^千亿/u, exp: 11 },
  { re: /^百亿/u, exp: 10 },
  { re: /^十亿/u, exp: 9 },
  { re: /^亿/u, exp: 8 },
  { re: /^千万/u, exp: 7 },
  { re: /^百万/u, exp: 6 },
  { re: /^十万/u, exp: 5 },
  { re: /^万/u, exp: 4 },
  // 千米 / 千克 / 千瓦 are kilometres, kilograms, kilowatts — units, not thousands.
  { re: /^千(?![米克瓦焦卡])/u, exp: 3 },
  { re: new RegExp(`^(?:trillion|trln\\.?|трлн\\.?|триллион[\\p{L}]*)${LETTER_AFTER}`, 'iu'), exp: 12 },
  {
    re: new RegExp(`^(?:billion|bn|mlrd\\.?|milliard[\\p{L}]*|млрд\\.?|миллиард[\\p{L}]*)${LETTER_AFTER}`, 'iu'),
    exp: 9,
  },
  { re: new RegExp(`^(?:million|mln\\.?|mn|million[\\p{L}]*|млн\\.?|миллион[\\p{L}]*)${LETTER_AFTER}`, 'iu'), exp: 6 },
  {
    re: new RegExp(`^(?:thousand|тыс\\.|тыс|тысяч[\\p{L}]*|мың[\\p{L}]*|ming(?:ta|dan|ga|ni)?|минг[\\p{L}]*)${LETTER_AFTER}`, 'iu'),
    exp: 3,
  },
];

// "$540m", "€1.5bn", "£20k": English news shorthand, read only right after a currency sign,
// because elsewhere "5m" is five metres.
const CURRENCY_BEFORE = /[$€£¥₽₸]\s?$/u;
const CURRENCY_SCALES: readonly Scale[] = [
  { re: /^tn(?![\p{L}])/u, exp: 12 },
  { re: /^bn(?![\p{L}])/u, exp: 9 },
  { re: /^m(?![\p{L}])/u, exp: 6 },
  { re: /^k(?![\p{L}])/u, exp: 3 },
];

const PERCENT = new RegExp(`^(?:[%％]|per\\s?cent${LETTER_AFTER}|процент[\\p{L}]*|пайыз[\\p{L}]*|foiz[\\p{L}]*)`, 'iu');

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Full-width digits become ASCII; every other character is kept, so offsets stay the same. */
function asciiDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
}

function digitsAt(s: string, i: number): string {
  let j = i;
  while (isDigit(s[j])) j++;
  return s.slice(i, j);
}

function isGroupSeparator(ch: string, lang: Lang): boolean {
  if (NBSP_LIKE.includes(ch)) return true;
  if (ch === ' ') return COMMA_DECIMAL.has(lang);
  if (ch === ',') return !COMMA_DECIMAL.has(lang);
  return false;
}

function isDecimalMark(ch: string, lang: Lang): boolean {
  return ch === '.' || (ch === ',' && COMMA_DECIMAL.has(lang));
}

interface Figure {
  intDigits: string;
  fracDigits: string;
  end: number;
}

/** Reads "1 234 567,89" / "1,234,567.89" / "2025" starting at a digit. */
function readFigure(s: string, start: number, lang: Lang): Figure {
  const first = digitsAt(s, start);
  let intDigits = first;
  let fracDigits = '';
  let end = start + first.length;
  let groupSep: string | null = null;
  for (;;) {
    const sep = s[end];
    if (sep === undefined) break;
    const next = digitsAt(s, end + 1);
    if (!next) break;
    const groupable = next.length === 3 && (groupSep !== null || first.length <= 3);
    const repeated = groupable && (sep === ',' || sep === '.') && s[end + 4] === sep && digitsAt(s, end + 5).length === 3;
    const sameAsBefore = groupSep === null || groupSep === sep;
    if (groupable && sameAsBefore && (isGroupSeparator(sep, lang) || repeated || groupSep === sep)) {
      groupSep = sep;
      intDigits += next;
      end += 1 + next.length;
      continue;
    }
    if (isDecimalMark(sep, lang) && sep !== groupSep) {
      fracDigits = next;
      end += 1 + next.length;
    }
    break;
  }
  return { intDigits, fracDigits, end };
}

const SCALE_GAP = new RegExp(`^[ ${NBSP_LIKE}]?`, 'u');

/** Extracts every figure written with digits, in text order. */
export function extractNumbers(text: string, lang: Lang): ExtractedNumber[] {
  const s = asciiDigits(text);
  const out: ExtractedNumber[] = [];
  let i = 0;
  while (i < s.length) {
    if (!isDigit(s[i])) {
      i++;
      continue;
    }
    const prev = s[i - 1];
    const beforePrev = s[i - 2];
    const negative = (prev === '-' || prev === '\u2212') && (beforePrev === undefined || /[\s([=:]/u.test(beforePrev));
    const start = negative ? i - 1 : i;
    const fig = readFigure(s, i, lang);
    let end = fig.end;
    let exp = 0;
    const gap = SCALE_GAP.exec(s.slice(end))?.[0] ?? '';
    const tail = s.slice(end + gap.length, end + gap.length + 24);
    for (const scale of SCALES) {
      const m = scale.re.exec(tail);
      if (m) {
        exp = scale.exp;
        end += gap.length + m[0].length;
        break;
      }
    }
    if (exp === 0 && CURRENCY_BEFORE.test(s.slice(Math.max(0, start - 2), start))) {
      const attached = s.slice(end, end + 3);
      for (const scale of CURRENCY_SCALES) {
        const m = scale.re.exec(attached);
        if (m) {
          exp = scale.exp;
          end += m[0].length;
          break;
        }
      }
    }
    const pctGap = SCALE_GAP.exec(s.slice(end))?.[0] ?? '';
    const pct = PERCENT.exec(s.slice(end + pctGap.length, end + pctGap.length + 16));
    if (pct) end += pctGap.length + pct[0].length;
    // Build the value from its decimal digits so 5.4亿 is exactly 540000000, not 540000000.0000001.
    const mantissa = `${fig.intDigits}${fig.fracDigits}`.replace(/^0+(?=\d)/u, '');
    const value = Number(`${negative ? '-' : ''}${mantissa}e${exp - fig.fracDigits.length}`);
    out.push({ value, raw: text.slice(start, end), index: start });
    i = end;
  }
  return out;
}

/** Two figures are the same when they agree to nine significant digits (they come from text, not arithmetic). */
export function sameNumber(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}
