// The room (#17): bots wait for people at a month's end, notes stay with the facilitator over the wire, cards and
// planned injects reach every screen, inject plans are kept on the server for every facilitator device, and a chair is taken back on another device with its PIN or the facilitator's word.
import { describe, expect, it } from 'vitest';
import type { GameState } from '../../src/engine/index.js';
import type { ScheduledItem, ServerMessage } from '../../src/net/protocol.js';
import { RequestError } from '../../src/net/client.js';
import { InjectPlans } from '../../src/server/room.js';
import { SessionStore } from '../../src/server/db.js';
import {
  client,
  FACILITATOR_TOKEN,
  facilitatorView as fview,
  serverWithFacilitator,
  sessionWith,
  until,
} from './support.js';

const ctx = serverWithFacilitator();
const truth = (sid: string): GameState => fview(ctx.fac.views.get(sid)).state;
const desk = (sid: string) => ctx.fac.desks.get(sid);

describe('the room', () => {
  it('started with nobody seated, plays nothing ahead: it waits for a person or the facilitator at each month', async () => {
    const { sid, code } = await sessionWith(ctx.fac, ctx.server.url, 31, []);
    await ctx.fac.command(sid, { do: 'start' });
    await until(() => desk(sid)?.waiting.on === 'people', 'the room to wait for people');
    expect(truth(sid)).toMatchObject({ turn: 0, phase: 'setup' });
    expect(truth(sid).log).toEqual([]);
    // the facilitator lets the bots play the mandate through: they stop when month 1 begins
    await ctx.fac.command(sid, { do: 'play-month' });
    await until(() => desk(sid)?.waiting.on === 'people' && truth(sid).turn === 1, 'month 1 to wait');
    expect(truth(sid).phase).toBe('sitrep');
    // a person sits down: the month goes on, and the room then waits on chairs
    const ben = client(ctx.server.url);
    await ben.connect();
    await ben.join(code, 'Ben');
    await ben.claimChair('force');
    await until(() => desk(sid)?.waiting.on === 'chairs' && truth(sid).phase !== 'sitrep', 'the month to go on');
    const w = desk(sid)!.waiting;
    expect(w.on === 'chairs' && w.chairs.some((c) => c.chair === 'force' && c.by === 'human' && c.name === 'Ben')).toBe(
      true,
    );
    ben.close();
  });

  it('sends cards and messages to every screen, and the private notes to none but the facilitator', async () => {
    const { sid, code, clients } = await sessionWith(ctx.fac, ctx.server.url, 32, ['srsg']);
    const [srsg] = clients as [ReturnType<typeof client>];
    const wall = client(ctx.server.url);
    await wall.connect();
    await wall.join(code, 'Wall');
    await wall.claimChair('projector');
    await ctx.fac.command(sid, {
      do: 'schedule',
      items: [
        {
          key: 'm2-riot',
          month: 2,
          command: {
            do: 'custom-inject',
            title: 'Riot at the port',
            effects: [{ do: 'indicator', id: 'cohesion', by: -3 }],
            reason: 'Crowds block the port gates',
            note: 'PLANNOTE test the team on crowd control',
          },
        },
      ],
    });
    await ctx.fac.command(sid, { do: 'start' });
    await srsg.act({ type: 'mandate/adopt', chair: 'srsg', tasks: ['political-process', 'poc'] });
    await ctx.fac.command(sid, {
      do: 'custom-inject',
      title: 'Market fire',
      effects: [{ do: 'indicator', id: 'consent', by: -2 }],
      reason: 'A market burns in the capital',
      note: 'SECRETNOTE see who takes the lead',
    });
    await ctx.fac.command(sid, { do: 'broadcast', text: 'Ten minutes to the plenary' });
    const texts = (c: typeof srsg) => (c.notices.get(sid) ?? []).map((n) => n.text);
    for (const c of [srsg, wall])
      await until(
        () => texts(c).includes('A market burns in the capital') && texts(c).includes('Ten minutes to the plenary'),
        'the cards on every screen',
      );
    // month 2 comes by ending phases: the planned inject is sent once, at its month
    for (let i = 0; i < 12 && truth(sid).turn < 2; i++)
      await ctx.fac.command(sid, { do: 'end-phase' }).catch(() => undefined);
    await until(() => truth(sid).turn === 2, 'month 2');
    for (const c of [srsg, wall])
      await until(() => texts(c).includes('Crowds block the port gates'), 'the planned card');
    await until(() => desk(sid)?.fired.some((f) => f.key === 'm2-riot' && f.skipped === null) === true, 'sent');
    expect(desk(sid)?.notes.map((n) => n.text)).toEqual([
      'SECRETNOTE see who takes the lead',
      'PLANNOTE test the team on crowd control',
    ]);
    // nothing a chair or the projector received carries a note, the plan or another screen's dashboard
    for (const c of [srsg, wall]) {
      const all = c.tap.frames.join('\n');
      expect(all).not.toContain('SECRETNOTE');
      expect(all).not.toContain('PLANNOTE');
      expect(c.received.some((m: ServerMessage) => m.type === 'desk')).toBe(false);
    }
    srsg.close();
    wall.close();
  });

  it('gives a chair back on another device: with its PIN, or once the facilitator approves', async () => {
    const { sid, code, clients } = await sessionWith(ctx.fac, ctx.server.url, 33, ['srsg']);
    const [old] = clients as [ReturnType<typeof client>];
    expect(old.pin).toMatch(/^\d{6}$/);
    const phone = client(ctx.server.url);
    await phone.connect();
    await phone.join(code, 'srsg');
    const wrong = old.pin === '000000' ? '000001' : '000000';
    await expect(phone.rejoin('srsg', wrong)).rejects.toMatchObject({ code: 'pin/wrong' });
    await expect(phone.rejoin('force', old.pin!)).rejects.toMatchObject({ code: 'seat/unknown' });
    const seated = await phone.rejoin('srsg', old.pin!);
    expect(seated).toMatchObject({ type: 'seated', seat: 'srsg' });
    // the old screen's token no longer opens the chair: it is back in the lobby
    await until(() => old.role === 'member', 'the old screen to leave the chair');
    await ctx.fac.command(sid, { do: 'start' });
    await phone.act({ type: 'mandate/adopt', chair: 'srsg', tasks: ['political-process', 'poc'] });

    // a third device without the PIN: the facilitator is asked, and approves
    const tablet = client(ctx.server.url);
    await tablet.connect();
    await tablet.join(code, 'Sam');
    await expect(tablet.rejoin('srsg')).resolves.toMatchObject({ type: 'ack' });
    await until(() => desk(sid)?.requests.some((r) => r.chair === 'srsg' && r.name === 'Sam') === true, 'the request');
    await ctx.fac.command(sid, { do: 'approve-rejoin', chair: 'srsg', approve: true });
    await until(() => tablet.role === 'chair' && tablet.seat === 'srsg', 'the tablet in the chair');
    await until(() => phone.role === 'member', 'the phone to leave the chair');
    await expect(ctx.fac.command(sid, { do: 'approve-rejoin', chair: 'srsg', approve: true })).rejects.toMatchObject({
      code: 'rejoin/none',
    });
    for (const c of [old, phone, tablet]) c.close();
  });

  it('gives the phase an undo goes back to its whole clock, not what was left of it', async () => {
    const { sid } = await sessionWith(ctx.fac, ctx.server.url, 34, []);
    const timers = new Map<string, Extract<ServerMessage, { type: 'timer' }>>();
    ctx.fac.on('timer', (m) => timers.set(m.session, m));
    await ctx.fac.command(sid, { do: 'set-timer', seconds: { coordination: 600 } });
    await until(() => desk(sid)?.timers.coordination === 600, 'the clock on the dashboard');
    await ctx.fac.command(sid, { do: 'start', autoplay: true });
    await until(() => truth(sid).phase === 'over', 'the bots to finish');
    await ctx.fac.command(sid, { do: 'undo-last-resolution', reason: 'Again with the plenary' });
    await until(() => truth(sid).phase === 'coordination' && timers.get(sid)?.phase === 'coordination', 'the undo');
    expect(timers.get(sid)).toMatchObject({ deadline: null, remaining: 600_000 });
  });

  it('stops after each month for the room to discuss it, once, until the facilitator resumes', async () => {
    const { sid, clients } = await sessionWith(ctx.fac, ctx.server.url, 36, ['projector']);
    const [wall] = clients as [ReturnType<typeof client>];
    await ctx.fac.command(sid, { do: 'month-stop', on: true });
    await until(() => desk(sid)?.monthStop === true, 'the stop to be on');
    await ctx.fac.command(sid, { do: 'start', autoplay: true });
    await until(() => desk(sid)?.waiting.on === 'discussion', 'the stop after month 1');
    expect(desk(sid)!.waiting).toEqual({ on: 'discussion', turn: 1 });
    expect(truth(sid)).toMatchObject({ turn: 2, phase: 'sitrep' });
    await until(() => wall.view?.status.discussion === 1, 'the wall to show the discussion');
    expect(wall.view!.status.paused).toBe(true);
    // it stays: nothing plays while the room talks (a command lets the bots play if they may)
    const log = truth(sid).log.length;
    await ctx.fac.command(sid, { do: 'broadcast', text: 'Two minutes on this month' });
    expect(truth(sid).log.length).toBe(log);
    expect(desk(sid)!.waiting).toEqual({ on: 'discussion', turn: 1 });
    await ctx.fac.command(sid, { do: 'resume' });
    await until(() => desk(sid)?.waiting.on === 'discussion' && truth(sid).turn === 3, 'the stop after month 2');
    expect(desk(sid)!.waiting).toEqual({ on: 'discussion', turn: 2 });
    // switched off, the game plays on to its end
    await ctx.fac.command(sid, { do: 'month-stop', on: false });
    await ctx.fac.command(sid, { do: 'resume' });
    await until(() => wall.view?.role === 'projector' && wall.view.view.phase === 'over', 'the end', 30_000);
    expect(wall.view!.status.discussion).toBeUndefined();
    wall.close();
  });

  it('keeps named inject plans on the server: another facilitator device hears of each, a reload gets them back', async () => {
    const item: ScheduledItem = {
      key: 'riot1',
      month: 2,
      command: {
        do: 'custom-inject',
        title: 'Riot',
        effects: [{ do: 'indicator', id: 'consent', by: -3 }],
        reason: 'Crowds',
        note: 'secret',
      },
    };
    const other = client(ctx.server.url, FACILITATOR_TOKEN);
    await other.connect();
    await until(() => other.received.some((m) => m.type === 'plans'), 'the plans on connecting');
    const r = await ctx.fac.savePlan('Half day', [item]);
    expect(r.plans).toEqual([{ name: 'Half day', items: [item] }]);
    await until(() => other.plans.length === 1, 'the other device to hear of the plan');
    expect(other.plans[0]).toEqual({ name: 'Half day', items: [item] });
    await ctx.fac.savePlan('Another', [{ ...item, key: 'b' }]);
    await until(() => other.plans.length === 2, 'the second plan');
    expect(other.plans.map((p) => p.name)).toEqual(['Another', 'Half day']);
    other.close();
    // a reload (a new connection) finds them; no items deletes one
    const again = client(ctx.server.url, FACILITATOR_TOKEN);
    await again.connect();
    await until(() => again.plans.length === 2, 'the plans after a reload');
    await again.savePlan('Another', []);
    expect(again.plans.map((p) => p.name)).toEqual(['Half day']);
    again.close();
    // a player may neither keep a plan nor hear of one
    const { clients } = await sessionWith(ctx.fac, ctx.server.url, 35, ['srsg']);
    const [srsg] = clients as [ReturnType<typeof client>];
    await expect(srsg.savePlan('Mine', [item])).rejects.toThrow(RequestError);
    expect(srsg.received.some((m) => m.type === 'plans')).toBe(false);
    srsg.close();
  });

  it('reads a damaged list of plans as none, and keeps at most 50', () => {
    const store = new SessionStore(':memory:');
    const plans = new InjectPlans(store);
    store.setMeta('inject-plans', '{not json');
    expect(plans.all()).toEqual([]);
    const item: ScheduledItem = { key: 'k', month: 1, command: { do: 'broadcast', text: 'Hello' } };
    for (let i = 0; i < 50; i++) expect(plans.save(`P${String(i).padStart(2, '0')}`, [item])).toBe(true);
    expect(plans.save('One more', [item])).toBe(false);
    expect(plans.save('P07', [item, item])).toBe(true);
    expect(plans.all()).toHaveLength(50);
    expect(plans.all()[7]!.items).toHaveLength(2);
    store.close();
  });
});
