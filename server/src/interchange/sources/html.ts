import { parseHtml } from './htmlParse.js';

/**
 * HTML to source paragraphs with htmlparser2 (a tolerant streaming parser:
 * real-world HTML is rarely well-formed, and a paragraph list needs no DOM).
 * Each block element (p, headings, list items, table cells, blockquote, pre …)
 * closes the paragraph before it and starts its own; `<br>` is a line break
 * inside a paragraph; whitespace is collapsed as a browser would, except in
 * `<pre>`. Script, style, template and the head are not text to translate.
 */
const BLOCK = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'td',
  'th',
  'caption',
  'figcaption',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'main',
  'nav',
  'ul',
  'ol',
  'dl',
  'table',
  'tr',
  'hr',
  'address',
  'details',
  'summary',
]);
const SKIP = new Set(['script', 'style', 'template', 'head', 'noscript', 'svg', 'math', 'iframe', 'object']);

export function htmlParagraphs(html: string): string[] {
  const out: string[] = [];
  let buf = '';
  let skipDepth = 0;
  let preDepth = 0;
  const flush = (): void => {
    // Outside <pre> the only line feeds in buf come from <br> (text newlines became spaces).
    const p = (preDepth > 0 ? buf : buf.replace(/[ \t\r\f]+/gu, ' '))
      .split('\n')
      .map((l) => l.trim())
      .join('\n')
      .trim();
    if (p !== '') out.push(p);
    buf = '';
  };
  parseHtml(html, {
    onopentag(name) {
      if (SKIP.has(name)) skipDepth++;
      if (skipDepth > 0) return;
      if (BLOCK.has(name)) flush();
      if (name === 'pre') preDepth++;
      if (name === 'br') buf += '\n';
    },
    ontext(text) {
      if (skipDepth === 0) buf += preDepth > 0 ? text : text.replace(/\n/gu, ' ');
    },
    onclosetag(name) {
      if (SKIP.has(name)) {
        skipDepth = Math.max(0, skipDepth - 1);
        return;
      }
      if (skipDepth > 0) return;
      if (BLOCK.has(name)) flush();
      if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
    },
  });
  flush();
  return out;
}
