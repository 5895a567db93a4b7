// A session player's table keeps what the person typed and chose across the server's answers, as the solo table does.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, openPage, ROOT, startHarness, type Harness } from './harness.js';
import { createSession } from './play.js';
import { noteTargetsAndTwoCards } from './fields.js';

const TOKEN = 'e2e-facilitator-token-0123456789';
let h: Harness;
let proc: ChildProcess;
let base = '';
const tmp = mkdtempSync(join(tmpdir(), 'mandate-e2e-'));

beforeAll(async () => {
  h = await startHarness(); // builds the site into DIST
  proc = spawn('npx', ['tsx', 'src/server/main.ts', '--host', '127.0.0.1', '--port', '0', '--db', join(tmp, 's.db'), '--dist', DIST, '--facilitator-token', TOKEN, '--rate', '1000', '--burst', '1000'], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d) => (err += String(d)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 20_000);
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const m = JSON.parse(line) as { event: string; port: number };
      if (m.event === 'listening') {
        clearTimeout(timer);
        resolve(m.port);
      }
    });
  });
  base = `http://127.0.0.1:${port}/`;
}, 120_000);

afterAll(async () => {
  try {
    process.kill(-proc.pid!, 'SIGTERM');
  } catch {
    /* gone */
  }
  await h?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe("a session player's table", () => {
  it('keeps the note, the targets and the focus across two Adds answered by the server', async () => {
    const fac = await openPage(h);
    const f = fac.page;
    const code = await createSession(f, base, TOKEN, 'Green', '31');
    const pl = await openPage(h);
    const p = pl.page;
    await p.goto(`${base}?join=${code}`);
    await p.getByLabel('Your name').fill('Bo');
    await p.getByRole('button', { name: 'Join the session' }).click();
    await p.getByRole('button', { name: 'Take the Force Commander chair' }).click();
    await f.getByRole('list', { name: 'Who sits where' }).getByText('Force Commander: Bo').waitFor();
    await f.getByRole('button', { name: 'Start the session' }).click();
    await p.getByRole('button', { name: 'Commit the plan' }).waitFor({ timeout: 30_000 });
    await noteTargetsAndTwoCards(p);
    expect(pl.problems).toEqual([]);
    await pl.context.close();
    await fac.context.close();
  }, 150_000);
});
