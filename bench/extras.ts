import { benchStorage } from '../server/src/storage/bench.js';
import { round } from './stats.js';

interface Row { metric: string; value: number | string; unit: string; target: string; baseline?: number | string }

/** Benchmarks that live beside the modules they measure. */
export const benches: Array<() => Promise<Row[]>> = [
  async () => {
    const r = await benchStorage({ edits: 50_000, writers: 64 });
    return [
      { metric: 'storage only: durable appends/s (64 writers)', value: r.editsPerSecond, unit: '/s', target: '—', baseline: `${round(r.eventsPerSync, 1)} events per fdatasync` },
      { metric: `storage only: replay ${r.replayEvents.toLocaleString('en')} events`, value: r.replayMs, unit: 'ms', target: '—' },
    ];
  },
];
