// `npm run scenario:check` end to end: `FILE:LINE: path: message` lines and exit 1 for broken files, one summary line and exit 0 for good ones.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brokenFixtures, MINIMAL_FILE, rel, ROOT, shippedScenarioFiles, TUTORIAL_FILE } from './support.js';

const fixtures = brokenFixtures();

function check(...files: string[]): { status: number | null; lines: string[]; stdout: string; stderr: string } {
  const r = spawnSync('npx', ['tsx', 'src/cli/scenario-check.ts', ...files], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, lines: r.stdout.split('\n').filter((l) => l !== ''), stdout: r.stdout, stderr: r.stderr };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `FILE:LINE: path: message`, or `FILE:LINE: message` for a problem with the whole file. */
const problemLine = (file: string) => new RegExp(`^${escape(file)}:(\\d+): (?:[\\w$.-]+: )?\\S.*$`);

function expectNoStackTrace(out: string): void {
  expect(out).not.toMatch(/^ {4}at /m);
  expect(out).not.toMatch(/\b(TypeError|RangeError|ReferenceError|SyntaxError)\b.*\n/);
}

describe('scenario-check CLI', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'mandate-cli-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('a broken file: exit 1, `FILE:LINE: path: message`, no stack trace', () => {
    const file = 'tests/fixtures/broken/range-violence-150.yaml';
    const r = check(file);
    expect(r.status).toBe(1);
    expect(r.lines.length).toBeGreaterThan(0);
    for (const l of r.lines) expect(l).toMatch(problemLine(file));
    expect(r.lines).toContainEqual(
      expect.stringMatching(new RegExp(`^${escape(file)}:\\d+: regions\\.0\\.violence: Too big`)),
    );
    expectNoStackTrace(r.stdout + r.stderr);
    expect(r.stderr).toBe('');
  }, 60_000);

  it('every broken fixture at once: exit 1, each file reported with its expected problem, no stack trace', () => {
    const r = check(...fixtures.map((f) => f.file));
    expect(r.status).toBe(1);
    expectNoStackTrace(r.stdout + r.stderr);
    for (const f of fixtures) {
      const mine = r.lines.filter((l) => l.startsWith(`${f.file}:`));
      expect(mine.length, `${f.file} is not reported`).toBeGreaterThan(0);
      expect(
        mine.some((l) => l.includes(f.expect)),
        `${f.file}: no line mentions '${f.expect}':\n${mine.join('\n')}`,
      ).toBe(true);
      if (!f.lineless) for (const l of mine) expect(l).toMatch(problemLine(f.file));
    }
    // Nothing but problem lines: each names one of the files.
    for (const l of r.lines)
      expect(
        fixtures.some((f) => l.startsWith(`${f.file}:`)),
        l,
      ).toBe(true);
  }, 60_000);

  it('good files: exit 0 and one summary line each', () => {
    const files = [...shippedScenarioFiles().map(rel), rel(MINIMAL_FILE)];
    expect(files).toContain(rel(TUTORIAL_FILE));
    const r = check(...files);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.lines).toHaveLength(files.length);
    files.forEach((f, i) =>
      expect(r.lines[i]).toMatch(
        new RegExp(
          `^${escape(f)}: ok, '[a-z0-9-]+' v\\d+: \\d+ turns, \\d+ regions, \\d+ actors, \\d+ actions, \\d+ events, \\d+ mandate tasks$`,
        ),
      ),
    );
  }, 60_000);

  it('good and broken together: exit 1, and the good file still gets its summary', () => {
    const bad = 'tests/fixtures/broken/unknown-lesson.yaml';
    const r = check(rel(TUTORIAL_FILE), bad);
    expect(r.status).toBe(1);
    expect(r.lines[0]).toMatch(/^scenarios\/tutorial\.yaml: ok, 'tutorial'/);
    expect(r.lines.slice(1).every((l) => problemLine(bad).test(l))).toBe(true);
  }, 60_000);

  it('generated hostile files: exit 1 with a problem line each, no stack trace', () => {
    const files = {
      'huge.yaml': '#' + 'x'.repeat(1_100_000) + '\n',
      'deep.yaml': `regions: ${'['.repeat(1_000)}${']'.repeat(1_000)}\n`,
      'dashes.yaml': `${'- '.repeat(1_000)}x\n`,
      'laughs.yaml':
        [
          'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]',
          ...'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`),
        ].join('\n') + '\n',
      'list.yaml': '- 1\n- 2\n',
    };
    const paths = Object.entries(files).map(([name, text]) => {
      const p = join(tmp, name);
      writeFileSync(p, text);
      return p;
    });
    const r = check(...paths);
    expect(r.status).toBe(1);
    expectNoStackTrace(r.stdout + r.stderr);
    for (const p of paths)
      expect(
        r.lines.some((l) => l.startsWith(`${p}:`)),
        `${p} is not reported`,
      ).toBe(true);
    expect(r.lines.find((l) => l.startsWith(join(tmp, 'huge.yaml')))).toMatch(/file too large/);
  }, 60_000);

  it('a missing file: exit 1 and one line, no stack trace', () => {
    const r = check('tests/fixtures/broken/no-such-file.yaml');
    expect(r.status).toBe(1);
    expect(r.lines).toEqual(['tests/fixtures/broken/no-such-file.yaml: no such file']);
    expectNoStackTrace(r.stdout + r.stderr);
  }, 60_000);

  it('no file: exit 2 and the usage on stderr', () => {
    const r = check();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage: npm run scenario:check -- FILE/);
  }, 60_000);
});
