// A session player's table keeps what the person typed and chose across the server's answers, as the solo table does.
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, type Harness } from './harness.js';
import { TOKEN, useSessionServer } from './session-server.js';
import { createSession } from './play.js';
import { noteTargetsAndTwoCards } from './fields.js';

const server = useSessionServer();
let h: Harness;
let base = '';
beforeAll(() => {
  ({ h, base } = server());
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
