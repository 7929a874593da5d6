import type { Ctx } from '../http/context.ts';
import { errorResponse } from '../http/errors.tsx';

/** GET /static/:file — content-hashed assets from memory, cached for a year. */
export function serveAsset(c: Ctx) {
  const asset = c.var.deps.assets.get(c.req.param('file') ?? '');
  if (!asset) return errorResponse(c, 404);
  return c.body(new Uint8Array(asset.body), 200, {
    'Content-Type': asset.type,
    'Cache-Control': 'public, max-age=31536000, immutable',
  });
}
