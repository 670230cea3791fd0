import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS } from '../../../../../shared/languages.js';
import type { Lang } from '../../../../../shared/languages.js';
import { interchangeApi } from '../../../api/interchange.js';
import type { InterchangeApi } from '../../../api/interchange.js';
import { errorKey } from '../../i18n/index.js';

export const INTERCHANGE_ACCEPT = '.xlf,.xliff,.tmx,.po,.pot,application/xliff+xml,text/x-gettext-translation';

/**
 * A new document straight from an XLIFF, TMX or gettext PO file: the server
 * keeps the file's paragraph ids, translations and statuses (a document moved
 * from another installation or tool). Languages the file names win; the two
 * selects fill in what it leaves out (a PO has no source language, a file from
 * translate-toolkit's po2xliff no target language); `targetLangs` are the
 * languages the document gets besides the file's own.
 */
export function InterchangeFileInput({
  targetLangs,
  onCreated,
  api = interchangeApi,
}: {
  targetLangs: readonly Lang[];
  onCreated: (docId: string) => void;
  api?: Pick<InterchangeApi, 'createFromInterchangeFile'>;
}) {
  const { t } = useTranslation('interchange');
  const { t: tBase } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [sourceLang, setSourceLang] = useState<Lang | ''>('');
  const [lang, setLang] = useState<Lang | ''>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function create(): Promise<void> {
    if (!file) return;
    setBusy(true);
    setError(null);
    const r = await api.createFromInterchangeFile(file, file.name, {
      sourceLang: sourceLang || undefined,
      lang: lang || undefined,
      targetLangs,
    });
    setBusy(false);
    if (r.ok) onCreated(r.data.docId);
    else setError(r.error.code);
  }

  const langSelect = (value: Lang | '', set: (l: Lang | '') => void, label: string) => (
    <label>
      {label}
      <select value={value} onChange={(e) => set(e.target.value as Lang | '')}>
        <option value="">{t('fromFile.asInFile')}</option>
        {LANGS.map((l) => (
          <option key={l} value={l}>
            {tBase(`langs.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <fieldset className="import-source">
      <legend>{t('fromFile.legend')}</legend>
      <label>
        {t('fromFile.file')}
        <input type="file" accept={INTERCHANGE_ACCEPT} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      {langSelect(sourceLang, setSourceLang, t('fromFile.sourceLang'))}
      {langSelect(lang, setLang, t('fromFile.lang'))}
      <button type="button" disabled={!file || busy} onClick={() => void create()}>
        {busy ? t('fromFile.creating') : t('fromFile.create')}
      </button>
      {error && (
        <p role="alert" className="error">
          {tBase(errorKey(error))}
        </p>
      )}
    </fieldset>
  );
}
