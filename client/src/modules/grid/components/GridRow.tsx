import { memo } from 'react';
import type { KeyboardEvent } from 'react';
import type { Lang, PresenceEntry } from '../../../../../shared/index.js';
import { CellEditor } from '../../editor/index.js';
import type { CellEditorProps } from '../../editor/index.js';
import type { DocSync } from '../../sync/index.js';
import { presenceIn } from '../../presence/index.js';
import { useCellFindings, useReadingText } from '../../aids/index.js';

const NOBODY: readonly PresenceEntry[] = [];

export interface RowHandlers {
  onText: CellEditorProps['onText'];
  onComposition: NonNullable<CellEditorProps['onComposition']>;
  onFocus: CellEditorProps['onFocus'];
  onBlur: CellEditorProps['onBlur'];
  onResolve: CellEditorProps['onResolve'];
  onKeepTheirs: CellEditorProps['onKeepTheirs'];
  onDiscard: CellEditorProps['onDiscard'];
  onRetry: CellEditorProps['onRetry'];
  onKeyDown: (e: KeyboardEvent<HTMLTextAreaElement>, paragraphId: string, lang: Lang) => void;
  /** False for columns the user may not edit (shared/domain/roles.ts); missing means editable. */
  canEdit?: (lang: Lang) => boolean;
}

interface Props {
  sync: DocSync;
  paragraphId: string;
  number: number;
  langs: readonly Lang[];
  sourceLang: Lang;
  present: readonly PresenceEntry[] | undefined;
  handlers: RowHandlers;
  /** What the row shows, as one string (rowSignature): the memoised row re-renders only when it changes. */
  version: string;
}

/**
 * Everything a row reads from the engine, folded into one comparable string, so
 * that an edit re-renders the one row it touched and not every visible row.
 * Keep it in step with what GridRow and CellEditor read from `sync`.
 */
export function rowSignature(sync: DocSync, paragraphId: string, langs: readonly Lang[]): string {
  let sig = '';
  for (const lang of langs) {
    const c = sync.cell(paragraphId, lang);
    const e = sync.entryFor(paragraphId, lang);
    sig += `${lang}|${c?.rev ?? -1}|${c?.status ?? ''}|${c?.outdated ? 1 : 0}|${e ? `${e.state}|${e.error ?? ''}|${e.theirsRev ?? ''}|${e.theirs?.length ?? ''}` : '-'}|${sync.textOf(paragraphId, lang)}\u0000`;
  }
  return sig;
}

export const GridRow = memo(function GridRow({ sync, paragraphId, number, langs, sourceLang, present, handlers }: Props) {
  const reading = useReadingText();
  const findingsOf = useCellFindings();
  const { canEdit, ...cellHandlers } = handlers;
  return (
    <>
      <div className="row-number" aria-hidden="true">
        {number}
      </div>
      {langs.map((lang) => {
        const cell = sync.cell(paragraphId, lang);
        const here = present ? presenceIn(present, paragraphId, lang) : NOBODY;
        const text = sync.textOf(paragraphId, lang);
        const shown = reading(text, lang);
        const found = findingsOf(sync.textOf(paragraphId, sourceLang), text, sourceLang, lang);
        return (
          <CellEditor
            key={lang}
            paragraphId={paragraphId}
            lang={lang}
            number={number}
            text={shown ?? text}
            readOnly={shown !== null || canEdit?.(lang) === false}
            findings={found.count}
            findingErrors={found.errors}
            status={cell?.status ?? 'empty'}
            outdated={cell?.outdated ?? false}
            entry={sync.entryFor(paragraphId, lang)}
            present={here.length > 0 ? here : NOBODY}
            isSource={lang === sourceLang}
            tagSource={lang === sourceLang ? undefined : sync.textOf(paragraphId, sourceLang)}
            {...cellHandlers}
          />
        );
      })}
    </>
  );
});
