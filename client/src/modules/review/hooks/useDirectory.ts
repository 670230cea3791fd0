import { useEffect, useState } from 'react';
import type { DirectoryEntry } from '../../../../../shared/index.js';
import { reviewApi } from '../../../api/review.js';

let cache: Promise<DirectoryEntry[]> | null = null;

/**
 * Everyone's names, for authors in history, comments and activity, and for
 * @mention completion. Fetched once per page load: people are added rarely,
 * and an unknown id simply shows as the id until the next load.
 */
export function useDirectory(): DirectoryEntry[] {
  const [users, setUsers] = useState<DirectoryEntry[]>([]);
  useEffect(() => {
    let live = true;
    cache ??= reviewApi.directory().then((r) => (r.ok ? r.data.users : []));
    void cache.then((u) => {
      if (live) setUsers(u);
    });
    return () => {
      live = false;
    };
  }, []);
  return users;
}

export function nameOf(users: readonly DirectoryEntry[], id: string): string {
  if (id === 'system') return 'Anor';
  return users.find((u) => u.id === id)?.displayName ?? id;
}

/** For tests and after an admin adds someone. */
export function forgetDirectory(): void {
  cache = null;
}
