// The facilitator's list of sessions, kept live: when a session's summary (month, phase, state, code) changes, every
// facilitator connection gets the list again, at most once per tick however many sessions changed in it.
import type { SessionSummary } from '../net/protocol.js';
import type { Session } from './session.js';

export interface LiveListDeps {
  readonly summary: (s: Session) => SessionSummary;
  /** Sends the whole list to every facilitator. */
  readonly send: () => void;
}

export class LiveList {
  private readonly last = new Map<string, string>();
  private queued = false;

  constructor(private readonly deps: LiveListDeps) {}

  /** A session may have changed: the list goes out (once, on the next tick) if its summary did. */
  changed(s: Session): void {
    const key = JSON.stringify(this.deps.summary(s));
    if (this.last.get(s.id) === key) return;
    this.last.set(s.id, key);
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      this.deps.send();
    });
  }
}
