/**
 * How deep and how big a JSON text is, measured on the text itself in one
 * iterative pass: no parse, no recursion, no allocation. Checked before any
 * code walks the parsed value recursively (JSON.stringify, Socket.IO's binary
 * reconstruction, zod, structuredClone), so hostile nesting never reaches a
 * recursive walk.
 *
 * Works on a string or on UTF-8 bytes alike: the structural characters are
 * ASCII, and no byte of a multi-byte UTF-8 sequence is ASCII. The count is
 * exact for valid JSON; invalid JSON is refused later by the parser anyway.
 */
export interface JsonBounds {
  /** Most levels of `[`/`{` nesting allowed (the outermost array or object is level 1). */
  maxDepth: number;
  /** Most values (strings, numbers, literals, arrays and objects; object keys not counted) allowed. */
  maxValues: number;
}

export type JsonShapeVerdict = 'ok' | 'too_deep' | 'too_many_values';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

export function jsonShape(text: string | Uint8Array, bounds: JsonBounds): JsonShapeVerdict {
  const at: (i: number) => number = typeof text === 'string' ? (i) => text.charCodeAt(i) : (i) => text[i] ?? 0;
  let depth = 0;
  // A value is the top one, the first inside a non-empty container, or one
  // after a comma (an object member's key rides on its value's count).
  let values = 1;
  let inString = false;
  let afterOpen = false;
  for (let i = 0; i < text.length; i++) {
    const c = at(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (afterOpen && !WHITESPACE.has(c)) {
      afterOpen = false;
      if (c !== CLOSE_ARRAY && c !== CLOSE_OBJECT) values++;
    }
    if (c === QUOTE) inString = true;
    else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > bounds.maxDepth) return 'too_deep';
      afterOpen = true;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) depth--;
    else if (c === COMMA) values++;
    if (values > bounds.maxValues) return 'too_many_values';
  }
  return 'ok';
}
