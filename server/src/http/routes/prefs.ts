import { Router } from 'express';
import { updatePrefsBody } from '../../../../shared/index.js';
import type { UserPrefsDto } from '../../../../shared/index.js';
import type { PrefsService } from '../../services/prefs.js';
import { currentUser, handle } from '../handle.js';

/** The signed-in user's own preferences: everyone reads and writes their own, nobody else's. */
export function prefsRoutes(prefs: PrefsService): Router {
  const r = Router();
  r.get(
    '/',
    handle({}, async ({ res }): Promise<{ prefs: UserPrefsDto }> => ({ prefs: await prefs.get(currentUser(res).id) })),
  );
  r.patch(
    '/',
    handle({ body: updatePrefsBody }, async ({ body, res }): Promise<{ prefs: UserPrefsDto }> => ({
      prefs: await prefs.update(currentUser(res).id, body),
    })),
  );
  return r;
}
