// The group-session server: HTTP for the built game, a WebSocket endpoint for the sessions, one SQLite file behind.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { WebSocketServer } from 'ws';
import { HARD_MAX_BYTES, MAX_MESSAGE_BYTES, WS_PATH } from '../net/protocol.js';
import { SessionStore, type Durability } from './db.js';
import { staticHandler } from './http.js';
import { compareRoute } from './compare-http.js';
import { Hub, type HubLimits } from './hub.js';
import type { RateLimit } from './rate-limit.js';
import { hashToken, newToken } from './tokens.js';

export interface ServerOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly db: string;
  readonly dist: string;
  /** The facilitator's secret. If absent, the one kept in the database is used (made on first start). */
  readonly facilitatorToken?: string;
  readonly rate?: RateLimit;
  readonly maxMessageBytes?: number;
  /** Connections beyond this are turned away, but for the facilitator and seated players (default 2000). */
  readonly maxConnections?: number;
  /** Per address, per session, per connection (see HubLimits); the defaults suit a workshop. */
  readonly limits?: HubLimits;
  /**
   * Behind a reverse proxy every connection comes from the proxy: with this set, the address counted is the last
   * one the proxy added to X-Forwarded-For (only when the connection comes from this address, e.g. 127.0.0.1).
   */
  readonly trustProxy?: string;
  readonly durability?: Durability;
  /** The address put in join links and QR codes; by default the first LAN address. */
  readonly publicUrl?: string;
  readonly log?: (line: string) => void;
}

export interface RunningServer {
  readonly port: number;
  readonly host: string;
  readonly facilitatorToken: string;
  readonly resumed: number;
  /** Open sessions that could not be resumed (their log does not replay, or cannot be read): kept read-only. */
  readonly broken: number;
  readonly publicUrl: string;
  readonly hub: Hub;
  readonly http: Server;
  close(): Promise<void>;
}

export const DEFAULT_RATE: RateLimit = { perSecond: 20, burst: 40 };

/** The machine's IPv4 addresses other devices on the network can reach. */
export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  return out;
}

/** Where the facilitator's secret used to be kept in plain text (moved out on start), and where its hash is kept. */
const FACILITATOR_KEY = 'facilitator_token';
const FACILITATOR_HASH_KEY = 'facilitator_token_hash';

/** The file beside the database holding the facilitator's secret when the server made it, so its link can be printed again. */
export const facilitatorTokenFile = (db: string) => `${db}.facilitator-token`;

/**
 * The facilitator's secret: the one given, or the one the server made (kept beside the database, readable by its
 * owner only), or a new one. The database keeps only its SHA-256, as it does for seat tokens, so a copy of the
 * database opens nothing.
 */
function facilitatorSecret(
  store: SessionStore,
  db: string,
  given: string | undefined,
  log?: (line: string) => void,
): string {
  const file = facilitatorTokenFile(db);
  const kept = db !== ':memory:' && existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
  const legacy = store.meta(FACILITATOR_KEY);
  const stored = store.meta(FACILITATOR_HASH_KEY);
  let token =
    given ??
    (kept && (!stored || hashToken(kept) === stored) ? kept : undefined) ??
    (legacy && (!stored || hashToken(legacy) === stored) ? legacy : undefined);
  if (token === undefined) {
    if (stored)
      log?.(
        'the facilitator secret is not beside the database any more: a new one is made, and the old link no longer works',
      );
    token = newToken();
  }
  if (given === undefined && db !== ':memory:' && kept !== token) {
    writeFileSync(file, `${token}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  store.setMeta(FACILITATOR_HASH_KEY, hashToken(token));
  if (legacy !== undefined) store.deleteMeta(FACILITATOR_KEY);
  return token;
}

/** The address a connection is counted under: the peer, or behind a trusted proxy the client the proxy names. */
function remoteOf(req: IncomingMessage, trustProxy: string | undefined): string | undefined {
  const peer = req.socket.remoteAddress;
  if (
    trustProxy === undefined ||
    peer === undefined ||
    peer.replace(/^::ffff:/, '') !== trustProxy.replace(/^::ffff:/, '')
  )
    return peer;
  const forwarded = req.headers['x-forwarded-for'];
  const list = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  return list.at(-1) ?? peer;
}

/** The address a player opens to join a session. */
export const joinLink = (base: string, code: string) => `${base}/?join=${code}`;

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const store = new SessionStore(opts.db, opts.durability ?? 'normal');
  let facilitatorToken: string;
  try {
    // Strange option values are said plainly too, before anything listens.
    if (opts.trustProxy !== undefined && !isIP(opts.trustProxy.replace(/^::ffff:/, '')))
      throw new Error(`--trust-proxy must be an IP address, got '${opts.trustProxy}'`);
    facilitatorToken = facilitatorSecret(store, opts.db, opts.facilitatorToken, opts.log);
  } catch (e) {
    await store.close();
    throw e;
  }
  let publicUrl = opts.publicUrl ?? '';
  const hub = new Hub({
    store,
    facilitatorTokenHash: hashToken(facilitatorToken),
    rate: opts.rate ?? DEFAULT_RATE,
    maxMessageBytes: opts.maxMessageBytes ?? MAX_MESSAGE_BYTES,
    maxConnections: opts.maxConnections ?? 2000,
    ...opts.limits,
    joinLink: (code) => joinLink(publicUrl, code),
    ...(opts.log ? { log: opts.log } : {}),
  });
  const { resumed, broken } = hub.resumeAll();
  const http = createServer(
    staticHandler(opts.dist, {
      health: () => ({ sessions: hub.sessions.size, ...hub.stats() }),
      joinLink: (code) => joinLink(publicUrl, code),
      route: compareRoute({
        facilitatorTokenHash: hashToken(facilitatorToken),
        sessions: () => hub.sessions.values(),
        now: Date.now,
      }),
    }),
  );
  // A connection that sends its request slowly, or never, is closed: it cannot hold a socket for minutes.
  http.headersTimeout = 10_000;
  http.requestTimeout = 30_000;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: Math.max(HARD_MAX_BYTES, (opts.maxMessageBytes ?? MAX_MESSAGE_BYTES) * 2),
    perMessageDeflate: false,
  });
  http.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== WS_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => hub.attach(ws, remoteOf(req, opts.trustProxy)));
  });
  await new Promise<void>((ok, fail) => {
    http.once('error', fail);
    http.listen(opts.port, opts.host, () => ok());
  });
  const port = (http.address() as AddressInfo).port;
  if (!publicUrl) {
    const lan = opts.host === '0.0.0.0' || opts.host === '::' ? lanAddresses()[0] : opts.host;
    publicUrl = `http://${lan ?? '127.0.0.1'}:${port}`;
  }
  return {
    port,
    host: opts.host,
    facilitatorToken,
    resumed,
    broken,
    publicUrl,
    hub,
    http,
    close: async () => {
      hub.close();
      wss.close();
      await new Promise<void>((ok) => http.close(() => ok()));
      await store.close();
    },
  };
}
