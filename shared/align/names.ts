/**
 * A sound key for proper names across Latin and Cyrillic script, so that
 * Astana/Астана, Tokayev/Токаев or Kazakhstan/Казахстан anchor each other:
 * Cyrillic is romanised (Russian and Kazakh letters), then both sides are
 * folded where romanisations commonly differ (c/q→k, w→v, doubled letters,
 * kh/zh/ts/ch/sh spellings), and the key is the first letter and the next two
 * consonants: vowels are where romanisations disagree most (Tokayev/Токаев),
 * and endings are where Russian inflects (Caspian/Каспийское, Astana/Астане).
 * Crude on purpose: it only has to make the same name meet itself, and a
 * chance collision between two different names costs little.
 */
const CYR: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'i',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  ә: 'a',
  ғ: 'g',
  қ: 'k',
  ң: 'n',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  і: 'i',
};

export function nameKey(token: string): string {
  let s = '';
  for (const ch of token.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')) s += CYR[ch] ?? ch;
  s = s
    .replace(/[^a-z]/gu, '')
    .replace(/[cq]/gu, 'k')
    .replace(/w/gu, 'v')
    .replace(/x/gu, 'ks')
    .replace(/([kzstc])h/gu, '$1')
    .replace(/(.)\1+/gu, '$1');
  const consonants = s.slice(1).replace(/[aeiouy]/gu, '');
  const key = s.slice(0, 1) + consonants.slice(0, 2);
  return key.length === 3 ? key : '';
}
