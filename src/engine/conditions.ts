// Evaluates a scenario's declarative conditions against the state.
import type { Condition } from '../scenario/schema.js';
import type { DraftState, GameState } from './types.js';

type S = GameState | DraftState;

/** Where a condition reads the numbers that may be estimated: the true state, or what a chair knows (knowledge.ts). */
export interface Reader {
  indicator(id: Extract<Condition, { test: 'indicator' }>['id']): number;
  violence(region: string): number;
  stance(actor: string): number;
  strength(actor: string): number;
}

const inRange = (v: number, c: { gte?: number | undefined; lte?: number | undefined }) =>
  (c.gte === undefined || v >= c.gte) && (c.lte === undefined || v <= c.lte);

/** Whether a condition holds: on the true state, or, with `read`, on the numbers as someone knows them. */
export function holds(c: Condition, s: S, read?: Reader): boolean {
  switch (c.test) {
    case 'indicator':
      return inRange(read ? read.indicator(c.id) : s.indicators[c.id], c);
    case 'violence':
      return inRange(read ? read.violence(c.region) : (s.violence[c.region] ?? 0), c);
    case 'stance':
      return inRange(read ? read.stance(c.actor) : (s.actors[c.actor]?.stance ?? 0), c);
    case 'strength':
      return inRange(read ? read.strength(c.actor) : (s.actors[c.actor]?.strength ?? 0), c);
    case 'turn':
      return inRange(s.turn, c);
    case 'flag':
      return s.flags.includes(c.flag);
    case 'event': {
      const fired = s.fired;
      for (let i = 0; i < fired.length; i++) if (fired[i]!.event === c.event) return true;
      return false;
    }
    case 'strategy':
      return s.strategy === c.strategy;
    case 'mandated':
      return s.mandate.includes(c.task);
    case 'agreement':
      return s.agreement.status === c.status;
    case 'presence': {
      const units = s.units;
      for (const id in units) if (units[id]!.region === c.region) return true;
      return false;
    }
    case 'unit':
      return c.unit in s.units;
    case 'mechanic':
      return inRange(s.tally?.[c.mechanic] ?? 0, c);
    case 'all':
      for (let i = 0; i < c.of.length; i++) if (!holds(c.of[i]!, s, read)) return false;
      return true;
    case 'any':
      for (let i = 0; i < c.of.length; i++) if (holds(c.of[i]!, s, read)) return true;
      return false;
    case 'not':
      return !holds(c.cond, s, read);
  }
}

/** A condition made into a test of the true state: what `holds(c, s)` answers, without walking the condition. */
export type Test = (s: S) => boolean;

const ALWAYS: Test = () => true;

/**
 * `holds(c, s)` as a function, made once per condition (the scenario index keeps the rules', the events' and the end
 * conditions'): a month tests every rule and event, and walking each condition's tree by its `test` field (its kind,
 * then its fields, for every test of every month) was most of that.
 */
export function compile(c: Condition | undefined): Test {
  if (c === undefined) return ALWAYS;
  switch (c.test) {
    case 'indicator': {
      const { id, gte, lte } = c;
      return (s) => within(s.indicators[id], gte, lte);
    }
    case 'violence': {
      const { region, gte, lte } = c;
      return (s) => within(s.violence[region] ?? 0, gte, lte);
    }
    case 'stance': {
      const { actor, gte, lte } = c;
      return (s) => within(s.actors[actor]?.stance ?? 0, gte, lte);
    }
    case 'strength': {
      const { actor, gte, lte } = c;
      return (s) => within(s.actors[actor]?.strength ?? 0, gte, lte);
    }
    case 'turn': {
      const { gte, lte } = c;
      return (s) => within(s.turn, gte, lte);
    }
    case 'mechanic': {
      const { mechanic, gte, lte } = c;
      return (s) => within(s.tally?.[mechanic] ?? 0, gte, lte);
    }
    case 'all': {
      const of = c.of.map(compile);
      return (s) => {
        for (let i = 0; i < of.length; i++) if (!of[i]!(s)) return false;
        return true;
      };
    }
    case 'any': {
      const of = c.of.map(compile);
      return (s) => {
        for (let i = 0; i < of.length; i++) if (of[i]!(s)) return true;
        return false;
      };
    }
    case 'flag': {
      const { flag } = c;
      return (s) => s.flags.includes(flag);
    }
    case 'event': {
      const { event } = c;
      return (s) => {
        const fired = s.fired;
        for (let i = 0; i < fired.length; i++) if (fired[i]!.event === event) return true;
        return false;
      };
    }
    case 'strategy': {
      const { strategy } = c;
      return (s) => s.strategy === strategy;
    }
    case 'mandated': {
      const { task } = c;
      return (s) => s.mandate.includes(task);
    }
    case 'agreement': {
      const { status } = c;
      return (s) => s.agreement.status === status;
    }
    case 'presence': {
      const { region } = c;
      return (s) => {
        const units = s.units;
        for (const id in units) if (units[id]!.region === region) return true;
        return false;
      };
    }
    case 'unit': {
      const { unit } = c;
      return (s) => unit in s.units;
    }
    case 'not': {
      const cond = compile(c.cond);
      return (s) => !cond(s);
    }
  }
}

function within(v: number, gte: number | undefined, lte: number | undefined): boolean {
  return (gte === undefined || v >= gte) && (lte === undefined || v <= lte);
}
