// The protocol parser takes anything without throwing and accepts only strict, known shapes; undo finds the right point.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Phase } from '../../src/engine/index.js';
import { parseClientMessage, parseServerMessage } from '../../src/net/protocol.js';
import { undoTarget } from '../../src/server/facilitator.js';
import { TokenBucket } from '../../src/server/rate-limit.js';

describe('the client message parser', () => {
  it('never throws, on any text or any JSON value', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const r = parseClientMessage(text);
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never lets an unknown field through, at any depth', () => {
    const good = {
      type: 'intent',
      id: 'i-1',
      action: { type: 'plan/add', chair: 'force', item: { kind: 'move', unit: 'bn', to: 'north' } },
    };
    expect(parseClientMessage(JSON.stringify(good)).ok).toBe(true);
    for (const bad of [
      { ...good, extra: 1 },
      { ...good, action: { ...good.action, extra: 1 } },
      { ...good, action: { ...good.action, item: { ...good.action.item, extra: 1 } } },
      { ...good, id: 'has space' },
      { ...good, id: 'x'.repeat(65) },
      { ...good, action: { ...good.action, chair: 'president' } },
      {
        type: 'facilitator',
        id: 'f',
        session: 's-000000000000',
        command: { do: 'adjust-indicator', indicator: 'process', by: 0, reason: 'x' },
      },
      { type: 'facilitator', id: 'f', session: 's-000000000000', command: { do: 'inject', event: 'e', reason: '   ' } },
      { type: 'join', code: 'ABCDE0', name: 'Zero is not in codes' },
      { type: 'join', code: 'ABCDEF', name: 'bell\u0007' },
    ]) {
      const r = parseClientMessage(JSON.stringify(bad));
      expect(r.ok, JSON.stringify(bad)).toBe(false);
    }
    expect(parseClientMessage(JSON.stringify({ ...good, extra: 1 }))).toMatchObject({
      ok: false,
      code: 'message/shape',
      id: 'i-1',
    });
    // Codes are read case-insensitively.
    expect(parseClientMessage(JSON.stringify({ type: 'join', code: 'mk4rzp', name: 'Ana' }))).toMatchObject({
      ok: true,
      message: { code: 'MK4RZP' },
    });
  });

  it('lets a client drop what is not a server message', () => {
    expect(parseServerMessage('nope')).toBeNull();
    expect(parseServerMessage('{"type":"nonsense"}')).toBeNull();
    expect(parseServerMessage('{"type":"ack","id":"x","seq":3}')).toEqual({ type: 'ack', id: 'x', seq: 3 });
  });
});

describe('undo-last-resolution', () => {
  const P = (...ps: Phase[]) => ps;
  it('goes back to the moment the last resolved turn entered coordination', () => {
    // adopt, close, strategy, commit×2 (coordination at index 4), confirm×2 (resolved at index 6), close
    const phases = P(
      'sitrep',
      'strategy',
      'planning',
      'planning',
      'coordination',
      'coordination',
      'sitrep',
      'strategy',
    );
    expect(undoTarget(phases)).toBe(5);
    expect(undoTarget(P('sitrep', 'strategy', 'planning', 'coordination', 'coordination', 'over'))).toBe(4);
  });
  it('has nothing to undo before any resolution', () => {
    expect(undoTarget([])).toBeNull();
    expect(undoTarget(P('sitrep', 'strategy', 'planning', 'coordination'))).toBeNull();
  });
});

describe('the token bucket', () => {
  it('allows a burst, then the refill rate', () => {
    let t = 0;
    const b = new TokenBucket({ perSecond: 10, burst: 3 }, () => t);
    expect([b.take(), b.take(), b.take(), b.take()]).toEqual([true, true, true, false]);
    t += 100;
    expect([b.take(), b.take()]).toEqual([true, false]);
    t += 10_000;
    expect([b.take(), b.take(), b.take(), b.take()]).toEqual([true, true, true, false]);
  });
});
