import { checkChinesePunctuation } from './chinese.js';
import { checkGlossary } from './glossary.js';
import { checkKazakhLetters } from './kazakh.js';
import { checkLinks } from './links.js';
import { checkNumbers } from './numbers.js';
import { checkBrackets, checkEndPunctuation, checkQuotes, checkWhitespace } from './punctuation.js';
import { checkMixedScript, checkUzbekScript } from './script.js';
import { checkLengthRatio, checkSentenceCount, checkUntranslated } from './translation.js';
import { checkUzbekApostrophes } from './uzbek.js';
import { CHECK_IDS, type CheckInput, type Finding } from './types.js';

type Check = (input: CheckInput) => Finding[];

/** Every source/target check, one per family; each decides itself whether it applies to the language pair. */
export const CHECKS: readonly Check[] = [
  checkNumbers,
  checkEndPunctuation,
  checkBrackets,
  checkQuotes,
  checkWhitespace,
  checkLinks,
  checkUntranslated,
  checkLengthRatio,
  checkSentenceCount,
  checkGlossary,
  checkMixedScript,
  checkKazakhLetters,
  checkUzbekScript,
  checkUzbekApostrophes,
  checkChinesePunctuation,
];

const ORDER = new Map<string, number>(CHECK_IDS.map((id, i) => [id, i]));

/**
 * Runs every check on one source/target pair. Pure and synchronous, so the
 * editor can run it on each keystroke batch and the server over a whole
 * document with the same results. An empty target is "not translated yet",
 * which is a status, not a quality finding, so it yields nothing.
 */
export function runChecks(input: CheckInput): Finding[] {
  if (!input.target.trim()) return [];
  const out = CHECKS.flatMap((check) => check(input));
  return out.sort(
    (a, b) => (ORDER.get(a.check) ?? 0) - (ORDER.get(b.check) ?? 0) || (a.ranges[0]?.start ?? -1) - (b.ranges[0]?.start ?? -1),
  );
}
