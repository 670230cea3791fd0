import type { Lang, PresencePayload } from '../../../../shared/index.js';

/**
 * Where this tab's user is and whether they are typing, sent as presence.
 * "Typing" falls back to false after a quiet spell, so the badge others see
 * does not claim typing forever.
 */
export class PresenceAnnouncer {
  private focus: Omit<PresencePayload, 'docId'> = { paragraphId: null, lang: null, typing: false };
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly docId: string,
    private readonly send: (p: PresencePayload) => void,
    private readonly idleMs: number,
  ) {}

  setFocus(paragraphId: string | null, lang: Lang | null): void {
    clearTimeout(this.timer);
    this.focus = { paragraphId, lang, typing: false };
    this.announce();
  }

  typed(paragraphId: string, lang: Lang): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.focus = { ...this.focus, typing: false };
      this.announce();
    }, this.idleMs);
    if (this.focus.typing && this.focus.paragraphId === paragraphId && this.focus.lang === lang) return;
    this.focus = { paragraphId, lang, typing: true };
    this.announce();
  }

  /** Sends the current state (also after a reconnect, when the server forgot it). */
  announce(): void {
    this.send({ docId: this.docId, ...this.focus });
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
