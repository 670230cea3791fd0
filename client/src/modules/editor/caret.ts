/**
 * Where the caret belongs after the text under it changed (a remote edit was
 * merged in). Text before the caret that grew or shrank shifts it; changes
 * after it leave it alone. The changed span is found by common prefix and
 * suffix, which is exact for the single-span changes a merge produces.
 */
export function adjustCaret(before: string, after: string, caret: number): number {
  if (before === after) return caret;
  let pre = 0;
  const max = Math.min(before.length, after.length);
  while (pre < max && before[pre] === after[pre]) pre++;
  let suf = 0;
  while (suf < max - pre && before[before.length - 1 - suf] === after[after.length - 1 - suf]) suf++;
  if (caret <= pre) return caret;
  if (caret >= before.length - suf) return Math.min(after.length, caret + (after.length - before.length));
  // The caret was inside the replaced span: put it at the end of the replacement.
  return after.length - suf;
}
