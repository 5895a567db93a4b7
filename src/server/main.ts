// `npm run serve`: the facilitator's server for group sessions on the local network.
//   npm run serve -- [--host 0.0.0.0] [--port 8787] [--db mandate-sessions.db] [--dist dist]
//                    [--facilitator-token T] [--public-url URL] [--rate 20] [--burst 40] [--durability normal|full]
//                    [--max-per-address 32] [--trust-proxy 127.0.0.1] [--no-build]
// It builds the game into dist/ first when dist/ is missing or older than the sources (not with --dist or --no-build).
// The same settings can come from MANDATE_HOST, MANDATE_PORT, MANDATE_DB, MANDATE_DIST, MANDATE_FACILITATOR_TOKEN, MANDATE_PUBLIC_URL.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { WS_PATH } from '../net/protocol.js';
import { buildGame, buildNeeded } from './build.js';
import { hasBuild, NO_BUILD_HELP } from './http.js';
import { DEFAULT_RATE, lanAddresses, startServer } from './server.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function fail(message: string): never {
  process.stderr.write(`serve: ${message}\n`);
  process.exit(2);
}

function intArg(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    fail(`--${name} must be a whole number from ${min} to ${max}, got '${value}'`);
  return n;
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        db: { type: 'string' },
        dist: { type: 'string' },
        'facilitator-token': { type: 'string' },
        'public-url': { type: 'string' },
        rate: { type: 'string' },
        burst: { type: 'string' },
        durability: { type: 'string' },
        'max-per-address': { type: 'string' },
        'trust-proxy': { type: 'string' },
        'no-build': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (e) {
    fail((e as Error).message);
  }
  if (args.help) {
    process.stdout.write(`${readHeader()}\n`);
    return;
  }
  const env = process.env;
  const host = args.host ?? env['MANDATE_HOST'] ?? '0.0.0.0';
  const port = intArg('port', args.port ?? env['MANDATE_PORT'], 8787, 0, 65535);
  const db = resolve(args.db ?? env['MANDATE_DB'] ?? 'mandate-sessions.db');
  const givenDist = args.dist ?? env['MANDATE_DIST'];
  const dist = resolve(givenDist ?? resolve(ROOT, 'dist'));
  // The game this checkout serves is built when it is missing or out of date; a dist/ given by hand is served as it is.
  const why =
    givenDist === undefined && !args['no-build'] && existsSync(join(ROOT, 'src')) ? buildNeeded(ROOT, dist) : null;
  if (why !== null) {
    process.stdout.write(`Building the game (dist/ is ${why}); this takes a minute…\n`);
    await buildGame(ROOT, dist, (text) => process.stderr.write(text));
    process.stdout.write('Built.\n');
  }
  const token = args['facilitator-token'] ?? env['MANDATE_FACILITATOR_TOKEN'];
  if (token !== undefined && !/^[A-Za-z0-9_-]{16,128}$/.test(token))
    fail('the facilitator token must be 16 to 128 letters, digits, _ or -');
  const durability = args.durability ?? 'normal';
  if (durability !== 'normal' && durability !== 'full') fail(`--durability is normal or full, got '${durability}'`);
  const publicUrl = args['public-url'] ?? env['MANDATE_PUBLIC_URL'];
  const server = await startServer({
    host,
    port,
    db,
    dist,
    ...(token !== undefined ? { facilitatorToken: token } : {}),
    ...(publicUrl !== undefined ? { publicUrl: publicUrl.replace(/\/+$/, '') } : {}),
    rate: {
      perSecond: intArg('rate', args.rate, DEFAULT_RATE.perSecond, 1, 100000),
      burst: intArg('burst', args.burst, DEFAULT_RATE.burst, 1, 100000),
    },
    durability,
    limits: { maxPerAddress: intArg('max-per-address', args['max-per-address'], 32, 1, 100000) },
    ...(args['trust-proxy'] !== undefined ? { trustProxy: args['trust-proxy'] } : {}),
    log: (line) => process.stderr.write(`serve: ${line}\n`),
  });
  const hosts = host === '0.0.0.0' || host === '::' ? [...lanAddresses(), '127.0.0.1'] : [host];
  const out = process.stdout;
  out.write('Mandate group sessions\n');
  out.write(
    hasBuild(dist)
      ? `  serving the game from ${dist}\n`
      : `  ${NO_BUILD_HELP}\n  (the session endpoint below works without it)\n`,
  );
  for (const h of hosts) out.write(`  open:        http://${h}:${server.port}/\n`);
  out.write(`  facilitator: ${server.publicUrl}/#facilitator=${server.facilitatorToken}\n`);
  out.write(`  websocket:   ws://${hosts[0]}:${server.port}${WS_PATH}\n`);
  out.write(
    `  database:    ${db} (${server.resumed} open session${server.resumed === 1 ? '' : 's'} resumed${server.broken > 0 ? `, ${server.broken} could not be and ${server.broken === 1 ? 'is' : 'are'} kept read-only` : ''})\n`,
  );
  out.write(
    '  Keep the facilitator link to yourself: it opens every session. Ctrl-C stops the server; sessions resume on the next start.\n',
  );
  // One line for programs that start the server (tests, the bench): the port it listens on.
  out.write(`${JSON.stringify({ event: 'listening', port: server.port, resumed: server.resumed })}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function readHeader(): string {
  return [
    'npm run serve -- [options]',
    '  --host H               address to listen on (default 0.0.0.0: every interface)',
    '  --port P               port (default 8787; 0 picks a free one)',
    '  --db FILE              SQLite file holding every session (default ./mandate-sessions.db)',
    '  --dist DIR             a built game to serve as it is (default dist/, built first when missing or out of date)',
    '  --no-build             serve dist/ as it is, even when out of date',
    '  --facilitator-token T  the facilitator secret (default: made once, kept in the database)',
    '  --public-url URL       the address put in join links and QR codes (default http://<first LAN address>:<port>)',
    '  --rate N --burst N     messages per second and burst allowed per connection (default 20 and 40)',
    '  --durability D         normal (survives a crash of the server) or full (also a power cut); default normal',
    '  --max-per-address N    connections without a token from one address (default 32); token holders always get in',
    '  --trust-proxy ADDR     behind a reverse proxy at ADDR (e.g. 127.0.0.1): count clients by its X-Forwarded-For',
  ].join('\n');
}

// One line, never a stack trace: what is wrong (a database that cannot be used, a port taken) and nothing else.
// MANDATE_DEBUG=1 shows the stack.
main().catch((e: unknown) =>
  fail(
    e instanceof Error
      ? process.env['MANDATE_DEBUG']
        ? (e.stack ?? e.message)
        : (e.message.split('\n')[0] ?? String(e))
      : String(e),
  ),
);
