import { useTranslation } from 'react-i18next';
import { AIDS_SHORTCUTS } from '../keys.js';

/** The aids' rows for the shortcuts dialog (their labels live in the aids namespace). */
export function AidsShortcutRows() {
  const { t } = useTranslation('aids');
  return (
    <>
      {AIDS_SHORTCUTS.map((s) => (
        <tr key={s.id}>
          <td>{t(`shortcuts.${s.id}`)}</td>
          <td>
            {s.keys.map((k, i) => (
              <span key={i}>
                {i > 0 && '+'}
                <kbd>{k}</kbd>
              </span>
            ))}
          </td>
        </tr>
      ))}
    </>
  );
}
