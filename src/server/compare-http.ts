// The teams' comparison over HTTP, for the projector's comparison page (?compare=KEY): public rows only (teamRow without
// the true score; outcomes once a game is over). The key opens nothing else: it is derived from the facilitator's
// secret, so it cannot be guessed, yet it can be projected without giving the secret away.
import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { teamRow, type TeamRow } from '../net/compare.js';
import { isFacilitatorToken } from './facilitator.js';
import type { Session } from './session.js';

/** Sessions ended longer ago than this are left out of a comparison that names none. */
const RECENT_MS = 24 * 3600_000;

/** The comparison key of a server: HMAC of a fixed label under the facilitator secret's hash (22 url-safe characters). */
export function compareKey(facilitatorTokenHash: string): string {
  return createHmac('sha256', facilitatorTokenHash).update('mandate:compare').digest('base64url').slice(0, 22);
}

export interface CompareDeps {
  readonly facilitatorTokenHash: string;
  readonly sessions: () => Iterable<Session>;
  readonly now: () => number;
}

/** The public rows: the sessions named (ids), or every open session and those ended in the last day, oldest first. */
export function publicRows(deps: CompareDeps, ids: readonly string[] | null): TeamRow[] {
  const all = [...deps.sessions()].sort((a, b) => a.row.createdAt - b.row.createdAt);
  const chosen = ids
    ? all.filter((s) => ids.includes(s.id))
    : all.filter((s) => !s.ended || (s.row.endedAt ?? deps.now()) > deps.now() - RECENT_MS);
  return chosen.map((s) =>
    teamRow({ session: s.id, team: s.row.team, seed: s.row.seed, status: s.status() }, s.state, s.scn, false),
  );
}

const json = (res: ServerResponse, status: number, body: unknown) =>
  res
    .writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
    .end(JSON.stringify(body));

/** Answers /compare.json and /compare-key; false for any other path. */
export function compareRoute(deps: CompareDeps): (path: string, req: IncomingMessage, res: ServerResponse) => boolean {
  const key = compareKey(deps.facilitatorTokenHash);
  return (path, req, res) => {
    if (path === '/compare-key') {
      // the facilitator's page asks with its secret, and gets the key to put in the projector's link
      const auth = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(req.headers.authorization ?? '');
      if (!auth || !isFacilitatorToken(auth[1]!, deps.facilitatorTokenHash))
        json(res, 403, { error: 'the facilitator secret is needed' });
      else json(res, 200, { key });
      return true;
    }
    if (path !== '/compare.json') return false;
    const q = new URL(req.url ?? '/', 'http://x').searchParams;
    if (q.get('key') !== key) {
      json(res, 403, { error: 'this comparison link is not valid on this server' });
      return true;
    }
    const ids = q.get('sessions');
    const list = ids
      ? ids
          .split(',')
          .filter((x) => /^s-[0-9a-f]{12}$/.test(x))
          .slice(0, 50)
      : null;
    json(res, 200, { rows: publicRows(deps, list) });
    return true;
  };
}
