import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSnapshot, Lang } from '../../../../../shared/index.js';
import type { PreviewLink, TranslationPreviewDto } from '../../../../../shared/protocol/interchange.js';
import { replacedCells } from '../../../../../shared/interchange/replaced.js';
import { interchangeApi } from '../../../api/interchange.js';
import type { InterchangeApi } from '../../../api/interchange.js';
import { errorKey } from '../../i18n/index.js';
import { AlignmentPreview } from './AlignmentPreview.js';
import { Modal } from '../../../app/Modal.js';
import { ImportReportView } from './ImportReportView.js';
import { SOURCE_ACCEPT, SOURCE_FORMATS_LABEL } from './SourceFileInput.js';

/**
 * Import an existing translation: pick the language and the file, see the
 * proposed alignment (nothing written yet), correct it, then commit. The
 * imported cells arrive as drafts of kind `import`, or approved when the user
 * says the text was reviewed (only offered to reviewers of that language).
 * Cells that already hold a translation are marked in the preview, and the
 * import asks before it overwrites them.
 */
export function ImportTranslationDialog({
  doc,
  langs,
  mayApprove,
  onClose,
  api = interchangeApi,
}: {
  doc: DocumentSnapshot;
  /** The target languages this user may write. */
  langs: Lang[];
  mayApprove: (lang: Lang) => boolean;
  onClose: () => void;
  api?: Pick<InterchangeApi, 'previewTranslation' | 'commitTranslation'>;
}) {
  const { t } = useTranslation('interchange');
  const { t: tBase } = useTranslation();
  const [lang, setLang] = useState<Lang>(langs[0] ?? doc.targetLangs[0]!);
  const [file, setFile] = useState<File | null>(null);
  const [approved, setApproved] = useState(false);
  const [preview, setPreview] = useState<TranslationPreviewDto | null>(null);
  const [links, setLinks] = useState<PreviewLink[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const replaced = useMemo(
    () => (preview ? replacedCells(doc.paragraphs, preview.lang, preview.target, links) : []),
    [doc.paragraphs, preview, links],
  );
  const replacedById = useMemo(() => new Map(replaced.map((r) => [r.paragraphId, r])), [replaced]);

  async function align(): Promise<void> {
    if (!file) return;
    setBusy(true);
    setError(null);
    const r = await api.previewTranslation(doc.id, file, file.name, lang);
    setBusy(false);
    if (!r.ok) return setError(r.error.code);
    setPreview(r.data);
    setLinks(r.data.links);
  }

  async function commit(confirmed: boolean): Promise<void> {
    if (!preview) return;
    if (replaced.length > 0 && !confirmed) return setConfirming(true);
    setConfirming(false);
    setBusy(true);
    setError(null);
    const body = {
      lang: preview.lang,
      target: preview.target,
      links: links.map(({ paragraphIds, target }) => ({ paragraphIds, target })),
      approved: approved && mayApprove(preview.lang),
    };
    const r = await api.commitTranslation(doc.id, body);
    setBusy(false);
    if (!r.ok) return setError(r.error.code);
    setDone(r.data.edited);
  }

  return (
    <Modal className="interchange-modal" title={t('translation.title')} id="import-translation-title" onClose={onClose}>
      {!preview && (
        <div className="import-choose">
          <label>
            {t('translation.lang')}
            <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
              {langs.map((l) => (
                <option key={l} value={l}>
                  {tBase(`langs.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('translation.file')} <span className="muted">({SOURCE_FORMATS_LABEL})</span>
            <input type="file" accept={SOURCE_ACCEPT} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </label>
          {mayApprove(lang) && (
            <label className="check">
              <input type="checkbox" checked={approved} onChange={(e) => setApproved(e.target.checked)} />
              {t('translation.approved')}
            </label>
          )}
          <button type="button" className="primary" disabled={!file || busy} onClick={() => void align()}>
            {busy ? t('translation.aligning') : t('translation.align')}
          </button>
        </div>
      )}
      {preview && done === null && (
        <>
          <ImportReportView report={preview.report} name={file?.name ?? ''} />
          {replaced.length > 0 && (
            <p role="status" className="warning" data-testid="import-replaces">
              {t('translation.replaces', { count: replaced.length })}
            </p>
          )}
          <AlignmentPreview
            doc={doc}
            lang={preview.lang}
            target={preview.target}
            links={links}
            replaced={replacedById}
            onChange={(l) => {
              setConfirming(false);
              setLinks(l);
            }}
          />
          {confirming ? (
            <div role="alertdialog" aria-labelledby="import-confirm" className="import-confirm">
              <p id="import-confirm">{t('translation.confirm', { count: replaced.length })}</p>
              <button type="button" className="primary" disabled={busy} onClick={() => void commit(true)}>
                {t('translation.confirmReplace', { count: replaced.length })}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('translation.confirmCancel')}
              </button>
            </div>
          ) : (
            <button type="button" className="primary" disabled={busy} onClick={() => void commit(false)}>
              {busy ? t('translation.committing') : t('translation.commit')}
            </button>
          )}
        </>
      )}
      {done !== null && (
        <p role="status" data-testid="import-done">
          {done === 0 ? t('translation.nothing') : t('translation.done', { count: done })}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {tBase(errorKey(error))}
        </p>
      )}
      <button type="button" onClick={onClose}>
        {t('translation.close')}
      </button>
    </Modal>
  );
}
