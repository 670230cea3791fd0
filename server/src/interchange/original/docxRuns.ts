import { escapeText } from '../xml/write.js';
import type { SegmentBuilder } from './segment.js';
import { isNode } from './xmlTree.js';
import type { XNode, XText } from './xmlTree.js';

/**
 * One Word paragraph's content as tokens. Runs (`w:r`) carry text and their
 * run properties (`w:rPr`: bold, italics, style, font …); consecutive text in
 * the paragraph's most common properties is plain text, text in any other
 * properties is wrapped in a paired tag that remembers them. Hyperlinks,
 * insertions and smart tags are paired tags around their runs. Everything
 * else — footnote and endnote references, images, fields (begin … end, kept
 * whole with their result), bookmarks, symbols, page breaks — is a
 * standalone code holding its exact XML.
 */
type Atom =
  | { k: 'text'; value: string; style: string }
  | { k: 'ph'; raw: string; label: string }
  | { k: 'wrap'; open: boolean; raw: string; ref: number; label: string };

const WRAPPERS = new Set(['w:hyperlink', 'w:ins', 'w:smartTag', 'w:customXml', 'w:dir', 'w:bdo', 'w:moveTo']);
const DROPPED = new Set(['w:proofErr', 'w:lastRenderedPageBreak', 'w:softHyphen']);

export function runXml(style: string, text: string): string {
  const inner = text
    .split(/([\t\n])/u)
    .map((s) => (s === '\t' ? '<w:tab/>' : s === '\n' ? '<w:br/>' : s === '' ? '' : `<w:t xml:space="preserve">${escapeText(s)}</w:t>`))
    .join('');
  return `<w:r>${style}${inner}</w:r>`;
}

function labelOfStyle(rpr: string): string {
  const rs = /<w:rStyle w:val="([^"]+)"/u.exec(rpr)?.[1];
  if (/<w:b(?:\s[^>]*)?\/>/u.test(rpr) && !/<w:b w:val="(?:0|false)"/u.test(rpr)) return 'b';
  if (/<w:i(?:\s[^>]*)?\/>/u.test(rpr) && !/<w:i w:val="(?:0|false)"/u.test(rpr)) return 'i';
  if (/<w:u\s/u.test(rpr)) return 'u';
  if (/w:val="superscript"/u.test(rpr)) return 'sup';
  return rs ?? 'fmt';
}

export function paragraphTokens(xml: string, content: readonly (XNode | XText)[], b: SegmentBuilder): { base: string } {
  const atoms = edgeSpaces(collectAtoms(xml, content, b));
  // The look of plain text: the run properties most of the text has, at the paragraph's level and
  // inside each hyperlink (whose runs usually carry a Hyperlink style of their own).
  const weights = new Map<number, Map<string, number>>();
  const path: number[] = [0];
  for (const a of atoms) {
    if (a.k === 'wrap') {
      if (a.open) path.push(a.ref);
      else path.pop();
    } else if (a.k === 'text') {
      const level = path[path.length - 1] ?? 0;
      const w = weights.get(level) ?? new Map<string, number>();
      w.set(a.style, (w.get(a.style) ?? 0) + a.value.trim().length);
      weights.set(level, w);
    }
  }
  const dominant = (w: Map<string, number> | undefined): string | undefined => {
    let best: string | undefined;
    let most = -1;
    for (const [style, n] of w ?? []) if (n > most) [best, most] = [style, n];
    return best;
  };
  const all = new Map<string, number>();
  for (const w of weights.values()) for (const [style, n] of w) all.set(style, (all.get(style) ?? 0) + n);
  const base = dominant(weights.get(0)) ?? dominant(all) ?? '';
  const bases: string[] = [base];
  const cur: { open: { ref: number; style: string } | null } = { open: null };
  const closeStyle = (): void => {
    if (cur.open) b.push({ t: 'close', ref: cur.open.ref, raw: '', start: 0, end: 0 });
    cur.open = null;
  };
  for (const a of atoms) {
    const here = bases[bases.length - 1] ?? base;
    if (a.k === 'text') {
      // Spaces take the look around them: a pair around a lone space is noise.
      const style = a.value.trim() === '' ? (cur.open?.style ?? here) : a.style;
      if (style !== here && cur.open?.style !== style) {
        closeStyle();
        const ref = b.ref();
        cur.open = { ref, style };
        b.push({ t: 'open', ref, raw: '', style, label: labelOfStyle(style), start: 0, end: 0 });
      } else if (style === here) closeStyle();
      b.push({ t: 'text', value: a.value, raw: runXml(a.style, a.value), start: 0, end: 0 });
      continue;
    }
    closeStyle();
    if (a.k === 'ph') b.push({ t: 'ph', raw: a.raw, label: a.label, start: 0, end: 0 });
    else if (a.open) {
      const inner = dominant(weights.get(a.ref)) ?? here;
      bases.push(inner);
      b.push({ t: 'open', ref: a.ref, raw: a.raw, style: inner, label: a.label, start: 0, end: 0 });
    } else {
      bases.pop();
      b.push({ t: 'close', ref: a.ref, raw: a.raw, start: 0, end: 0 });
    }
  }
  closeStyle();
  return { base };
}

