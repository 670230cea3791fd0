import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANG_TAG } from '../../../../../shared/languages.js';
import type { Lang } from '../../../../../shared/index.js';
import { merge3 } from '../../../../../shared/merge/merge3.js';
import { bothVersions, compareVersions } from '../combine.js';
import type { VersionPart } from '../combine.js';
import '../editor.css';

interface Props {
  lang: Lang;
  theirs: string;
  /** The user's text as it is now: they may go on typing in the cell while the panel is open. */
  yours: string;
  onKeepTheirs: () => void;
  onUse: (text: string) => void;
}

/** The combine box: its text, the start it was last brought up to date with, and whether that went cleanly. */
interface Box {
  from: string;
  text: string;
  moved: boolean;
}

/**
 * Both versions side by side with the words that differ marked, and a box to
 * combine them that starts from both (combine.ts) — nothing is thrown away
 * until the user picks. The box follows the versions: untouched, it is the
 * fresh start; once edited, whatever changed in the versions since is merged
 * into the user's text, and if that cannot be done cleanly their text is left
 * as it is with a note, never replaced by an older copy.
 */
export function ConflictPanel({ lang, theirs, yours, onKeepTheirs, onUse }: Props) {
  const { t } = useTranslation();
  const parts = useMemo(() => compareVersions(theirs, yours, lang), [theirs, yours, lang]);
  const start = useMemo(() => bothVersions(parts, lang), [parts, lang]);
  const [box, setBox] = useState<Box>({ from: start, text: start, moved: false });
  if (box.from !== start) setBox(follow(box, start));
  const id = useId();
  const tag = LANG_TAG[lang];
  return (
    <section className="conflict" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('grid.conflict.title')}</h3>
      <div className="conflict-versions">
        <figure>
          <figcaption>{t('grid.conflict.theirs')}</figcaption>
          <p lang={tag} className="conflict-text" data-testid="conflict-theirs">
            <Marked parts={parts} side="theirs" />
          </p>
          <button type="button" onClick={onKeepTheirs} aria-describedby={`${id}-kept`}>
            {t('grid.conflict.keepTheirs')}
          </button>
          <small id={`${id}-kept`} className="conflict-kept">
            {t('grid.conflict.keptInHistory')}
          </small>
        </figure>
        <figure>
          <figcaption>{t('grid.conflict.yours')}</figcaption>
          <p lang={tag} className="conflict-text" data-testid="conflict-yours">
            <Marked parts={parts} side="yours" />
          </p>
          <button type="button" onClick={() => onUse(yours)}>
            {t('grid.conflict.keepYours')}
          </button>
        </figure>
      </div>
      <label className="conflict-combine">
        {t('grid.conflict.combined')}
        <textarea lang={tag} value={box.text} onChange={(e) => setBox({ from: start, text: e.target.value, moved: false })} />
      </label>
      {box.moved && (
        <p role="status" className="conflict-moved">
          {t('grid.conflict.moved')}
        </p>
      )}
      <button type="button" className="primary" onClick={() => onUse(box.text)}>
        {t('grid.conflict.combine')}
      </button>
    </section>
  );
}

/** Brings the box up to date with a new start (the versions changed): three-way, as edits are merged everywhere else. */
function follow(box: Box, start: string): Box {
  if (box.text === box.from) return { from: start, text: start, moved: false };
  const merged = merge3(box.from, start, box.text);
  return merged.ok ? { from: start, text: merged.text, moved: false } : { from: start, text: box.text, moved: true };
}

/** One version, with the words only it has marked. */
function Marked({ parts, side }: { parts: readonly VersionPart[]; side: 'theirs' | 'yours' }) {
  return parts.map((p, i) =>
    p.side === 'both' ? (
      <span key={i}>{p.text}</span>
    ) : p.side === side ? (
      <mark key={i} className={`conflict-mark conflict-mark-${side}`}>
        {p.text}
      </mark>
    ) : null,
  );
}
