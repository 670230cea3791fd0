import { useRef } from 'react';

/**
 * A memo for values derived from the sync engine's document, which the engine
 * updates in place: `keys` are the counters that say it changed (`version`,
 * `layout`) beside the ordinary inputs, and need not be read by `compute`
 * (useMemo's dependency list may only name what the function reads, and an
 * object changed in place never looks changed). Recomputes when any key
 * differs (Object.is) from the previous render's.
 */
export function useKeyedMemo<T>(compute: () => T, keys: readonly unknown[]): T {
  const memo = useRef<{ keys: readonly unknown[]; value: T } | null>(null);
  const m = memo.current;
  if (m && m.keys.length === keys.length && m.keys.every((k, i) => Object.is(k, keys[i]))) return m.value;
  const value = compute();
  memo.current = { keys, value };
  return value;
}
