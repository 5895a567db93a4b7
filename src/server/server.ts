// The group-session server: HTTP for the built game, a WebSocket endpoint for the sessions, one SQLite file behind.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { WebSocketServer } from 'ws';
import { HARD_MAX_BYTES, MAX_MESSAGE_BYTES, WS_PATH } from '../net/protocol.js';
import { SessionStore, type Durability } from './db.js';
import { staticHandler } from './http.js';
import { Hub } from './hub.js';
import type { RateLimit } from './rate-limit.js';
import { newToken } from './tokens.js';

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
  /** Connections beyond this are turned away (default 2000). */
  readonly maxConnections?: number;
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
  readonly publicUrl: string;
  readonly hub: Hub;
  readonly http: Server;
  close(): Promise<void>;
}

export const DEFAULT_RATE: RateLimit = { perSecond: 20, burst: 40 };

/** The machine's IPv4 addresses other devices on the network can reach. */
export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  return out;
}

const FACILITATOR_KEY = 'facilitator_token';

/** The address a player opens to join a session. */
export const joinLink = (base: string, code: string) => `${base}/?join=${code}`;

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const store = new SessionStore(opts.db, opts.durability ?? 'normal');
  let facilitatorToken = opts.facilitatorToken ?? store.meta(FACILITATOR_KEY);
  if (!facilitatorToken) {
    facilitatorToken = newToken();
    store.setMeta(FACILITATOR_KEY, facilitatorToken);
  }
  let publicUrl = opts.publicUrl ?? '';
  const hub = new Hub({
    store,
    facilitatorToken,
    rate: opts.rate ?? DEFAULT_RATE,
    maxMessageBytes: opts.maxMessageBytes ?? MAX_MESSAGE_BYTES,
    maxConnections: opts.maxConnections ?? 2000,
    joinLink: (code) => joinLink(publicUrl, code),
    ...(opts.log ? { log: opts.log } : {}),
  });
  const resumed = hub.resumeAll();
  const http = createServer(
    staticHandler(opts.dist, {
      health: () => ({ sessions: hub.sessions.size, connections: hub.connectionCount() }),
      joinLink: (code) => joinLink(publicUrl, code),
    }),
  );
  const wss = new WebSocketServer({ noServer: true, maxPayload: Math.max(HARD_MAX_BYTES, (opts.maxMessageBytes ?? MAX_MESSAGE_BYTES) * 2), perMessageDeflate: false });
  http.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== WS_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => hub.attach(ws));
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
    publicUrl,
    hub,
    http,
    close: async () => {
      hub.close();
      wss.close();
      await new Promise<void>((ok) => http.close(() => ok()));
      store.close();
    },
  };
}
