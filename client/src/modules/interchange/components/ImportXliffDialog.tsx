import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../../shared/languages.js';
import type { ImportResultDto } from '../../../../../shared/protocol/interchange.js';
import { interchangeApi } from '../../../api/interchange.js';
import type { InterchangeApi } from '../../../api/interchange.js';
import { errorKey } from '../../i18n/index.js';
import { Modal } from '../../../app/Modal.js';

/** An XLIFF or PO file (exported from this document and translated elsewhere) back in: by unit id, reference or source text. */
export function ImportXliffDialog({
  docId,
  targetLangs,
  onClose,
  api = interchangeApi,
}: {
  docId: string;
  /** Offered for a file that names no target language (translate-toolkit's po2xliff output, a PO without Language). */
  targetLangs: readonly Lang[];
  onClose: () => void;
  api?: Pick<InterchangeApi, 'importXliff'>;
}) {
  const { t } = useTranslation('interchange');
  const { t: tBase } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [lang, setLang] = useState<Lang | ''>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResultDto | null>(null);

  async function run(): Promise<void> {
    if (!file) return;
    setBusy(true);
    setError(null);
    const r = await api.importXliff(docId, file, file.name, lang || undefined);
    setBusy(false);
    if (r.ok) setResult(r.data);
    else setError(r.error.code);
  }

  return (
    <Modal className="interchange-modal" title={t('xliff.title')} id="import-xliff-title" onClose={onClose}>
      <label>
        {t('xliff.file')}
        <input
          type="file"
          accept=".xlf,.xliff,.xml,.po,application/xliff+xml,text/x-gettext-translation"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      <label>
        {t('xliff.lang')}
        <select value={lang} onChange={(e) => setLang(e.target.value as Lang | '')}>
          <option value="">{t('fromFile.asInFile')}</option>
          {targetLangs.map((l) => (
            <option key={l} value={l}>
              {tBase(`langs.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="primary" disabled={!file || busy} onClick={() => void run()}>
        {busy ? t('xliff.importing') : t('xliff.import')}
      </button>
      {result && (
        <p role="status">
          {t('xliff.done', { count: result.edited })}
          {result.unchanged > 0 && ` ${t('xliff.unchanged', { count: result.unchanged })}`}
        </p>
      )}
      {result && result.warnings.length > 0 && (
        <>
          <p>{t('xliff.warnings')}</p>
          {/* Importer remarks name rules and units of the file: shown as the file's own terms, untranslated. */}
          <ul className="muted">
            {result.warnings.map((w, i) => (
              <li key={i}>
                <code>{w.rule}</code> {w.where}
              </li>
            ))}
          </ul>
        </>
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
