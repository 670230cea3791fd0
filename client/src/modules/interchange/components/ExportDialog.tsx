import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { docLangs } from '../../../../../shared/domain/types.js';
import type { DocumentSnapshot, Lang } from '../../../../../shared/index.js';
import { EXPORT_FORMATS } from '../../../../../shared/interchange/formats.js';
import type { ExportFormat, ExportMode, UntranslatedPolicy } from '../../../../../shared/interchange/formats.js';
import type { SourceFileDto } from '../../../../../shared/protocol/interchange.js';
import { interchangeApi } from '../../../api/interchange.js';
import { Modal } from '../../../app/Modal.js';
import { errorKey } from '../../i18n/index.js';
import { saveFile } from '../saveFile.js';

/** Format names are product names, the same in every UI language (the original file is named by its file name). */
const FORMAT_NAMES: Record<Exclude<ExportFormat, 'original'>, string> = {
  xliff2: 'XLIFF 2.0',
  xliff12: 'XLIFF 1.2',
  po: 'gettext PO',
  tmx: 'TMX 1.4',
  html: 'HTML',
  md: 'Markdown',
};
const SINGLE: ReadonlySet<ExportFormat> = new Set(['xliff2', 'xliff12', 'po', 'md', 'original']);

/**
 * The export menu: format, languages, approved only (default) or latest; the
 * download is a plain link. A document imported from a DOCX, HTML,
 * Markdown or PO file also offers that file back, translated (format `original`):
 * that one is fetched first, because the server may refuse it (untranslated
 * paragraphs, with "refuse" chosen), and the refusal is shown here as a coded
 * message instead of a page of JSON.
 */
export function ExportDialog({
  doc,
  onClose,
  exportUrl = interchangeApi.exportUrl,
  sourceFile = interchangeApi.sourceFile,
  fetchExport = interchangeApi.fetchExport,
}: {
  doc: DocumentSnapshot;
  onClose: () => void;
  exportUrl?: typeof interchangeApi.exportUrl;
  sourceFile?: typeof interchangeApi.sourceFile;
  fetchExport?: typeof interchangeApi.fetchExport;
}) {
  const { t } = useTranslation('interchange');
  const { t: tBase } = useTranslation();
  const [format, setFormat] = useState<ExportFormat>('xliff2');
  const [chosen, setChosen] = useState<Lang[]>(docLangs(doc));
  const [single, setSingle] = useState<Lang>(doc.targetLangs[0]!);
  const [mode, setMode] = useState<ExportMode>('approved');
  const [untranslated, setUntranslated] = useState<UntranslatedPolicy>('source');
  const [original, setOriginal] = useState<SourceFileDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void sourceFile(doc.id).then((r) => {
      if (live && r.ok) setOriginal(r.data);
    });
    return () => {
      live = false;
    };
  }, [doc.id, sourceFile]);
  const formats = EXPORT_FORMATS.filter((f) => f !== 'original' || original !== null);
  // XLIFF pairs the source with one target; Markdown and the original may be any one column.
  const singleChoices = format === 'md' || format === 'original' ? docLangs(doc) : doc.targetLangs;
  const langs =
    format === 'tmx'
      ? []
      : SINGLE.has(format)
        ? [singleChoices.includes(single) ? single : singleChoices[0]!]
        : docLangs(doc).filter((l) => chosen.includes(l));
  const href = exportUrl(doc.id, format, langs, mode, untranslated);
  // A refusal is about the choices it was made with: any change clears it.
  useEffect(() => setError(null), [href]);
  const downloadOriginal = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const r = await fetchExport(href);
    setBusy(false);
    if (!r.ok) setError(r.error.code);
    else saveFile(r.data.blob, r.data.fileName ?? original?.name ?? 'original');
  };
  return (
    <Modal className="interchange-modal" title={t('export.title')} id="export-title" onClose={onClose}>
      <label>
        {t('export.format')}
        <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
          {formats.map((f) => (
            <option key={f} value={f}>
              {f === 'original' ? t('export.original', { name: original?.name ?? '' }) : FORMAT_NAMES[f]}
            </option>
          ))}
        </select>
      </label>
      {format !== 'tmx' && (
        <fieldset>
          <legend>{t('export.langs')}</legend>
          {SINGLE.has(format)
            ? singleChoices.map((l) => (
                <label key={l} className="check">
                  <input type="radio" name="export-lang" checked={langs[0] === l} onChange={() => setSingle(l)} />
                  {tBase(`langs.${l}`)}
                </label>
              ))
            : docLangs(doc).map((l) => (
                <label key={l} className="check">
                  <input
                    type="checkbox"
                    checked={chosen.includes(l)}
                    onChange={(e) => setChosen(e.target.checked ? [...chosen, l] : chosen.filter((x) => x !== l))}
                  />
                  {tBase(`langs.${l}`)}
                </label>
              ))}
        </fieldset>
      )}
      {format === 'tmx' ? (
        <p className="muted">{t('export.tmxApproved')}</p>
      ) : (
        <fieldset>
          <legend>{t('export.mode')}</legend>
          {(['approved', 'latest'] as const).map((m) => (
            <label key={m} className="check">
              <input type="radio" name="export-mode" checked={mode === m} onChange={() => setMode(m)} />
              {t(`export.${m}`)}
            </label>
          ))}
        </fieldset>
      )}
      {format === 'original' && (
        <fieldset>
          <legend>{t('export.untranslated')}</legend>
          {(['source', 'refuse'] as const).map((u) => (
            <label key={u} className="check">
              <input type="radio" name="export-untranslated" checked={untranslated === u} onChange={() => setUntranslated(u)} />
              {t(
                u === 'refuse'
                  ? 'export.untranslatedRefuse'
                  : // A PO file's untranslated message is an empty msgstr (gettext's convention), not the source text.
                    original?.format === 'po'
                    ? 'export.untranslatedEmpty'
                    : 'export.untranslatedSource',
              )}
            </label>
          ))}
        </fieldset>
      )}
      {error && format === 'original' && (
        <p role="alert" className="error">
          {tBase(errorKey(error))}
        </p>
      )}
      <div className="actions">
        {format === 'html' && langs.length === 0 ? (
          <button type="button" disabled>
            {t('export.download')}
          </button>
        ) : (
          <a
            className="button primary"
            href={href}
            download
            data-testid="export-download"
            aria-disabled={busy || undefined}
            onClick={(e) => {
              if (format !== 'original') return;
              e.preventDefault();
              if (!busy) void downloadOriginal();
            }}
          >
            {t('export.download')}
          </a>
        )}
        <button type="button" onClick={onClose}>
          {t('export.close')}
        </button>
      </div>
    </Modal>
  );
}
