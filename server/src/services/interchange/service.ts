import { AppError, docLangs } from '../../../../shared/index.js';
import type { DocumentSnapshot, Lang, SeqAck } from '../../../../shared/index.js';
import { alignParagraphs, planFromLinks } from '../../../../shared/align/index.js';
import { cleanText } from '../../../../shared/interchange/clean.js';
import { stripTags } from '../../../../shared/inline/index.js';
import { toIndexLinks, toPreviewLinks } from '../../../../shared/interchange/links.js';
import type {
  ExportFormat,
  ExportMode,
  ImportResultDto,
  InterchangeDocumentDto,
  ParsedSourceDto,
  TranslationCommitBody,
  UntranslatedPolicy,
  TranslationPreviewDto,
} from '../../../../shared/protocol/interchange.js';
import {
  exportHtml,
  exportMarkdown,
  exportTmx,
  exportView,
  exportXliff12,
  exportXliff2,
  planXliffImport,
  planDocumentFromFile,
  exportPo,
  toParsedSource,
} from '../../interchange/index.js';
import { inThreadParser } from '../../interchange/offThread/index.js';
import type { FileParser } from '../../interchange/offThread/index.js';
import type { DocumentOps, DocumentService } from '../documents/index.js';
import type { SourceOptions } from '../../interchange/sources/index.js';
import type { SourceFileStore } from '../../storage/index.js';
import { OriginalFiles } from './original.js';
import { decideImport, decideNotes } from './decideImport.js';
import { newId } from '../ids.js';
import type { ImportCounts, ImportEdit } from './decideImport.js';

export interface ExportedFile {
  fileName: string;
  contentType: string;
  body: string | Buffer;
  /** original: paragraphs written in the source language / with repaired tags (for the CLI's report). */
  untranslated?: number;
  /** original PO: untranslated messages were written with an empty msgstr, not the source text. */
  untranslatedEmpty?: boolean;
  repaired?: number;
}

/**
 * Import and export as named use cases over DocumentService: parsing and
 * planning are pure (shared/ and server/src/interchange/), writes go through
 * `DocumentOps.importCells`, so every imported cell is a journaled, broadcast
 * `import` revision. Who may is decided by the caller (the route or the CLI).
 */
export class InterchangeService {
  /** Documents made from DOCX/HTML/Markdown files and the export of those files translated. */
  readonly original: OriginalFiles;
  private readonly ops: DocumentOps;

  constructor(
    private readonly documents: DocumentService,
    sources: SourceFileStore,
    /** How uploaded files are read: in a worker thread on the server, in-thread on the command line (offThread/). */
    private readonly parser: FileParser = inThreadParser,
  ) {
    this.original = new OriginalFiles(documents, sources, parser);
    this.ops = documents.ops();
  }

  async parseSource(bytes: Buffer, q: SourceOptions): Promise<ParsedSourceDto> {
    return toParsedSource(await this.parser.source(bytes, q));
  }

  /** The translation's paragraphs aligned with the source column; writes nothing. */
  async previewTranslation(docId: string, bytes: Buffer, q: SourceOptions): Promise<TranslationPreviewDto> {
    const doc = await this.documents.reads.snapshot(docId);
    requireTarget(doc, q.lang);
    // A translation's own inline codes are not the document's: its paragraphs are aligned and imported as plain text.
    const parsed = await this.parseSource(bytes, q);
    const source = doc.paragraphs.map((p) => stripTags(p.cells[doc.sourceLang]?.text ?? ''));
    const links = alignParagraphs(source, parsed.paragraphs, { sourceLang: doc.sourceLang, targetLang: q.lang });
    return {
      lang: q.lang,
      target: parsed.paragraphs,
      links: toPreviewLinks(
        links,
        doc.paragraphs.map((p) => p.id),
      ),
      report: parsed.report,
    };
  }

