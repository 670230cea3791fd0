import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFindingsLabel } from '../hooks/useFindingsLabel.js';
import type { Lang } from '../../../../../shared/languages.js';
import type { DocumentChecksDto } from '../../../../../shared/protocol/aids.js';
import type { CheckId, Severity } from '../../../../../shared/qa/types.js';
import { aidsApi } from '../../../api/aids.js';
import { errorKey } from '../../i18n/index.js';
import { useFindingText } from './FindingItems.js';
import { Modal } from '../../../app/Modal.js';

interface Props {
  docId: string;
  onJump: (paragraphId: string, lang: Lang) => void;
  onClose: () => void;
}

/** Every finding of the document (server-side, glossary included), filterable; a click jumps to the cell. */
export function DocumentChecks({ docId, onJump, onClose }: Props) {
  const { t } = useTranslation('aids');
  const { t: tBase } = useTranslation();
  const text = useFindingText();
  const findingsLabel = useFindingsLabel();
  const [result, setResult] = useState<{ data: DocumentChecksDto } | { error: string } | null>(null);
  const [check, setCheck] = useState<CheckId | ''>('');
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [lang, setLang] = useState<Lang | ''>('');

  useEffect(() => {
    let live = true;
    void aidsApi.checks(docId).then((r) => live && setResult(r.ok ? { data: r.data } : { error: r.error.code }));
    return () => {
      live = false;
    };
  }, [docId]);

  const rows = useMemo(() => {
    if (!result || !('data' in result)) return [];
    return result.data.cells.flatMap((c) =>
      c.findings
        .filter(
          (f) => (check === '' || f.check === check) && (severity === '' || f.severity === severity) && (lang === '' || c.lang === lang),
        )
        .map((f, i) => ({ key: `${c.paragraphId}:${c.lang}:${i}`, cell: c, f })),
    );
  }, [result, check, severity, lang]);
  const errorRows = rows.filter((r) => r.f.severity === 'error').length;
  const cells = result && 'data' in result ? result.data.cells : [];
  const checks = [...new Set(cells.flatMap((c) => c.findings.map((f) => f.check)))];
  const langs = [...new Set(cells.map((c) => c.lang))];

  return (
    <Modal className="aids-modal" id="doc-checks-title" title={t('checks.documentTitle')} onClose={onClose} closeLabel={t('checks.close')}>
      <div className="aids-filters">
        <label>
          {t('checks.filterCheck')}{' '}
          <select value={check} onChange={(e) => setCheck(e.target.value as CheckId | '')}>
            <option value="">{t('checks.all')}</option>
            {checks.map((c) => (
              <option key={c} value={c}>
                {t(`qa.check.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('checks.filterSeverity')}{' '}
          <select value={severity} onChange={(e) => setSeverity(e.target.value as Severity | '')}>
            <option value="">{t('checks.all')}</option>
            <option value="error">{t('checks.error')}</option>
            <option value="warning">{t('checks.warning')}</option>
          </select>
        </label>
        <label>
          {t('checks.filterLang')}{' '}
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang | '')}>
            <option value="">{t('checks.all')}</option>
            {langs.map((l) => (
              <option key={l} value={l}>
                {tBase(`langs.${l}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {result === null && <p role="status">{t('checks.running')}</p>}
      {result && 'error' in result && (
        <p role="alert" className="aids-error">
          {t('checks.failed', { reason: tBase(errorKey(result.error)) })}
        </p>
      )}
      {result && 'data' in result && (
        <>
          <p role="status">{rows.length === 0 ? t('checks.none') : findingsLabel(errorRows, rows.length - errorRows)}</p>
          <ul className="findings doc-findings">
            {rows.map(({ key, cell, f }) => (
              <li key={key} className={`finding finding-${f.severity}`}>
                <button
                  type="button"
                  className="finding-jump"
                  onClick={() => {
                    onClose();
                    // After the dialog has unmounted: it gives focus back to where it came from on the way out.
                    setTimeout(() => onJump(cell.paragraphId, cell.lang), 0);
                  }}
                >
                  {t('checks.paragraph', { n: cell.index + 1 })} · {tBase(`langs.${cell.lang}`)}
                </button>{' '}
                <span className={`finding-severity sev-${f.severity}`}>{t(`checks.${f.severity}`)}</span> {text(f)}
              </li>
            ))}
          </ul>
        </>
      )}
    </Modal>
  );
}
