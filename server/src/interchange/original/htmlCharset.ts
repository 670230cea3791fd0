import { AppError } from '../../../../shared/index.js';
import { decodeText } from '../sources/decode.js';

/**
 * The text of an HTML file in the encoding it declares. A byte-order mark
 * wins (UTF-8, UTF-16); otherwise a `<meta charset=…>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">` in the first
 * 1024 bytes (the HTML standard's prescan) names the encoding, and
 * TextDecoder (the WHATWG encodings: windows-1251, KOI8-R, GBK, Shift_JIS …)
 * reads it. A charset TextDecoder does not know, or bytes that are not in it,
 * are refused with `invalid_encoding` rather than guessed. Without a
 * declaration the file must be UTF-8, as for every other text import.
 */
const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/iu;

export interface DecodedHtml {
  text: string;
  /** The declared charset when it is not UTF-8 (the rebuilt file is UTF-8 and its declaration is rewritten). */
  charset: string | null;
  /** Where the declared charset's name is in `text`, to rewrite it on export. */
  declared: { start: number; end: number } | null;
}

export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  const bom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (bom) return { text: decodeText(bytes), charset: null, declared: null };
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const label = META_CHARSET.exec(head)?.[1];
  if (!label) return { text: decodeText(bytes), charset: null, declared: null };
  const decoder = decoderFor(label);
  if (!decoder) {
    throw new AppError('invalid_encoding', `the page declares the charset "${label}", which Anor cannot read (save it as UTF-8)`, {
      charset: label,
    });
  }
  // A UTF-16 declaration in a file without a byte-order mark means UTF-8 (HTML standard, prescan).
  if (decoder.encoding === 'utf-8' || decoder.encoding.startsWith('utf-16'))
    return { text: decodeText(bytes), charset: null, declared: null };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new AppError('invalid_encoding', `the page declares the charset "${label}" but its bytes are not ${decoder.encoding}`, {
      charset: label,
    });
  }
  const m = META_CHARSET.exec(text);
  const declared = m ? { start: m.index + m[0].length - m[1]!.length, end: m.index + m[0].length } : null;
  return { text, charset: decoder.encoding, declared };
}

function decoderFor(label: string): InstanceType<typeof TextDecoder> | null {
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    return null;
  }
}
