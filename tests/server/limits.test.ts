// What the server refuses: malformed, oversized, flooding, unauthorized and replayed messages get an error and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameState } from '../../src/engine/index.js';
import type { ServerMessage } from '../../src/net/protocol.js';
import { FACILITATOR_TOKEN, client, inProcess, rawSocket, tempDir, until } from './support.js';

const tmp = tempDir();
let server: Awaited<ReturnType<typeof inProcess>>;
let fac: ReturnType<typeof client>;
let sid = '';
let code = '';
let srsgToken = '';
let envoyToken = '';

beforeAll(async () => {
  // The default limits: 20 messages a second, bursts of 40.
  server = await inProcess(tmp.db, { perSecond: 20, burst: 40 });
  fac = client(server.url, FACILITATOR_TOKEN);
  await fac.connect();
  const created = await fac.createSession({ scenario: 'tutorial', team: 'Red', seed: 3 });
  sid = created.session.session;
  code = created.session.code!;
  for (const chair of ['srsg', 'envoy'] as const) {
    const p = client(server.url);
    await p.connect();
    await p.join(code, chair);
    const s = await p.claimChair(chair);
    if (chair === 'srsg') srsgToken = s.token;
    else envoyToken = s.token;
    p.close();
  }
  await fac.command(sid, { do: 'start' });
});
afterAll(async () => {
  fac.close();
  await server.close();
  tmp.cleanup();
});

const truth = (): GameState => {
  const b = fac.view;
  if (b?.role !== 'facilitator') throw new Error('no facilitator view');
  return b.state;
};
const facSeq = () => (fac.view?.role === 'facilitator' ? fac.view.seq : -1);

async function seated(token: string) {
  const r = await rawSocket(server.url);
  r.send({ type: 'resume', protocol: 1, token });
  expect(await r.next((m) => m.type === 'welcome')).toMatchObject({ role: 'chair' });
  return r;
}

const errorFor = (id: string) => (m: ServerMessage) => m.type === 'error' && m.id === id;

