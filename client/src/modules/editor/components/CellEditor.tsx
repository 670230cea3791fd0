import { memo, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANG_TAG } from '../../../../../shared/languages.js';
import type { CellStatus, Lang, PresenceEntry } from '../../../../../shared/index.js';
import type { OutboxEntry } from '../../sync/index.js';
import { errorKey } from '../../i18n/index.js';
import { PresenceBadges, userColor } from '../../presence/index.js';
import { FindingBadge } from '../../aids/index.js';
import { adjustCaret } from '../caret.js';
import { ConflictPanel } from './ConflictPanel.js';
import { TagBar, useTagGuard } from '../tags/index.js';

export interface CellEditorProps {
  paragraphId: string;
  lang: Lang;
  /** 1-based paragraph number, for the accessible name. */
  number: number;
  text: string;
  /** Primitives, not the cell: the reducer mutates cells in place, which memo cannot see. */
  status: CellStatus;
  outdated: boolean;
  entry: OutboxEntry | undefined;
  present: readonly PresenceEntry[];
  isSource: boolean;
  /** The source text of the row, whose inline tags (shared/inline) this cell should carry. */
  tagSource?: string;
  /** Shown, not editable: the text is a reading transliteration (aids module), not the stored one. */
  readOnly?: boolean;
  /** Check findings on this cell (aids module): shown as an icon with the count; the list is in the side panel. */
  findings?: number;
  findingErrors?: number;
  onText: (paragraphId: string, lang: Lang, text: string) => void;
  /**
   * An input method (pinyin, a Kazakh or Uzbek layout with dead keys…) starts
   * or ends a composition; `text` is the cell's whole text at that moment.
   * Nothing typed between the two is saved or sent, the committed text at once.
   */
  onComposition?: (paragraphId: string, lang: Lang, phase: 'start' | 'end', text: string) => void;
  onFocus: (paragraphId: string, lang: Lang) => void;
  /** Leaving a cell clears presence there, so nobody sees a ghost outline. */
  onBlur: () => void;
  onResolve: (paragraphId: string, lang: Lang, text: string) => void;
  /** "Keep theirs" after a clash: the user's text goes to the cell's history, not away. */
  onKeepTheirs: (paragraphId: string, lang: Lang) => void;
  onDiscard: (paragraphId: string, lang: Lang) => void;
  onRetry: (paragraphId: string, lang: Lang) => void;
  onKeyDown?: (e: KeyboardEvent<HTMLTextAreaElement>, paragraphId: string, lang: Lang) => void;
}

/**
 * One cell: status, outdated flag, who else is here, and a plain textarea.
 * Text is rendered by React as text, never as HTML.
 */
/**
 * A button in a cell (Retry, Copy, Discard, the clash panel's) does not take the focus on a mouse press.
 * The focused cell grows (grid/layout.css); were the press to move the focus into an unfocused cell,
 * the cell would grow between mousedown and mouseup, the button would slide away from the pointer and
 * the click would be lost. Keyboard users still reach the buttons with Tab.
 */
function keepFocusOnButtons(e: MouseEvent<HTMLDivElement>): void {
  if (e.target instanceof Element && e.target.closest('button')) e.preventDefault();
}

