import { z } from 'zod';
import { langSchema } from '../protocol/schemas.js';
import { wellFormedText } from '../text/wellFormed.js';
import type { Glossary } from './types.js';

const termText = wellFormedText().trim().min(1).max(500);

/** A glossary as it arrives from a file or a request: validated at the edge, unknown fields stripped. */
export const glossarySchema = z.object({
  terms: z
    .array(
      z.object({
        en: termText.optional(),
        zh: termText.optional(),
        ru: termText.optional(),
        kk: termText.optional(),
        uz: termText.optional(),
        note: wellFormedText().max(2000).optional(),
        forbidden: z
          .array(z.object({ lang: langSchema, text: termText }))
          .max(100)
          .optional(),
      }),
    )
    .max(50_000),
}) satisfies z.ZodType<Glossary>;
