import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS, LANG_TAG } from '../../../../../shared/languages.js';
import { splitParagraphs } from '../../../../../shared/domain/paragraphs.js';
import type { Lang } from '../../../../../shared/index.js';
import { api } from '../../../api/http.js';
import { errorKey } from '../../i18n/index.js';
import { InterchangeFileInput, SourceFileInput } from '../../interchange/index.js';
import type { PickedSource } from '../../interchange/index.js';
import { interchangeApi } from '../../../api/interchange.js';

type Problem = 'needTitle' | 'needTarget' | 'noParagraphs' | 'fileError';

export function NewDocument({ onCreated }: { onCreated: (docId: string) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [fileTitle, setFileTitle] = useState<string | null>(null);
  const [sourceLang, setSourceLang] = useState<Lang>('en');
  const [targets, setTargets] = useState<Lang[]>(['zh', 'ru', 'kk', 'uz']);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  // The file the text came from, while the text is still exactly what was read from it.
  const [picked, setPicked] = useState<{ source: PickedSource; text: string } | null>(null);
  const paragraphs = useMemo(() => splitParagraphs(text), [text]);
  const chosenTargets = targets.filter((l) => l !== sourceLang);

  // The server reads the file (txt, md, html, docx), cleans it and checks its language; the text area shows the result.
  // A DOCX, HTML or Markdown file is sent itself on create, so the document keeps it for the export as the original.
  function takeParsed(parsed: string[], fileName: string, source: PickedSource): void {
    const joined = parsed.join('\n\n');
    setText(joined);
    setPicked({ source, text: joined });
    // The file's own title (H1, <title>, DOCX title) else its name; it replaces a title taken from an earlier file, never a typed one.
    if (!title.trim() || title === fileTitle) {
      const next = source.title ?? fileName.replace(/\.[A-Za-z0-9]+$/u, '');
      setTitle(next);
      setFileTitle(next);
    }
    setProblem(null);
  }

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setServerError(null);
    const p: Problem | null = !title.trim()
      ? 'needTitle'
      : chosenTargets.length === 0
        ? 'needTarget'
        : paragraphs.length === 0
          ? 'noParagraphs'
          : null;
    setProblem(p);
    if (p) return;
    setBusy(true);
    const fromFile = picked && picked.text === text && picked.source.keepsLayout ? picked.source : null;
    const r = fromFile
      ? await interchangeApi.createFromFile(fromFile.file, fromFile.file.name, {
          title: title.trim(),
          sourceLang,
          targetLangs: chosenTargets,
          keepNav: fromFile.keepNav,
        })
      : await api.createDocument({ title: title.trim(), sourceLang, targetLangs: chosenTargets, paragraphs });
    setBusy(false);
    if (r.ok) onCreated(r.data.document.id);
    else setServerError(r.error.code);
  }

  return (
    <main id="main" className="new-doc">
      <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="new-title" noValidate>
        <h1 id="new-title">{t('documents.new.title')}</h1>
        <label>
          {t('documents.new.titleLabel')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} />
        </label>
        <div className="lang-choice">
          <label>
            {t('documents.new.sourceLang')}
            <select value={sourceLang} onChange={(e) => setSourceLang(e.target.value as Lang)}>
              {LANGS.map((l) => (
                <option key={l} value={l}>
                  {t(`langs.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>{t('documents.new.targetLangs')}</legend>
            {LANGS.filter((l) => l !== sourceLang).map((l) => (
              <label key={l} className="check">
                <input
                  type="checkbox"
                  checked={targets.includes(l)}
                  onChange={(e) => setTargets(e.target.checked ? [...targets, l] : targets.filter((x) => x !== l))}
                />
                {t(`langs.${l}`)}
              </label>
            ))}
          </fieldset>
        </div>
        <label>
          {t('documents.new.text')}
          <textarea
            className="source-input"
            lang={LANG_TAG[sourceLang]}
            rows={12}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby="text-hint"
          />
        </label>
        <p id="text-hint" className="muted">
          {t('documents.new.textHint')}
        </p>
        <SourceFileInput label={t('documents.new.upload')} lang={sourceLang} onParsed={takeParsed} />
        <InterchangeFileInput targetLangs={chosenTargets} onCreated={onCreated} />
        <p role="status" data-testid="paragraph-preview">
          {t('documents.new.preview', { count: paragraphs.length })}
        </p>
        {problem && (
          <p role="alert" className="error">
            {t(`documents.new.${problem}`)}
          </p>
        )}
        {serverError && (
          <p role="alert" className="error">
            {t(errorKey(serverError))}
          </p>
        )}
        <div className="actions">
          <a href="#/" className="button">
            {t('documents.new.cancel')}
          </a>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('documents.new.creating') : t('documents.new.create')}
          </button>
        </div>
      </form>
    </main>
  );
}
