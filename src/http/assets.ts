import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** URLs of the versioned static files, as the layout links them. */
export interface AssetUrls {
  css: string;
  js: string;
  htmx: string;
}

interface Asset {
  body: Buffer;
  type: string;
}

/** Static files held in memory under content-hashed names, so they can be cached forever. */
export interface Assets {
  urls: AssetUrls;
  get(name: string): Asset | undefined;
}

const STATIC_DIR = (() => {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ['../..', '../../..']) {
    const dir = join(here, up, 'src', 'static');
    if (existsSync(join(dir, 'app.css'))) return dir;
  }
  throw new Error('src/static not found');
})();

const TYPES: Record<string, string> = { css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8' };

export function loadAssets(): Assets {
  const require = createRequire(import.meta.url);
  const files = new Map<string, Asset>();
  const add = (path: string, base: string, ext: string) => {
    const body = readFileSync(path);
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    const name = `${base}.${hash}.${ext}`;
    files.set(name, { body, type: TYPES[ext]! });
    return `/static/${name}`;
  };
  const urls: AssetUrls = {
    css: add(join(STATIC_DIR, 'app.css'), 'app', 'css'),
    js: add(join(STATIC_DIR, 'app.js'), 'app', 'js'),
    htmx: add(require.resolve('htmx.org/dist/htmx.min.js'), 'htmx', 'js'),
  };
  return { urls, get: (name) => files.get(name) };
}
