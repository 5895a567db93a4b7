// House habit: every source file is as Prettier writes it (config in .prettierrc.json, exclusions in
// .prettierignore). `npm run format` rewrites the tree; this test names the files that drifted.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
  return out.split('\0').filter(Boolean);
}

describe('formatting', () => {
  it('every tracked file Prettier handles is formatted', async () => {
    const ignorePath = resolve(root, '.prettierignore');
    const drifted: string[] = [];
    let checked = 0;
    for (const file of trackedFiles()) {
      const path = resolve(root, file);
      const info = await prettier.getFileInfo(path, { ignorePath });
      if (info.ignored || !info.inferredParser) continue;
      const options = await prettier.resolveConfig(path);
      const text = readFileSync(path, 'utf8');
      if (!(await prettier.check(text, { ...options, filepath: path }))) drifted.push(file);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    expect(drifted, `run \`npm run format\`; these files drifted: ${drifted.join(', ')}`).toEqual([]);
  });
});