  /** Applies a (possibly edited) alignment, decided against the document as it is at that moment. */
  async commitTranslation(docId: string, body: TranslationCommitBody, by: string): Promise<ImportResultDto> {
    const target = body.target.map((t) => cleanText(t).text);
    let review: string[] = [];
    let counts: ImportCounts = { edited: 0, unchanged: 0 };
    const ack: SeqAck = await this.ops.importCells(docId, by, (doc) => {
      requireTarget(doc, body.lang);
      const linked = toIndexLinks(
        body.links,
        doc.paragraphs.map((p) => p.id),
        target.length,
      );
      if (!linked.ok) {
        throw linked.paragraphId
          ? new AppError('paragraph_not_found', linked.reason, { paragraphId: linked.paragraphId })
          : new AppError('bad_request', `alignment refused: ${linked.reason}`);
      }
      const plan = planFromLinks(doc.paragraphs, body.lang, target, linked.links, 0);
      review = plan.review;
      const edits: ImportEdit[] = plan.edits.map((e) => ({ ...e, status: body.approved && e.text !== '' ? 'approved' : e.status }));
      const decision = decideImport(doc, edits);
      counts = { edited: decision.counts.edited, unchanged: decision.counts.unchanged + plan.unchanged };
      return decision;
    });
    return { seq: ack.seq, ...counts, review, warnings: [] };
  }

  /**
   * XLIFF 2.x / 1.2 or gettext PO back into the document (planXliffImport:
   * units matched by id, reference or source text), all or nothing. `allow`
   * is asked once the file's language is known: it throws when the user may
   * not write that language, and says whether they may approve in it; if not,
   * approved units arrive as in_review (a translator may import, only a
   * reviewer may approve, and only where the document allows approving one's
   * own revisions — an imported revision is the importer's). `lang` names the
   * target language of a file that names none (translate-toolkit's po2xliff).
   */
  async importXliff(
    docId: string,
    bytes: Buffer,
    by: string,
    allow: (lang: Lang) => { approve: boolean },
    opts: { name?: string | undefined; lang?: Lang | undefined } = {},
  ): Promise<ImportResultDto> {
    const read = await this.parser.translation(bytes, opts.name);
    if (read.format === 'tmx')
      throw new AppError('unsupported_format', 'a TMX file goes to the translation memory (POST /api/tm/import), not into a document');
    const doc = await this.documents.reads.snapshot(docId);
    const plan = planXliffImport(doc, read.xliff, { lang: opts.lang });
    if (!plan.ok)
      throw new AppError('units_mismatch', plan.problems[0]?.message ?? 'the file does not fit the document', { problems: plan.problems });
    const lang = plan.value.lang;
    const mayApprove = allow(lang).approve;
    const edits: ImportEdit[] = plan.value.edits.map((e) => ({
      ...e,
      status: e.status === 'approved' && !mayApprove ? 'in_review' : e.status,
    }));
    let counts: ImportCounts = { edited: 0, unchanged: 0 };
    const ack = await this.ops.importCells(docId, by, (current) => {
      const decision = decideImport(current, edits);
      counts = decision.counts;
      return decision;
    });
    return { seq: ack.seq, ...counts, review: [], warnings: plan.value.warnings, matched: plan.value.matched };
  }

  /**
   * A new document from an XLIFF, PO or TMX file (planDocumentFromFile): the
   * file's ids, source texts, translations and statuses, and its notes to the
   * translator as comments on their rows. Created, then its
   * translations written as one `import` operation; `allow` says, per
   * language, whether approved texts may stay approved (else in_review).
   * A PO or POT file is kept for the export as the original (OriginalFiles.keepPo).
   */
  async createFromFile(
    bytes: Buffer,
    q: {
      name: string;
      title?: string | undefined;
      sourceLang?: Lang | undefined;
      targetLangs?: Lang[] | undefined;
      lang?: Lang | undefined;
    },
    by: string,
    allow: (lang: Lang) => { approve: boolean },
  ): Promise<InterchangeDocumentDto> {
    const read = await this.parser.translation(bytes, q.name);
    const plan = planDocumentFromFile(read, { sourceLang: q.sourceLang, targetLangs: q.targetLangs, lang: q.lang });
    if (!plan.ok)
      throw new AppError('import_refused', plan.problems[0]?.message ?? 'no document in this file', { problems: plan.problems });
    const v = plan.value;
    const title = q.title ?? (v.title?.trim() || q.name.replace(/\.[A-Za-z0-9]+$/u, '') || q.name);
    const summary = await this.documents.engine.create(
      { title: title.slice(0, 300), sourceLang: v.sourceLang, targetLangs: v.targetLangs, paragraphs: v.paragraphs.map((p) => p.source) },
      by,
      v.paragraphs.map((p) => p.id),
    );
    const created = await this.documents.reads.snapshot(summary.id);
    const approve = new Map(v.targetLangs.map((l) => [l, allow(l).approve]));
    const edits: ImportEdit[] = v.cells.map((c) => ({
      paragraphId: created.paragraphs[c.index]!.id,
      lang: c.lang,
      text: c.text,
      status: c.status === 'approved' && !approve.get(c.lang) ? 'in_review' : c.status,
    }));
    if (edits.length > 0) await this.ops.importCells(summary.id, by, (current) => decideImport(current, edits));
    const notes = v.notes.map((n) => ({ paragraphId: created.paragraphs[n.index]!.id, text: n.text }));
    if (notes.length > 0) await this.ops.importCells(summary.id, by, (current) => decideNotes(current, notes, () => newId('c_')));
    const keepsOriginal = read.format === 'po' && (await this.original.keepPo(summary.id, q.name, bytes, by));
    return {
      docId: summary.id,
      title: summary.title,
      format: read.format,
      paragraphs: v.paragraphs.length,
      translated: edits.length,
      warnings: v.warnings,
      keepsOriginal,
    };
  }

