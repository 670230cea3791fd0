import { displayTag, pieces, tagKey, tagProblems, tagString } from '../inline/index.js';
import type { TagProblemKind } from '../inline/index.js';
import { finding } from './types.js';
import type { CheckInput, Finding, TextRange } from './types.js';

const MESSAGES: Record<TagProblemKind, string> = {
  missing: 'Tags of the source are missing from the translation',
  extra: 'The translation has tags the source does not',
  duplicate: 'Tags appear more than once in the translation',
  nesting: 'Tags are crossed or left open',
};

/**
 * Inline codes (bold, links, footnote references …) imported with a DOCX,
 * HTML or Markdown file: every tag of the source must be in the translation
 * exactly once, and pairs well nested, or the file cannot be rebuilt as it
 * was (the export repairs, but loses formatting or moves a footnote to the
 * end). One finding per kind of problem, naming the tags.
 */
export function checkTags(input: CheckInput): Finding[] {
  const problems = tagProblems(input.source, input.target);
  if (problems.length === 0) return [];
  const out: Finding[] = [];
  for (const kind of ['missing', 'extra', 'duplicate', 'nesting'] as const) {
    const these = problems.filter((p) => p.kind === kind);
    if (these.length === 0) continue;
    const keys = new Set(these.map((p) => tagKey(p.tag)));
    const ranges: TextRange[] = [];
    if (kind !== 'missing') {
      let at = 0;
      for (const p of pieces(input.target)) {
        const len = 'text' in p ? p.text.length : tagString(p.tag).length;
        if ('tag' in p && keys.has(tagKey(p.tag))) ranges.push({ start: at, end: at + len });
        at += len;
      }
    }
    const tags = these.map((p) => displayTag(p.tag)).join(' ');
    out.push(finding('tags', kind, `${MESSAGES[kind]}: ${tags}`, { tags }, ranges));
  }
  return out;
}
