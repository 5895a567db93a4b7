// Join codes without zod: the alphabet and length, and a reader for what a person types (the title screen loads this, not protocol.ts).

/** Join codes use letters and digits that cannot be mistaken for each other when read aloud or off a screen. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

/** Why a typed code is not a join code: empty, a character the codes never use, or the wrong length. */
export type CodeProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'length'; readonly length: number };

/** Reads a code as typed (any case, spaces and dashes allowed between groups) into the code, or says what is wrong. */
export function readJoinCode(typed: string): { ok: true; code: string } | { ok: false; problem: CodeProblem } {
  const code = typed.replace(/[\s-]+/g, '').toUpperCase();
  if (code === '') return { ok: false, problem: { kind: 'empty' } };
  const bad = [...code].find((ch) => !CODE_ALPHABET.includes(ch));
  if (bad !== undefined) return { ok: false, problem: { kind: 'char', char: bad } };
  if (code.length !== CODE_LENGTH) return { ok: false, problem: { kind: 'length', length: code.length } };
  return { ok: true, code };
}

/**
 * What a page address asks for: a join code (?join=CODE), a projector's code (?projector=CODE) or a facilitator token
 * (#facilitator=T). A bare `#facilitator` (what the facilitator's page leaves in the address bar once it has taken the
 * token out) gives an empty token: the page then uses the one its tab kept.
 */
export function linkParams(href: string): {
  code: string | null;
  projector: string | null;
  facilitatorToken: string | null;
} {
  const u = new URL(href);
  const hash = new URLSearchParams(u.hash.replace(/^#/, ''));
  return {
    code: u.searchParams.get('join'),
    projector: u.searchParams.get('projector'),
    facilitatorToken: hash.has('facilitator') ? (hash.get('facilitator') ?? '') : null,
  };
}