  async exportFile(
    docId: string,
    q: { format: ExportFormat; langs?: Lang[] | undefined; mode: ExportMode; untranslated?: UntranslatedPolicy | undefined },
  ): Promise<ExportedFile> {
    const doc = await this.documents.reads.snapshot(docId);
    const view = exportView(doc, q.mode);
    const base = slug(doc.title) || doc.id;
    const one = (): Lang => {
      const lang = q.langs?.[0];
      if (!lang || q.langs?.length !== 1) throw new AppError('bad_request', `${q.format} export needs exactly one language (langs=…)`);
      return lang;
    };
    switch (q.format) {
      case 'xliff2': {
        const lang = requireTarget(doc, one());
        return { fileName: `${base}.${lang}.xlf`, contentType: 'application/xliff+xml; charset=utf-8', body: exportXliff2(view, lang) };
      }
      case 'xliff12': {
        const lang = requireTarget(doc, one());
        return {
          fileName: `${base}.${lang}.xliff12.xlf`,
          contentType: 'application/xliff+xml; charset=utf-8',
          body: exportXliff12(view, lang),
        };
      }
      case 'po': {
        const lang = requireTarget(doc, one());
        return { fileName: `${base}.${lang}.po`, contentType: 'text/x-gettext-translation; charset=utf-8', body: exportPo(view, lang) };
      }
      case 'tmx':
        // Approved pairs only, whatever the mode: a memory must not learn drafts.
        return {
          fileName: `${base}.tmx`,
          contentType: 'application/x-tmx+xml; charset=utf-8',
          body: exportTmx(exportView(doc, 'approved')),
        };
      case 'html': {
        const langs = q.langs ?? docLangs(doc);
        for (const l of langs) requireLang(doc, l);
        return { fileName: `${base}.html`, contentType: 'text/html; charset=utf-8', body: exportHtml(view, langs) };
      }
      case 'md': {
        const lang = requireLang(doc, one());
        return { fileName: `${base}.${lang}.md`, contentType: 'text/markdown; charset=utf-8', body: exportMarkdown(view, lang) };
      }
      case 'original':
        return this.original.export(docId, { lang: one(), mode: q.mode, untranslated: q.untranslated ?? 'source' });
    }
  }
}

function requireLang(doc: Pick<DocumentSnapshot, 'id' | 'sourceLang' | 'targetLangs'>, lang: Lang): Lang {
  if (!docLangs(doc).includes(lang)) throw new AppError('language_not_in_document', `document ${doc.id} has no ${lang} column`);
  return lang;
}

function requireTarget(doc: Pick<DocumentSnapshot, 'id' | 'sourceLang' | 'targetLangs'>, lang: Lang): Lang {
  if (!doc.targetLangs.includes(lang))
    throw new AppError('language_not_in_document', `${lang} is not a target language of document ${doc.id}`);
  return lang;
}

/** A file name from a title: letters of any script kept, the rest dashes. */
export function slug(title: string): string {
  return title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 80);
}
