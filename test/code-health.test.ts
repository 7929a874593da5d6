import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionSpans, importCycles, importGraph, SRC, sourceFiles } from './helpers/code-shape.ts';

// The shape STYLE.md promises, checked on every run: thin route handlers, small components,
// and a module graph a newcomer can follow from the top down.

const over = (dir: string, limit: number): string[] =>
  functionSpans(sourceFiles(join(SRC, dir)))
    .filter((f) => f.lines > limit)
    .map((f) => `${f.where} ${f.name} (${f.lines} lines)`);

describe('code shape', () => {
  it('no function in src/routes/ is longer than 30 lines', () => {
    expect(over('routes', 30)).toEqual([]);
  });

  it('no component in src/views/ is longer than 60 lines', () => {
    expect(over('views', 60)).toEqual([]);
  });

  it('src/ has no import cycle, type-only imports included', () => {
    expect(importCycles(importGraph(sourceFiles()))).toEqual([]);
  });

  it('src/ uses no hono/jsx context, so pages render without AsyncLocalStorage (src/views/render-context.ts)', () => {
    const users = sourceFiles().filter((f) => /\b(createContext|useContext)\s*\(/.test(readFileSync(f, 'utf8')));
    expect(users).toEqual([]);
  });

  it('the measuring tools see what they should', () => {
    // Guard against a checker that passes because it reads nothing.
    expect(sourceFiles().length).toBeGreaterThan(100);
    const spans = functionSpans(sourceFiles(join(SRC, 'routes')));
    expect(spans.length).toBeGreaterThan(50);
    const graph = importGraph(sourceFiles());
    const app = [...graph.entries()].find(([f]) => f.endsWith('src/app.ts'));
    expect(app?.[1].length).toBeGreaterThan(5);
  });
});
