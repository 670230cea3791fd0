import type { Migration } from './types.js';
import { migration as m0001 } from './0001_rate_limits.js';
import { migration as m0002 } from './0002_shared_stores.js';
import { migration as m0003 } from './0003_documents.js';
import { migration as m0004 } from './0004_source_files.js';
import { migration as m0005 } from './0005_event_pruning.js';

export type { Migration } from './types.js';

/** Every migration, in version order. A new one is a new file here, with the next version. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005];
