// Nothing lost: kill -9 the server process mid-turn, start it again on the same database, and the game carries on.
import { afterAll, describe, expect, it } from 'vitest';
import { driveChair } from '../../src/net/drive.js';
import type { ViewBody } from '../../src/net/protocol.js';
import { loadScenario } from '../../src/scenario/load-node.js';
import type { Chair } from '../../src/scenario/schema.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';
import { FACILITATOR_TOKEN, client, spawnServer, tempDir, until, type Child } from './support.js';

const r = loadScenario('tutorial');
if (!r.ok) throw new Error('tutorial does not load');
const scn = r.value;
const tmp = tempDir();
const children: Child[] = [];
afterAll(async () => {
  for (const c of children) await c.stop();
  tmp.cleanup();
});

const fview = (b: ViewBody | null) => {
  if (b?.role !== 'facilitator') throw new Error('no facilitator view');
  return b;
};

describe('a server killed mid-turn', () => {
  it('resumes every session from its log with the same state, and its clients reconnect and finish the game', async () => {
    const first = await spawnServer(tmp.db);
    children.push(first);
    const url = `ws://127.0.0.1:${first.port}/ws`;
    const fac = client(url, FACILITATOR_TOKEN);
    await fac.connect();
    const created = await fac.createSession({ scenario: 'tutorial', team: 'Green', seed: 21 });
    const sid = created.session.session;
    const chairs: Chair[] = ['srsg', 'envoy', 'police'];
    const players = chairs.map(() => client(url));
    for (const [i, p] of players.entries()) {
      await p.connect();
      await p.join(created.session.code!, chairs[i]!);
      await p.claimChair(chairs[i]!);
    }
    await fac.command(sid, { do: 'start' });
    const [srsg, envoy, police] = players as [
      ReturnType<typeof client>,
      ReturnType<typeof client>,
      ReturnType<typeof client>,
    ];
    const doctrine = DOCTRINES['report']!;
    const drivers = [
      driveChair(srsg, { scenario: scn, doctrine, random: () => 0.3 }),
      driveChair(police, { scenario: scn, doctrine, random: () => 0.3 }),
    ];

    // Mid-turn: everyone else has committed turn 1's plan; the envoy has one item in hand and has not committed.
    await until(
      () =>
        envoy.view?.role === 'chair' &&
        envoy.view.view.phase === 'planning' &&
        envoy.view.view.plans.srsg?.committed === true &&
        envoy.view.view.plans.police?.committed === true,
      'turn 1 planning',
    );
    const item = envoy.view?.role === 'chair' ? envoy.view.legal.find((a) => a.type === 'plan/add') : undefined;
    expect(item).toBeDefined();
    await envoy.act(item!);
    fac.sync(sid);
    await until(() => fview(fac.view).state.plans.envoy?.items.length === 1, 'the facilitator to see the envoy item');

    // Kill -9 while paused (so nothing can move between the two readings), restart on the same port and database.
    await fac.command(sid, { do: 'pause' });
    fac.sync(sid);
    await until(() => fview(fac.view).status.paused, 'the pause');
    const before = fview(fac.view);
    const welcomes = () => players.map((p) => p.received.filter((m) => m.type === 'welcome').length);
    expect(welcomes()).toEqual([1, 1, 1]);
    await first.kill9();
    const second = await spawnServer(tmp.db, first.port);
    children.push(second);
    // A fresh facilitator connection sees exactly the state the old process had, rebuilt from the database alone.
    const check = client(`ws://127.0.0.1:${second.port}/ws`, FACILITATOR_TOKEN);
    await check.connect();
    check.watch(sid);
    await until(() => check.view?.role === 'facilitator', 'a fresh facilitator view');
    expect(fview(check.view).hash).toBe(before.hash);
    expect(fview(check.view).seq).toBe(before.seq);
    expect(fview(check.view).state).toEqual(before.state);
    check.close();
    // The clients reconnect with their tokens by themselves and get a fresh view.
    await until(
      () =>
        welcomes().every((n) => n === 2) &&
        fview(fac.view).seq === before.seq &&
        fac.received.filter((m) => m.type === 'welcome').length === 2,
      'everyone to reconnect',
      20_000,
    );
    expect(envoy.view?.role === 'chair' && envoy.view.view.plans.envoy?.items).toHaveLength(1);
    await fac.command(sid, { do: 'resume' });

    // A second kill, with an intent in flight: the client sends it again on reconnection and it is applied once.
    await second.kill9();
    const pendingCommit = envoy.act(
      { type: 'plan/commit', chair: 'envoy', note: 'sent while the server was down' },
      { id: 'commit-during-outage' },
    );
    const third = await spawnServer(tmp.db, first.port);
    children.push(third);
    const ack = await pendingCommit;
    expect(ack.id).toBe('commit-during-outage');
    fac.sync(sid);
    await until(
      () => fview(fac.view).state.log.some((a) => a.type === 'plan/commit' && a.chair === 'envoy'),
      'the commit to show',
    );
    const log = fview(fac.view).state.log;
    expect(log.slice(0, before.state.log.length)).toEqual(before.state.log);
    expect(log.filter((a) => a.type === 'plan/commit' && a.chair === 'envoy')).toHaveLength(1);

    // Everyone carries on to the end.
    drivers.push(driveChair(envoy, { scenario: scn, doctrine, random: () => 0.3 }));
    await Promise.all(drivers.map((d) => d.done));
    await until(() => fview(fac.view).state.phase === 'over', 'the end of the game');
    for (const p of [...players, fac]) p.close();
  });

  it('keeps the hash of a killed server: the state before the kill is the state after the restart', async () => {
    const db = `${tmp.db}.2`;
    const a = await spawnServer(db);
    children.push(a);
    const fac = client(`ws://127.0.0.1:${a.port}/ws`, FACILITATOR_TOKEN);
    await fac.connect();
    const created = await fac.createSession({ scenario: 'tutorial', team: 'Bots', seed: 8 });
    const sid = created.session.session;
    const p = client(`ws://127.0.0.1:${a.port}/ws`);
    await p.connect();
    await p.join(created.session.code!, 'Force');
    await p.claimChair('force');
    await fac.command(sid, { do: 'start' });
    // The bots play up to the force chair's first plan and wait there.
    await until(() => p.view?.role === 'chair' && p.view.view.phase === 'planning', 'planning');
    await fac.command(sid, { do: 'adjust-indicator', indicator: 'trust', by: 3, reason: 'Radio show' });
    fac.sync(sid);
    await until(() => fview(fac.view).state.ledger.some((e) => e.cause.kind === 'facilitator'), 'the adjustment');
    const hash = fview(fac.view).hash;
    fac.close();
    p.close();
    await a.kill9();
    const b = await spawnServer(db);
    children.push(b);
    const again = client(`ws://127.0.0.1:${b.port}/ws`, FACILITATOR_TOKEN);
    await again.connect();
    again.watch(sid);
    await until(() => again.view?.role === 'facilitator', 'the view after restart');
    expect(fview(again.view).hash).toBe(hash);
    again.close();
  });
});
