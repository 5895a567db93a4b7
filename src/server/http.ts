// Static files: the built game (dist/) over plain HTTP, with a health check. No directory listings, no path escapes.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import QRCode from 'qrcode';
import { CODE_ALPHABET, CODE_LENGTH } from '../net/protocol.js';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.wasm': 'application/wasm',
};

export const NO_BUILD_HELP =
  'The game has not been built: run `npm run build` (it writes dist/), then restart `npm run serve`.';

/** Whether `dir` holds a built game. */
export function hasBuild(dir: string): boolean {
  return existsSync(join(dir, 'index.html'));
}

export interface HttpExtras {
  /** Facts for /healthz. */
  readonly health: () => object;
  /** The join link of a code, for /qr/CODE.svg (the QR of any well-formed code: no oracle of which codes exist). */
  readonly joinLink: (code: string) => string;
  /** More routes (the comparison's): answers and returns true for a path it serves. */
  readonly route?: (path: string, req: IncomingMessage, res: ServerResponse) => boolean;
}

const QR_PATH = new RegExp(`^/qr/([${CODE_ALPHABET}]{${CODE_LENGTH}})\\.svg$`);

/** The join link of a code as a QR code (SVG), for a page or a projector to show. */
export function qrSvg(link: string): Promise<string> {
  return QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

/**
 * What a page from this server may load and who may frame it. Scripts, workers (the service worker, the doctrines'
 * study) and connections only from this server (and its WebSocket, named explicitly for browsers whose 'self' does
 * not cover ws:); styles from here and inline (the pages set style attributes); images also as data: and blob:
 * (Phaser's textures, the QR codes); no plugins, no <base>, no framing by anyone.
 */
export function contentSecurityPolicy(host: string | undefined): string {
  const self =
    host !== undefined && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)
      ? ` ws://${host} wss://${host}`
      : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${self}`,
    "manifest-src 'self'",
    "media-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The headers every HTTP answer carries, the refusals and the health check included. */
export function securityHeaders(res: ServerResponse, host: string | undefined): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(host));
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
}

export function staticHandler(
  distDir: string,
  extras: HttpExtras,
): (req: IncomingMessage, res: ServerResponse) => void {
  const root = resolve(distDir);
  // QR codes are made once per code: asking for them again and again costs the server nothing more (a few hundred kept).
  const qrs = new Map<string, Promise<string>>();
  const qrOf = (code: string): Promise<string> => {
    let hit = qrs.get(code);
    if (!hit) {
      if (qrs.size >= 256) qrs.delete(qrs.keys().next().value!);
      qrs.set(code, (hit = qrSvg(extras.joinLink(code))));
      hit.catch(() => qrs.delete(code));
    }
    return hit;
  };
  return (req, res) => {
    securityHeaders(res, req.headers.host);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path === '/healthz') {
      res
        .writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
        .end(JSON.stringify({ ok: true, ...extras.health() }));
      return;
    }
    if (extras.route?.(path, req, res)) return;
    const qr = QR_PATH.exec(path);
    if (qr) {
      qrOf(qr[1]!).then(
        (svg) => res.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'no-cache' }).end(svg),
        () => res.writeHead(500).end(),
      );
      return;
    }
    if (!hasBuild(root)) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${NO_BUILD_HELP}\n`);
      return;
    }
    if (path.includes('\0')) {
      res.writeHead(400).end();
      return;
    }
    let file = resolve(root, `.${normalize(path)}`);
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(404).end();
      return;
    }
    const isFile = (f: string) => existsSync(f) && statSync(f).isFile();
    if (!isFile(file)) {
      // The page handles its own routes (?join=CODE and the like); unknown files with an extension are 404.
      if (extname(path) !== '') {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
        return;
      }
      file = join(root, 'index.html');
    }
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const immutable = file.includes(`${sep}assets${sep}`);
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': statSync(file).size,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  };
}
