/**
 * A file on the wire: an upload's raw bytes, or a download. The route map
 * spells it like this rather than as the DOM's `Blob`, which shared/ (built
 * without the DOM and Node libraries) cannot name; a browser Blob is one.
 */
export interface WireFile {
  readonly size: number;
  readonly type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}
