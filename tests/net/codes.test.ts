// Join codes as people type them: the title screen's reader, and the same alphabet as the protocol's schema.
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH, linkParams, readJoinCode } from '../../src/net/codes.js';
import { JoinCode } from '../../src/net/protocol.js';

describe('readJoinCode', () => {
  it('reads a code in any case, with spaces or dashes between groups, as the server will', () => {
    for (const typed of ['mk4rzp', 'MK4 RZP', ' mk4-rzp ']) {
      expect(readJoinCode(typed)).toEqual({ ok: true, code: 'MK4RZP' });
    }
  });

  it('says what is wrong: nothing typed, a character codes never use, or the wrong length', () => {
    expect(readJoinCode('  ')).toEqual({ ok: false, problem: { kind: 'empty' } });
    expect(readJoinCode('MK0RZP')).toEqual({ ok: false, problem: { kind: 'char', char: '0' } });
    expect(readJoinCode('mkirzp')).toEqual({ ok: false, problem: { kind: 'char', char: 'I' } });
    expect(readJoinCode('MK4RZ')).toEqual({ ok: false, problem: { kind: 'length', length: 5 } });
    expect(readJoinCode('MK4RZPP')).toEqual({ ok: false, problem: { kind: 'length', length: 7 } });
  });

  it('accepts exactly what the protocol accepts', () => {
    for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') {
      const code = ch.repeat(CODE_LENGTH);
      expect(readJoinCode(code).ok).toBe(JoinCode.safeParse(code).success);
      expect(readJoinCode(code).ok).toBe(CODE_ALPHABET.includes(ch));
    }
  });
});

describe('linkParams', () => {
  it("reads the page a link asks for: a chair's join code, a projector or the facilitator (whose token stays in the fragment)", () => {
    expect(linkParams('http://10.0.0.5:8080/?join=MK4RZP')).toEqual({
      code: 'MK4RZP',
      projector: null,
      facilitatorToken: null,
    });
    expect(linkParams('http://10.0.0.5:8080/?projector=MK4RZP')).toEqual({
      code: null,
      projector: 'MK4RZP',
      facilitatorToken: null,
    });
    expect(linkParams('http://10.0.0.5:8080/#facilitator=abc123')).toEqual({
      code: null,
      projector: null,
      facilitatorToken: 'abc123',
    });
    expect(linkParams('http://10.0.0.5:8080/')).toEqual({ code: null, projector: null, facilitatorToken: null });
    // The facilitator's page takes the token out of the address bar and leaves the bare route (#18): its tab keeps the token.
    expect(linkParams('http://10.0.0.5:8080/#facilitator')).toEqual({
      code: null,
      projector: null,
      facilitatorToken: '',
    });
  });
});
