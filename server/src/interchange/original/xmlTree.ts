import { Parser } from 'htmlparser2';
import { AppError } from '../../../../shared/index.js';
import { surrogateCharRefAt } from '../../../../shared/text/wellFormed.js';
import { LONE_SURROGATE_RULE } from '../problems.js';

/**
 * Elements of an XML part with their source offsets (htmlparser2 in XML
 * mode), built only for the subtrees the caller asks for (`wanted`), handed
 * over one at a time and then dropped, so a large document.xml is never held
 * as a whole tree. Nesting deeper than MAX_XML_DEPTH is refused.
 */
export interface XNode {
  name: string;
  attrs: Record<string, string>;
  start: number;
  /** End of the opening tag (exclusive). */
  openEnd: number;
  /** Start of the closing tag (= end for a self-closing element). */
  closeStart: number;
  end: number;
  children: (XNode | XText)[];
}
export interface XText {
  name: '#text';
  value: string;
  start: number;
  end: number;
}

export const MAX_XML_DEPTH = 500;

export function eachSubtree(xml: string, wanted: (name: string) => boolean, visit: (node: XNode) => void): void {
  // htmlparser2 turns `&#xD800;` into U+FFFD; XML forbids it, and Anor refuses it (docs/protocol.md, Text).
  if (surrogateCharRefAt(xml) >= 0) {
    const problem = {
      rule: LONE_SURROGATE_RULE,
      message: 'a character reference to a lone surrogate (half of a UTF-16 pair) is not a character',
    };
    throw new AppError('malformed_file', problem.message, { problems: [problem] });
  }
  const stack: XNode[] = [];
  let depth = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (++depth > MAX_XML_DEPTH) throw new AppError('import_refused', `the document's XML nests deeper than ${MAX_XML_DEPTH} elements`);
        if (stack.length === 0 && !wanted(name)) return;
        const node: XNode = { name, attrs, start: parser.startIndex, openEnd: parser.endIndex + 1, closeStart: 0, end: 0, children: [] };
        stack[stack.length - 1]?.children.push(node);
        stack.push(node);
      },
      ontext(value) {
        const top = stack[stack.length - 1];
        if (!top) return;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        const last = top.children[top.children.length - 1];
        // Entities arrive as separate text events: one text node per run of text.
        if (last && !isNode(last) && last.end === start) {
          last.value += value;
          last.end = end;
        } else top.children.push({ name: '#text', value, start, end });
      },
      onclosetag(_name, implied) {
        depth--;
        const node = stack.pop();
        if (!node) return;
        node.closeStart = implied ? node.openEnd : parser.startIndex;
        node.end = implied ? node.openEnd : parser.endIndex + 1;
        if (stack.length === 0) visit(node);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
}

export const isNode = (n: XNode | XText): n is XNode => n.name !== '#text';
