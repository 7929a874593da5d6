import { jsx } from 'hono/jsx';

/**
 * hono/jsx keeps `createContext` values in an AsyncLocalStorage when the runtime has one, found on
 * the first render. Node 20 implements AsyncLocalStorage with promise hooks: once a render has
 * run, every promise in the process, on every request, pays for them. Our views use no JSX context
 * (no createContext/useContext; test/code-health.test.ts checks), so a first render made here,
 * with node:async_hooks hidden for its duration, leaves hono/jsx on its documented fallback, which
 * keeps context for synchronous rendering and never shares it between requests.
 */
export function renderWithoutAsyncContext(): void {
  const p = process as { getBuiltinModule?: (id: string) => unknown };
  const original = p.getBuiltinModule;
  if (!original) return;
  p.getBuiltinModule = (id: string) => (id === 'node:async_hooks' || id === 'async_hooks' ? undefined : original.call(process, id));
  try {
    String(jsx('p', {}, ''));
  } finally {
    p.getBuiltinModule = original;
  }
}
