/**
 * How many operation ids per document a retry is recognised by, on either
 * store: the document service remembers this many per document in memory
 * (rebuilt from history's revisions after a restart on the embedded store),
 * and the PostgreSQL store keeps the acks of this many of a document's latest
 * operations when it prunes events below a snapshot (pg/prune.ts). Far more
 * than any client keeps in its outbox. A retry of an older operation is
 * decided afresh, as it is on the embedded store once it falls out of the map.
 */
export const OP_IDS_KEPT = 50_000;