export const CellEditor = memo(function CellEditor(p: CellEditorProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  // Inline tags show as tokens (⟨1⟩) that edits move whole (tags/): `shown` is the textarea's value.
  const tags = useTagGuard(ref, p.text, p.tagSource ?? '');
  const shown = tags.shown;
  // The value and selection as the user last saw them, to keep the caret in
  // place when a merged remote edit changes the text under it.
  const seen = useRef({ value: shown, start: 0, end: 0 });
  const composing = useRef(false);

  useLayoutEffect(() => {
    const el = ref.current;
    const prev = seen.current;
    if (el && prev.value !== shown && document.activeElement === el) {
      el.setSelectionRange(adjustCaret(prev.value, shown, prev.start), adjustCaret(prev.value, shown, prev.end));
    }
    seen.current = { value: shown, start: el?.selectionStart ?? 0, end: el?.selectionEnd ?? 0 };
  }, [shown]);

  const remember = (): void => {
    const el = ref.current;
    if (el) seen.current = { value: el.value, start: el.selectionStart, end: el.selectionEnd };
  };

  const status = p.status;
  const others = p.present;
  const outline = others[0] ? userColor(others[0].userId) : undefined;
  const label = t('grid.cell.label', { lang: t(`langs.${p.lang}`), n: p.number });
  const entry = p.entry;

  return (
    <div
      className={`cell status-${p.isSource ? 'source' : status}${p.isSource ? ' cell-source' : ''}${p.readOnly ? ' cell-readonly' : ''}${outline ? ' cell-occupied' : ''}`}
      style={outline ? { outlineColor: outline } : undefined}
      data-testid={`cell-${p.paragraphId}-${p.lang}`}
      onMouseDown={keepFocusOnButtons}
    >
      <div className="cell-meta">
        {!p.isSource && <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>}
        {p.outdated && <span className="badge badge-outdated">{t('status.outdated')}</span>}
        {entry?.state === 'pending' && <span className="badge badge-unsaved">{t('grid.cell.unsaved')}</span>}
        <FindingBadge count={p.findings ?? 0} errors={p.findingErrors ?? 0} />
        <PresenceBadges entries={others} />
      </div>
      <textarea
        ref={ref}
        className="cell-text"
        lang={LANG_TAG[p.lang]}
        aria-label={label}
        spellCheck
        readOnly={p.readOnly}
        value={shown}
        data-cell={`${p.paragraphId}:${p.lang}`}
        onChange={(e) => {
          seen.current = { value: e.target.value, start: e.target.selectionStart, end: e.target.selectionEnd };
          p.onText(p.paragraphId, p.lang, tags.stored(e.target.value));
        }}
        onCompositionStart={(e) => {
          composing.current = true;
          p.onComposition?.(p.paragraphId, p.lang, 'start', tags.stored(e.currentTarget.value));
        }}
        onCompositionEnd={(e) => {
          composing.current = false;
          p.onComposition?.(p.paragraphId, p.lang, 'end', tags.stored(e.currentTarget.value));
        }}
        onSelect={remember}
        onKeyUp={remember}
        onFocus={() => p.onFocus(p.paragraphId, p.lang)}
        onBlur={(e) => {
          // A composition cut short by leaving the cell ends here at the latest: what it committed is kept.
          if (composing.current) {
            composing.current = false;
            p.onComposition?.(p.paragraphId, p.lang, 'end', tags.stored(e.currentTarget.value));
          }
          p.onBlur();
        }}
        onKeyDown={(e) => p.onKeyDown?.(e, p.paragraphId, p.lang)}
      />
      {!p.readOnly && <TagBar missing={tags.missing} onInsert={tags.insert} />}
      {entry?.state === 'failed' && (
        <div role="alert" className="cell-error">
          {t('grid.cell.failed', { reason: t(errorKey(entry.error ?? 'internal')) })} <span>{t('grid.cell.keptHere')}</span>
          <button type="button" onClick={() => p.onRetry(p.paragraphId, p.lang)}>
            {t('grid.cell.retry')}
          </button>
          <CopyButton text={entry.text} />
          <button type="button" onClick={() => p.onDiscard(p.paragraphId, p.lang)}>
            {t('grid.cell.discard')}
          </button>
        </div>
      )}
      {entry?.state === 'conflict' && (
        <ConflictPanel
          lang={p.lang}
          theirs={entry.theirs ?? ''}
          yours={entry.text}
          onKeepTheirs={() => p.onKeepTheirs(p.paragraphId, p.lang)}
          onUse={(text) => p.onResolve(p.paragraphId, p.lang, text)}
        />
      )}
    </div>
  );
});

/** Puts the user's unsaved text on the clipboard, so it can be kept elsewhere whatever happens here. */
function CopyButton({ text }: { text: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => setCopied(true));
      }}
    >
      {copied ? t('grid.cell.copied') : t('grid.cell.copy')}
    </button>
  );
}
