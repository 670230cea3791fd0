/**
 * Every error the server sends has one of these stable codes. The client maps
 * codes to translated messages (`errors.<code>` in locales/); the `message`
 * beside it is for logs and developers only.
 */
export const ERROR_CODES = [
  'bad_request', // malformed body or payload (zod issues in `details`)
  'payload_too_large', // a socket payload or request body over the transport limit
  'text_too_long', // a cell text over MAX_CELL_TEXT_BYTES
  'unauthenticated', // no session, or the session ended
  'forbidden', // signed in, but not allowed to do this
  'forbidden_origin', // a state-changing request or a socket handshake from an origin that is not the server's own nor in ALLOWED_ORIGINS
  'invalid_credentials',
  'rate_limited',
  'not_found', // generic unknown route
  'document_not_found',
  'paragraph_not_found',
  'language_not_in_document',
  'bad_revision', // base revision newer than the cell, or unknown
  'not_joined', // a document event before doc:join
  'conflict', // a REST-level conflict (e.g. the share-link limit of a document); or a change whose seq was taken behind Anor's lock
  'username_taken', // a new or renamed user whose name (case-insensitively) another user has
  'invalid_transition', // a review step that does not start from the cell's status (shared/domain/workflow.ts)
  'checks_failed', // approval refused: an error finding of the checks is not overridden on this revision
  'unsupported_format', // an uploaded file of a kind the importer does not read (by name, format or content)
  'malformed_file', // a file of a known kind that cannot be parsed (broken XML, a damaged zip); problems in `details`
  'invalid_encoding', // text that is not UTF-8 (or UTF-16 with a byte-order mark)
  'import_refused', // a file refused for safety or emptiness (zip bomb, nothing to import)
  'units_mismatch', // an XLIFF whose unit ids or languages do not fit the document; problems in `details`
  'no_source_file', // export as the original file of a document that was not imported from a DOCX, HTML or Markdown file
  'export_incomplete', // export of the original refused because paragraphs are untranslated (untranslated=refuse); ids in `details`
  'database_unavailable', // the database (DATABASE_URL) does not answer for now; nothing was changed, try again
  'internal', // a bug; logged with a reference
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Ok<T> = { ok: true; data: T };
export type Fail = { ok: false; error: ErrorBody };
export type Result<T> = Ok<T> | Fail;

export function ok<T>(data: T): Ok<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string, details?: unknown): Fail {
  return details === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details } };
}

/** Thrown inside services; turned into a coded response at the edge (REST or socket). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** HTTP status for each code, used by the REST error handler. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  payload_too_large: 413,
  text_too_long: 413,
  unauthenticated: 401,
  forbidden: 403,
  forbidden_origin: 403,
  invalid_credentials: 401,
  rate_limited: 429,
  not_found: 404,
  document_not_found: 404,
  paragraph_not_found: 404,
  language_not_in_document: 400,
  bad_revision: 409,
  not_joined: 409,
  conflict: 409,
  username_taken: 409,
  invalid_transition: 409,
  checks_failed: 409,
  unsupported_format: 415,
  no_source_file: 404,
  export_incomplete: 409,
  malformed_file: 422,
  invalid_encoding: 422,
  import_refused: 422,
  units_mismatch: 409,
  database_unavailable: 503,
  internal: 500,
};
