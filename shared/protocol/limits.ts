/** Size caps shared by server checks and client guards. */
export const MAX_CELL_TEXT_BYTES = 64 * 1024;
/** Largest socket payload the application accepts; bigger ones get `payload_too_large`. */
export const MAX_SOCKET_PAYLOAD_BYTES = 256 * 1024;
/** Engine-level hard cap: past this Socket.IO drops the connection instead of reading it. */
export const TRANSPORT_HARD_LIMIT_BYTES = 8 * 1024 * 1024;
/** Largest JSON REST body (a whole new document as text). */
export const MAX_JSON_BODY_BYTES = 4 * 1024 * 1024;
export const MAX_PARAGRAPHS = 20_000;
export const MAX_TITLE_LENGTH = 300;
/** Presence updates per user are forwarded at most this often. */
export const PRESENCE_THROTTLE_MS = 100;
