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

/** A TMX 1.4 file of `units` en–ru units of prose, cut to just under 16 MiB (whole units only). */
export function bigTmx(units = 40_000): string {
  const head =
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="bench" creationtoolversion="1" segtype="paragraph" o-tmf="anor" adminlang="en" srclang="en" datatype="plaintext"/><body>\n';
  const tail = '</body></tmx>\n';
  const limit = 16 * 1024 * 1024 - 1024 - head.length - tail.length;
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; i < units; i++) {
    const tu = `<tu><tuv xml:lang="en"><seg>${prose(i, 30)}</seg></tuv><tuv xml:lang="ru"><seg>Перевод ${i}: ${prose(i + 1, 25)}</seg></tuv></tu>\n`;
    size += Buffer.byteLength(tu);
    if (size > limit) break;
    parts.push(tu);
  }
  return head + parts.join('') + tail;
}
