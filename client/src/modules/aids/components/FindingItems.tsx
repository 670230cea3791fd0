import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../../../shared/qa/types.js';

/** One finding's text: its message key and params through i18n (the English `message` is for logs only). */
export function useFindingText(): (f: Finding) => string {
  const { t } = useTranslation('aids');
  // Keys come from the engine (CHECK_VARIANTS); the locale test holds every one of them.
  return (f) => t(f.messageKey as 'qa.finding.untranslated', f.params);
}

export function FindingItems({ findings }: { findings: readonly Finding[] }) {
  const { t } = useTranslation('aids');
  const text = useFindingText();
  if (findings.length === 0) return <p className="aids-muted">{t('checks.none')}</p>;
  return (
    <ul className="findings">
      {findings.map((f, i) => (
        <li key={i} className={`finding finding-${f.severity}`} data-testid="finding">
          <span className={`finding-severity sev-${f.severity}`}>{t(`checks.${f.severity}`)}</span> {text(f)}
        </li>
      ))}
    </ul>
  );
}
