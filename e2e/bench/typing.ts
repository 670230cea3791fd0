import type { Lang } from '../../shared/index.js';
import { ApiClient } from '../helpers/http.js';
import { ADMIN_PASSWORD, removeDir, startBuiltServer, tempDataDir } from '../helpers/server.js';
import { launchChromium, openDocument, signedInContext } from '../support/browser.js';
import { createDocument, sessionId } from '../support/world.js';

export interface MeasureTypingOptions {
  /** Sentences typed, one per cell. */
  sentences?: number;
  /** Milliseconds between two keystrokes. */
  intervalMs?: number;
}

/**
 * Keystroke → peer screen, Chromium to Chromium (`npm run bench`): browser A
 * types sentences one key every `intervalMs`; for every keystroke, the time
 * from A's `input` event to the first frame in which browser B's copy of the
 * cell shows that keystroke, both read on the machine's wall clock
 * (`performance.timeOrigin + now()`, which pages of one browser share).
 * Also counts the journal events (revisions in history) each sentence made,
 * and what the former rule — save after a 300 ms pause in typing — would have
 * made of the very same keystroke times.
 */
export interface TypingBench {
  /** One figure per keystroke. */
  keystrokeToPeerMs: number[];
  /** Revisions written per typed sentence, per sentence. */
  eventsPerSentence: number[];
  /** What a 300 ms save debounce makes of the same keystrokes, per sentence. */
  debouncedEventsPerSentence: number[];
  keystrokesPerSentence: number[];
}

const SENTENCES: { lang: Lang; text: string }[] = [
  { lang: 'kk', text: 'Бесінші абзац туралы бір сөз айтайық.' },
  { lang: 'ru', text: 'Саммит открылся во вторник в Астане.' },
  { lang: 'uz', text: 'Sammit seshanba kuni Astanada ochildi.' },
  { lang: 'kk', text: 'Басшылар сауда мен көлікті талқылады.' },
];

export async function measureTyping(opts: MeasureTypingOptions = {}): Promise<TypingBench> {
  const intervalMs = opts.intervalMs ?? 150;
  const count = opts.sentences ?? SENTENCES.length;
  const dataDir = await tempDataDir();
  const server = await startBuiltServer({ dataDir });
  const baseUrl = `http://127.0.0.1:${server.port}`;
  const browser = await launchChromium();
  try {
    const api = new ApiClient(baseUrl);
    await api.login('admin', ADMIN_PASSWORD);
    const source = Array.from({ length: Math.max(count, 4) }, (_, i) => `Paragraph ${i + 1} of the typing benchmark.`);
    const summary = await createDocument(api, 'Typing benchmark', 'en', ['zh', 'ru', 'kk', 'uz'], source);
    const { document } = await api.document(summary.id);
    const ctxA = await signedInContext(browser, baseUrl, sessionId(api));
    const ctxB = await signedInContext(browser, baseUrl, sessionId(api));
    const a = await ctxA.newPage();
    const b = await ctxB.newPage();
    await openDocument(a, baseUrl, summary.id);
    await openDocument(b, baseUrl, summary.id);

    const out: TypingBench = { keystrokeToPeerMs: [], eventsPerSentence: [], debouncedEventsPerSentence: [], keystrokesPerSentence: [] };
    for (let i = 0; i < count; i++) {
      const { lang, text } = SENTENCES[i % SENTENCES.length]!;
      const pid = document.paragraphs[i]!.id;
      const selector = `textarea[data-cell="${pid}:${lang}"]`;
      await a.evaluate(`(${RECORD_INPUT})(${JSON.stringify(selector)})`);
      await b.evaluate(`(${WATCH_VALUES})(${JSON.stringify(selector)})`);
      await a.locator(selector).click();
      await a.keyboard.type(text, { delay: intervalMs });
      await b.waitForFunction(`document.querySelector(${JSON.stringify(selector)})?.value === ${JSON.stringify(text)}`, undefined, {
        polling: 'raf',
        timeout: 20_000,
      });
      const typed = await a.evaluate<{ value: string; at: number }[]>('window.__anorTyped');
      const seen = await b.evaluate<{ value: string; at: number }[]>('window.__anorSeen');
      for (const k of typed) {
        const first = seen.find((s) => s.value.startsWith(k.value));
        if (first) out.keystrokeToPeerMs.push(Math.max(0, Math.round(first.at - k.at)));
      }
      // Wait until A has nothing left to send, then read what the server kept.
      await a.waitForFunction(`document.querySelector('[data-testid="sync-indicator"]')?.dataset.waiting === '0'`, undefined, {
        timeout: 20_000,
      });
      const history = await api.history(summary.id, pid, lang);
      out.eventsPerSentence.push(history.revisions.filter((r) => r.kind === 'edit' || r.kind === 'merge').length);
      out.debouncedEventsPerSentence.push(debouncedSaves(typed.map((k) => k.at)));
      out.keystrokesPerSentence.push(typed.length);
    }
    await ctxA.close();
    await ctxB.close();
    return out;
  } finally {
    await browser.close();
    await server.stop();
    await removeDir(dataDir);
  }
}

/** Saves a "save after a 300 ms pause" rule makes of keystrokes at these times: one per pause, plus the last. */
export function debouncedSaves(times: readonly number[], debounceMs = 300): number {
  let saves = 0;
  for (let i = 0; i < times.length; i++) {
    const next = times[i + 1];
    if (next === undefined || next - times[i]! >= debounceMs) saves++;
  }
  return saves;
}

/** In browser A: every `input` event on the cell, with the value after it and the wall-clock time. */
const RECORD_INPUT = `(selector) => {
  window.__anorTyped = [];
  const el = document.querySelector(selector);
  el.addEventListener('input', () => window.__anorTyped.push({ value: el.value, at: performance.timeOrigin + performance.now() }));
}`;

/** In browser B: every distinct value the cell shows, with the wall-clock time of the frame it first showed in. */
const WATCH_VALUES = `(selector) => {
  window.__anorSeen = [];
  const check = () => {
    const v = document.querySelector(selector)?.value;
    if (v !== undefined && window.__anorSeen.at(-1)?.value !== v) window.__anorSeen.push({ value: v, at: performance.timeOrigin + performance.now() });
    requestAnimationFrame(check);
  };
  check();
}`;
