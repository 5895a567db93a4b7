// The room: what the facilitator's dashboard shows of a session beyond its true state (whom it waits on, its clocks,
// its notes and plan, people asking for their chair back), and the named inject plans the server keeps for every
// facilitator device. Seats themselves (claims, and chairs taken back on another device) are in seats.ts.
import { z } from 'zod';
import { phaseRule } from '../engine/phases/table.js';
import { indexOf } from '../engine/scenario-index.js';
import { MAX_PLANS, Name, ScheduledItem, type Desk, type InjectPlan, type Waiting } from '../net/protocol.js';
import type { Chair } from '../scenario/schema.js';
import type { SessionStore } from './db.js';
import type { Rejoins } from './seats.js';
import type { Session } from './session.js';

/** Whom a session waits on: the chairs still to decide (and what), or the start, a pause, people at a month's end. */
export function waitingOf(s: Session, online: (seatId: string) => boolean): Waiting {
  const st = s.state;
  if (s.ended) return { on: 'ended' };
  if (!s.started) return { on: 'start' };
  if (s.paused) return s.discussing !== null ? { on: 'discussion', turn: s.discussing } : { on: 'paused' };
  if (s.held()) return { on: 'people', turn: st.turn };
  const who = (chair: Chair, decision: Extract<Waiting, { on: 'chairs' }>['chairs'][number]['decision']) => {
    const seat = s.holderOf(chair);
    return seat
      ? { chair, decision, by: 'human' as const, name: seat.name, connected: online(seat.id) }
      : { chair, decision, by: 'bot' as const, name: s.doctrine.name, connected: true };
  };
  if (st.phase === 'sitrep' && st.pendingChoices.length > 0) {
    const events = indexOf(s.scn).events;
    const deciders = [...new Set(st.pendingChoices.map((e) => events.get(e)?.decider ?? 'srsg'))];
    return { on: 'chairs', chairs: deciders.map((c) => who(c, 'choice')) };
  }
  if (st.phase === 'over') return { on: 'ended' };
  const rule = phaseRule(st.phase);
  const decision =
    st.phase === 'setup'
      ? 'mandate'
      : st.phase === 'sitrep'
        ? 'sitrep'
        : st.phase === 'strategy'
          ? 'strategy'
          : st.phase === 'planning'
            ? 'commit'
            : 'confirm';
  if (rule.actors === 'srsg') return { on: 'chairs', chairs: [who('srsg', decision)] };
  const done =
    rule.actors === 'each-to-commit' ? (c: Chair) => !!st.plans[c]?.committed : (c: Chair) => !!st.plans[c]?.confirmed;
  const chairs = s.chairs().filter((c) => !done(c));
  return chairs.length > 0 ? { on: 'chairs', chairs: chairs.map((c) => who(c, decision)) } : { on: 'nobody' };
}

/** The dashboard's part of a session, for the facilitator only. */
export function deskOf(s: Session, online: (seatId: string) => boolean, rejoins: Rejoins): Desk {
  return {
    waiting: waitingOf(s, online),
    autoplay: s.autoplay,
    monthStop: s.monthStop,
    timers: { ...s.timers },
    notes: s.notes.slice(-20),
    schedule: s.schedule,
    fired: s.schedule.filter((i) => s.fired(i.key)).map((i) => ({ key: i.key, skipped: s.skipped.get(i.key) ?? null })),
    requests: rejoins.requests(s.id),
  };
}

const PLANS_KEY = 'inject-plans';
const KeptPlans = z.array(z.strictObject({ name: Name, items: z.array(ScheduledItem) }));

/**
 * Named inject plans, kept in the store's meta table (one JSON list, A to Z): saved from one facilitator device, seen
 * on every other and after a reload, and listed in the printable pack. A list that does not parse reads as none.
 */
export class InjectPlans {
  constructor(private readonly store: SessionStore) {}

  all(): InjectPlan[] {
    let data: unknown;
    try {
      data = JSON.parse(this.store.meta(PLANS_KEY) ?? '[]');
    } catch {
      return [];
    }
    const r = KeptPlans.safeParse(data);
    return r.success ? r.data : [];
  }

  /** Keeps a plan under its name (replacing one of that name); no items deletes it. False when the list is full. */
  save(name: string, items: readonly ScheduledItem[]): boolean {
    const others = this.all().filter((p) => p.name !== name);
    if (items.length > 0 && others.length >= MAX_PLANS) return false;
    const next = items.length > 0 ? [...others, { name, items: [...items] }] : others;
    next.sort((a, b) => a.name.localeCompare(b.name));
    this.store.setMeta(PLANS_KEY, JSON.stringify(next));
    return true;
  }
}
