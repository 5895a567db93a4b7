// `npm run serve` builds the game when dist/ is missing or older than its sources.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildNeeded, newestMtime } from '../../src/server/build.js';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function project(): string {
  root = mkdtempSync(join(tmpdir(), 'mandate-build-'));
  mkdirSync(join(root, 'src', 'ui'), { recursive: true });
  writeFileSync(join(root, 'src', 'ui', 'main.ts'), 'x');
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  return root;
}

const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

describe('buildNeeded', () => {
  it('says missing without dist/index.html, out of date when a source is newer, and nothing when dist is newer', () => {
    const r = project();
    const dist = join(r, 'dist');
    expect(buildNeeded(r, dist)).toBe('missing');
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), 'built');
    at(join(r, 'src', 'ui', 'main.ts'), 1000);
    at(join(r, 'index.html'), 1000);
    at(join(dist, 'index.html'), 2000);
    expect(buildNeeded(r, dist)).toBeNull();
    // a source edited after the build, deep in a folder
    at(join(r, 'src', 'ui', 'main.ts'), 3000);
    expect(buildNeeded(r, dist)).toBe('out of date');
    expect(newestMtime(r)).toBe(3000_000);
  });
});
