import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../../shared/languages.js';
import { SOURCE_EXTENSIONS, SOURCE_FORMATS } from '../../../../../shared/interchange/formats.js';
import type { ParsedSourceDto } from '../../../../../shared/protocol/interchange.js';
import { interchangeApi } from '../../../api/interchange.js';
import type { InterchangeApi } from '../../../api/interchange.js';
import { errorKey } from '../../i18n/index.js';
import { ImportReportView } from './ImportReportView.js';

/** Every extension the server's importer reads (one list, in shared/), and the media types of the four formats. */
export const SOURCE_ACCEPT = [
  ...Object.keys(SOURCE_EXTENSIONS).map((ext) => `.${ext}`),
  'text/plain',
  'text/markdown',
  'text/html',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
].join(',');
export const SOURCE_FORMATS_LABEL = SOURCE_FORMATS.map((f) => `.${f}`).join(', ');

/** What the form around the picker may keep of a read file: the file itself (to create the document from it), its title. */
export interface PickedSource {
  file: File;
  title: string | null;
  /** DOCX, HTML, Markdown: a document created from the file keeps it for the export as the original. */
  keepsLayout: boolean;
  keepNav: boolean;
}

/**
 * A file picker that has the server read the file (txt, md, html, docx),
 * so the browser gets the same paragraphs, cleaning and language check as
 * every other import path; it hands the paragraphs to the form around it.
 */
export function SourceFileInput({
  label,
  lang,
  onParsed,
  api = interchangeApi,
}: {
  label: string;
  lang: Lang;
  onParsed: (paragraphs: string[], fileName: string, picked: PickedSource) => void;
  api?: Pick<InterchangeApi, 'parseSource'>;
}) {
  const { t } = useTranslation('interchange');
  const { t: tBase } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [parsed, setParsed] = useState<{ dto: ParsedSourceDto; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [keepNav, setKeepNav] = useState(false);
  const [file, setFile] = useState<File | null>(null);

  async function pick(picked: File, nav: boolean): Promise<void> {
    setFile(picked);
    setBusy(true);
    setError(null);
    setParsed(null);
    const r = await api.parseSource(picked, picked.name, lang, { keepNav: nav });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.code);
      return;
    }
    setParsed({ dto: r.data, name: picked.name });
    onParsed(r.data.paragraphs, picked.name, { file: picked, title: r.data.title, keepsLayout: r.data.keepsLayout, keepNav: nav });
  }

  return (
    <div className="import-source">
      <label>
        {label}
        <input
          type="file"
          accept={SOURCE_ACCEPT}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void pick(f, keepNav);
          }}
        />
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={keepNav}
          onChange={(e) => {
            setKeepNav(e.target.checked);
            if (file && /\.(x?html?)$/iu.test(file.name)) void pick(file, e.target.checked);
          }}
        />
        {t('source.keepNav')}
      </label>
      <p className="muted">{t('source.accepted', { formats: SOURCE_FORMATS_LABEL })}</p>
      {busy && <p role="status">{t('source.reading')}</p>}
      {parsed && <ImportReportView report={parsed.dto.report} name={parsed.name} />}
      {parsed?.dto.keepsLayout && <p className="muted">{t('source.keepsLayout')}</p>}
      {error && (
        <p role="alert" className="error">
          {tBase(errorKey(error))}
        </p>
      )}
    </div>
  );
}
