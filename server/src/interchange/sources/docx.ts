import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { AppError } from '../../../../shared/index.js';
import { MAX_DOCX_RATIO, MAX_DOCX_UNCOMPRESSED_BYTES } from '../../../../shared/protocol/interchange.js';

/**
 * Vetting of a DOCX (a zip) before anything inflates it whole: a zip bomb
 * would exhaust the server before any check of ours ran. yauzl reads the
 * central directory without inflating: the declared sizes must stay under
 * 50 MB in total and under 100× the file. Declared sizes can lie, so every
 * entry is then inflated once as a stream (validateEntrySizes: it fails an
 * entry the moment it outgrows its declared size), counting bytes and keeping
 * none. Only then are the parts read (original/zip.ts).
 */
export function openZip(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, autoClose: true }, (err, zip) => {
      if (err) reject(new AppError('malformed_file', `not a readable zip (DOCX): ${err.message}`));
      else resolve(zip);
    });
  });
}

function readEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (e: Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (err: Error) => reject(new AppError('malformed_file', `damaged zip (DOCX): ${err.message}`)));
    zip.readEntry();
  });
}

export async function vetZip(bytes: Buffer): Promise<void> {
  const entries = await readEntries(await openZip(bytes));
  if (!entries.some((e) => e.fileName === 'word/document.xml')) {
    throw new AppError('unsupported_format', 'this zip is not a Word document (no word/document.xml)');
  }
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  refuseIfTooBig(declared, bytes.length);
  // Second pass inflating for real; a fresh handle because the first one closed at its end.
  const zip = await openZip(bytes);
  let inflated = 0;
  await new Promise<void>((resolve, reject) => {
    const fail = (err: unknown): void => {
      zip.close();
      reject(
        err instanceof AppError
          ? err
          : new AppError('malformed_file', `damaged zip (DOCX): ${err instanceof Error ? err.message : String(err)}`),
      );
    };
    zip.on('entry', (e: Entry) => {
      if (e.fileName.endsWith('/')) {
        zip.readEntry();
        return;
      }
      zip.openReadStream(e, (err, stream) => {
        if (err) return fail(err);
        stream.on('data', (chunk: Buffer) => {
          inflated += chunk.length;
          try {
            refuseIfTooBig(inflated, bytes.length);
          } catch (tooBig) {
            stream.destroy();
            fail(tooBig);
          }
        });
        stream.on('error', fail);
        stream.on('end', () => zip.readEntry());
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', fail);
    zip.readEntry();
  });
}

function refuseIfTooBig(uncompressed: number, compressed: number): void {
  if (uncompressed > MAX_DOCX_UNCOMPRESSED_BYTES) {
    throw new AppError('import_refused', `the DOCX expands to over ${MAX_DOCX_UNCOMPRESSED_BYTES} bytes`, { uncompressed });
  }
  if (uncompressed > compressed * MAX_DOCX_RATIO) {
    throw new AppError('import_refused', `the DOCX expands over ${MAX_DOCX_RATIO} times its size (a zip bomb?)`, {
      uncompressed,
      compressed,
    });
  }
}
