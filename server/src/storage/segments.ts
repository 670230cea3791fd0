import type { StorageFs } from './fs.js';

/** Journal segment files: `journal/000001.jsonl`, `000002.jsonl`, … */
const SEGMENT_RE = /^(\d+)\.jsonl$/;

export function segmentName(no: number): string {
  return `${String(no).padStart(6, '0')}.jsonl`;
}

/** Segment numbers present in `dir`, ascending (numerically: names may outgrow six digits). */
export async function listSegments(fs: StorageFs, dir: string): Promise<number[]> {
  const out: number[] = [];
  for (const name of await fs.readdir(dir)) {
    const m = SEGMENT_RE.exec(name);
    if (m) out.push(Number(m[1]));
  }
  return out.sort((a, b) => a - b);
}

/**
 * What each segment holds: the highest seq per document. Compaction needs
 * nothing more, because within a document seqs only grow. A segment absent
 * from the index has unknown content (not scanned) and is never deleted.
 */
export class SegmentIndex {
  readonly #segments = new Map<number, Map<string, number>>();

  /** Makes a segment known, even if it turns out to hold no events (it can then be dropped). */
  ensure(segNo: number): Map<string, number> {
    let m = this.#segments.get(segNo);
    if (!m) {
      m = new Map();
      this.#segments.set(segNo, m);
    }
    return m;
  }

  /** Records a segment read at start-up, all at once. */
  set(segNo: number, seqs: Map<string, number>): void {
    this.#segments.set(segNo, seqs);
  }

  note(segNo: number, docId: string, seq: number): void {
    const m = this.ensure(segNo);
    if ((m.get(docId) ?? 0) < seq) m.set(docId, seq);
  }

  /** Known segments numbered below `current`, ascending. */
  below(current: number): Array<[number, ReadonlyMap<string, number>]> {
    const out: Array<[number, ReadonlyMap<string, number>]> = [];
    for (const [no, seqs] of this.#segments) if (no < current) out.push([no, seqs]);
    return out.sort((a, b) => a[0] - b[0]);
  }

  forget(segNo: number): void {
    this.#segments.delete(segNo);
  }
}
