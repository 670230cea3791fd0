import { Parser } from 'htmlparser2';
import type { Handler } from 'htmlparser2';
import { AppError } from '../../../../shared/index.js';
import { MAX_HTML_DEPTH } from '../../limits.js';

export type HtmlHandler = Partial<Pick<Handler, 'onopentag' | 'onclosetag' | 'ontext' | 'oncomment' | 'onprocessinginstruction'>>;

/**
 * Runs htmlparser2 over a page with its nesting bounded. The parser keeps the
 * open elements in an array it grows and shrinks at the front (and searches on
 * every end tag), so each tag costs time in proportion to the depth: a page
 * nested 100,000 deep took minutes. Counting opens and closes here (the parser
 * reports implied closes too, so the count is its stack's length) and stopping
 * past MAX_HTML_DEPTH keeps every tag's cost bounded, so the whole parse is
 * linear in the page. The refusal is `import_refused` with the rule
 * `limits.html-depth` in its details. Every reader of HTML goes through here.
 */
export function parseHtml(html: string, handler: HtmlHandler, maxDepth = MAX_HTML_DEPTH): void {
  let depth = 0;
  const parser = new Parser(
    {
      ...handler,
      onopentag(name, attribs, implied) {
        if (++depth > maxDepth) {
          throw new AppError('import_refused', `the HTML nests elements deeper than ${maxDepth} levels`, {
            rule: 'limits.html-depth',
            limit: maxDepth,
          });
        }
        handler.onopentag?.(name, attribs, implied);
      },
      onclosetag(name, implied) {
        depth--;
        handler.onclosetag?.(name, implied);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
}
