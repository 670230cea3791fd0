import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "1 error, 2 warnings": findings counted by severity, so a count never
 * calls an error a warning; a zero side is left out.
 */
export function useFindingsLabel(): (errors: number, warnings: number) => string {
  const { t } = useTranslation('aids');
  return useCallback(
    (errors: number, warnings: number): string => {
      const e = t('checks.errors', { count: errors });
      const w = t('checks.warnings', { count: warnings });
      if (errors > 0 && warnings > 0) return t('checks.both', { errors: e, warnings: w });
      return errors > 0 ? e : w;
    },
    [t],
  );
}
