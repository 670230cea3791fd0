import { AppError } from '../../../../shared/index.js';

/**
 * Bytes of an uploaded text file to a string. UTF-8 (with or without a BOM) is
 * the norm; UTF-16 is accepted only with its byte-order mark, because without
 * one it cannot be told from other encodings reliably. Anything else —
 * Windows-1251, GB2312, Latin-1 — is refused with `invalid_encoding` rather
 * than guessed: a wrong guess would import mojibake as if it were text.
 */
export function decodeText(bytes: Uint8Array): string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  try {
    if (b0 === 0xff && b1 === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
  } catch {
    throw new AppError('invalid_encoding', 'the file starts with a UTF-16 byte-order mark but is not valid UTF-16');
  }
  try {
    // TextDecoder drops a leading UTF-8 BOM itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('invalid_encoding', 'the file is not valid UTF-8 (save it as UTF-8, or UTF-16 with a byte-order mark)');
  }
}
