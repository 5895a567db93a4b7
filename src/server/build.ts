// `npm run serve` builds the game first when dist/ is missing or older than its sources, so one command runs a workshop.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the build is made from, relative to the project's root: a change to any of them makes dist/ out of date. */
export const BUILD_INPUTS = [
  'src',
  'scenarios',
  'assets',
  'public',
  'index.html',
  'vite.config.ts',
  // vite.config.ts's own imports; other scripts (benches, tuners) are not part of the build
  'scripts/scenarios-plugin.ts',
  'scripts/sw-plugin.ts',
  'package-lock.json',
] as const;

/** The newest modification time (ms) of the files under `paths` (files or folders), 0 when there are none. */
export function newestMtime(root: string, paths: readonly string[] = BUILD_INPUTS): number {
  let newest = 0;
  for (const p of paths) {
    const full = join(root, p);
    if (!existsSync(full)) continue;
    const st = statSync(full);
    if (st.isFile()) newest = Math.max(newest, st.mtimeMs);
    else
      for (const d of readdirSync(full, { withFileTypes: true, recursive: true }))
        if (d.isFile()) newest = Math.max(newest, statSync(join(d.parentPath, d.name)).mtimeMs);
  }
  return newest;
}

/** Why dist/ needs building ('missing', 'out of date'), or null when it is there and newer than every source. */
export function buildNeeded(root: string, dist: string): 'missing' | 'out of date' | null {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return 'missing';
  return newestMtime(root) > statSync(index).mtimeMs ? 'out of date' : null;
}

/**
 * Builds the game into `dist` with Vite (as `npm run build` does, without its type check), writing Vite's output to
 * `out`. Resolves when the build has finished; rejects with one line when it failed.
 */
export function buildGame(root: string, dist: string, out: (text: string) => void): Promise<void> {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) return Promise.reject(new Error('Vite is not installed: run `npm install` first'));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--outDir', dist, '--emptyOutDir'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d) => out(String(d)));
    child.stderr.on('data', (d) => out(String(d)));
    child.on('error', (e) => reject(e));
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the build failed (exit ${code}); see the lines above`)),
    );
  });
}
