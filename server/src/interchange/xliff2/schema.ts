import type { AttrType } from './values.js';

/**
 * The XLIFF 2.0/2.1 core schema (xliff_core_2.0.xsd) as data: allowed attributes,
 * required ones, which foreign attributes an element takes, and its content model.
 * `structure.ts` walks a document against it — this is the XSD's share of the
 * checks; the processing requirements live in the other rule files.
 */

/** `any`: attributes of any other namespace; `modules`: only those of inline-code modules (fs, slr, its). */
export type ForeignAttrs = 'any' | 'modules' | 'none';

export type Particle = { el: string; min: number; max: number } | { choice: string[]; min: number; max: number } | { other: true };

export type Content =
  | { kind: 'sequence'; particles: Particle[] }
  | { kind: 'inline' }
  | { kind: 'text' }
  | { kind: 'data' }
  | { kind: 'empty' }
  | { kind: 'foreign' };

export interface ElementSpec {
  attrs: Record<string, AttrType>;
  required: string[];
  /** xml:lang / xml:space allowed even when foreign attributes are not. */
  xmlAttrs: ('lang' | 'space')[];
  foreign: ForeignAttrs;
  content: Content;
}

const INF = Number.POSITIVE_INFINITY;
export const INLINE_ELEMENTS: ReadonlySet<string> = new Set(['cp', 'ph', 'pc', 'sc', 'ec', 'mrk', 'sm', 'em']);

const codeCommon: Record<string, AttrType> = {
  canCopy: 'yesNo',
  canDelete: 'yesNo',
  canReorder: 'yesNoFirstNo',
  copyOf: 'nmtoken',
  subType: 'userDefined',
  type: 'codeType',
};
/** What <sc> and <ec> (the two halves of a spanning code) both take; <ec> adds startRef. */
const boundaryCodeAttrs: Record<string, AttrType> = {
  ...codeCommon,
  id: 'nmtoken',
  canOverlap: 'yesNo',
  dataRef: 'nmtoken',
  dir: 'dir',
  disp: 'string',
  equiv: 'string',
  isolated: 'yesNo',
};
const markerAttrs: Record<string, AttrType> = { id: 'nmtoken', translate: 'yesNo', type: 'mrkType', ref: 'string', value: 'string' };
const structural: Record<string, AttrType> = {
  id: 'nmtoken',
  name: 'string',
  canResegment: 'yesNo',
  translate: 'yesNo',
  srcDir: 'dir',
  trgDir: 'dir',
  type: 'userDefined',
};

function spec(
  attrs: Record<string, AttrType>,
  required: string[],
  foreign: ForeignAttrs,
  content: Content,
  xmlAttrs: ('lang' | 'space')[] = [],
): ElementSpec {
  return { attrs, required, foreign, content, xmlAttrs };
}

export const CORE: Record<string, ElementSpec> = {
  xliff: spec({ version: 'string', srcLang: 'language', trgLang: 'language' }, ['version', 'srcLang'], 'any', {
    kind: 'sequence',
    particles: [{ el: 'file', min: 1, max: INF }],
  }),
  file: spec(
    { id: 'nmtoken', canResegment: 'yesNo', original: 'string', translate: 'yesNo', srcDir: 'dir', trgDir: 'dir' },
    ['id'],
    'any',
    {
      kind: 'sequence',
      particles: [
        { el: 'skeleton', min: 0, max: 1 },
        { other: true },
        { el: 'notes', min: 0, max: 1 },
        { choice: ['unit', 'group'], min: 1, max: INF },
      ],
    },
  ),
  skeleton: spec({ href: 'string' }, [], 'none', { kind: 'foreign' }),
  group: spec(structural, ['id'], 'any', {
    kind: 'sequence',
    particles: [{ other: true }, { el: 'notes', min: 0, max: 1 }, { choice: ['unit', 'group'], min: 0, max: INF }],
  }),
  unit: spec(structural, ['id'], 'any', {
    kind: 'sequence',
    particles: [
      { other: true },
      { el: 'notes', min: 0, max: 1 },
      { el: 'originalData', min: 0, max: 1 },
      { choice: ['segment', 'ignorable'], min: 1, max: INF },
    ],
  }),
  segment: spec({ id: 'nmtoken', canResegment: 'yesNo', state: 'state', subState: 'string' }, [], 'none', {
    kind: 'sequence',
    particles: [
      { el: 'source', min: 1, max: 1 },
      { el: 'target', min: 0, max: 1 },
    ],
  }),
  ignorable: spec({ id: 'nmtoken' }, [], 'none', {
    kind: 'sequence',
    particles: [
      { el: 'source', min: 1, max: 1 },
      { el: 'target', min: 0, max: 1 },
    ],
  }),
  notes: spec({}, [], 'none', { kind: 'sequence', particles: [{ el: 'note', min: 1, max: INF }] }),
  note: spec({ id: 'nmtoken', appliesTo: 'appliesTo', category: 'string', priority: 'priority' }, [], 'any', {
    kind: 'text',
  }),
  originalData: spec({}, [], 'none', { kind: 'sequence', particles: [{ el: 'data', min: 1, max: INF }] }),
  data: spec({ id: 'nmtoken', dir: 'dir' }, ['id'], 'none', { kind: 'data' }, ['space']),
  source: spec({}, [], 'none', { kind: 'inline' }, ['lang', 'space']),
  target: spec({ order: 'positiveInteger' }, [], 'none', { kind: 'inline' }, ['lang', 'space']),
  cp: spec({ hex: 'hex' }, ['hex'], 'none', { kind: 'empty' }),
  ph: spec({ ...codeCommon, id: 'nmtoken', disp: 'string', equiv: 'string', dataRef: 'nmtoken', subFlows: 'nmtokens' }, ['id'], 'modules', {
    kind: 'empty',
  }),
  pc: spec(
    {
      ...codeCommon,
      id: 'nmtoken',
      canOverlap: 'yesNo',
      dispEnd: 'string',
      dispStart: 'string',
      equivEnd: 'string',
      equivStart: 'string',
      dataRefEnd: 'nmtoken',
      dataRefStart: 'nmtoken',
      subFlowsEnd: 'nmtokens',
      subFlowsStart: 'nmtokens',
      dir: 'dir',
    },
    ['id'],
    'modules',
    { kind: 'inline' },
  ),
  sc: spec(
    {
      ...boundaryCodeAttrs,
      subFlows: 'nmtokens',
    },
    ['id'],
    'modules',
    { kind: 'empty' },
  ),
  ec: spec(
    {
      ...boundaryCodeAttrs,
      startRef: 'nmtoken',
      subFlows: 'nmtokens',
    },
    [],
    'modules',
    { kind: 'empty' },
  ),
  mrk: spec(markerAttrs, ['id'], 'any', { kind: 'inline' }),
  sm: spec(markerAttrs, ['id'], 'any', { kind: 'empty' }),
  em: spec({ startRef: 'nmtoken' }, ['startRef'], 'none', { kind: 'empty' }),
};

/**
 * XLIFF 2.2 (its own namespace) changes the core schema in two places: notes
 * and module metadata may sit on <xliff> before the files, and a <note> may
 * point at what it is about with `ref`. Everything else is as in 2.0/2.1.
 */
export const CORE_22: Record<string, ElementSpec> = {
  ...CORE,
  xliff: {
    ...CORE.xliff!,
    content: {
      kind: 'sequence',
      particles: [{ el: 'notes', min: 0, max: 1 }, { other: true }, { el: 'file', min: 1, max: INF }],
    },
  },
  note: { ...CORE.note!, attrs: { ...CORE.note!.attrs, ref: 'string' } },
};
