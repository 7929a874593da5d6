import { describe, expect, it } from 'vitest';
import { pathAndQuery } from '../src/http/page-context.ts';

// A page's own path and query (for the language switch and the page cache's key) is taken as it is
// when the URL parser would leave it alone, and parsed otherwise: either way, what new URL() gives.

describe('pathAndQuery', () => {
  const urls = [
    'http://h/', 'http://h', 'http://h:3000/a/b', 'http://h/history', 'http://h/a/', 'http://h//x', 'http://h/.x', 'http://h/a.b/c~d',
    'http://h/?x=1', 'http://h/a?', 'http://h/a?b=c d', 'http://h/a#f', 'http://h/a?x#f',
    'http://h/a/../b', 'http://h/a/./b', 'http://h/a/..', 'http://h/a/.', 'http://h/a/%2e%2e/b', 'http://h/a/%2E/b',
    'http://h/a b', 'http://h/é', 'http://h/%41', 'http://h/a\\b', 'http://h/a"b', 'http://h/a<b>', 'http://h/a\'b', 'http://h/a`b', 'http://h/a{b}', 'http://h/a|b^',
  ];
  it.each(urls)('%s as new URL() reads it', (url) => {
    const u = new URL(url);
    expect(pathAndQuery(url)).toBe(u.pathname + u.search);
  });
});
