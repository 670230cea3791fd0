/**
 * Cells with an input-method composition going on (compositionstart → end):
 * the text the editor shows, and the text it started from. The outbox and
 * the wire never see it (pinyin is not text), and remote changes wait
 * underneath so the composition is never disturbed; at the end the
 * committed text is merged onto whatever happened meanwhile.
 */
export class Compositions {
  private readonly byKey = new Map<string, { base: string; shown: string }>();

  /** What the editor shows of the cell's composition, if one is going on. */
  shown(key: string): string | undefined {
    return this.byKey.get(key)?.shown;
  }

  start(key: string, now: string): void {
    this.byKey.set(key, { base: now, shown: now });
  }

  /** Typing inside a composition is only shown; false when none is going on in the cell. */
  typed(key: string, text: string): boolean {
    const composition = this.byKey.get(key);
    if (!composition) return false;
    composition.shown = text;
    return true;
  }

  /** Ends the cell's composition: the text it started from, or undefined when none was going on. */
  end(key: string): { base: string } | undefined {
    const composition = this.byKey.get(key);
    this.byKey.delete(key);
    return composition;
  }

  /** An unfinished composition is not text: dropped. */
  clear(): void {
    this.byKey.clear();
  }
}
