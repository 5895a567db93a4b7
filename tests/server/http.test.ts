// The HTTP side: the built game as static files, a health check, nothing outside dist/, and a clear word when there is no build.
import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startServer, type RunningServer } from '../../src/server/server.js';
import { FACILITATOR_TOKEN, tempDir } from './support.js';

const tmp = tempDir();
let server: RunningServer;
let bare: RunningServer;
beforeAll(async () => {
  const dist = join(tmp.dir, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Mandate</title>');
  writeFileSync(join(dist, 'assets', 'app-1234.js'), 'export {};');
  writeFileSync(join(tmp.dir, 'secret.txt'), 'not for you');
  server = await startServer({ host: '127.0.0.1', port: 0, db: tmp.db, dist, facilitatorToken: FACILITATOR_TOKEN });
  bare = await startServer({
    host: '127.0.0.1',
    port: 0,
    db: join(tmp.dir, 'b.db'),
    dist: join(tmp.dir, 'nothing-here'),
  });
});
afterAll(async () => {
  await server.close();
  await bare.close();
  tmp.cleanup();
});

function get(
  port: number,
  path: string,
  method = 'GET',
): Promise<{ status: number; type: string; body: string; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.on('data', (d) => (body += String(d)));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          body,
          headers: res.headers,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the HTTP server', () => {
  it('serves the built game, with the page for its own routes', async () => {
    expect(await get(server.port, '/')).toMatchObject({
      status: 200,
      type: 'text/html; charset=utf-8',
      body: '<!doctype html><title>Mandate</title>',
    });
    expect(await get(server.port, '/?join=ABCDEF')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(await get(server.port, '/assets/app-1234.js')).toMatchObject({
      status: 200,
      type: 'text/javascript; charset=utf-8',
    });
    expect((await get(server.port, '/missing.png')).status).toBe(404);
    expect((await get(server.port, '/', 'POST')).status).toBe(405);
    expect(JSON.parse((await get(server.port, '/healthz')).body)).toMatchObject({ ok: true });
    const qr = await get(server.port, '/qr/ABCDEF.svg');
    expect(qr).toMatchObject({ status: 200, type: 'image/svg+xml' });
    expect(qr.body.startsWith('<svg')).toBe(true);
    expect((await get(server.port, '/qr/abc.svg')).status).toBe(404);
  });

  it('sends a content security policy, frame protection and no referrer on every answer (#18, hole 8)', async () => {
    const answers = [
      await get(server.port, '/'),
      await get(server.port, '/assets/app-1234.js'),
      await get(server.port, '/missing.png'),
      await get(server.port, '/', 'POST'),
      await get(server.port, '/healthz'),
      await get(server.port, '/qr/ABCDEF.svg'),
      await get(server.port, '/%zz'),
      await get(bare.port, '/'),
    ];
    for (const r of answers) {
      const csp = String(r.headers['content-security-policy'] ?? '');
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain(`ws://127.0.0.1:${r === answers.at(-1) ? bare.port : server.port}`);
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('never serves a file outside dist/', async () => {
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt']) {
      const r = await get(server.port, path);
      expect(r.body).not.toContain('not for you');
    }
  });

  it('says how to build the game when dist/ is missing, and still takes sessions', async () => {
    const r = await get(bare.port, '/');
    expect(r.status).toBe(503);
    expect(r.body).toContain('npm run build');
    const ws = new WebSocket(`ws://127.0.0.1:${bare.port}/ws`);
    const first = await new Promise<string>((resolve) => {
      ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', protocol: 1 })));
      ws.on('message', (d) => resolve(String(d)));
    });
    expect(JSON.parse(first)).toMatchObject({ type: 'welcome', role: 'anonymous' });
    ws.close();
  });

  it('accepts WebSockets on /ws only', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/elsewhere`);
    const outcome = await new Promise<string>((resolve) => {
      ws.on('open', () => resolve('open'));
      ws.on('error', () => resolve('refused'));
    });
    expect(outcome).toBe('refused');
  });
});
