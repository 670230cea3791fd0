import { StringDecoder } from 'node:string_decoder';
import { Parser } from 'htmlparser2';
import { LimitError } from '../../limits.js';

/** Running totals shared by several parts of one file (the XML parts of a DOCX). */
export interface ShapeBudget {
  elements: number;
}

/**
 * Counts the elements and open depth of an XML stream without building
 * anything (htmlparser2's tokenizer in XML mode), throwing a LimitError the
 * moment a bound is passed. For XML that another library will parse whole
 * afterwards (mammoth reads a DOCX's parts into its own tree, recursively):
 * the shape is vetted as the bytes are inflated, before that library sees them.
 */
export function xmlShapeCheck(limits: { depth: number; elements: number }, budget: ShapeBudget = { elements: 0 }) {
  let depth = 0;
  const decoder = new StringDecoder('utf8');
  const parser = new Parser(
    {
      onopentag() {
        depth++;
        budget.elements++;
        if (depth > limits.depth) throw new LimitError('limits.xml-depth', `elements are nested deeper than ${limits.depth} levels`);
        if (budget.elements > limits.elements)
          throw new LimitError('limits.xml-elements', `the file has more than ${limits.elements} elements`);
      },
      onclosetag() {
        depth--;
      },
    },
    { xmlMode: true },
  );
  return {
    write(chunk: Buffer): void {
      parser.write(decoder.write(chunk));
    },
    end(): void {
      parser.write(decoder.end());
      parser.end();
    },
  };
}
