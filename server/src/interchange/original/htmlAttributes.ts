/**
 * Where each attribute's value sits in an opening tag's source, which
 * htmlparser2 does not report: `alt` and `title` are translated in place.
 */
export interface AttrSpan {
  name: string;
  /** The value's span inside the tag source, quotes excluded. */
  start: number;
  end: number;
  quote: '"' | "'" | '';
}

const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/gu;

export function attributeSpans(tag: string): AttrSpan[] {
  const nameEnd = /^<[^\s/>]+/u.exec(tag)?.[0].length ?? 1;
  const out: AttrSpan[] = [];
  ATTR.lastIndex = nameEnd;
  for (let m = ATTR.exec(tag); m; m = ATTR.exec(tag)) {
    const [whole, name, dq, sq, bare] = m;
    const value = dq ?? sq ?? bare;
    if (value === undefined) continue;
    const end = m.index + whole.length - (dq !== undefined || sq !== undefined ? 1 : 0);
    out.push({ name: name!.toLowerCase(), start: end - value.length, end, quote: dq !== undefined ? '"' : sq !== undefined ? "'" : '' });
  }
  return out;
}
