import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../../shared/languages.js';
import type { ParsedSourceDto } from '../../../../../shared/protocol/interchange.js';
import { interchangeApi } from '../../../api/interchange.js';
import type { InterchangeApi } from '../../../api/interchange.js';
import { errorKey } from '../../i18n/index.js';
import { ImportReportView } from './ImportReportView.js';

export const SOURCE_ACCEPT =
  '.txt,.md,.markdown,.html,.htm,.docx,text/plain,text/markdown,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const SOURCE_FORMATS_LABEL = '.txt, .md, .html, .docx';

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
  onParsed: (paragraphs: string[], fileName: string) => void;
  api?: Pick<InterchangeApi, 'parseSource'>;
}) {
  const { t } = useTranslation('interchange');
  const { t: tBase } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [parsed, setParsed] = useState<{ dto: ParsedSourceDto; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function pick(file: File): Promise<void> {
    setBusy(true);
    setError(null);
    setParsed(null);
    const r = await api.parseSource(file, file.name, lang);
    setBusy(false);
    if (!r.ok) {
      setError(r.error.code);
      return;
    }
    setParsed({ dto: r.data, name: file.name });
    onParsed(r.data.paragraphs, file.name);
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
            if (f) void pick(f);
          }}
        />
      </label>
      <p className="muted">{t('source.accepted', { formats: SOURCE_FORMATS_LABEL })}</p>
      {busy && <p role="status">{t('source.reading')}</p>}
      {parsed && <ImportReportView report={parsed.dto.report} name={parsed.name} />}
      {error && (
        <p role="alert" className="error">
          {tBase(errorKey(error))}
        </p>
      )}
    </div>
  );
}
