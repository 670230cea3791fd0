import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../../shared/index.js';
import { runJob } from './jobs.js';
import type { ParseJob } from './jobs.js';
import type { Reply } from './index.js';

/** The import worker's entry (index.ts starts one per file): read the file, post the result or the coded error. */
const post = (reply: Reply): void => parentPort?.postMessage(reply);
runJob(workerData as ParseJob).then(
  (value) => post({ ok: true, value }),
  (e: unknown) =>
    post({
      ok: false,
      error: e instanceof AppError ? { code: e.code, message: e.message, details: e.details } : { code: null, message: String(e) },
    }),
);
