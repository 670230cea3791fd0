import type { Lang } from '../../shared/index.js';
import type { ApiClient } from '../helpers/http.js';
import { call, connect, opId } from '../helpers/socket.js';
import type { AnorSocket } from '../helpers/socket.js';

/**
 * Approvals as the workbench makes them, over the real socket: the
 * translator writes and submits, the admin (a different person, since
 * self-approval is off by default) approves that very revision.
 */
export class Approver {
  private constructor(
    private readonly translator: AnorSocket,
    private readonly reviewer: AnorSocket,
    private readonly docId: string,
    private readonly revs: Map<string, number>,
  ) {}

  static async open(baseUrl: string, translator: ApiClient, reviewer: ApiClient, docId: string): Promise<Approver> {
    const t = await connect(baseUrl, translator.cookie);
    const r = await connect(baseUrl, reviewer.cookie);
    const joined = await call(t, 'doc:join', { docId });
    if (!joined?.ok || joined.data.mode !== 'snapshot') throw new Error('join failed');
    const revs = new Map<string, number>();
    for (const p of joined.data.doc.paragraphs) for (const [l, c] of Object.entries(p.cells)) revs.set(`${p.id}:${l}`, c.rev);
    const rj = await call(r, 'doc:join', { docId });
    if (!rj?.ok) throw new Error('reviewer join failed');
    return new Approver(t, r, docId, revs);
  }

  /** Writes a draft; returns its revision. */
  async write(paragraphId: string, lang: Lang, text: string): Promise<number> {
    const key = `${paragraphId}:${lang}`;
    const a = await call(this.translator, 'cell:edit', {
      docId: this.docId,
      paragraphId,
      lang,
      opId: opId(),
      baseRev: this.revs.get(key) ?? 0,
      text,
    });
    if (!a?.ok) throw new Error(`edit refused: ${a ? a.error.code : 'disconnected'}`);
    this.revs.set(key, a.data.rev);
    return a.data.rev;
  }

  /** Writes and submits for review; returns the revision in review. */
  async submit(paragraphId: string, lang: Lang, text: string): Promise<number> {
    const rev = await this.write(paragraphId, lang, text);
    const s = await call(this.translator, 'cell:status', { docId: this.docId, paragraphId, lang, opId: opId(), rev, status: 'in_review' });
    if (!s?.ok) throw new Error(`submit refused: ${s ? s.error.code : 'disconnected'}`);
    return rev;
  }

  async approve(paragraphId: string, lang: Lang, text: string): Promise<void> {
    const rev = await this.submit(paragraphId, lang, text);
    const a = await call(this.reviewer, 'cell:status', { docId: this.docId, paragraphId, lang, opId: opId(), rev, status: 'approved' });
    if (!a?.ok) throw new Error(`approval refused: ${a ? a.error.code : 'disconnected'}`);
  }

  close(): void {
    this.translator.close();
    this.reviewer.close();
  }
}
