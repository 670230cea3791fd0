/** Size caps shared by server checks and client guards. */
export const MAX_CELL_TEXT_BYTES = 64 * 1024;

const encoder = new TextEncoder();
/** The cell text rule, one place: the server refuses (text_too_long) and the client checks before sending. */
export function cellTextTooLong(text: string): boolean {
  // Cheap pre-check: UTF-8 is at most 3 bytes per UTF-16 unit.
  return text.length * 3 > MAX_CELL_TEXT_BYTES && encoder.encode(text).length > MAX_CELL_TEXT_BYTES;
}
/** Largest socket payload the application accepts; bigger ones get `payload_too_large`. */
export const MAX_SOCKET_PAYLOAD_BYTES = 256 * 1024;
/**
 * Deepest nesting of arrays and objects accepted in a socket packet (the
 * packet's own array is level 1) or a JSON REST body; deeper is `bad_request`.
 * Measured on the text before it is parsed, so no deep value is ever walked.
 */
export const MAX_JSON_DEPTH = 32;
/** Most JSON values (strings, numbers, arrays, objects …) in one socket packet; more is `payload_too_large`. */
export const MAX_SOCKET_JSON_VALUES = 10_000;
/** Most JSON values in one REST body (a 20,000-paragraph document or its import commit fits); more is `payload_too_large`. */
export const MAX_REST_JSON_VALUES = 500_000;
/** Engine-level hard cap: past this Socket.IO drops the connection instead of reading it. */
export const TRANSPORT_HARD_LIMIT_BYTES = 8 * 1024 * 1024;
/** Largest JSON REST body (a whole new document as text). */
export const MAX_JSON_BODY_BYTES = 4 * 1024 * 1024;
export const MAX_PARAGRAPHS = 20_000;
export const MAX_TITLE_LENGTH = 300;
/** Presence updates per user are forwarded at most this often. */
export const PRESENCE_THROTTLE_MS = 100;
