import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { docLangs } from '../../../../../shared/domain/types.js';
import type { DocumentSnapshot, Lang } from '../../../../../shared/index.js';
import { EXPORT_FORMATS } from '../../../../../shared/interchange/formats.js';
import type { ExportFormat, ExportMode } from '../../../../../shared/interchange/formats.js';
import { interchangeApi } from '../../../api/interchange.js';
import { Modal } from '../../../app/Modal.js';

/** Format names are product names, the same in every UI language. */
const FORMAT_NAMES: Record<ExportFormat, string> = {
  xliff2: 'XLIFF 2.0',
  xliff12: 'XLIFF 1.2',
  po: 'gettext PO',
  tmx: 'TMX 1.4',
  html: 'HTML',
  md: 'Markdown',
};
const SINGLE: ReadonlySet<ExportFormat> = new Set(['xliff2', 'xliff12', 'po', 'md']);

/** The export menu: format, languages, approved only (default) or latest; the download is a plain link. */
export function ExportDialog({
  doc,
  onClose,
  exportUrl = interchangeApi.exportUrl,
}: {
  doc: DocumentSnapshot;
  onClose: () => void;
  exportUrl?: typeof interchangeApi.exportUrl;
}) {
  const { t } = useTranslation('interchange');
  const { t: tBase } = useTranslation();
  const [format, setFormat] = useState<ExportFormat>('xliff2');
  const [chosen, setChosen] = useState<Lang[]>(docLangs(doc));
  const [single, setSingle] = useState<Lang>(doc.targetLangs[0]!);
  const [mode, setMode] = useState<ExportMode>('approved');
  // XLIFF pairs the source with one target; Markdown may be any one column.
  const singleChoices = format === 'md' ? docLangs(doc) : doc.targetLangs;
  const langs =
    format === 'tmx'
      ? []
      : SINGLE.has(format)
        ? [singleChoices.includes(single) ? single : singleChoices[0]!]
        : docLangs(doc).filter((l) => chosen.includes(l));
  const href = exportUrl(doc.id, format, langs, mode);
  return (
    <Modal className="interchange-modal" title={t('export.title')} id="export-title" onClose={onClose}>
      <label>
        {t('export.format')}
        <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_NAMES[f]}
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
      <div className="actions">
        {format === 'html' && langs.length === 0 ? (
          <button type="button" disabled>
            {t('export.download')}
          </button>
        ) : (
          <a className="button primary" href={href} download data-testid="export-download">
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
