// A save back into a session on the title screen: which scenario it was played with, when two share an id.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeSave, newGame } from '../../src/engine/index.js';
import { sessionFromSaveText } from '../../src/ui/save-restore.js';
import { bundledScenarios, parseCustom } from '../../src/ui/scenarios.js';

async function copyOfTutorial(): Promise<Awaited<ReturnType<typeof parseCustom>> & { ok: true }> {
  // an author's copy that kept the id and changed the title (so its content, and its hash, differ)
  const text = readFileSync('scenarios/tutorial.yaml', 'utf8').replace(
    /^title:\n {2}en: .*$/m,
    'title:\n  en: "My Meridia"',
  );
  const r = await parseCustom(text, 'my-meridia.yaml');
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r;
}

describe('sessionFromSaveText', () => {
  it('resumes a game of an author’s copy that kept a bundled scenario’s id, and a game of the bundled one, each with its own', async () => {
    const custom = (await copyOfTutorial()).entry;
    const bundled = bundledScenarios();
    const all = [...bundled, custom];
    expect(all.filter((e) => e.id === 'tutorial')).toHaveLength(2);

    const mine = await custom.load();
    const a = await sessionFromSaveText(JSON.stringify(makeSave(mine, newGame(mine, 5))), all, 'a');
    expect(a.ok && a.session.scenario.title.en).toBe('My Meridia');

    const theirs = await bundled.find((e) => e.id === 'tutorial')!.load();
    const b = await sessionFromSaveText(JSON.stringify(makeSave(theirs, newGame(theirs, 5))), all, 'b');
    expect(b.ok && b.session.scenario.title.en).toBe(theirs.title.en);
  });

  it('says the save belongs to another scenario when no file with its id matches it', async () => {
    const custom = (await copyOfTutorial()).entry;
    const theirs = await bundledScenarios()
      .find((e) => e.id === 'tutorial')!
      .load();
    const r = await sessionFromSaveText(JSON.stringify(makeSave(theirs, newGame(theirs, 5))), [custom], 'c');
    expect(r.ok ? 'ok' : r.error.code).toBe('other-scenario');
  });
});
