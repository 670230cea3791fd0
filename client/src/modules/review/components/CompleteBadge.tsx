import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../../shared/languages.js';

/** Shown beside a language's progress when every cell is approved and none is outdated. */
export function CompleteBadge({ lang, complete }: { lang: Lang; complete: boolean | undefined }) {
  const { t } = useTranslation('review');
  return complete ? (
    <span className="badge badge-complete" data-testid={`complete-${lang}`}>
      {t('list.complete')}
    </span>
  ) : null;
}
