import type {
  BatchAck,
  CellEditAck,
  CellEditPayload,
  CellKeepTheirsPayload,
  CellRestorePayload,
  CellStatusAck,
  CellStatusPayload,
  CommentAck,
  CommentAddPayload,
  CommentResolvePayload,
  DocSettingsPayload,
  DocumentState,
  ParagraphDeletePayload,
  ParagraphInsertPayload,
  ParagraphJoinPayload,
  ParagraphOpAck,
  ParagraphSplitPayload,
  PretranslateResult,
  ReviewBatchPayload,
  SeqAck,
} from '../../../../shared/index.js';
import { docLangs } from '../../../../shared/index.js';
import type { Glossary } from '../../../../shared/qa/types.js';
import { decideCellEdit } from '../../../../shared/decide/decideCell.js';
import { decideKeepTheirs } from '../../../../shared/decide/decideKeepTheirs.js';
import { decideDelete, decideInsert, decideJoin, decideSplit } from '../../../../shared/decide/decideParagraph.js';
import { decideBatch, decideComment, decideResolve, decideRestore, decideSettings } from '../../../../shared/decide/decideReview.js';
import { decideStatus } from '../../../../shared/decide/decideStatus.js';
import type { Decision } from '../../../../shared/decide/decision.js';
import { newId, opDerivedId } from '../ids.js';
import type { CommitEngine, Committed } from './engine.js';
import { precheckApprovals } from './precheck.js';
import type { DocumentRegistry } from './registry.js';

export interface DocumentOpsDeps {
  engine: CommitEngine;
  registry: DocumentRegistry;
  /** The project glossary, for the checks that gate approval (it lives beside the documents, not in them). */
  glossary?: () => Glossary | undefined;
}

/**
 * Every single-step change, each one pure decision (shared/decide) committed
 * through the engine. Who may is checked by the caller; multi-step use cases
 * (mentions and notifications, the four-eyes rule of imports) are in
 * server/src/commands.
 */
export class DocumentOps {
  private readonly engine: CommitEngine;
  private readonly registry: DocumentRegistry;
  private readonly glossary: () => Glossary | undefined;

  constructor(deps: DocumentOpsDeps) {
    this.engine = deps.engine;
    this.registry = deps.registry;
    this.glossary = deps.glossary ?? (() => undefined);
  }

  async editCell(input: CellEditPayload, by: string): Promise<CellEditAck> {
    return (await this.engine.commit(input.docId, input.opId, 'cell', by, (doc) => decideCellEdit(doc, input))).ack;
  }

  /** "Keep theirs" after a clash: the given-up text becomes a conflict revision (decideKeepTheirs). */
  async keepTheirs(input: CellKeepTheirsPayload, by: string): Promise<CellEditAck> {
    return (await this.engine.commit(input.docId, input.opId, 'cell', by, (doc) => decideKeepTheirs(doc, input))).ack;
  }

  async setStatus(input: CellStatusPayload, by: string): Promise<CellStatusAck> {
    return (await this.reviewCell(input, by)).ack;
  }

  /** A status step; `mentions`: user ids named in a request-changes reason, kept on the comment it becomes. */
  reviewCell(input: CellStatusPayload, by: string, mentions: readonly string[] = []): Promise<Committed<CellStatusAck>> {
    const decide = (doc: DocumentState): Decision<CellStatusAck> =>
      decideStatus(doc, input, by, () => newId('c_'), this.glossary(), mentions);
    return this.engine.commit(input.docId, input.opId, 'status', by, decide);
  }

  async restoreRevision(input: CellRestorePayload, by: string): Promise<CellEditAck> {
    return (await this.engine.commit(input.docId, input.opId, 'cell', by, (doc) => decideRestore(doc, input))).ack;
  }

  /** `applied` is false on a retry: the comment (its id derives from the opId) is already there. */
  addComment(input: CommentAddPayload, mentions: string[], by: string): Promise<Committed<CommentAck>> {
    const commentId = opDerivedId('c_', input.docId, by, input.opId);
    return this.engine.commit(input.docId, input.opId, 'comment', by, (doc) => decideComment(doc, input, mentions, commentId));
  }

  async resolveComment(input: CommentResolvePayload, by: string): Promise<SeqAck> {
    return (await this.engine.commit(input.docId, input.opId, 'seq', by, (doc) => decideResolve(doc, input))).ack;
  }

  async reviewBatch(input: ReviewBatchPayload, action: 'approve' | 'submit', by: string): Promise<BatchAck> {
    const rt = await this.registry.open(input.docId);
    // The checks run first, in slices (precheck.ts), so other editors are not held up; a retry needs none.
    const prechecked =
      action === 'approve' && !rt.op(by, input.opId) && docLangs(rt.doc).includes(input.lang)
        ? await precheckApprovals(rt.doc, input.lang, this.glossary())
        : undefined;
    const decide = (doc: DocumentState): Decision<BatchAck> => decideBatch(doc, input.lang, action, by, this.glossary(), prechecked);
    return (await this.engine.commit(input.docId, input.opId, 'batch', by, decide)).ack;
  }

  async updateSettings(input: DocSettingsPayload, by: string): Promise<SeqAck> {
    return (await this.engine.commit(input.docId, input.opId, 'seq', by, (doc) => decideSettings(doc, input))).ack;
  }

  async insertParagraph(input: ParagraphInsertPayload, by: string): Promise<ParagraphOpAck> {
    const id = opDerivedId('p_', input.docId, by, input.opId);
    return (await this.engine.commit(input.docId, input.opId, 'paragraph', by, (doc) => decideInsert(doc, input, id))).ack;
  }

  async deleteParagraph(input: ParagraphDeletePayload, by: string): Promise<ParagraphOpAck> {
    return (await this.engine.commit(input.docId, input.opId, 'paragraph', by, (doc) => decideDelete(doc, input))).ack;
  }

  async splitParagraph(input: ParagraphSplitPayload, by: string): Promise<ParagraphOpAck> {
    const decide = (doc: DocumentState): Decision<ParagraphOpAck> => decideSplit(doc, input, () => newId('p_'));
    return (await this.engine.commit(input.docId, input.opId, 'paragraph', by, decide)).ack;
  }

  async joinParagraph(input: ParagraphJoinPayload, by: string): Promise<ParagraphOpAck> {
    return (await this.engine.commit(input.docId, input.opId, 'paragraph', by, (doc) => decideJoin(doc, input))).ack;
  }

  /**
   * Fills cells from the translation memory (server/src/tm/pretranslate.ts
   * decides which): ordinary `cell.edited` events, so they are journaled,
   * broadcast and in history like any edit. The server names the operation.
   */
  async pretranslate(docId: string, by: string, decide: (doc: DocumentState) => Decision<PretranslateResult>): Promise<PretranslateResult> {
    return (await this.engine.commit(docId, newId('pretranslate_'), 'pretranslate', by, decide)).ack;
  }

  /**
   * Applies an import (cell texts from a file as `import` revisions, decided
   * in services/interchange): ordinary events, journaled, broadcast and in
   * history like any edit. The server names the operation.
   */
  async importCells(docId: string, by: string, decide: (doc: DocumentState) => Decision<SeqAck>): Promise<SeqAck> {
    return (await this.engine.commit(docId, newId('import_'), 'seq', by, decide)).ack;
  }
}
