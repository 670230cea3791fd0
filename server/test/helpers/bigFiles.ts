/**
 * Large, prose-like files for the import benchmarks and the import-worker test:
 * the biggest a 16 MiB upload holds, just under every bound.
 */
const WORDS = (
  'summit cooperation partnership development trade energy transport corridor agreement investment logistics railway ' +
  'education culture tourism exchange heritage security stability dialogue prosperity modernization innovation industry ' +
  'agriculture water climate desert green solar wind digital economy youth university research medicine health'
).split(' ');

/** Sentences from a seeded word list: text that compresses like prose (about 4:1), not like a repeated string. */
export function prose(seed: number, words: number): string {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(WORDS[x % WORDS.length]!);
  }
  return `${out.join(' ')}.`;
}

export function bigHtml(paragraphs = 19_000): string {
  const parts = ['<!doctype html><html><head><meta charset="utf-8"><title>Big page</title><style>p{margin:0}</style></head><body><main>'];
  for (let i = 0; i < paragraphs; i++) {
    parts.push(
      `<section><div class="row"><p>${prose(i, 40)} <b>${prose(i + 1, 8)}</b> <a href="/n/${i}">${prose(i + 2, 6)}</a> ${prose(i + 3, 60)}</p></div></section>`,
    );
  }
  parts.push('</main></body></html>');
  let html = parts.join('\n');
  const limit = 16 * 1024 * 1024 - 1024;
  if (Buffer.byteLength(html) > limit) html = html.slice(0, limit);
  return html;
}