describe('the server refuses and changes nothing', () => {
  it('answers malformed JSON, unknown shapes and binary frames with an error, and keeps the connection', async () => {
    const r = await rawSocket(server.url);
    r.send('{"type": "hello", ');
    expect(await r.next()).toMatchObject({ type: 'error', code: 'message/not-json' });
    r.send({ type: 'hello', protocol: 1, extra: true });
    expect(await r.next()).toMatchObject({ type: 'error', code: 'message/shape' });
    r.send({ type: 'hello', protocol: 99 });
    expect(await r.next()).toMatchObject({ type: 'error', code: 'message/shape' });
    r.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await r.next()).toMatchObject({ type: 'error', code: 'message/not-json' });
    r.send({ type: 'join', code, name: 'x' });
    expect(await r.next()).toMatchObject({ type: 'error', code: 'auth/hello-first' });
    r.send({ type: 'hello', protocol: 1 });
    expect(await r.next()).toMatchObject({ type: 'welcome', role: 'anonymous' });
    r.ws.close();
  });

  it('refuses a message over 16 KiB with an error, and closes the socket on one over the hard limit', async () => {
    const r = await seated(srsgToken);
    const before = facSeq();
    r.send({
      type: 'intent',
      id: 'big-1',
      action: { type: 'plan/commit', chair: 'srsg', note: 'x'.repeat(17 * 1024) },
    });
    expect(await r.next((m) => m.type === 'error')).toMatchObject({ code: 'message/too-large' });
    r.send(JSON.stringify({ pad: 'y'.repeat(200 * 1024) }));
    expect(await r.closed).toBe(1009);
    expect(facSeq()).toBe(before);
  });

  it('refuses bad tokens, a chair acting as another chair, a player giving facilitator commands, the facilitator playing a chair', async () => {
    const bad = await rawSocket(server.url);
    bad.send({ type: 'resume', protocol: 1, token: 'not-a-real-token-0000000000000000' });
    expect(await bad.next()).toMatchObject({ type: 'error', code: 'auth/bad-token' });
    bad.ws.close();

    const before = truth();
    const seqBefore = facSeq();
    const envoy = await seated(envoyToken);
    envoy.send({
      type: 'intent',
      id: 'as-srsg',
      action: { type: 'mandate/adopt', chair: 'srsg', tasks: ['political-process', 'poc'] },
    });
    expect(await envoy.next(errorFor('as-srsg'))).toMatchObject({ code: 'auth/forbidden' });
    envoy.send({
      type: 'intent',
      id: 'inject',
      action: { type: 'facilitator/adjust', indicator: 'process', by: 10, reason: 'because' },
    });
    expect(await envoy.next(errorFor('inject'))).toMatchObject({ code: 'auth/forbidden' });
    envoy.send({ type: 'facilitator', id: 'pause', session: sid, command: { do: 'pause' } });
    expect(await envoy.next(errorFor('pause'))).toMatchObject({ code: 'auth/forbidden' });
    envoy.send({ type: 'create-session', id: 'mine', scenario: 'tutorial', team: 'Rogue' });
    expect(await envoy.next(errorFor('mine'))).toMatchObject({ code: 'auth/forbidden' });
    envoy.send({ type: 'watch', session: sid, id: 'spy' });
    expect(await envoy.next(errorFor('spy'))).toMatchObject({ code: 'auth/forbidden' });
    envoy.ws.close();

    const f = await rawSocket(server.url);
    f.send({ type: 'resume', protocol: 1, token: FACILITATOR_TOKEN });
    await f.next((m) => m.type === 'welcome');
    f.send({
      type: 'intent',
      id: 'fac-plays',
      action: { type: 'mandate/adopt', chair: 'srsg', tasks: ['political-process', 'poc'] },
    });
    expect(await f.next(errorFor('fac-plays'))).toMatchObject({ code: 'auth/forbidden' });
    f.ws.close();

    fac.sync(sid);
    await new Promise((r) => setTimeout(r, 50));
    expect(facSeq()).toBe(seqBefore);
    expect(truth()).toEqual(before);
  });

  it('answers a replayed intent id with its first ack and applies it once', async () => {
    const srsg = await seated(srsgToken);
    const adopt = {
      type: 'intent',
      id: 'adopt-1',
      action: { type: 'mandate/adopt', chair: 'srsg', tasks: ['political-process', 'poc'] },
    };
    srsg.send(adopt);
    const first = await srsg.next((m) => m.type === 'ack');
    expect(first).toMatchObject({ id: 'adopt-1' });
    await until(() => truth().turn === 1, 'the mandate to be adopted');
    const after = truth();
    const seq = facSeq();
    srsg.send(adopt);
    const again = await srsg.next((m) => m.type === 'ack');
    expect(again).toEqual({ ...first, duplicate: true });
    // Even with another action under the same id: the first answer, nothing applied.
    srsg.send({ ...adopt, action: { type: 'sitrep/close', chair: 'srsg' } });
    expect(await srsg.next((m) => m.type === 'ack')).toEqual({ ...first, duplicate: true });
    fac.sync(sid);
    await new Promise((r) => setTimeout(r, 50));
    expect(facSeq()).toBe(seq);
    expect(truth()).toEqual(after);
    expect(truth().log.filter((a) => a.type === 'mandate/adopt')).toHaveLength(1);
    // A rule refusal is an error with the engine's code.
    srsg.send({
      type: 'intent',
      id: 'bad-strategy',
      action: { type: 'strategy/set', chair: 'srsg', strategy: 'nope' },
    });
    expect(await srsg.next(errorFor('bad-strategy'))).toMatchObject({ code: 'phase/wrong' });
    srsg.ws.close();
  });

  it('rate-limits a flooding connection', async () => {
    const r = await rawSocket(server.url);
    r.send({ type: 'hello', protocol: 1 });
    await r.next((m) => m.type === 'welcome');
    for (let i = 0; i < 60; i++) r.send({ type: 'sync' });
    const limited = await r.next((m) => m.type === 'error' && m.code === 'message/rate-limited');
    expect(limited).toMatchObject({ code: 'message/rate-limited' });
    r.ws.close();
  });
});
