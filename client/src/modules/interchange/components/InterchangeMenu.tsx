import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../../shared/domain/roles.js';
import { DEFAULT_SETTINGS } from '../../../../../shared/domain/review.js';
import type { DocumentSnapshot, PublicUser } from '../../../../../shared/index.js';
import { ExportDialog } from './ExportDialog.js';
import { ImportTranslationDialog } from './ImportTranslationDialog.js';
import { ImportXliffDialog } from './ImportXliffDialog.js';

/**
 * The editor toolbar's import and export entries; import only for languages the
 * user may write, "already reviewed" only for reviewers of the language on
 * documents that allow approving one's own revisions (imported text is the
 * importer's revision).
 */
export function InterchangeMenu({ doc, user }: { doc: DocumentSnapshot; user: PublicUser }) {
  const { t } = useTranslation('interchange');
  const [open, setOpen] = useState<'translation' | 'xliff' | 'export' | null>(null);
  const writable = doc.targetLangs.filter((lang) => can(user, 'cell.edit', { lang, doc }));
  const close = (): void => setOpen(null);
  return (
    <>
      {writable.length > 0 && (
        <button type="button" onClick={() => setOpen('translation')}>
          {t('menu.importTranslation')}
        </button>
      )}
      {writable.length > 0 && (
        <button type="button" onClick={() => setOpen('xliff')}>
          {t('menu.importXliff')}
        </button>
      )}
      <button type="button" onClick={() => setOpen('export')}>
        {t('menu.export')}
      </button>
      {open === 'translation' && (
        <ImportTranslationDialog
          doc={doc}
          langs={writable}
          mayApprove={(lang) => can(user, 'cell.review', { lang, doc }) && (doc.settings ?? DEFAULT_SETTINGS).allowSelfApproval}
          onClose={close}
        />
      )}
      {open === 'xliff' && <ImportXliffDialog docId={doc.id} targetLangs={doc.targetLangs} onClose={close} />}
      {open === 'export' && <ExportDialog doc={doc} onClose={close} />}
    </>
  );
}
