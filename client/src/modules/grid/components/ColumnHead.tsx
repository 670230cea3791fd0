import { useRef } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_COLUMN_WIDTH } from '../../../../../shared/protocol/prefs.js';
import type { Lang } from '../../../../../shared/languages.js';

export interface ColumnResize {
  /** The widest the column may become with the others kept as they are. */
  max: (lang: Lang) => number;
  /** A new width, or null to share the free room again. */
  onResize: (lang: Lang, width: number | null) => void;
}

interface Props {
  lang: Lang;
  isSource: boolean;
  editable: boolean;
  /** Absent where a column cannot be resized (the last one fills the row; one column under another). */
  resize?: ColumnResize;
  /** The width it is laid out from, for the handle's value. */
  width: number;
}

const STEP = 16;

/**
 * A column's head: its language, whether it is the source, whether the
 * signed-in user may type in it (in words, not only colour), and a handle to
 * resize it by pointer or keyboard (arrows, Shift for bigger steps, Home for
 * the shared width).
 */
export function ColumnHead({ lang, isSource, editable, resize, width: laidOut }: Props) {
  const { t } = useTranslation();
  const head = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; width: number } | null>(null);
  const name = t(`langs.${lang}`);
  const width = (): number => Math.round(head.current?.getBoundingClientRect().width ?? MIN_COLUMN_WIDTH);
  const set = (w: number): void => {
    if (!resize) return;
    resize.onResize(lang, Math.max(MIN_COLUMN_WIDTH, Math.min(resize.max(lang), Math.round(w))));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, width: width() };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    if (drag.current) set(drag.current.width + e.clientX - drag.current.x);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const step = e.shiftKey ? STEP * 4 : STEP;
    if (e.key === 'ArrowRight') set(width() + step);
    else if (e.key === 'ArrowLeft') set(width() - step);
    else if (e.key === 'Home') resize?.onResize(lang, null);
    else return;
    e.preventDefault();
  };
  return (
    <div ref={head} className={`col-head ${editable ? 'col-editable' : 'col-readonly'}`} data-lang={lang}>
      <span className="col-name">
        {name}
        {isSource && <span className="col-source"> · {t('grid.header.source')}</span>}
      </span>
      <span className={`col-access ${editable ? 'col-access-edit' : 'col-access-read'}`}>
        {editable ? t('grid.header.editable') : t('grid.header.readOnly')}
      </span>
      {resize && (
        <div
          className="col-resize"
          role="separator"
          aria-orientation="vertical"
          aria-label={t('grid.header.resize', { lang: name })}
          aria-valuemin={MIN_COLUMN_WIDTH}
          aria-valuemax={resize.max(lang)}
          aria-valuenow={laidOut}
          tabIndex={0}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={() => (drag.current = null)}
          onPointerCancel={() => (drag.current = null)}
          onDoubleClick={() => resize.onResize(lang, null)}
          onKeyDown={onKeyDown}
        />
      )}
    </div>
  );
}
