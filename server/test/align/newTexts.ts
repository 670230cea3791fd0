import type { Lang } from '../../../shared/index.js';
import { installedTexts } from './exposed.js';
import type { PairText } from './exposed.js';

/**
 * Held-out **texts** (docs/align.md), not only held-out damage: Debian gettext
 * catalogs whose domain and direction no earlier list reads (accuracy.ts,
 * exposed.ts, fresh.ts), read in place. Every draw before this one reused the
 * texts the model and its guard were chosen on and changed only where the
 * paragraphs were dropped, added, merged or split. Fixed and committed
 * before any aligner ran on these texts, and before the rule for stretches
 * the lexicon cannot judge was chosen (that rule is chosen on seeds 1–11 of
 * the old texts). Evaluated once, as found (clean, gold 1–1) and with the
 * seeded edits of NEW_TEXTS_SEED, which no run had used either.
 *
 * Catalogs of a few dozen to about 2,000 messages; the very large ones (git
 * zh_CN, 5,569 messages) are left out only for test time. Man pages: every
 * translated page on this machine whose structure matches the English one is
 * already in fresh.ts, so there is no new long prose here — the held-out
 * texts are program messages, the kind where the guard has failed before.
 */
export const NEW_TEXT_CATALOGS: readonly (readonly [string, Lang, Lang])[] = [
  ['gettext-tools', 'en', 'ru'],
  ['systemd', 'en', 'ru'],
  ['wget', 'en', 'ru'],
  ['Linux-PAM', 'en', 'ru'],
  ['PackageKit', 'en', 'ru'],
  ['popt', 'en', 'ru'],
  ['avahi', 'en', 'ru'],
  ['iso_4217', 'en', 'ru'],
  ['gstreamer-1.0', 'en', 'ru'],
  ['psql-15', 'en', 'ru'],
  ['gettext-tools', 'en', 'zh'],
  ['sed', 'en', 'zh'],
  ['diffutils', 'en', 'zh'],
  ['systemd', 'en', 'zh'],
  ['Linux-PAM', 'en', 'zh'],
  ['avahi', 'en', 'zh'],
  ['libidn2', 'en', 'zh'],
  ['iso_4217', 'en', 'zh'],
  ['appstream', 'en', 'zh'],
  ['gdk-pixbuf', 'en', 'zh'],
  ['gdk-pixbuf', 'en', 'kk'],
  ['iso_3166-3', 'en', 'kk'],
  ['gtk30-properties', 'en', 'uz'],
  ['gtk20-properties', 'en', 'uz'],
  ['systemd', 'ru', 'zh'],
  ['gettext-tools', 'zh', 'ru'],
  ['wget', 'ru', 'zh'],
  ['Linux-PAM', 'zh', 'kk'],
  ['PackageKit', 'kk', 'ru'],
  ['gdk-pixbuf', 'kk', 'uz'],
  ['gdk-pixbuf', 'uz', 'zh'],
  ['gtk30-properties', 'uz', 'kk'],
  ['gtk20-properties', 'ru', 'uz'],
  ['iso_3166-3', 'kk', 'zh'],
  ['gstreamer-1.0', 'zh', 'ru'],
];

/** The damage seed of the new texts: no run had used it when it was fixed. */
export const NEW_TEXTS_SEED = 15;

export function newTexts(): PairText[] {
  return installedTexts(NEW_TEXT_CATALOGS, () => []);
}
