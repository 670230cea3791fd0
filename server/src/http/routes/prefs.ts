import { updatePrefsBody } from '../../../../shared/index.js';
import type { PrefsService } from '../../services/prefs.js';
import { currentUser } from '../currentUser.js';
import { route } from '../route.js';
import type { Mount } from '../route.js';

/** The signed-in user's own preferences: everyone reads and writes their own, nobody else's. */
export function prefsRoutes(m: Mount<'/api/prefs'>, prefs: PrefsService): void {
  route(m, 'GET /api/prefs', {}, async ({ res }) => ({ prefs: await prefs.get(currentUser(res).id) }));
  route(m, 'PATCH /api/prefs', { body: updatePrefsBody }, async ({ body, res }) => ({
    prefs: await prefs.update(currentUser(res).id, body),
  }));
}
