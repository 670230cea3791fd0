export {
  MAX_TAG_ID,
  TAG_RE,
  closeTag,
  displayTag,
  hasTags,
  openTag,
  pieces,
  standaloneTag,
  stripTags,
  tagKey,
  tagOf,
  tagString,
  tagsOf,
} from './codes.js';
export type { Piece, Tag, TagKind } from './codes.js';
export { repairTags, tagProblems, wrap } from './check.js';
export type { TagProblem, TagProblemKind } from './check.js';
