import type { MentionNotification } from '../../../shared/index.js';

export type MentionListener = (userId: string, n: MentionNotification) => void;

/**
 * Mentions told to whoever delivers them (the socket layer, to every
 * connection of the user). Commands notify; they know nothing of sockets.
 */
export class MentionNotifier {
  private readonly listeners = new Set<MentionListener>();

  onMention(listener: MentionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(userId: string, n: MentionNotification): void {
    for (const l of this.listeners) l(userId, n);
  }
}
