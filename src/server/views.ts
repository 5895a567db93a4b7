// Projections at the server's edge: each connection gets only what its role may see, made from the true state here.
import { CORE_INDICATORS, type Chair, type IndicatorId, type Scenario } from '../scenario/schema.js';
import { hashState, legalActions, viewFor, type GameState } from '../engine/index.js';
import type { ProjectorView, SessionStatus, ViewBody } from '../net/protocol.js';

/** A chair's view: the engine's fogged `viewFor` (other chairs' plans hidden until the reveal) and its legal actions. */
export function chairBody(s: GameState, scn: Scenario, chair: Chair, status: SessionStatus): ViewBody {
  const live = status.started && !status.ended;
  return { role: 'chair', chair, status, view: viewFor(s, scn, chair), legal: live ? legalActions(s, scn, chair) : [] };
}

/** The shared screen: the map, the indicators the scenario marks as exactly observed, and whether plans are in. */
export function projectorView(s: GameState, scn: Scenario): ProjectorView {
  // Built from a chair's view, so it is never truer than what the mission knows; then cut down to what is public.
  const chairs = Object.keys(scn.chairs) as Chair[];
  const v = viewFor(s, scn, chairs[0] ?? 'srsg');
  const indicators: Partial<Record<IndicatorId, number>> = {};
  for (const k of CORE_INDICATORS) if (v.indicators[k].spread === 0 && (scn.indicators[k].observed === 'exact' || s.phase === 'over')) indicators[k] = v.indicators[k].value;
  const plans: ProjectorView['plans'] = Object.fromEntries(chairs.map((c) => [c, { committed: v.plans[c]?.committed ?? false, confirmed: v.plans[c]?.confirmed ?? false }]));
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

export function projectorBody(s: GameState, scn: Scenario, status: SessionStatus): ViewBody {
  return { role: 'projector', status, view: projectorView(s, scn) };
}

/** The facilitator sees the true state: every number, every plan, the log. */
export function facilitatorBody(s: GameState, seq: number, status: SessionStatus): ViewBody {
  return { role: 'facilitator', status, seq, hash: hashState(s), state: s };
}

/** The state's fields a chair's view and legal actions may read: all but the log and the generator (plans and conflicts: see below). */
const READ_FIELDS = ['turn', 'phase', 'seed', 'indicators', 'violence', 'actors', 'units', 'deployments', 'mandate', 'reviewed', 'strategy', 'flags', 'fired', 'pendingChoices', 'warnings', 'played', 'agreement', 'consultedUntil', 'ledger', 'outcome'] as const satisfies readonly (keyof GameState)[];

/**
 * What a view is made from, by identity: the state is immutable (immer shares what did not change),
 * so equal dependencies mean an equal view. Of the plans, a viewer depends on its own plan, on the
 * others' status flags, and on the others' items only once they are revealed.
 */
function dependencies(s: GameState, viewer: Chair | 'projector', status: SessionStatus): unknown[] {
  const deps: unknown[] = [status.started, status.paused, status.ended, status.endReason];
  for (const f of READ_FIELDS) deps.push(s[f]);
  const revealed = s.phase === 'coordination' || s.phase === 'over';
  // Conflicts are shown only once plans are revealed (the engine resets them to a new [] at every commit).
  deps.push(revealed ? s.conflicts : null);
  for (const [c, p] of Object.entries(s.plans)) {
    if (c === viewer || (revealed && viewer !== 'projector')) deps.push(p);
    else deps.push(p?.committed, p?.confirmed, p?.revised);
  }
  return deps;
}

/** Serialized views per viewer, remade only when what they are made from has changed. */
export class ViewCache {
  private readonly memo = new Map<string, { deps: unknown[]; text: string }>();

  text(key: string, s: GameState, viewer: Chair | 'projector', status: SessionStatus, make: () => string): string {
    const deps = dependencies(s, viewer, status);
    const hit = this.memo.get(key);
    if (hit && hit.deps.length === deps.length && hit.deps.every((d, i) => Object.is(d, deps[i]))) return hit.text;
    const text = make();
    this.memo.set(key, { deps, text });
    return text;
  }

  forget(prefix: string): void {
    for (const k of [...this.memo.keys()]) if (k.startsWith(prefix)) this.memo.delete(k);
  }
}
