import { z } from 'zod';

/**
 * Anor stores well-formed Unicode only. A JavaScript string can hold a lone
 * surrogate (half of a UTF-16 pair, e.g. from `"\uD800"` in JSON or
 * `&#xD800;` in XML), which is no character at all: UTF-8 cannot encode it,
 * so each export would write something different (U+FFFD in HTML, a `<cp>` in
 * XLIFF 2). Every text field refuses it at the edge instead.
 */
const LONE_SURROGATE = /\p{Cs}/u;

/** Index of the first lone surrogate in `s`, or -1. */
export function loneSurrogateAt(s: string): number {
  const m = LONE_SURROGATE.exec(s);
  return m ? m.index : -1;
}

/**
 * A character reference to a surrogate code point (`&#xD800;`, `&#55296;`):
 * a well-formedness error in XML, which not every parser reports. Index of
 * the first one in `xml`, or -1.
 */
const SURROGATE_CHAR_REF =
  /&#(?:[xX]0*[dD][89a-fA-F][0-9a-fA-F]{2}|0*(?:5529[6-9]|55[3-9]\d{2}|56\d{3}|57[0-2]\d{2}|573[0-3]\d|5734[0-3]));/u;

export function surrogateCharRefAt(xml: string): number {
  const m = SURROGATE_CHAR_REF.exec(xml);
  return m ? m.index : -1;
}

export const LONE_SURROGATE_MESSAGE = 'not well-formed Unicode: a lone surrogate (half of a UTF-16 pair)';

/**
 * `z.string()` that refuses lone surrogates; chain `.trim()`, `.min()`,
 * `.max()` as usual. The zod issue's path names the field, so the
 * `bad_request` says which one (`text`, `body.title`, `body.paragraphs.3`).
 */
export function wellFormedText(): z.ZodString {
  return z.string().refine((s) => !LONE_SURROGATE.test(s), { message: LONE_SURROGATE_MESSAGE });
}
