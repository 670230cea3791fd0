/**
 * The few globals shared/ uses that both of its runtimes provide (Node 20 and
 * every browser the client supports). shared/ compiles without the DOM and
 * Node type libraries, so that nothing platform-specific slips into it.
 */
declare function structuredClone<T>(value: T): T;
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