function collectAtoms(xml: string, content: readonly (XNode | XText)[], b: SegmentBuilder): Atom[] {
  const atoms: Atom[] = [];
  collect(xml, content, atoms, b, 0);
  return atoms;
}

/**
 * The space or tab between a footnote's number and its words (and any space
 * at either end of a paragraph) is layout, not text: split off into atoms of
 * its own, it stays with the edge codes and is written back as it was.
 */
function edgeSpaces(atoms: Atom[]): Atom[] {
  const texts = atoms.flatMap((a, i) => (a.k === 'text' ? [i] : []));
  const first = texts[0];
  const last = texts[texts.length - 1];
  if (first === undefined || last === undefined) return atoms;
  const out = [...atoms];
  const split = (i: number, lead: boolean): void => {
    const a = out[i];
    if (a?.k !== 'text') return;
    const m = lead ? /^\s+/u.exec(a.value) : /\s+$/u.exec(a.value);
    if (!m || m[0].length === a.value.length) return;
    const rest = lead ? a.value.slice(m[0].length) : a.value.slice(0, -m[0].length);
    const space: Atom = { k: 'text', value: m[0], style: a.style };
    const body: Atom = { k: 'text', value: rest, style: a.style };
    out.splice(i, 1, ...(lead ? [space, body] : [body, space]));
  };
  split(last, false);
  split(first, true);
  return out;
}

const MAX_INLINE_DEPTH = 32;

function collect(xml: string, nodes: readonly (XNode | XText)[], out: Atom[], b: SegmentBuilder, depth: number): void {
  let field: { depth: number; start: number } | null = null;
  for (const n of nodes) {
    if (!isNode(n)) continue;
    const slice = xml.slice(n.start, n.end);
    const fld = n.name === 'w:r' ? fieldChange(n) : 0;
    if (field) {
      field.depth += fld;
      if (field.depth <= 0) {
        out.push({ k: 'ph', raw: xml.slice(field.start, n.end), label: 'field' });
        field = null;
      }
      continue;
    }
    if (
      fld > 0 ||
      (n.name === 'w:r' && n.children.some((c) => c.name === 'w:fldChar' && isNode(c) && c.attrs['w:fldCharType'] === 'begin'))
    ) {
      field = { depth: fld, start: n.start };
      if (field.depth <= 0) {
        out.push({ k: 'ph', raw: slice, label: 'field' });
        field = null;
      }
      continue;
    }
    if (n.name === 'w:pPr' || DROPPED.has(n.name)) continue;
    if (n.name === 'w:r') run(xml, n, out);
    else if (WRAPPERS.has(n.name) && depth < MAX_INLINE_DEPTH && n.closeStart !== n.openEnd) {
      const ref = b.ref();
      const label = n.name === 'w:hyperlink' ? 'link' : n.name.replace(/^w:/u, '');
      out.push({ k: 'wrap', open: true, raw: xml.slice(n.start, n.openEnd), ref, label });
      collect(xml, n.children, out, b, depth + 1);
      out.push({ k: 'wrap', open: false, raw: xml.slice(n.closeStart, n.end), ref, label });
    } else out.push({ k: 'ph', raw: slice, label: phLabel(n.name) });
  }
  // A field never ended inside this paragraph: kept whole as it is.
  if (field) out.push({ k: 'ph', raw: xml.slice(field.start, nodes[nodes.length - 1]?.end ?? field.start), label: 'field' });
}

/** +1 for a field's begin in this run, -1 for its end (a run may hold both). */
function fieldChange(r: XNode): number {
  let d = 0;
  for (const c of r.children) {
    if (!isNode(c) || c.name !== 'w:fldChar') continue;
    if (c.attrs['w:fldCharType'] === 'begin') d++;
    else if (c.attrs['w:fldCharType'] === 'end') d--;
  }
  return d;
}

function run(xml: string, r: XNode, out: Atom[]): void {
  const rPr = r.children.find((c): c is XNode => isNode(c) && c.name === 'w:rPr');
  const style = rPr ? xml.slice(rPr.start, rPr.end) : '';
  for (const c of r.children) {
    if (!isNode(c) || c === rPr || DROPPED.has(c.name)) continue;
    const text =
      c.name === 'w:t'
        ? c.children.map((t) => (isNode(t) ? '' : t.value)).join('')
        : c.name === 'w:tab'
          ? '\t'
          : c.name === 'w:cr' || (c.name === 'w:br' && (c.attrs['w:type'] ?? 'textWrapping') === 'textWrapping')
            ? '\n'
            : c.name === 'w:noBreakHyphen'
              ? '\u2011'
              : null;
    if (text !== null) {
      const last = out[out.length - 1];
      if (last?.k === 'text' && last.style === style) last.value += text;
      else out.push({ k: 'text', value: text, style });
    } else {
      out.push({ k: 'ph', raw: `<w:r>${style}${xml.slice(c.start, c.end)}</w:r>`, label: phLabel(c.name) });
    }
  }
}

function phLabel(name: string): string {
  const local = name.replace(/^\w+:/u, '');
  if (/^(?:footnote|endnote)Ref(?:erence)?$/u.test(local)) return 'fn';
  if (local === 'drawing' || local === 'pict' || local === 'object') return 'img';
  return local;
}
