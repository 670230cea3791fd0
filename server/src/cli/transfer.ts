import { copyContent } from '../storage/transfer/copy.js';
import { isEmpty, KINDS } from '../storage/transfer/content.js';
import type { Content } from '../storage/transfer/content.js';
import { describePlace, openPlace, samePlace } from '../storage/transfer/places.js';
import type { OpenPlace, Place } from '../storage/transfer/places.js';

export interface TransferIo {
  out(line: string): void;
  err(line: string): void;
}

/** An error's stable code: ours (`target_not_empty`…), storage's (`data_dir_locked`…), PostgreSQL's SQLSTATE, or `database_error`. */
function codeOf(err: Error): string {
  return 'code' in err && typeof err.code === 'string' ? err.code : 'migrate_failed';
}

function table(source: Content, target: Content): string[] {
  const rows = KINDS.map((k) => {
    const mark = source.kinds[k].hash === target.kinds[k].hash ? '' : '  ← differs';
    return `  ${k.padEnd(10)} ${String(source.kinds[k].count).padStart(8)} ${String(target.kinds[k].count).padStart(8)}${mark}`;
  });
  return [
    `  ${'kind'.padEnd(10)} ${'source'.padStart(8)} ${'target'.padStart(8)}`,
    ...rows,
    `  source content sha256 ${source.hash}`,
    `  target content sha256 ${target.hash}`,
  ];
}

/**
 * `anor migrate --from A --to B`: copies every record from one installation to
 * another and compares what both hold afterwards. Exit 0 when the hashes
 * match, 1 when refused or different, 2 for usage (the caller's).
 */
export async function transfer(from: Place, to: Place, opts: { merge: boolean }, io: TransferIo): Promise<number> {
  if (samePlace(from, to)) {
    io.err(`anor migrate: same_place: --from and --to name the same ${describePlace(from)}`);
    return 2;
  }
  const log = (msg: string): void => io.err(`[anor] ${msg}`);
  let source: OpenPlace | undefined;
  let target: OpenPlace | undefined;
  let copying = false;
  try {
    source = await openPlace(from, { mustExist: true, log });
    target = await openPlace(to, { mustExist: false, log });
    if (!opts.merge && !(await isEmpty(target.stores))) {
      io.err(
        `anor migrate: target_not_empty: ${describePlace(to)} already holds data; nothing was copied. ` +
          'Copy into an empty one, or pass --merge to add to it (identical records are skipped, a differing one stops the copy).',
      );
      return 1;
    }
    io.out(`anor migrate: copying ${describePlace(from)} to ${describePlace(to)}`);
    copying = true;
    const result = await copyContent(source.stores, target.stores, opts);
    for (const line of table(result.source, result.target)) io.out(line);
    if (result.skipped > 0) io.out(`  ${result.skipped} record(s) the target already held identically were left as they were`);
    if (result.source.hash !== result.target.hash) {
      io.err('anor migrate: content_mismatch: the target does not hold what the source holds (see the kinds marked above)');
      return 1;
    }
    io.out('anor migrate: done; source and target content hashes match');
    if (result.source.kinds.sessions.count > 0) {
      io.out(
        '  sessions were copied: they stay signed in where the target signs cookies with the same secret (SESSION_SECRET or DATA_DIR/session-secret)',
      );
    }
    return 0;
  } catch (err) {
    if (!(err instanceof Error)) throw err;
    // A copy stopped half-way leaves what it wrote; --merge skips that and goes on.
    const partly = copying ? '; what was copied before this stays, and --merge goes on from there' : '';
    io.err(`anor migrate: ${codeOf(err)}: ${err.message}${partly}`);
    return 1;
  } finally {
    await target?.close();
    await source?.close();
  }
}
