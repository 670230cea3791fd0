import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryEntry } from '../../../../../shared/index.js';
import { completeMention, mentionCandidates, mentionQuery } from '../mentions.js';

interface Props {
  id: string;
  value: string;
  onChange: (text: string) => void;
  /** The people who may be mentioned (teamOf: the document's team). */
  team: readonly DirectoryEntry[];
  rows?: number;
  placeholder?: string;
  required?: boolean;
}

/**
 * A textarea where `@` opens a list of the document's team (arrow keys,
 * Enter or Tab to pick, or a click); the server resolves the names and
 * notifies those people. Used for comments and request-changes reasons.
 */
export function MentionInput({ id, value, onChange, team, rows = 2, placeholder, required }: Props) {
  const { t } = useTranslation('review');
  const [caret, setCaret] = useState(0);
  const [pick, setPick] = useState(0);
  // Esc closes the list until the next keystroke.
  const [closed, setClosed] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const query = mentionQuery(value, caret);
  const candidates = query === null || closed ? [] : mentionCandidates(team, query);
  const listId = `${id}-people`;

  const choose = (u: DirectoryEntry): void => {
    const next = completeMention(value, caret, u.username);
    onChange(next.text);
    setCaret(next.caret);
    requestAnimationFrame(() => box.current?.setSelectionRange(next.caret, next.caret));
  };

  return (
    <div className="mention-input">
      <textarea
        id={id}
        ref={box}
        rows={rows}
        value={value}
        placeholder={placeholder}
        required={required}
        role="combobox"
        aria-expanded={candidates.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart);
          setPick(0);
          setClosed(false);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={(e) => {
          if (candidates.length === 0) return;
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setPick((i) => (i + (e.key === 'ArrowDown' ? 1 : candidates.length - 1)) % candidates.length);
          } else if (e.key === 'Enter' || e.key === 'Tab') {
            e.preventDefault();
            const u = candidates[pick] ?? candidates[0];
            if (u) choose(u);
          } else if (e.key === 'Escape') {
            e.stopPropagation();
            setClosed(true);
          }
        }}
      />
      {candidates.length > 0 && (
        <ul className="mention-list" role="listbox" id={listId} aria-label={t('comments.people')} data-testid="mention-list">
          {candidates.map((u, i) => (
            <li
              key={u.id}
              role="option"
              aria-selected={i === pick}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(u);
              }}
            >
              {u.displayName} <span className="muted">@{u.username}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
