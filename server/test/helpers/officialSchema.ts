import { checkOfficialSchema } from '../../src/interchange/officialSchema.js';
import type { SchemaName } from '../../src/interchange/officialSchema.js';

/**
 * Validates text against an official schema (server/schemas/, libxml2 in
 * WebAssembly: no xmllint needed) and returns what a test asserts on:
 * `valid`, and libxml2's messages as one string for the failure message.
 */
export async function validateAgainst(text: string, schema: SchemaName): Promise<{ valid: boolean; errors: string }> {
  const r = await checkOfficialSchema(text, schema);
  if (!r) return { valid: false, errors: 'not well-formed XML' };
  return { valid: r.valid, errors: r.problems.map((p) => `${p.where ?? ''}: ${p.message}`).join('\n') };
}
