import type { Pool } from 'pg';
import type { GlossaryStore, GlossaryTermRecord, ShareRecord, ShareStore, TmEntryRecord, TmStore } from '../types.js';
import { inTransaction } from './pool.js';
import { isoOf, isoOrNull } from './rows.js';

interface ShareRow {
  id: string;
  doc_id: string;
  token_hash: string;
  created_at: Date;
  created_by: string;
  expires_at: Date | null;
}

const SHARE_COLUMNS = 'id, doc_id, token_hash, created_at, created_by, expires_at';

const toShare = (r: ShareRow): ShareRecord => ({
  id: r.id,
  docId: r.doc_id,
  tokenHash: r.token_hash,
  createdAt: isoOf(r.created_at),
  createdBy: r.created_by,
  expiresAt: isoOrNull(r.expires_at),
});

/** Share links in `shares`; a token hash is found by its unique index, not a scan. */
export class PgShareStore implements ShareStore {
  constructor(private readonly pool: Pool) {}

  async list(): Promise<ShareRecord[]> {
    return (await this.pool.query<ShareRow>(`SELECT ${SHARE_COLUMNS} FROM shares ORDER BY ord`)).rows.map(toShare);
  }

  async findByTokenHash(tokenHash: string): Promise<ShareRecord | undefined> {
    const row = (await this.pool.query<ShareRow>(`SELECT ${SHARE_COLUMNS} FROM shares WHERE token_hash = $1`, [tokenHash])).rows[0];
    return row && toShare(row);
  }

  async add(s: ShareRecord): Promise<void> {
    await this.pool.query(`INSERT INTO shares (${SHARE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`, [
      s.id,
      s.docId,
      s.tokenHash,
      s.createdAt,
      s.createdBy,
      s.expiresAt,
    ]);
  }

  async remove(id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM shares WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  async removeForDocument(docId: string): Promise<ShareRecord[]> {
    const rows = (
      await this.pool.query<ShareRow & { ord: string }>(`DELETE FROM shares WHERE doc_id = $1 RETURNING ord, ${SHARE_COLUMNS}`, [docId])
    ).rows;
    return rows.sort((a, b) => Number(a.ord) - Number(b.ord)).map(toShare);
  }
}

interface TmRow {
  id: string;
  texts: TmEntryRecord['texts'];
  imported_at: Date;
  imported_by: string;
  source: string | null;
}

/** TMX-imported memory entries in `tm_entries`. */
export class PgTmStore implements TmStore {
  constructor(private readonly pool: Pool) {}

  async list(): Promise<TmEntryRecord[]> {
    const rows = (await this.pool.query<TmRow>('SELECT id, texts, imported_at, imported_by, source FROM tm_entries ORDER BY ord')).rows;
    return rows.map((r) => ({ id: r.id, texts: r.texts, importedAt: isoOf(r.imported_at), importedBy: r.imported_by, source: r.source }));
  }

  async addMany(entries: readonly TmEntryRecord[]): Promise<void> {
    if (entries.length === 0) return;
    // One statement, so the whole import is one durable write, as in tm.json; unnest keeps the entries' order.
    await this.pool.query(
      `INSERT INTO tm_entries (id, texts, imported_at, imported_by, source)
       SELECT t.id, t.texts, t.imported_at, t.imported_by, t.source
       FROM unnest($1::text[], $2::jsonb[], $3::timestamptz[], $4::text[], $5::text[])
         WITH ORDINALITY AS t(id, texts, imported_at, imported_by, source, n)
       ORDER BY t.n`,
      [
        entries.map((e) => e.id),
        entries.map((e) => JSON.stringify(e.texts)),
        entries.map((e) => e.importedAt),
        entries.map((e) => e.importedBy),
        entries.map((e) => e.source),
      ],
    );
  }
}

interface TermRow {
  id: string;
  term: Omit<GlossaryTermRecord, 'id' | 'updatedAt' | 'updatedBy'>;
  updated_at: Date;
  updated_by: string;
}

const toTerm = (r: TermRow): GlossaryTermRecord => ({ ...r.term, id: r.id, updatedAt: isoOf(r.updated_at), updatedBy: r.updated_by });

function termParams(t: GlossaryTermRecord): unknown[] {
  const { id, updatedAt, updatedBy, ...term } = t;
  return [id, JSON.stringify(term), updatedAt, updatedBy];
}

/** The glossary in `glossary_terms`; a replaced term keeps its place in the list, as in glossary.json. */
export class PgGlossaryStore implements GlossaryStore {
  constructor(private readonly pool: Pool) {}

  async list(): Promise<GlossaryTermRecord[]> {
    return (await this.pool.query<TermRow>('SELECT id, term, updated_at, updated_by FROM glossary_terms ORDER BY ord')).rows.map(toTerm);
  }

  async putMany(terms: readonly GlossaryTermRecord[]): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      for (const t of terms) {
        await client.query(
          `INSERT INTO glossary_terms (id, term, updated_at, updated_by) VALUES ($1, $2, $3, $4)
           ON CONFLICT (id) DO UPDATE SET term = EXCLUDED.term, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
          termParams(t),
        );
      }
    });
  }

  async remove(id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM glossary_terms WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  async replaceAll(terms: readonly GlossaryTermRecord[]): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query('DELETE FROM glossary_terms');
      for (const t of terms)
        await client.query('INSERT INTO glossary_terms (id, term, updated_at, updated_by) VALUES ($1, $2, $3, $4)', termParams(t));
    });
  }
}
