import { splitParagraphs } from '../../../../shared/index.js';

/**
 * Markdown to source paragraphs: blank-line blocks (shared splitParagraphs),
 * then every heading and list item becomes its own paragraph, without its
 * `#` or bullet marker, since a translator translates the words, not the
 * markup. Inline markup (emphasis, links) stays as written: it carries
 * meaning the translation must keep, and the QA checks compare it.
 * Fenced code blocks are skipped: code is not translated.
 */
const HEADING = /^ {0,3}#{1,6}\s+/u;
const ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])\s+/u;
const FENCE = /^ {0,3}(```|~~~)/u;

export function markdownParagraphs(text: string): string[] {
  const out: string[] = [];
  for (const block of splitParagraphs(withoutCode(withoutFrontMatter(text)))) {
    let current: string[] = [];
    const flush = (): void => {
      const p = current.join('\n').trim();
      if (p !== '') out.push(p);
      current = [];
    };
    for (const line of block.split('\n')) {
      if (HEADING.test(line)) {
        flush();
        current.push(line.replace(HEADING, '').replace(/\s+#+\s*$/u, ''));
        flush();
      } else if (ITEM.test(line)) {
        flush();
        current.push(line.replace(ITEM, ''));
      } else if (/^ {0,3}>\s?/u.test(line)) {
        current.push(line.replace(/^ {0,3}>\s?/u, ''));
      } else {
        current.push(line.trim());
      }
    }
    flush();
  }
  return out;
}

/** YAML front matter (`---` on the first line … `---`) is metadata, not text: Anor's own Markdown export puts the title there. */
function withoutFrontMatter(text: string): string {
  const m = /^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u.exec(text);
  return m ? text.slice(m[0].length) : text;
}

function withoutCode(text: string): string {
  const lines = text.replace(/\r\n?/gu, '\n').split('\n');
  const kept: string[] = [];
  let inFence = false;
  for (const line of lines) {
    if (FENCE.test(line)) {
      inFence = !inFence;
      kept.push('');
      continue;
    }
    kept.push(inFence ? '' : line);
  }
  return kept.join('\n');
}
