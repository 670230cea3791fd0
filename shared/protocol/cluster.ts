import { z } from 'zod';
import type { PresenceEntry } from './dto.js';
import { langSchema } from './schemas.js';

/**
 * What nodes say to each other over the Socket.IO adapter (serverSideEmit),
 * not what a browser sends. Still parsed on arrival: another node may run an
 * older or newer Anor during a rolling upgrade.
 */
const presenceEntrySchema = z.object({
  userId: z.string().max(200),
  displayName: z.string().max(500),
  connectionId: z.string().max(200),
  paragraphId: z.string().max(200).nullable(),
  lang: langSchema.nullable(),
  typing: z.boolean(),
}) satisfies z.ZodType<PresenceEntry>;

/**
 * One node's own presence entries. `docs` holds every document it has
 * someone in (`full`: a heartbeat, documents missing from it are empty on that
 * node) or just the documents that changed (`full: false`, an empty list
 * meaning nobody is left there).
 */
export const presenceNodeStateSchema = z.object({
  nodeId: z.string().min(1).max(100),
  full: z.boolean(),
  docs: z.record(z.string().max(200), z.array(presenceEntrySchema)),
});
export type PresenceNodeState = z.infer<typeof presenceNodeStateSchema>;

/** Events between nodes (the third type parameter of the Socket.IO Server). */
export interface ServerSideEvents {
  /** A node's presence entries, on change and as a heartbeat. */
  'presence:node': (state: PresenceNodeState) => void;
  /** A node that just started asks the others for their whole presence at once. */
  'presence:hello': (nodeId: string) => void;
  /** The glossary or the imported memory changed on the sending node: read it again from the store. */
  'aids:changed': (what: unknown) => void;
  /** Memory rows the sending node re-derived from a document's committed events. */
  'tm:rows': (change: unknown) => void;
}

/**
 * Memory rows of one document as the node that followed its commits derived
 * them: a node that does not hold the document takes them as they are.
 */
export const tmRowsChangeSchema = z.object({
  docId: z.string().min(1).max(200),
  /** The document is gone: drop every row of it. */
  deleted: z.boolean(),
  put: z.array(
    z.object({
      id: z.string().max(500),
      paragraphId: z.string().max(200),
      texts: z.partialRecord(langSchema, z.string()),
      at: z.string().max(100),
    }),
  ),
  remove: z.array(z.string().max(500)),
});
export type TmRowsChange = z.infer<typeof tmRowsChangeSchema>;

export const aidsChangedSchema = z.enum(['glossary', 'tm']);
