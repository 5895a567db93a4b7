// The headless play CLI: complete games, the same JSON for the same arguments, clear usage errors.
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const sim = (...args: string[]) => spawnSync('npx', ['tsx', 'src/cli/sim.ts', ...args], { encoding: 'utf8' });

describe('npm run sim', () => {
  it('plays 100 complete tutorial games and prints the same JSON twice', () => {
    const args = ['--scenario', 'tutorial', '--games', '100', '--seed', '1', '--json', '--doctrine', 'random'];
    const a = execFileSync('npx', ['tsx', 'src/cli/sim.ts', ...args], { encoding: 'utf8' });
    const b = execFileSync('npx', ['tsx', 'src/cli/sim.ts', ...args], { encoding: 'utf8' });
    expect(a).toBe(b);
    const out = JSON.parse(a) as { games: number; results: { result: string; turns: number; score: number }[] };
    expect(out.games).toBe(100);
    expect(out.results).toHaveLength(100);
    for (const g of out.results) {
      expect(['success', 'failure']).toContain(g.result);
      expect(Number.isFinite(g.score)).toBe(true);
    }
  });

  it('loads a doctrine from a file, for all chairs or for one', () => {
    const file = './tests/fixtures/doctrines/talks-only.mjs';
    const all = sim('--scenario', 'tutorial', '--games', '5', '--seed', '2', '--json', '--doctrine', file);
    expect(all.status).toBe(0);
    expect(JSON.parse(all.stdout).doctrine).toBe('talks-only');
    const one = sim('--scenario', 'tutorial', '--games', '5', '--seed', '2', '--json', '--force', file);
    expect(JSON.parse(one.stdout).doctrine).toBe('report force=talks-only');
    const notADoctrine = sim('--scenario', 'tutorial', '--doctrine', './package.json');
    expect(notADoctrine.status).toBe(2);
    expect(notADoctrine.stderr).toMatch(/not a doctrine|cannot load/);
  });

  it('explains bad arguments without a stack trace', () => {
    const r = sim('--scenario', 'tutorial', '--games', 'many');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--games must be a whole number/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const missing = sim('--scenario', 'no-such-scenario');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no-such-scenario: no such file/);
    const doctrine = sim('--scenario', 'tutorial', '--doctrine', 'nope');
    expect(doctrine.status).toBe(2);
    expect(doctrine.stderr).toMatch(/no doctrine 'nope'/);
  });
});
