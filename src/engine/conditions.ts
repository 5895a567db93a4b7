// Evaluates a scenario's declarative conditions against the state.
import type { Condition } from '../scenario/schema.js';
import type { DraftState, GameState } from './types.js';

type S = GameState | DraftState;

const inRange = (v: number, c: { gte?: number | undefined; lte?: number | undefined }) =>
  (c.gte === undefined || v >= c.gte) && (c.lte === undefined || v <= c.lte);

export function holds(c: Condition, s: S): boolean {
  switch (c.test) {
    case 'indicator':
      return inRange(s.indicators[c.id], c);
    case 'violence':
      return inRange(s.violence[c.region] ?? 0, c);
    case 'stance':
      return inRange(s.actors[c.actor]?.stance ?? 0, c);
    case 'strength':
      return inRange(s.actors[c.actor]?.strength ?? 0, c);
    case 'turn':
      return inRange(s.turn, c);
    case 'flag':
      return s.flags.includes(c.flag);
    case 'event':
      return s.fired.some((f) => f.event === c.event);
    case 'strategy':
      return s.strategy === c.strategy;
    case 'mandated':
      return s.mandate.includes(c.task);
    case 'agreement':
      return s.agreement.status === c.status;
    case 'presence':
      return Object.values(s.units).some((u) => u.region === c.region);
    case 'unit':
      return c.unit in s.units;
    case 'mechanic':
      return inRange(s.tally?.[c.mechanic] ?? 0, c);
    case 'all':
      return c.of.every((x) => holds(x, s));
    case 'any':
      return c.of.some((x) => holds(x, s));
    case 'not':
      return !holds(c.cond, s);
  }
}
