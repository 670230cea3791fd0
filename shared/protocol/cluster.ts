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
}
