import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../../shared/index.js';
import type { ErrorCode } from '../../../../shared/index.js';
import type { InterchangeFile } from '../read.js';
import type { SourceOptions, SourceRead } from '../sources/index.js';
import { readTranslationFile, runJob } from './jobs.js';
import type { ParseJob } from './jobs.js';
import { Slots } from './slots.js';

/**
 * Reading an uploaded file (DOCX, HTML, Markdown, text, XLIFF, PO, TMX) for
 * the HTTP import routes. A 16 MB DOCX takes tens of seconds to read; on the
 * server's main thread every other user's edits would wait that long, so the
 * server reads each file in a worker thread with a memory cap
 * (`resourceLimits`) and a time limit: past either, the worker is stopped and
 * the import refused (`import_refused`, rule `limits.import-memory` or
 * `limits.import-time`). Two workers at most run at once (the others wait), so
 * the cap bounds the server's memory, not only one file's. The command line
 * reads in its own process, in-thread.
 */
export interface FileParser {
  /** `withWords`: count each paragraph's words too (SourceRead.words), for a document made from the file. */
  source(bytes: Buffer, opts: SourceOptions, withWords?: boolean): Promise<SourceRead>;
  translation(bytes: Buffer, name?: string): Promise<InterchangeFile>;
}

export interface WorkerLimits {
  /** V8 old-generation cap of the worker, MB. */
  memoryMb: number;
  /** From the worker's start (time spent waiting for a slot not counted). */
  timeoutMs: number;
  /** Workers at once; more files wait their turn, so the memory cap holds for the server, not just per file. */
  concurrent: number;
}

export const IMPORT_WORKER_LIMITS: WorkerLimits = { memoryMb: 1024, timeoutMs: 60_000, concurrent: 2 };

export type Reply =
  { ok: true; value: SourceRead | InterchangeFile } | { ok: false; error: { code: ErrorCode | null; message: string; details?: unknown } };

export const inThreadParser: FileParser = {
  // Words are counted ahead only off the main thread: here they would be one long block, and the new document
  // counts them itself, in slices (CommitEngine.create).
  source: async (bytes, opts) => (await runJob({ kind: 'source', bytes, opts })) as SourceRead,
  translation: (bytes, name) => Promise.resolve(readTranslationFile(bytes, name)),
};

const THREAD = new URL('./thread.js', import.meta.url);

/**
 * The worker-thread reader; the in-thread one when the compiled worker is not
 * there (the server run from its TypeScript sources under vitest, which a
 * worker cannot load) — the built server, which the e2e tests run, always has it.
 */
export function workerParser(limits: WorkerLimits = IMPORT_WORKER_LIMITS, env = process.env): FileParser {
  // ANOR_IMPORT_WORKER=off: read on the main thread (for `npm run bench -- stall`'s before/after).
  if (env.ANOR_IMPORT_WORKER === 'off' || !existsSync(fileURLToPath(THREAD))) return inThreadParser;
  const slots = new Slots(limits.concurrent);
  const read = (job: ParseJob): Promise<SourceRead | InterchangeFile> => slots.run(() => inWorker(job, limits));
  return {
    source: async (bytes, opts, withWords) => (await read({ kind: 'source', bytes, opts, withWords })) as SourceRead,
    translation: async (bytes, name) => (await read({ kind: 'translation', bytes, name })) as InterchangeFile,
  };
}

function inWorker(job: ParseJob, limits: WorkerLimits): Promise<SourceRead | InterchangeFile> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(THREAD, {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 64 },
    });
    let settled = false;
    const finish = (act: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      act();
      void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new AppError('import_refused', `reading the file took longer than ${limits.timeoutMs / 1000} s`, {
              rule: 'limits.import-time',
              limit: limits.timeoutMs,
            }),
          ),
        ),
      limits.timeoutMs,
    );
    worker.once('message', (m: Reply) =>
      finish(() => {
        if (m.ok) resolve(m.value);
        else reject(m.error.code ? new AppError(m.error.code, m.error.message, m.error.details) : new Error(m.error.message));
      }),
    );
    worker.once('error', (e: Error & { code?: string }) =>
      finish(() =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new AppError('import_refused', `reading the file needs more than ${limits.memoryMb} MB`, {
                rule: 'limits.import-memory',
                limit: limits.memoryMb,
              })
            : e,
        ),
      ),
    );
    worker.once('exit', (code) => finish(() => reject(new Error(`the import worker stopped (exit ${code})`))));
  });
}
