import { errorResponse } from './errors.tsx';
import type { Ctx } from './context.ts';

type Fields = Record<string, string | File | (string | File)[]>;

/** Reads an urlencoded or multipart form body; other content types get a clear 415. */
export async function readForm(c: Ctx): Promise<{ ok: true; fields: Fields } | { ok: false; response: Response }> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
    return { ok: false, response: await errorResponse(c, 415) };
  }
  try {
    return { ok: true, fields: (await c.req.parseBody()) as Fields };
  } catch {
    return { ok: false, response: await errorResponse(c, 400) };
  }
}
