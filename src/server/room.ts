// The room: what the facilitator's dashboard shows of a session beyond its true state (whom it waits on, its clocks,
// its notes and plan, people asking for their chair back), chairs taken back from another device (PIN or approval),
// and the named inject plans the server keeps for every facilitator device.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { phaseRule } from '../engine/phases/table.js';
import { indexOf } from '../engine/scenario-index.js';
import { MAX_PLANS, Name, ScheduledItem, type Desk, type InjectPlan, type Waiting } from '../net/protocol.js';
import type { Chair } from '../scenario/schema.js';
import type { SessionStore } from './db.js';
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

/** Wrong PINs a chair takes before its PIN stops working (the facilitator can still give the chair back). */
export const MAX_WRONG_PINS = 5;

/** The PIN's hash, salted with the seat: the database holds no PIN, and one hash opens one seat. */
function pinHash(seatId: string, pin: string): string {
  return createHash('sha256').update(`${seatId}:${pin}`, 'utf8').digest('hex');
}

/**
 * Chairs taken back from another device. Each chair's player is shown a six-digit PIN when seated (only its hash is
 * kept, in the store's meta table); typed on a new device with the chair, it gives that device a new token. Without
 * the PIN, the request waits for the facilitator. Wrong PINs count per seat and lock it after MAX_WRONG_PINS.
 */
export class Rejoins {
  /** Who asks for which chair, per session: the asking connection is the hub's. */
  private readonly asking = new Map<string, Map<Chair, { name: string; conn: object }>>();

  constructor(private readonly store: SessionStore) {}

  /** A new PIN for a seat (replacing any before); returns it to show its player once. */
  issue(seatId: string): string {
    const pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.store.setMeta(`seat-pin:${seatId}`, pinHash(seatId, pin));
    this.store.deleteMeta(`seat-pin-wrong:${seatId}`);
    return pin;
  }

  /** Checks a PIN: ok, wrong (counted), or locked (too many wrong ones). */
  check(seatId: string, pin: string): 'ok' | 'wrong' | 'locked' {
    const wrong = Number(this.store.meta(`seat-pin-wrong:${seatId}`) ?? '0');
    if (wrong >= MAX_WRONG_PINS) return 'locked';
    const kept = this.store.meta(`seat-pin:${seatId}`);
    const x = Buffer.from(pinHash(seatId, pin), 'hex');
    const y = Buffer.from(kept ?? '', 'hex');
    if (y.length === x.length && timingSafeEqual(x, y)) return 'ok';
    this.store.setMeta(`seat-pin-wrong:${seatId}`, String(wrong + 1));
    return wrong + 1 >= MAX_WRONG_PINS ? 'locked' : 'wrong';
  }

  ask(session: string, chair: Chair, name: string, conn: object): void {
    let m = this.asking.get(session);
    if (!m) this.asking.set(session, (m = new Map()));
    m.set(chair, { name, conn });
  }

  /** The request for a chair, taken out of the list. */
  take(session: string, chair: Chair): { name: string; conn: object } | null {
    const r = this.asking.get(session)?.get(chair) ?? null;
    this.asking.get(session)?.delete(chair);
    return r;
  }

  /** A connection gone: its requests go with it. Returns the sessions whose list changed. */
  drop(conn: object): string[] {
    const out: string[] = [];
    for (const [sid, m] of this.asking)
      for (const [chair, r] of m)
        if (r.conn === conn) {
          m.delete(chair);
          out.push(sid);
        }
    return out;
  }

  requests(session: string): { chair: Chair; name: string }[] {
    return [...(this.asking.get(session) ?? [])].map(([chair, r]) => ({ chair, name: r.name }));
  }
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
