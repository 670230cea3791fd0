import { useTranslation } from 'react-i18next';
import { totalRemoved } from '../../../../../shared/interchange/clean.js';
import type { ImportReport } from '../../../../../shared/protocol/interchange.js';

/** What the importer did to a file: paragraphs read, invisible characters removed, a language warning. */
export function ImportReportView({ report, name }: { report: ImportReport; name: string }) {
  const { t } = useTranslation('interchange');
  const { t: tBase } = useTranslation();
  const removed = totalRemoved(report.removed);
  const { verdict, declared, detected } = report.language;
  return (
    <div className="import-report" data-testid="import-report">
      <p role="status">{t('source.paragraphs', { count: report.paragraphs, name })}</p>
      {removed > 0 && <p>{t('source.removed', { count: removed })}</p>}
      {verdict === 'language_mismatch' && detected.lang && (
        <p role="alert" className="warning">
          {t('source.language_mismatch', { detected: tBase(`langs.${detected.lang}`), declared: tBase(`langs.${declared}`) })}
        </p>
      )}
      {verdict === 'script_mismatch' && (
        <p role="alert" className="warning">
          {t('source.script_mismatch', { declared: tBase(`langs.${declared}`) })}
        </p>
      )}
    </div>
  );
}
