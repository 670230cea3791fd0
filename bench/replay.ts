import { createStorage } from '../server/src/storage/index.js';
import { emptyCell, type DocEvent, type Lang } from '../shared/index.js';

/**
 * Writes a journal of `edits` cell edits (plus the document.created event) through
 * the real storage API, without checkpointing, so that a restart must replay all of it.
 */
export async function writeJournal(dataDir: string, edits: number): Promise<string> {
  const storage = await createStorage({ dataDir, log: () => {} });
  await storage.documents.load();
  const docId = 'benchreplay';
  const langs: Lang[] = ['zh', 'ru', 'kk', 'uz'];
  const paragraphs = Array.from({ length: 200 }, (_, i) => ({
    id: `p${i}`,
    cells: {
      en: { ...emptyCell(), text: `Paragraph ${i} of the replay benchmark.`, rev: 1, status: 'draft' as const },
      zh: emptyCell(),
      ru: emptyCell(),
      kk: emptyCell(),
      uz: emptyCell(),
    },
  }));
  const at = new Date().toISOString();
  const created: DocEvent = {
    docId,
    seq: 1,
    at,
    by: 'bench',
    opId: null,
    type: 'document.created',
    doc: { id: docId, title: 'Replay benchmark', sourceLang: 'en', targetLangs: langs, createdAt: at, createdBy: 'bench', paragraphs },
  };
  await storage.documents.append([created]);
  const revs = new Map<string, number>();
  const batch: DocEvent[] = [];
  for (let n = 0; n < edits; n++) {
    const p = `p${n % 200}`;
    const lang = langs[Math.floor(n / 200) % 4]!;
    const key = `${p}:${lang}`;
    const rev = (revs.get(key) ?? 0) + 1;
    revs.set(key, rev);
    batch.push({
      docId,
      seq: n + 2,
      at,
      by: 'bench',
      opId: `bench${n.toString(36).padStart(8, '0')}`,
      type: 'cell.edited',
      paragraphId: p,
      lang,
      kind: 'edit',
      text: `Перевод абзаца ${n}: саммит «Китай — Центральная Азия».`,
      rev,
      status: 'draft',
    });
    if (batch.length === 1000) await storage.documents.append(batch.splice(0));
  }
  if (batch.length) await storage.documents.append(batch.splice(0));
  await storage.close();
  return docId;
}
