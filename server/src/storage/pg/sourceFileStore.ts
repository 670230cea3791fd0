import type { Pool } from 'pg';
import type { OriginalFormat, Skeleton } from '../../interchange/original/types.js';
import type { SourceFileRecord, SourceFileStore } from '../types.js';
import { isoOf } from './rows.js';

interface SourceRow {
  doc_id: string;
  name: string;
  format: OriginalFormat;
  created_at: Date;
  created_by: string;
  bytes: Buffer;
  skeleton: Skeleton;
  paragraph_ids: string[];
}

/**
 * Source files in `source_files` (migration 0004): the bytes as bytea, the
 * skeleton as jsonb. Read only on export of the original, so nothing is
 * cached; a put is one statement, so a crash leaves the old row or the new one.
 */
export class PgSourceFileStore implements SourceFileStore {
  constructor(private readonly pool: Pool) {}

  async get(docId: string): Promise<SourceFileRecord | undefined> {
    const row = (
      await this.pool.query<SourceRow>(
        'SELECT doc_id, name, format, created_at, created_by, bytes, skeleton, paragraph_ids FROM source_files WHERE doc_id = $1',
        [docId],
      )
    ).rows[0];
    if (!row) return undefined;
    return {
      docId: row.doc_id,
      name: row.name,
      format: row.format,
      createdAt: isoOf(row.created_at),
      createdBy: row.created_by,
      bytes: row.bytes,
      skeleton: row.skeleton,
      paragraphIds: row.paragraph_ids,
    };
  }

  async put(r: SourceFileRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO source_files (doc_id, name, format, created_at, created_by, bytes, skeleton, paragraph_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (doc_id) DO UPDATE SET name = EXCLUDED.name, format = EXCLUDED.format, created_at = EXCLUDED.created_at,
         created_by = EXCLUDED.created_by, bytes = EXCLUDED.bytes, skeleton = EXCLUDED.skeleton, paragraph_ids = EXCLUDED.paragraph_ids`,
      [r.docId, r.name, r.format, r.createdAt, r.createdBy, r.bytes, JSON.stringify(r.skeleton), JSON.stringify(r.paragraphIds)],
    );
  }

  async remove(docId: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM source_files WHERE doc_id = $1', [docId])).rowCount ?? 0) > 0;
  }

  async ids(): Promise<string[]> {
    return (await this.pool.query<{ doc_id: string }>('SELECT doc_id FROM source_files ORDER BY doc_id COLLATE "C"')).rows.map(
      (r) => r.doc_id,
    );
  }
}
