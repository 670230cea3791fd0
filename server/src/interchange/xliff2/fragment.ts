import { isNmtoken } from './values.js';

/**
 * XLIFF 2 fragment identifiers (`#f=f1/u=u1/n=n2`, spec §"Fragment Identification"):
 * selectors `prefix=id` from the outermost (file) inwards, ending in at most one
 * leaf (a note, data, target or module item, or a bare id for a source inline element).
 */
export interface Selector {
  prefix: string | null;
  id: string;
}

export type FragmentParse = { ok: true; absolute: boolean; selectors: Selector[] } | { ok: false; rule: string; why: string };

const CORE_PREFIXES: Record<string, number> = { f: 0, g: 1, u: 2, n: 3, d: 3, t: 3 };
/**
 * Prefixes of the XLIFF 2 modules and of extensions registered with the TC
 * (`tbx` for TBX termbases). Others must be registered before use, so they are refused.
 */
const REGISTERED_PREFIXES: ReadonlySet<string> = new Set(['mtc', 'gls', 'fs', 'mda', 'res', 'ctr', 'slr', 'val', 'its', 'tbx']);

export function parseFragment(ref: string): FragmentParse {
  if (!ref.startsWith('#')) return { ok: false, rule: 'xliff2.fragment.syntax', why: 'a fragment identifier starts with #' };
  let body = ref.slice(1);
  const absolute = body.startsWith('/');
  if (absolute) body = body.slice(1);
  if (body === '') return { ok: false, rule: 'xliff2.fragment.syntax', why: 'empty fragment identifier' };
  const selectors: Selector[] = [];
  let rank = -1;
  let leafSeen = false;
  for (const part of body.split('/')) {
    if (leafSeen)
      return { ok: false, rule: 'xliff2.fragment.leaf-last', why: `"${part}" follows the leaf selector; only one leaf, and last` };
    const eq = part.indexOf('=');
    if (eq < 0) {
      if (!isNmtoken(part)) return { ok: false, rule: 'xliff2.fragment.syntax', why: `"${part}" is not a valid id` };
      selectors.push({ prefix: null, id: part });
      leafSeen = true;
      continue;
    }
    const prefix = part.slice(0, eq);
    const id = part.slice(eq + 1);
    if (!isNmtoken(prefix)) return { ok: false, rule: 'xliff2.fragment.prefix', why: `prefix "${prefix}" is not an XML name token` };
    if (id === '') return { ok: false, rule: 'xliff2.fragment.syntax', why: `selector "${part}" has no id` };
    let r = CORE_PREFIXES[prefix];
    if (r === undefined) {
      if (prefix.length < 2)
        return {
          ok: false,
          rule: 'xliff2.fragment.prefix',
          why: `prefix "${prefix}" is too short: module and extension prefixes have at least two characters`,
        };
      if (!REGISTERED_PREFIXES.has(prefix))
        return { ok: false, rule: 'xliff2.fragment.prefix', why: `prefix "${prefix}" is not a registered module or extension prefix` };
      r = 3;
    }
    if (r < rank || (r === rank && r !== 1)) {
      return {
        ok: false,
        rule: 'xliff2.fragment.order',
        why: `selector "${part}" is out of order or repeated (file, then groups, then unit, then one leaf)`,
      };
    }
    rank = r;
    if (r === 3) leafSeen = true;
    selectors.push({ prefix, id });
  }
  if (absolute && selectors[0]?.prefix !== 'f') {
    return { ok: false, rule: 'xliff2.fragment.order', why: 'an absolute fragment identifier starts with the file selector f=' };
  }
  return { ok: true, absolute, selectors };
}
