// Projections at the server's edge: each connection gets only what its role may see, made from the true state here.
import { CORE_INDICATORS, type Chair, type IndicatorId, type Scenario } from '../scenario/schema.js';
import { legalActions, viewFor, type GameState } from '../engine/index.js';
import type { ProjectorView, SessionStatus, ViewBody } from '../net/protocol.js';

/**
 * A chair's view: the engine's fogged `viewFor` (other chairs' plans hidden until the reveal) and its legal actions.
 * `ledgerFrom` (a turn) leaves out older ledger entries, for callers that have them already.
 */
export function chairBody(
  s: GameState,
  scn: Scenario,
  chair: Chair,
  status: SessionStatus,
  ledgerFrom = 0,
): Extract<ViewBody, { role: 'chair' }> {
  const live = status.started && !status.ended;
  return {
    role: 'chair',
    chair,
    status,
    view: viewFor(s, scn, chair, { ledgerFrom }),
    legal: live ? legalActions(s, scn, chair) : [],
  };
}

/** The shared screen: the map, the indicators the scenario marks as exactly observed, and whether plans are in. */
export function projectorView(s: GameState, scn: Scenario): ProjectorView {
  // Built from a chair's view, so it is never truer than what the mission knows; then cut down to what is public.
  const chairs = Object.keys(scn.chairs) as Chair[];
  const v = viewFor(s, scn, chairs[0] ?? 'srsg');
  const indicators: Partial<Record<IndicatorId, number>> = {};
  for (const k of CORE_INDICATORS)
    if (v.indicators[k].spread === 0 && (scn.indicators[k].observed === 'exact' || s.phase === 'over'))
      indicators[k] = v.indicators[k].value;
  const plans: ProjectorView['plans'] = Object.fromEntries(
    chairs.map((c) => [c, { committed: v.plans[c]?.committed ?? false, confirmed: v.plans[c]?.confirmed ?? false }]),
  );
  return {
    turn: v.turn,
    phase: v.phase,
    indicators,
    violence: v.violence,
    units: v.units,
    mandate: v.mandate,
    strategy: v.strategy,
    fired: v.fired,
    agreement: v.agreement,
    plans,
    outcome: v.outcome,
  };
}

export function projectorBody(
  s: GameState,
  scn: Scenario,
  status: SessionStatus,
): Extract<ViewBody, { role: 'projector' }> {
  return { role: 'projector', status, view: projectorView(s, scn) };
}
