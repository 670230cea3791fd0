import { zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import type { Entry } from 'yauzl';
import { AppError } from '../../../../shared/index.js';
import { openZip, vetZip } from '../sources/docx.js';

/**
 * A DOCX's zip entries in memory, in their order, for reading parts and
 * writing the file back. Read with yauzl after vetZip (sizes and ratio
 * bounded, so holding the parts is bounded too); written with fflate. Each
 * entry keeps its name, order, compression (stored or deflated) and time, and
 * an unchanged entry its exact bytes.
 */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
  stored: boolean;
  mtime: Date;
}

export async function readZip(bytes: Buffer): Promise<ZipEntry[]> {
  await vetZip(bytes);
  const zip = await openZip(bytes);
  return new Promise<ZipEntry[]>((resolve, reject) => {
    const out: ZipEntry[] = [];
    const fail = (err: unknown): void => {
      zip.close();
      reject(new AppError('malformed_file', `damaged zip (DOCX): ${err instanceof Error ? err.message : String(err)}`));
    };
    zip.on('entry', (e: Entry) => {
      if (e.fileName.endsWith('/')) {
        zip.readEntry();
        return;
      }
      zip.openReadStream(e, (err, stream) => {
        if (err) return fail(err);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', fail);
        stream.on('end', () => {
          out.push({ name: e.fileName, data: Buffer.concat(chunks), stored: e.compressionMethod === 0, mtime: e.getLastModDate() });
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => resolve(out));
    zip.on('error', fail);
    zip.readEntry();
  });
}

export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const files: Zippable = {};
  const min = new Date(1980, 0, 1, 0, 0, 2);
  for (const e of entries) files[e.name] = [e.data, { level: e.stored ? 0 : 6, mtime: e.mtime < min ? min : e.mtime }];
  return zipSync(files);
}
