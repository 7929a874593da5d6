import type { ConfigName } from '../../config/schemas.ts';
import { isConfigName } from '../../config-versions/versions.ts';
import type { Ctx } from '../../http/context.ts';

// Path parameters of the /admin/config pages, shared by the version and the draft routes.

/** `:name` when it is a config's name, else undefined (404). */
export function nameParam(c: Ctx): ConfigName | undefined {
  const name = c.req.param('name');
  return isConfigName(name) ? name : undefined;
}

/** `:version` as a number, else undefined (404). */
export function versionParam(c: Ctx): number | undefined {
  const raw = c.req.param('version') ?? '';
  return /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
}

/** A form field as a string ('' when absent or a file). */
export const str = (x: unknown) => (typeof x === 'string' ? x : '');
