import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFindingsLabel } from '../hooks/useFindingsLabel.js';
import type { Lang } from '../../../../../shared/languages.js';
import type { GlossaryTermDto, TmMatch } from '../../../../../shared/protocol/aids.js';
import type { Finding } from '../../../../../shared/qa/types.js';
import { cellOf } from '../hooks/useFocusedCell.js';
import type { CellRef } from '../hooks/useFocusedCell.js';
import type { MatchesState } from '../hooks/useTmMatches.js';
import { matchAidsShortcut } from '../keys.js';
import { FindingItems } from './FindingItems.js';
import { GlossaryHits } from './GlossaryHits.js';
import { TmMatches } from './TmMatches.js';
import { Icon } from '../../icons/index.js';

export interface ScriptAction {
  id: 'toLatin' | 'toCyrillic';
  run: () => void;
}

export interface AidsSidebarProps {
  cell: CellRef | null;
  sourceLang: Lang;
  source: string;
  matches: MatchesState;
  terms: readonly GlossaryTermDto[];
  findings: readonly Finding[];
  scriptActions: readonly ScriptAction[];
  onInsert: (match: TmMatch) => void;
  onConcordance: () => void;
}

/**
 * What the side panel shows for the focused cell: memory matches, glossary
 * terms of its source, live check findings and script conversions. Listens
 * for the aids' shortcuts while a grid cell has focus.
 */
export function AidsSidebar(p: AidsSidebarProps) {
  const { t } = useTranslation('aids');
  const findingsLabel = useFindingsLabel();
  const isTarget = p.cell !== null && p.cell.lang !== p.sourceLang;
  const ready = p.matches.state === 'ready' ? p.matches.matches : null;
  const { onInsert, onConcordance } = p;

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const action = matchAidsShortcut(e);
      if (!action) return;
      if (action.type === 'concordance') {
        e.preventDefault();
        onConcordance();
        return;
      }
      // Only while typing in a cell: a match is inserted into that cell and nowhere else.
      const target = cellOf(e.target);
      const match = ready?.[action.index];
      if (!target || !match) return;
      e.preventDefault();
      onInsert(match);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ready, onInsert, onConcordance]);

  if (!p.cell) return <p className="aids-muted">{t('panel.noCell')}</p>;
  if (!isTarget) return <p className="aids-muted">{t('panel.sourceCell')}</p>;
  const errors = p.findings.filter((f) => f.severity === 'error').length;
  return (
    <>
      <section aria-labelledby="aids-tm">
        <h3 id="aids-tm">{t('tm.title')}</h3>
        <TmMatches result={p.matches} onInsert={onInsert} />
      </section>
      <section aria-labelledby="aids-glossary">
        <h3 id="aids-glossary">{t('glossary.title')}</h3>
        <GlossaryHits terms={p.terms} source={p.source} sourceLang={p.sourceLang} lang={p.cell.lang} />
      </section>
      <section aria-labelledby="aids-checks">
        <h3 id="aids-checks">
          {t('checks.title')}{' '}
          {p.findings.length > 0 && (
            <span className={`findings-count${errors > 0 ? ' has-errors' : ''}`} data-testid="findings-count">
              <Icon name={errors > 0 ? 'error' : 'warning'} /> {findingsLabel(errors, p.findings.length - errors)}
            </span>
          )}
        </h3>
        <FindingItems findings={p.findings} />
      </section>
      {p.scriptActions.length > 0 && (
        <section className="aids-actions">
          {p.scriptActions.map((a) => (
            <button key={a.id} type="button" onClick={a.run}>
              {t(`script.${a.id}`)}
            </button>
          ))}
        </section>
      )}
    </>
  );
}
