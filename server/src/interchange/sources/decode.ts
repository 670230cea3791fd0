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
  if (looksLikeBomlessUtf16(bytes)) {
    // Valid UTF-8 as far as bytes go (ASCII and NULs), but the XML reader would then name a NUL as a bad tag.
    throw new AppError(
      'invalid_encoding',
      'the file looks like UTF-16 without a byte-order mark (every other byte is zero): save it as UTF-8, or as UTF-16 with a byte-order mark',
    );
  }
  try {
    // TextDecoder drops a leading UTF-8 BOM itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('invalid_encoding', 'the file is not valid UTF-8 (save it as UTF-8, or UTF-16 with a byte-order mark)');
  }
}

/**
 * UTF-16 text of mostly ASCII characters (an XML or PO file's markup) without
 * a byte-order mark: in its first bytes, every other byte (even ones for
 * big-endian, odd for little-endian) is zero. No UTF-8 text holds NULs so.
 */
function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 256) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let k = 0; k < n; k += 2) {
    if (bytes[k] === 0) even++;
    if (bytes[k + 1] === 0) odd++;
  }
  // Three pairs in four with a zero on one side and none on the other (Cyrillic or Chinese pairs have no zero).
  return Math.min(even, odd) === 0 && Math.max(even, odd) * 4 >= (n / 2) * 3;
}
