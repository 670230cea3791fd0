import { z } from 'zod';
import { langSchema } from './schemas.js';

/**
 * A user's own screen preferences, kept on the server so they follow the
 * person from one browser to the next. Only the signed-in user reads and
 * writes their own; nothing here changes what anyone may do.
 */
export const MIN_COLUMN_WIDTH = 240;
export const MAX_COLUMN_WIDTH = 2000;

/** Grid column widths in CSS pixels, per language (a language without one shares the free width). */
export const columnWidthsSchema = z.partialRecord(langSchema, z.number().int().min(MIN_COLUMN_WIDTH).max(MAX_COLUMN_WIDTH));
export type ColumnWidths = z.infer<typeof columnWidthsSchema>;

export interface UserPrefsDto {
  columnWidths: ColumnWidths;
}

/** `PATCH /api/prefs`: each field given replaces the stored one; `columnWidths: {}` forgets every width. */
export const updatePrefsBody = z
  .object({ columnWidths: columnWidthsSchema.optional() })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
export type UpdatePrefsBody = z.infer<typeof updatePrefsBody>;

export interface PrefsRoutes {
  /** The signed-in user's preferences (defaults when none were saved). */
  'GET /api/prefs': { body: never; res: { prefs: UserPrefsDto } };
  'PATCH /api/prefs': { body: UpdatePrefsBody; res: { prefs: UserPrefsDto } };
}
