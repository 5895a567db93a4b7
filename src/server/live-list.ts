// The facilitator's list of sessions, kept live: when a session's summary (month, phase, state, code) changes, every
// facilitator connection gets the summaries that changed, at most once per tick however many sessions changed in it
// (the whole list goes on connecting and on asking: with forty teams, sending it whole on each change was most of
// what the server sent).
import type { SessionSummary } from '../net/protocol.js';
import type { Session } from './session.js';

export interface LiveListDeps {
  readonly summary: (s: Session) => SessionSummary;
  /** Sends these summaries, the ones that changed, to every facilitator. */
  readonly send: (changed: readonly SessionSummary[]) => void;
}

export class LiveList {
  private readonly last = new Map<string, string>();
  private readonly pending = new Map<string, SessionSummary>();

  constructor(private readonly deps: LiveListDeps) {}

  /** A session may have changed: the list goes out (once, on the next tick) if its summary did. */
  changed(s: Session): void {
    const summary = this.deps.summary(s);
    const key = JSON.stringify(summary);
    if (this.last.get(s.id) === key) return;
    this.last.set(s.id, key);
    const first = this.pending.size === 0;
    this.pending.set(s.id, summary);
    if (!first) return;
    queueMicrotask(() => {
      const changed = [...this.pending.values()];
      this.pending.clear();
      this.deps.send(changed);
    });
  }
}
