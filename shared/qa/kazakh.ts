import { finding, type CheckInput, type Finding, type TextRange } from './types.js';

/** The nine letters Kazakh Cyrillic has beyond Russian, and the Russian letters typed instead of them. */
export const KAZAKH_LETTERS = 'әғқңөұүһіӘҒҚҢӨҰҮҺІ';
const RUSSIAN_FOR: Record<string, string> = { ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и' };

export function russify(word: string): string {
  let out = '';
  for (const ch of word.toLowerCase()) out += RUSSIAN_FOR[ch] ?? ch;
  return out;
}

/**
 * Frequent Kazakh words that contain Kazakh letters. Words whose "russified"
 * form is itself a Kazakh word are left out on purpose (әр → ар "honour",
 * ең → ен "width", сөз → соз "stretch"), and so are two-letter words.
 */
const COMMON_WORDS = [
  'қазақстан',
  'қазақ',
  'қытай',
  'өзбекстан',
  'қырғызстан',
  'тәжікстан',
  'түрікменстан',
  'орталық',
  'және',
  'үшін',
  'бұл',
  'бір',
  'бірге',
  'екі',
  'төрт',
  'сегіз',
  'тоғыз',
  'мың',
  'жүз',
  'біз',
  'сіз',
  'көп',
  'үлкен',
  'қала',
  'күн',
  'күні',
  'тіл',
  'білім',
  'ғылым',
  'халық',
  'халықаралық',
  'ынтымақтастық',
  'президенті',
  'мемлекеттік',
  'ақпарат',
  'жақсы',
  'қарай',
  'арқылы',
  'бүгін',
  'өткен',
  'құжат',
  'келісім',
  'маңызды',
  'мүмкіндік',
  'негізгі',
  'қауіпсіздік',
  'бейбітшілік',
  'достық',
  'ортақ',
  'болашақ',
  'әлем',
  'мәселе',
  'кәсіпорын',
  'жұмыс',
  'өнім',
  'қаржы',
  'аймақ',
  'уақыт',
  'жылғы',
  'деді',
  'кеңес',
  'өңір',
  'министрлігі',
  'білдірді',
  'өтті',
  'өтеді',
  'қатысты',
  'қол',
  'қойылды',
  'сұрақ',
  'бүкіл',
  'әлеуметтік',
  'шешім',
  'жағдай',
  'мүмкін',
  'бағдарлама',
  'қазір',
  'біріккен',
  'ұлттық',
  'ұйым',
  'тұрғын',
  'өмір',
  'әкім',
  'қаласы',
];

/** Russified spelling → the Kazakh word. Russian forms that are not a letter-for-letter slip are listed by hand. */
const MISSPELT: ReadonlyMap<string, string> = new Map([
  ...COMMON_WORDS.map((w) => [russify(w), w] as const),
  ['китай', 'қытай'],
  ['казахстан', 'қазақстан'],
]);

const LONGEST_MISSPELT = Math.max(...[...MISSPELT.keys()].map((k) => [...k].length));

/** Below this many Cyrillic letters a text may honestly have no Kazakh letter ("Астана", "Алматы"). */
export const KAZAKH_MIN_LETTERS = 40;

/**
 * Kazakh typed on a Russian keyboard: a long text with none of ә ғ қ ң ө ұ ү һ і
 * (or Russian pasted into the Kazakh cell), and frequent words written with
 * the Russian look-alikes (казакстан, жане, ушин, бир).
 */
export function checkKazakhLetters({ target, targetLang }: CheckInput): Finding[] {
  if (targetLang !== 'kk') return [];
  const out: Finding[] = [];
  const cyrillic = (target.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const own = [...target].filter((c) => KAZAKH_LETTERS.includes(c)).length;
  if (cyrillic >= KAZAKH_MIN_LETTERS && own === 0) {
    out.push(
      finding(
        'kk_letters',
        'none',
        `The Kazakh text has ${cyrillic} Cyrillic letters but none of ә ғ қ ң ө ұ ү һ і: typed on a Russian layout, or not Kazakh?`,
        { letters: cyrillic },
      ),
    );
  }
  const ranges: TextRange[] = [];
  const words: string[] = [];
  const expected: string[] = [];
  for (const m of target.matchAll(/[\p{L}\p{M}]+/gu)) {
    const word = m[0].toLowerCase();
    const plain = russify(word);
    // Longest known prefix first: "казакстаннын" is қазақстан + suffix, not қазақ + станнын.
    const chars = [...plain];
    for (let k = Math.min(chars.length, LONGEST_MISSPELT); k >= 1; k--) {
      const wrong = chars.slice(0, k).join('');
      const right = MISSPELT.get(wrong);
      if (right === undefined) continue;
      // Short forms (бир, жане) must be the whole word; longer ones may carry a suffix.
      if ([...wrong].length < 5 && k !== chars.length) continue;
      if (word.startsWith(right)) break;
      ranges.push({ start: m.index, end: m.index + m[0].length });
      words.push(m[0]);
      const fixed = right + word.slice(wrong.length);
      const first = m[0][0] ?? '';
      expected.push(first !== first.toLowerCase() ? fixed.charAt(0).toUpperCase() + fixed.slice(1) : fixed);
      break;
    }
  }
  if (ranges.length > 0) {
    out.push(
      finding(
        'kk_letters',
        'words',
        `Kazakh words written with Russian letters: ${words.join(', ')} (expected ${expected.join(', ')})`,
        { words: words.join(', '), expected: expected.join(', ') },
        ranges,
      ),
    );
  }
  return out;
}
