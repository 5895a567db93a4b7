// The facilitator's list of sessions, kept live: when a session's summary (month, phase, state, code) changes, every
// facilitator connection gets the summaries that changed, at most every LIST_EVERY_MS however many sessions changed
// (the whole list goes on connecting and on asking: with forty teams, sending it whole on each change was most of
// what the server sent).
import type { SessionSummary } from '../net/protocol.js';
import type { Session } from './session.js';

export interface LiveListDeps {
  readonly summary: (s: Session) => SessionSummary;
  /** Sends these summaries, the ones that changed, to every facilitator. */
  readonly send: (changed: readonly SessionSummary[]) => void;
}

/** How long changes gather before they go out: the list is a dashboard, and a busy room changes it all the time. */
export const LIST_EVERY_MS = 250;

export class LiveList {
  private readonly last = new Map<string, string>();
  private readonly pending = new Map<string, SessionSummary>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly deps: LiveListDeps) {}

  /** A session may have changed: if its summary did, it goes out with the others that change within LIST_EVERY_MS. */
  changed(s: Session): void {
    const summary = this.deps.summary(s);
    const key = JSON.stringify(summary);
    if (this.last.get(s.id) === key) return;
    this.last.set(s.id, key);
    this.pending.set(s.id, summary);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const changed = [...this.pending.values()];
      this.pending.clear();
      this.deps.send(changed);
    }, LIST_EVERY_MS);
    this.timer.unref?.();
  }

  /** A session that is no more (it could not be made whole): nothing of it goes out. */
  forget(id: string): void {
    this.last.delete(id);
    this.pending.delete(id);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }
}
