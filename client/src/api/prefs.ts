import type { RestRoutes } from '../../../shared/index.js';
import { request } from './http.js';

export const prefsApi = {
  get: () => request('GET /api/prefs'),
  update: (body: RestRoutes['PATCH /api/prefs']['body']) => request('PATCH /api/prefs', { body }),
};
