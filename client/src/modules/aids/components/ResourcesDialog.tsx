import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { aidsApi } from '../../../api/aids.js';
import { errorKey } from '../../i18n/index.js';
import { Modal } from '../../../app/Modal.js';

/** `.csv` is CSV; anything else (`.tbx`, `.xml`) is read as TBX. */
function formatOf(name: string): 'csv' | 'tbx' {
  return /\.csv$/iu.test(name) ? 'csv' : 'tbx';
}

/**
 * Glossary export and import, TMX import. Shown to everyone: the server
 * refuses imports to non-administrators with `forbidden`, which is shown
 * translated like any other error.
 */
export function ResourcesDialog({ onClose, onGlossaryChanged }: { onClose: () => void; onGlossaryChanged: () => void }) {
  const { t } = useTranslation('aids');
  const { t: tBase } = useTranslation();
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const importFile =
    (kind: 'glossary' | 'tmx') =>
    async (e: FormEvent<HTMLFormElement>): Promise<void> => {
      e.preventDefault();
      const file = new FormData(e.currentTarget).get('file');
      if (!(file instanceof File) || file.size === 0) return;
      const content = await file.text();
      if (kind === 'glossary') {
        const r = await aidsApi.importGlossary(formatOf(file.name), content, mode);
        if (r.ok) onGlossaryChanged();
        setMessage(
          r.ok
            ? { ok: true, text: t('resources.glossaryDone', { added: r.data.added, updated: r.data.updated, total: r.data.total }) }
            : { ok: false, text: t('resources.failed', { reason: tBase(errorKey(r.error.code)) }) },
        );
      } else {
        const r = await aidsApi.importTmx(content, file.name);
        setMessage(
          r.ok
            ? { ok: true, text: t('resources.tmxDone', { added: r.data.added, skipped: r.data.skipped, duplicates: r.data.duplicates }) }
            : { ok: false, text: t('resources.failed', { reason: tBase(errorKey(r.error.code)) }) },
        );
      }
    };

  return (
    <Modal className="aids-modal" id="resources-title" title={t('resources.title')} onClose={onClose} closeLabel={t('checks.close')}>
      <p className="aids-filters">
        {t('resources.export')}{' '}
        <a href={aidsApi.glossaryExportUrl('csv')} download>
          {t('resources.asFormat', { format: 'CSV' })}
        </a>
        <a href={aidsApi.glossaryExportUrl('tbx')} download>
          {t('resources.asFormat', { format: 'TBX' })}
        </a>
      </p>
      <form className="aids-filters" onSubmit={(e) => void importFile('glossary')(e)}>
        <label>
          {t('resources.importGlossary', { formats: 'CSV, TBX' })} <input type="file" name="file" accept=".csv,.tbx,.xml" />
        </label>
        <select aria-label={t('resources.mode')} value={mode} onChange={(e) => setMode(e.target.value === 'replace' ? 'replace' : 'merge')}>
          <option value="merge">{t('resources.merge')}</option>
          <option value="replace">{t('resources.replace')}</option>
        </select>
        <button type="submit">{t('resources.import')}</button>
      </form>
      <form className="aids-filters" onSubmit={(e) => void importFile('tmx')(e)}>
        <label>
          {t('resources.importTmx', { formats: 'TMX' })} <input type="file" name="file" accept=".tmx,.xml" />
        </label>
        <button type="submit">{t('resources.import')}</button>
      </form>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'aids-notice' : 'aids-error'}>
          {message.text}
        </p>
      )}
    </Modal>
  );
}
