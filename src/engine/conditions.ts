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

/**
 * Whether a condition holds: on the true state, or, with `read`, on the numbers as someone knows them. Each condition is
 * made into a test once (`compile`, kept by the condition: scenario data) and that test answers every time.
 */
export function holds(c: Condition, s: S, read?: Reader): boolean {
  let t = compiled.get(c);
  if (!t) compiled.set(c, (t = compile(c)));
  return t(s, read);
}

const compiled = new WeakMap<Condition, Test>();

/** A condition made into a test: of the true state, or, with `read`, of the numbers as someone knows them. */
export type Test = (s: S, read?: Reader) => boolean;

const ALWAYS: Test = () => true;

/**
 * A condition as a function, made once per condition (the scenario index keeps the rules', the events' and the end
 * conditions'; `holds` the others'): a month tests every rule and event, and walking each condition's tree by its
 * `test` field (its kind, then its fields, for every test of every month) was most of that.
 */
export function compile(c: Condition | undefined): Test {
  if (c === undefined) return ALWAYS;
  switch (c.test) {
    case 'indicator': {
      const { id, gte, lte } = c;
      return (s, read) => within(read ? read.indicator(id) : s.indicators[id], gte, lte);
    }
    case 'violence': {
      const { region, gte, lte } = c;
      return (s, read) => within(read ? read.violence(region) : (s.violence[region] ?? 0), gte, lte);
    }
    case 'stance': {
      const { actor, gte, lte } = c;
      return (s, read) => within(read ? read.stance(actor) : (s.actors[actor]?.stance ?? 0), gte, lte);
    }
    case 'strength': {
      const { actor, gte, lte } = c;
      return (s, read) => within(read ? read.strength(actor) : (s.actors[actor]?.strength ?? 0), gte, lte);
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
      return (s, read) => {
        for (let i = 0; i < of.length; i++) if (!of[i]!(s, read)) return false;
        return true;
      };
    }
    case 'any': {
      const of = c.of.map(compile);
      return (s, read) => {
        for (let i = 0; i < of.length; i++) if (of[i]!(s, read)) return true;
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
      return (s, read) => !cond(s, read);
    }
  }
}

function within(v: number, gte: number | undefined, lte: number | undefined): boolean {
  return (gte === undefined || v >= gte) && (lte === undefined || v <= lte);
}
