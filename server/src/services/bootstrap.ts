import { readFile } from 'node:fs/promises';
import { demoDocumentPath } from '../paths.js';
import type { DocumentService } from './documents/index.js';
import type { UserService } from './users.js';

export const DEMO_TITLE = 'China–Central Asia Summit';

export interface BootstrapResult {
  /** Set when this was the first start and the admin password was generated. */
  generatedAdminPassword: string | null;
  firstStart: boolean;
  demoDocId: string | null;
}

/**
 * First start (no users at all): create `admin`, and open with the demo
 * document. Later starts change nothing, so a demo someone deleted stays deleted.
 */
export async function bootstrap(deps: {
  users: UserService;
  documents: DocumentService;
  adminPassword: string | undefined;
}): Promise<BootstrapResult> {
  const admin = await deps.users.ensureAdmin(deps.adminPassword);
  if (!admin) return { generatedAdminPassword: null, firstStart: false, demoDocId: null };
  let demoDocId: string | null = null;
  if (deps.documents.reads.count() === 0) {
    const paragraphs = (await readFile(demoDocumentPath(), 'utf8'))
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const summary = await deps.documents.engine.create(
      { title: DEMO_TITLE, sourceLang: 'en', targetLangs: ['zh', 'ru', 'kk', 'uz'], paragraphs },
      'system',
    );
    demoDocId = summary.id;
  }
  return { generatedAdminPassword: admin.generatedPassword, firstStart: true, demoDocId };
}
