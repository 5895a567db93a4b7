// Hot seat on one screen: every chair of the tutorial, the device passed between chairs with their plans hidden.
import { describe, expect, it } from 'vitest';
import { openPage, shot, useHarness } from './harness.js';
import { playStep, startTutorial } from './play.js';

const harness = useHarness();

describe('hot seat', () => {
  it('hides the previous chair’s plan and hand behind a pass-the-device screen during planning', async () => {
    const h = harness();
    const w = await openPage(h);
    const p = w.page;
    await startTutorial(p, h.url, { seed: '4242' });

    // Up to planning: the first pass screen hands the device to the SRSG.
    for (let i = 0; i < 40; i++) {
      if (await p.getByRole('button', { name: 'I am the SRSG' }).isVisible()) break;
      const step = await playStep(p, 'mouse');
      expect(step).not.toBeNull();
    }
    await expect(p.getByRole('heading', { name: 'Pass the device to the SRSG', level: 1 }).isVisible()).resolves.toBe(
      true,
    );
    await expect(p.getByRole('button', { name: 'Commit the plan' }).count()).resolves.toBe(0);
    await p.getByRole('button', { name: 'I am the SRSG' }).click();

    // The SRSG plans one action and commits; the next chair gets the device.
    const passes: string[] = [];
    const seen = ['SRSG'];
    for (let i = 0; i < 60 && passes.length < 3; i++) {
      const me = seen[seen.length - 1]!;
      const planHeading = p.getByRole('heading', { name: `Plan of the ${me}` });
      const step = await playStep(p, 'mouse');
      expect(step).not.toBeNull();
      if (step !== 'commit') continue;
      const heading = p.getByRole('heading', { name: /^Pass the device to the / });
      await heading.waitFor();
      const name = (await heading.textContent())!.replace('Pass the device to the ', '');
      passes.push(name);
      // Nothing of the previous chair on the pass screen: no plan, no hand, no commit, no map.
      await expect(planHeading.count()).resolves.toBe(0);
      await expect(p.getByRole('heading', { name: `Actions of the ${me}` }).count()).resolves.toBe(0);
      await expect(p.getByRole('button', { name: 'Commit the plan' }).count()).resolves.toBe(0);
      await expect(p.getByRole('img', { name: 'Theatre map' }).count()).resolves.toBe(0);
      if (passes.length === 1) await shot(p, 'hotseat-pass');
      await p.getByRole('button', { name: `I am the ${name}` }).click();
      await expect(p.getByRole('heading', { name: `Plan of the ${name}` }).isVisible()).resolves.toBe(true);
      seen.push(name);
    }
    expect([...passes].sort()).toEqual(['Force Commander', 'Police Commissioner', 'Special Envoy']);
    // The last chair plans and commits.
    for (let i = 0; i < 20; i++) if ((await playStep(p, 'mouse')) === 'commit') break;
    // After the last commit the reveal is on the shared screen, with no pass screen.
    await p.getByRole('heading', { name: 'Coordination', level: 2 }).first().waitFor();
    await expect(p.getByRole('button', { name: 'Confirm my plan' }).isVisible()).resolves.toBe(true);
    await expect(p.getByRole('heading', { name: /^Pass the device/ }).count()).resolves.toBe(0);
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 120_000);
});
