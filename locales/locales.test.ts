import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../shared/protocol/errors.js';

/**
 * Guards the five UI locales against drift from `en`, the source of the key
 * type. Plural keys are compared by their base key: each locale must carry
 * exactly the plural forms its language needs (Intl.PluralRules), no more.
 */
const UI_LOCALES = ['en', 'zh', 'ru', 'kk', 'uz'] as const;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/u;
/** Values that may legitimately equal the English ones (names, pure placeholders). */
const SAME_AS_EN_ALLOWED = new Set([
  'app.name',
  'grid.cell.editingHere',
  'grid.header.number',
  'aids.tm.score',
  'review.activity.where',
  'reading.grid.columnScript',
  'aids.checks.both',
]);
/** Namespaces besides `translation`, each a file `<lang>/<ns>.json`, checked under the key prefix `<ns>.`. */
const NAMESPACES = ['interchange', 'aids', 'review', 'reading'] as const;

type Tree = { [k: string]: string | Tree };

function load(lang: string): Tree {
  const read = (file: string): Tree => JSON.parse(readFileSync(new URL(`./${lang}/${file}.json`, import.meta.url), 'utf8')) as Tree;
  const tree = read('translation');
  for (const ns of NAMESPACES) tree[ns] = read(ns);
  return tree;
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** base key → set of plural categories present (empty set for a non-plural key). */
function shape(flat: Map<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of flat.keys()) {
    const m = PLURAL_SUFFIX.exec(key);
    const base = m ? key.slice(0, m.index) : key;
    const forms = out.get(base) ?? new Set<string>();
    if (m?.[1]) forms.add(m[1]);
    out.set(base, forms);
  }
  return out;
}

const en = flatten(load('en'));
const enShape = shape(en);

describe.each(UI_LOCALES)('locale %s', (lang) => {
  const flat = flatten(load(lang));
  const own = shape(flat);
  const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];

  it('has exactly the keys en has', () => {
    const missing = [...enShape.keys()].filter((k) => !own.has(k));
    const extra = [...own.keys()].filter((k) => !enShape.has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('has no empty strings', () => {
    const empty = [...flat].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('has every plural form its language needs, and no others', () => {
    const problems: string[] = [];
    for (const [base, enForms] of enShape) {
      if (enForms.size === 0) continue;
      const forms = own.get(base) ?? new Set<string>();
      for (const c of needed) if (!forms.has(c)) problems.push(`${base}: missing _${c}`);
      for (const c of forms) if (!needed.includes(c)) problems.push(`${base}: extra _${c}`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps the interpolation placeholders of en', () => {
    const vars = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/gu)].map((m) => m[1] ?? '').sort();
    const problems: string[] = [];
    for (const [key, value] of flat) {
      const base = key.replace(PLURAL_SUFFIX, '');
      const enValue = en.get(key) ?? en.get(`${base}_other`) ?? '';
      if (JSON.stringify(vars(value)) !== JSON.stringify(vars(enValue))) problems.push(key);
    }
    expect(problems).toEqual([]);
  });
});

describe.each(UI_LOCALES.filter((l) => l !== 'en'))('locale %s', (lang) => {
  it('is translated, not an English copy', () => {
    const flat = flatten(load(lang));
    const copies = [...flat].filter(([k, v]) => !SAME_AS_EN_ALLOWED.has(k) && en.get(k) === v).map(([k]) => k);
    expect(copies).toEqual([]);
  });
});

describe('error codes', () => {
  it('every server error code has a message (errors.<code>)', () => {
    const missing = ERROR_CODES.filter((c) => !en.has(`errors.${c}`));
    expect(missing).toEqual([]);
  });
});

describe('locale scripts', () => {
  it('writes Kazakh in Cyrillic and Uzbek in Latin, file formats by their own names', () => {
    const letters = (lang: string): string =>
      [...flatten(load(lang)).values()]
        .join(' ')
        .replace(/\{\{\w+\}\}|\.(txt|md)\b|\b(XLIFF|TMX|PO|gettext|HTML|DOCX|CSV|TBX|Markdown|Word|UTF-(8|16))\b/gu, '');
    expect(letters('kk')).not.toMatch(/[A-Za-z]/u);
    expect(letters('uz')).not.toMatch(/\p{Script=Cyrillic}/u);
  });
});

describe('file format names', () => {
  it('keeps the names XLIFF, TMX and PO in every locale that mentions them in en', () => {
    const enFlat = flatten(load('en'));
    const problems: string[] = [];
    for (const lang of UI_LOCALES) {
      const flat = flatten(load(lang));
      for (const [key, value] of enFlat) {
        for (const name of ['XLIFF', 'TMX', 'PO', 'HTML']) {
          if (new RegExp(`\\b${name}\\b`, 'u').test(value) && !new RegExp(`\\b${name}\\b`, 'u').test(flat.get(key) ?? ''))
            problems.push(`${lang} ${key}: ${name}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
