import type { Lang } from '../languages.js';
import { foldForMatch } from '../text/normalize.js';
import { finding, type CheckInput, type Finding, type TextRange } from './types.js';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * The part of a term word that must appear. Russian, Kazakh and Uzbek inflect
 * (Шанхайская → Шанхайской, Қазақстан → Қазақстанның, Prezident → Prezidenti),
 * so a long word may lose its last two letters, a mid-length one its last
 * letter, and any word may take a suffix. English only takes s/es/'s; Chinese
 * has no inflection and no spaces, so it is a plain substring.
 */
function stem(word: string, lang: Lang): string {
  if (lang === 'en' || lang === 'zh') return word;
  const letters = [...word];
  if (letters.length >= 6) return letters.slice(0, -2).join('');
  if (letters.length >= 4) return letters.slice(0, -1).join('');
  return word;
}

function termPattern(term: string, lang: Lang): RegExp | null {
  const folded = foldForMatch(term.trim(), lang);
  if (!folded) return null;
  if (lang === 'zh') return new RegExp(escapeRegExp(folded), 'gu');
  const words = folded.split(/[\s-]+/u).filter(Boolean);
  const rest = lang === 'en' ? "(?:e?s|['’]s)?" : "[\\p{L}\\p{M}ʻʼ'’]*";
  const body = words.map((w) => `${escapeRegExp(stem(w, lang))}${rest}`).join('[\\s-]+');
  return new RegExp(`(?<![\\p{L}\\p{M}])${body}(?![\\p{L}\\p{M}])`, 'gu');
}

/** Where a glossary term occurs in a text, inflected forms included; ranges index the original text. */
export function findTerm(text: string, term: string, lang: Lang): TextRange[] {
  const re = termPattern(term, lang);
  if (!re) return [];
  const folded = foldForMatch(text, lang);
  return [...folded.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

export function checkGlossary({ source, target, sourceLang, targetLang, glossary }: CheckInput): Finding[] {
  if (!glossary) return [];
  const out: Finding[] = [];
  for (const term of glossary.terms) {
    const src = term[sourceLang];
    const tgt = term[targetLang];
    if (src && tgt && findTerm(source, src, sourceLang).length > 0 && findTerm(target, tgt, targetLang).length === 0) {
      out.push(
        finding('glossary_missing', null, `Glossary: "${src}" should be translated as "${tgt}"`, {
          source: src,
          expected: tgt,
          ...(term.note ? { note: term.note } : {}),
        }),
      );
    }
    for (const bad of term.forbidden ?? []) {
      if (bad.lang !== targetLang) continue;
      const ranges = findTerm(target, bad.text, targetLang);
      if (ranges.length === 0) continue;
      out.push(
        finding(
          'glossary_forbidden',
          null,
          tgt ? `Glossary: "${bad.text}" is a forbidden variant; use "${tgt}"` : `Glossary: "${bad.text}" is a forbidden variant`,
          { forbidden: bad.text, expected: tgt ?? '', ...(term.note ? { note: term.note } : {}) },
          ranges,
        ),
      );
    }
  }
  return out;
}
