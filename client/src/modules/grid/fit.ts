import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from '../../../../shared/protocol/prefs.js';
import type { ColumnWidths } from '../../../../shared/protocol/prefs.js';
import type { Lang } from '../../../../shared/languages.js';

/** The paragraph-number column, beside the cells and (narrow) above nothing. */
export const NUMBER_WIDTH = 44;
export const NUMBER_WIDTH_STACKED = 32;

export interface FitInput {
  /** Inner width of the grid's scroll box, CSS px. */
  available: number;
  source: Lang;
  /** The targets the user wants to see (column picker), in document order. */
  targets: readonly Lang[];
  /** Targets the user brought forward with the switcher, most recent first. */
  preferred: readonly Lang[];
  /** Remembered widths (server prefs); a column without one shares the free width. */
  widths: ColumnWidths;
}

export interface Fit {
  /** Too narrow for two readable columns side by side: the one target sits under the source. */
  stacked: boolean;
  /** The targets on screen, in document order. */
  visible: Lang[];
  /** Some wanted targets are off screen: the switcher chooses which are on. */
  switcher: boolean;
  /** `grid-template-columns` for the header and every row. */
  template: string;
  /** The width each visible column is laid out from (its remembered width, or the minimum). */
  base: Partial<Record<Lang, number>>;
}

const clamp = (w: number): number => Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, Math.round(w)));

/**
 * Which columns the grid shows and how wide, so that none is narrower than
 * MIN_COLUMN_WIDTH and the row never overflows its box: as many targets as fit
 * beside the source (the recently chosen first), at least one; below two
 * readable columns the target goes under the source. Pure: the grid measures,
 * this decides.
 */
export function fitColumns({ available, source, targets, preferred, widths }: FitInput): Fit {
  const order = [...preferred.filter((l) => targets.includes(l)), ...targets.filter((l) => !preferred.includes(l))];
  const first = order[0];
  if (available < NUMBER_WIDTH + 2 * MIN_COLUMN_WIDTH || first === undefined) {
    return {
      stacked: true,
      visible: first === undefined ? [] : [first],
      switcher: targets.length > 1,
      template: `${NUMBER_WIDTH_STACKED}px minmax(0, 1fr)`,
      base: {},
    };
  }
  const room = available - NUMBER_WIDTH;
  const pick = (useWidths: boolean): { langs: Lang[]; base: Partial<Record<Lang, number>> } => {
    const widthOf = (l: Lang): number => (useWidths && widths[l] !== undefined ? clamp(widths[l]) : MIN_COLUMN_WIDTH);
    const base: Partial<Record<Lang, number>> = { [source]: widthOf(source) };
    let used = widthOf(source);
    const langs: Lang[] = [];
    for (const l of order) {
      if (used + widthOf(l) > room) continue;
      used += widthOf(l);
      base[l] = widthOf(l);
      langs.push(l);
    }
    return { langs, base };
  };
  // Remembered widths that leave no room for even one target give way to the minimum.
  let chosen = pick(true);
  const useWidths = chosen.langs.length > 0;
  if (!useWidths) chosen = pick(false);
  const visible = targets.filter((l) => chosen.langs.includes(l));
  const cols = [source, ...visible];
  const fixed = (l: Lang): boolean => useWidths && widths[l] !== undefined;
  const anyFlexible = cols.some((l) => !fixed(l));
  const template = cols
    .map((l, i) => {
      const w = chosen.base[l] ?? MIN_COLUMN_WIDTH;
      if (!fixed(l)) return `minmax(${MIN_COLUMN_WIDTH}px, 1fr)`;
      // All fixed: the last one takes what is left, so the row still fills the box.
      return !anyFlexible && i === cols.length - 1 ? `minmax(${w}px, 1fr)` : `${w}px`;
    })
    .join(' ');
  return {
    stacked: false,
    visible,
    switcher: visible.length < targets.length,
    template: `${NUMBER_WIDTH}px ${template}`,
    base: chosen.base,
  };
}

/**
 * The widest a column may be dragged: room stays for one more column beside
 * it. Targets that no longer fit move to the switcher (fitColumns).
 */
export function maxWidthOf(available: number): number {
  return Math.max(MIN_COLUMN_WIDTH, Math.min(MAX_COLUMN_WIDTH, Math.floor(available - NUMBER_WIDTH - MIN_COLUMN_WIDTH)));
}
