// Explanations built from the ledger alone: how much each cause moved a number, and under which lessons.
import { trackKey } from './ledger.js';
import type { Cause, LedgerEntry, Track } from './types.js';

export interface Contribution {
  /** A stable key for the cause (an action of a chair, an event, a faction rule, a mechanic, the facilitator). */
  readonly key: string;
  readonly cause: Cause;
  readonly delta: number;
  readonly lessons: readonly string[];
  readonly entries: number;
}

export interface Explanation {
  readonly track: Track;
  readonly from: number;
  readonly to: number;
  readonly net: number;
  /** Largest first by size of effect, ties by key. */
  readonly contributions: readonly Contribution[];
}

export function causeKey(c: Cause): string {
  switch (c.kind) {
    case 'action':
      return `action:${c.chair}:${c.card}${c.target === undefined ? '' : `:${c.target}`}`;
    case 'event':
      return `event:${c.event}${c.choice === undefined ? '' : `:${c.choice}`}`;
    case 'rule':
      return `rule:${c.actor}:${c.rule}`;
    case 'mechanic':
      return `mechanic:${c.mechanic}${c.subject === undefined ? '' : `:${c.subject}`}`;
    case 'facilitator':
      return `facilitator:${c.event ?? ''}:${c.reason}`;
  }
}

/** Why a number moved between two turns (inclusive), from the ledger alone. */
export function explain(
  ledger: readonly LedgerEntry[],
  track: Track,
  from = 0,
  to = Number.MAX_SAFE_INTEGER,
): Explanation {
  const key = trackKey(track);
  const by = new Map<string, { cause: Cause; delta: number; lessons: Set<string>; entries: number }>();
  let net = 0;
  for (const e of ledger) {
    if (e.turn < from || e.turn > to || trackKey(e.track) !== key) continue;
    net += e.delta;
    const k = causeKey(e.cause);
    const acc = by.get(k) ?? { cause: e.cause, delta: 0, lessons: new Set<string>(), entries: 0 };
    acc.delta += e.delta;
    acc.entries += 1;
    for (const l of e.lessons) acc.lessons.add(l);
    by.set(k, acc);
  }
  const contributions = [...by.entries()]
    .map(([k, v]) => ({ key: k, cause: v.cause, delta: v.delta, lessons: [...v.lessons].sort(), entries: v.entries }))
    .filter((c) => c.delta !== 0)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.key < b.key ? -1 : 1));
  return {
    track,
    from,
    to: Math.min(
      to,
      ledger.reduce((m, e) => Math.max(m, e.turn), 0),
    ),
    net,
    contributions,
  };
}

/** Net change per lesson over the game for one number: what each lesson's mechanics and tagged actions did. */
export function byLesson(ledger: readonly LedgerEntry[], track: Track): Record<string, number> {
  const key = trackKey(track);
  const out: Record<string, number> = {};
  for (const e of ledger) {
    if (trackKey(e.track) !== key) continue;
    for (const l of e.lessons) out[l] = (out[l] ?? 0) + e.delta;
  }
  return out;
}
