// Data the game ships carries its source and licence: every file under assets/ is named in assets/README.md, with a
// source and a licence on its line or in its section.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../assets');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [relative(root, join(dir, e.name))],
  );
}

describe('assets/README.md', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const shipped = files(root).filter((f) => f !== 'README.md');

  it('names every shipped file', () => {
    expect(shipped.length).toBeGreaterThan(0);
    const missing = shipped.filter((f) => !readme.includes(f.split('/').pop()!));
    expect(missing).toEqual([]);
  });

  it('says where the files come from and under which licence', () => {
    expect(readme).toMatch(/source/i);
    expect(readme).toMatch(/licen[cs]e/i);
  });
});
