// Vite plugin: builds src/sw/service-worker.ts into sw.js at the root of the build, with the build's own file list
// (every chunk, asset, worker, index.html and public/ file) and a hash of their contents as the cache version.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { transformWithOxc, type Plugin, type ResolvedConfig } from 'vite';

export const SW_FILE = 'sw.js';
const SOURCE = 'src/sw/service-worker.ts';

function walk(dir: string): string[] {
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

export function serviceWorker(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'mandate:service-worker',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        if (config.build.ssr) return;
        const files = new Map<string, string | Uint8Array>();
        for (const [name, item] of Object.entries(bundle)) {
          if (name.endsWith('.map') || name === SW_FILE) continue;
          files.set(name, item.type === 'chunk' ? item.code : item.source);
        }
        for (const path of walk(config.publicDir)) {
          const name = relative(config.publicDir, path).split(sep).join('/');
          if (name !== SW_FILE && !files.has(name)) files.set(name, readFileSync(path));
        }
        if (!files.has('index.html'))
          this.warn('index.html is not in the bundle: the service worker will not serve the page offline');
        const names = [...files.keys()].sort();
        const hash = createHash('sha256');
        for (const n of names) hash.update(n).update('\0').update(files.get(n)!).update('\0');
        const version = hash.digest('hex').slice(0, 16);
        const sourcePath = join(config.root, SOURCE);
        const { code } = await transformWithOxc(readFileSync(sourcePath, 'utf8'), sourcePath, {
          lang: 'ts',
          target: 'es2022',
        });
        let out = code;
        for (const [key, value] of [
          ['__PRECACHE_FILES__', JSON.stringify(names.map((n) => `./${n}`))],
          ['__PRECACHE_VERSION__', JSON.stringify(version)],
        ] as const) {
          if (!out.includes(key)) this.error(`${SOURCE}: placeholder ${key} not found`);
          out = out.replaceAll(key, value);
        }
        out = out.replace(/^export \{\};?\s*$/m, '');
        this.emitFile({
          type: 'asset',
          fileName: SW_FILE,
          source: `// Mandate service worker, version ${version}, ${names.length} files.\n${out}`,
        });
      },
    },
  };
}
