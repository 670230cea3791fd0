import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../../../shared/index.js';
import { MAN_PAGES } from './accuracy.js';
import { HELD_OUT_MAN, installedTexts } from './exposed.js';
import type { PairText } from './exposed.js';

/**
 * The fresh held-out set (docs/align.md): parallel text that no constant of
 * the aligner was chosen on and that nobody looked at before the constants of
 * safe.ts were fixed. The older held-out set (exposed.ts) was looked at while
 * the model was changed, so it now counts as tuning. Three sources, none of
 * which is in the tuning set:
 * - Anor's own interface strings in its five languages (locales/, snapshot
 *   of commit 9973c20 in server/test/fixtures/align/ui/, key order of the
 *   English files), every ordered pair, joined by key: short UI strings
 *   written by the project, with {{placeholders}};
 * - Debian gettext catalogs whose domains neither tuning list reads, read in
 *   place, English→X and X→Y joined by msgid;
 * - every translated man page (ru, zh_CN) whose roff structure matches the
 *   English page and that neither tuning list names.
 */
const UI = fileURLToPath(new URL('../fixtures/align/ui/', import.meta.url));
const LANGS5: Lang[] = ['en', 'zh', 'ru', 'kk', 'uz'];

function uiPairs(): PairText[] {
  const maps = new Map(LANGS5.map((l) => [l, JSON.parse(readFileSync(`${UI}${l}.json`, 'utf8')) as Record<string, string>]));
  const out: PairText[] = [];
  for (const a of LANGS5) {
    for (const b of LANGS5) {
      if (a === b) continue;
      const sa = maps.get(a)!;
      const sb = maps.get(b)!;
      const keys = Object.keys(maps.get('en')!).filter((k) => sa[k]?.trim() && sb[k]?.trim());
      out.push({
        name: `ui strings ${a}→${b}`,
        origin: 'server/test/fixtures/align/ui/',
        sourceLang: a,
        targetLang: b,
        source: keys.map((k) => sa[k]!),
        target: keys.map((k) => sb[k]!),
      });
    }
  }
  return out;
}

const FRESH_CATALOGS: readonly [string, Lang, Lang][] = [
  ['tar', 'en', 'ru'],
  ['tar', 'en', 'zh'],
  ['bash', 'en', 'ru'],
  ['bash', 'en', 'zh'],
  ['make', 'en', 'ru'],
  ['make', 'en', 'zh'],
  ['apt', 'en', 'ru'],
  ['apt', 'en', 'zh'],
  ['dpkg', 'en', 'ru'],
  ['dpkg', 'en', 'zh'],
  ['procps-ng', 'en', 'zh'],
  ['xz', 'en', 'zh'],
  ['adduser', 'en', 'ru'],
  ['at-spi2-core', 'en', 'kk'],
  ['shared-mime-info', 'en', 'kk'],
  ['xdg-user-dirs', 'en', 'kk'],
  ['iso_3166-1', 'en', 'kk'],
  ['iso_3166-1', 'en', 'uz'],
  ['tar', 'ru', 'zh'],
  ['bash', 'zh', 'ru'],
  ['dpkg', 'ru', 'zh'],
  ['at-spi2-core', 'kk', 'ru'],
  ['at-spi2-core', 'zh', 'kk'],
  ['shared-mime-info', 'ru', 'kk'],
  ['shared-mime-info', 'kk', 'zh'],
  ['iso_3166-1', 'uz', 'kk'],
  ['iso_3166-1', 'kk', 'uz'],
  ['iso_3166-1', 'uz', 'ru'],
  ['iso_3166-1', 'zh', 'uz'],
];

function freshManPages(locale: 'ru' | 'zh_CN'): string[] {
  const known = new Set([...MAN_PAGES, ...HELD_OUT_MAN]);
  const out: string[] = [];
  let sections: string[];
  try {
    sections = readdirSync(`/usr/share/man/${locale}`).filter((d) => /^man\d$/u.test(d));
  } catch {
    return out;
  }
  for (const sec of sections.sort()) {
    for (const f of readdirSync(`/usr/share/man/${locale}/${sec}`).sort()) {
      const page = `${sec}/${f.replace(/\.gz$/u, '')}`;
      // A symbolic link is another name for a page already counted (vigr.8 is vipw.8).
      if (f.endsWith('.gz') && !known.has(page) && !lstatSync(`/usr/share/man/${locale}/${sec}/${f}`).isSymbolicLink()) out.push(page);
    }
  }
  return out;
}

export function freshHeldOut(): PairText[] {
  return [...uiPairs(), ...installedTexts(FRESH_CATALOGS, freshManPages)];
}
