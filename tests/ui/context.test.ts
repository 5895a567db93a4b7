// A session chair's panel context, built from the server's view and legal list, offers what the solo game's engine would.
import { describe, expect, it } from 'vitest';
import { checkAllowed, legalActions, targetsOf, viewFor, type Action, type GameState } from '../../src/engine/index.js';
import { indexOf } from '../../src/engine/scenario-index.js';
import type { Chair } from '../../src/scenario/schema.js';
import { contextFromView, legalKey, reasonFromView, type PanelContext } from '../../src/ui/context.js';
import { card, loadShipped, run, toPlanning } from '../helpers/factory.js';

const scn = loadShipped('tutorial');

function fromServer(s: GameState, chair: Chair, legal: readonly Action[] = legalActions(s, scn, chair)): PanelContext {
  return contextFromView({
    scn,
    chair,
    view: viewFor(s, scn, chair),
    legal,
    humans: [chair],
    dispatch: () => {},
    rejection: null,
  });
}

/** What the hand panel asks about: every card on every target the scenario names, and every move of every unit. */
function handQuestions(s: GameState, chair: Chair): Action[] {
  const idx = indexOf(scn);
  const out: Action[] = [];
  for (const c of idx.cardsByChair.get(chair) ?? []) {
    if (c.target === 'none') out.push({ type: 'plan/add', chair, item: card(c.id) });
    else
      for (const t of c.target === 'region' ? [...idx.regions.keys()] : [...idx.actors.keys()])
        out.push({ type: 'plan/add', chair, item: card(c.id, t) });
  }
  if (chair === 'force')
    for (const u of Object.keys(s.units))
      for (const r of idx.regions.keys()) out.push({ type: 'plan/add', chair, item: { kind: 'move', unit: u, to: r } });
  return out;
}

describe('the panel context of a session chair', () => {
  const narrow = toPlanning(scn, { seed: 3 }); // only the required tasks: some cards serve a task not in the mandate
  const planned = run(scn, narrow, [{ type: 'plan/add', chair: 'srsg', item: card('jmac') }]);

  it('offers exactly the steps the engine allows, on every card, target and move', () => {
    for (const s of [narrow, planned]) {
      for (const chair of indexOf(scn).chairs) {
        const ctx = fromServer(s, chair);
        const asked = handQuestions(s, chair);
        expect(asked.length).toBeGreaterThan(0);
        for (const a of asked)
          expect([JSON.stringify(a), ctx.whyNot(a) === null]).toEqual([
            JSON.stringify(a),
            checkAllowed(s, a, scn) === null,
          ]);
        for (const c of indexOf(scn).cardsByChair.get(chair) ?? []) {
          const allowed = targetsOf(s, scn, c).filter(
            (t) => checkAllowed(s, { type: 'plan/add', chair, item: card(c.id, t) }, scn) === null,
          );
          expect(ctx.targets(c)).toEqual(c.target === 'none' ? [] : allowed);
        }
      }
    }
  });

  it('says why a card is not offered where the view can tell, as the engine would', () => {
    const ctx = fromServer(planned, 'srsg');
    const cases = [card('jmac'), card('back-the-state'), card('good-offices', 'hlf')];
    const codes = cases.map((item) => ctx.whyNot({ type: 'plan/add', chair: 'srsg', item })?.code);
    expect(codes).toEqual(
      cases.map((item) => checkAllowed(planned, { type: 'plan/add', chair: 'srsg', item }, scn)?.code),
    );
    expect(codes).toContain('card/already-planned');
    expect(codes).toContain('card/task-not-mandated');
  });

  it('says a plan over capacity is over capacity', () => {
    const full = run(scn, toPlanning(scn, { seed: 3, tasks: scn.mandate.tasks.map((t) => t.id) }), [
      { type: 'plan/add', chair: 'srsg', item: card('jmac') },
      { type: 'plan/add', chair: 'srsg', item: card('smg') },
      { type: 'plan/add', chair: 'srsg', item: card('back-the-state') },
    ]);
    const item = card('good-offices', 'hlf');
    expect(checkAllowed(full, { type: 'plan/add', chair: 'srsg', item }, scn)?.code).toBe('card/capacity');
    expect(reasonFromView(scn, viewFor(full, scn, 'srsg'), { type: 'plan/add', chair: 'srsg', item }).code).toBe(
      'card/capacity',
    );
  });

  it('offers nothing the server does not list: before the start, or on another chair’s turn', () => {
    const idle = fromServer(narrow, 'srsg', []);
    for (const a of handQuestions(narrow, 'srsg')) expect(idle.whyNot(a)).not.toBeNull();
    expect(idle.whyNot({ type: 'plan/commit', chair: 'srsg' })?.code).toBe('generic');
    expect(idle.targets(indexOf(scn).cards.get('good-offices')!)).toEqual([]);
  });

  it('takes the mandate and the commit as open steps, whatever their details', () => {
    const planning = fromServer(toPlanning(scn), 'srsg');
    expect(planning.whyNot({ type: 'plan/commit', chair: 'srsg', note: 'holding the line' })).toBeNull();
    expect(legalKey({ type: 'mandate/adopt', chair: 'srsg', tasks: ['a'] })).toBe(
      legalKey({ type: 'mandate/adopt', chair: 'srsg', tasks: ['b', 'c'] }),
    );
    expect(legalKey({ type: 'plan/add', chair: 'srsg', item: { card: 'x', kind: 'card' } })).toBe(
      legalKey({ type: 'plan/add', chair: 'srsg', item: card('x') }),
    );
    expect(legalKey({ type: 'plan/add', chair: 'srsg', item: card('x', 'a') })).not.toBe(
      legalKey({ type: 'plan/add', chair: 'srsg', item: card('x', 'b') }),
    );
  });

  it('holds the viewer and the lobby’s people as human, nobody else', () => {
    const ctx = contextFromView({
      scn,
      chair: 'envoy',
      view: viewFor(narrow, scn, 'envoy'),
      legal: [],
      humans: ['srsg'],
      dispatch: () => {},
      rejection: { code: 'session/paused' },
    });
    expect(indexOf(scn).chairs.filter((c) => ctx.isHuman(c))).toEqual(
      indexOf(scn).chairs.filter((c) => c === 'srsg' || c === 'envoy'),
    );
    expect(ctx.rejection?.code).toBe('session/paused');
  });
});
