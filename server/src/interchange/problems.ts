/**
 * What an importer says about a file it refuses (or accepts with remarks).
 * `rule` is a stable id naming the rule broken (e.g. `xliff2.unit.segment-required`),
 * so a CLI, a test or the UI can key on it; `message` explains it to a person.
 */
export interface Problem {
  rule: string;
  message: string;
  /** Where in the file, as a readable path (`file[f1]/unit[u2]/segment[2]`), when known. */
  where?: string;
}

/**
 * The rule every importer refuses a lone surrogate with (a `&#xD800;`, a
 * `<cp hex="D800"/>`, or one hidden in a DOCX): Anor stores well-formed
 * Unicode only (shared/text/wellFormed.ts), so each export writes the same text.
 */
export const LONE_SURROGATE_RULE = 'text.lone-surrogate';

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export function formatProblem(p: Problem): string {
  return p.where ? `${p.rule}: ${p.message} (at ${p.where})` : `${p.rule}: ${p.message}`;
}

/** A problem sink that records each (rule, where, message) once: several checks may meet the same fault. */
export class Problems {
  readonly list: Problem[] = [];
  private readonly seen = new Set<string>();

  add(rule: string, message: string, where?: string): void {
    const key = `${rule}\u0000${where ?? ''}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(where === undefined ? { rule, message } : { rule, message, where });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }
}
