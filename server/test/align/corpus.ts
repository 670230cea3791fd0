import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/**
 * Genuinely parallel text found offline on this Debian machine, for measuring
 * the aligner (not for tests: the files belong to installed packages, under
 * their own licences, and are read in place, never copied into the repo).
 * - Translated manual pages (/usr/share/man/{ru,zh_CN}/…, from the shadow,
 *   man-db, procps and psmisc translation projects, made with po4a): prose
 *   paragraphs whose roff structure matches the English page macro for macro,
 *   so paragraph i of the translation is the translation of paragraph i.
 * - gettext catalogs (/usr/share/locale/<lang>/LC_MESSAGES/*.mo, decoded with
 *   msgunfmt): each message with its translation, in catalog order; coreutils'
 *   --help texts are multi-line paragraphs; kk and uz have only short UI strings.
 */
export interface ParallelText {
  name: string;
  origin: string;
  source: string[];
  target: string[];
}

const PARA_MACROS = new Set(['SH', 'SS', 'PP', 'P', 'LP', 'TP', 'IP', 'HP']);
const FONT_MACROS = /^\.(B|I|BR|BI|IB|IR|RB|RI|SM|SB)\s*/u;

/** Paragraphs of a man page, with the macro that opened each (to check two pages share a structure). */
export function roffParagraphs(src: string): { macro: string; text: string }[] {
  const out: { macro: string; text: string }[] = [];
  let cur: { macro: string; lines: string[] } | null = null;
  const flush = (): void => {
    const text = (cur?.lines ?? []).join(' ').replace(/\s+/gu, ' ').trim();
    if (cur && text) out.push({ macro: cur.macro, text });
  };
  for (const raw of src.split('\n')) {
    if (/^\.\s*\\"/u.test(raw) || raw.startsWith('\'\\"')) continue;
    const m = /^\.([A-Za-z]+)\s*(.*)$/u.exec(raw);
    if (m && PARA_MACROS.has(m[1]!)) {
      flush();
      cur = { macro: m[1]!, lines: [] };
      if (m[1] === 'SH' || m[1] === 'SS') {
        cur.lines.push(unescape(m[2]!.replace(/"/gu, '')));
        flush();
        cur = { macro: 'PP', lines: [] };
      }
      continue;
    }
    if (m && FONT_MACROS.test(raw)) {
      cur?.lines.push(unescape(raw.replace(FONT_MACROS, '').replace(/"/gu, '')));
      continue;
    }
    if (raw.startsWith('.') || raw.startsWith("'")) continue;
    cur?.lines.push(unescape(raw));
  }
  flush();
  return out;
}

function unescape(s: string): string {
  return s
    .replace(/\\f(\[[^\]]*\]|\(..|.)/gu, '')
    .replace(/\\\(aq/gu, "'")
    .replace(/\\\(em|\\\(en/gu, '—')
    .replace(/\\\((..)/gu, '')
    .replace(/\\\[[^\]]*\]/gu, '')
    .replace(/\\\*(\(..|\[[^\]]*\]|.)/gu, '')
    .replace(/\\[-&e]/gu, (x) => (x === '\\-' ? '-' : x === '\\e' ? '\\' : ''))
    .replace(/\\[^\s]/gu, '');
}

export function manPagePairs(lang: 'ru' | 'zh_CN', pages: readonly string[]): ParallelText[] {
  const out: ParallelText[] = [];
  for (const page of pages) {
    const en = `/usr/share/man/${page}.gz`;
    const tr = `/usr/share/man/${lang}/${page}.gz`;
    if (!existsSync(en) || !existsSync(tr)) continue;
    const a = roffParagraphs(gunzipSync(readFileSync(en)).toString('utf8'));
    const b = roffParagraphs(gunzipSync(readFileSync(tr)).toString('utf8'));
    // Only pages whose translation keeps the English structure give a known gold alignment.
    if (a.length !== b.length || a.some((p, i) => p.macro !== b[i]!.macro)) continue;
    out.push({ name: `man ${page} en→${lang}`, origin: tr, source: a.map((p) => p.text), target: b.map((p) => p.text) });
  }
  return out;
}

/** An installed catalog (`/usr/share/locale/<locale>/LC_MESSAGES/<domain>.mo`) as PO text, or null when it is not there. */
export function readCatalog(locale: string, domain: string): { mo: string; po: string } | null {
  const mo = `/usr/share/locale/${locale}/LC_MESSAGES/${domain}.mo`;
  if (!existsSync(mo)) return null;
  try {
    const po = execFileSync('msgunfmt', ['--no-wrap', mo], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return { mo, po };
  } catch {
    return null;
  }
}

export function catalogPair(lang: string, domain: string, minChars = 1): ParallelText | null {
  const read = readCatalog(lang, domain);
  if (!read) return null;
  const { mo, po } = read;
  const source: string[] = [];
  const target: string[] = [];
  for (const block of po.split(/\n\n+/u)) {
    const id = poString(block, 'msgid');
    const str = poString(block, 'msgstr') ?? poString(block, 'msgstr[0]');
    if (!id || !str || id.length < minChars) continue;
    source.push(id.trim());
    target.push(str.trim());
  }
  return source.length ? { name: `${domain}.mo en→${lang}`, origin: mo, source, target } : null;
}

/** The joined, unescaped string of a PO entry's `key` line (msgid, msgstr, msgstr[0]). */
export function poString(block: string, key: string): string | null {
  const esc = key.replace(/[[\]]/gu, '\\$&');
  const m = new RegExp(`^${esc} ((?:".*"\\n?)+)`, 'mu').exec(block);
  if (!m) return null;
  const ESC: Record<string, string> = { n: '\n', t: '\t', r: '\r' };
  return m[1]!
    .trim()
    .split('\n')
    .map((l) =>
      l
        .trim()
        .slice(1, -1)
        .replace(/\\(.)/gu, (_, c: string) => ESC[c] ?? c),
    )
    .join('');
}
