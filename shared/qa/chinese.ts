import { finding, type CheckInput, type Finding, type TextRange } from './types.js';

const FULL_WIDTH: Record<string, string> = { ',': '，', '.': '。', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

// Only right after a Han character (or after closing marks that follow one, as in "讲话)."):
// "5.4亿", "https://…" and English inside Chinese keep their ASCII marks.
const ASCII_AFTER_HAN = /(?<=\p{Script=Han}[,.;:?!()”’」』）]*)[,.;:?!()]/gu;

export function checkChinesePunctuation({ target, targetLang }: CheckInput): Finding[] {
  if (targetLang !== 'zh') return [];
  const ranges: TextRange[] = [];
  const found = new Set<string>();
  for (const m of target.matchAll(ASCII_AFTER_HAN)) {
    ranges.push({ start: m.index, end: m.index + 1 });
    found.add(m[0]);
  }
  if (ranges.length === 0) return [];
  const marks = [...found].join(' ');
  const expected = [...found].map((c) => FULL_WIDTH[c] ?? c).join(' ');
  return [
    finding(
      'zh_punctuation',
      null,
      `ASCII punctuation ${marks} after Chinese characters; use full-width ${expected}`,
      { found: marks, expected, count: ranges.length },
      ranges,
    ),
  ];
}
