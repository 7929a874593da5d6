import { describe, expect, it } from 'vitest';
import { readEnv } from '../config/env.ts';
import { DAY } from '../time.ts';
import { cookieOptions } from './cookies.ts';

const env = (origin: string) => readEnv({ DATA_DIR: '/tmp/unused', NODE_ENV: 'test', PUBLIC_ORIGIN: origin });

describe('cookieOptions', () => {
  it('is HttpOnly, SameSite=Lax, whole-site, and Secure exactly on an https origin', () => {
    expect(cookieOptions(env('https://memo.example.edu'))).toEqual({ httpOnly: true, sameSite: 'Lax', path: '/', secure: true });
    expect(cookieOptions(env('http://localhost:3000'))).toEqual({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
  });

  it('turns a lifetime in milliseconds into whole seconds', () => {
    expect(cookieOptions(env('https://memo.example.edu'), 365 * DAY).maxAge).toBe(31_536_000);
    expect(cookieOptions(env('https://memo.example.edu'), 1500).maxAge).toBe(1);
  });
});
