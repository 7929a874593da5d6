import type { Ctx } from '../../http/context.ts';

// Placeholder until this module is built.
export function listAuditLog(c: Ctx) {
  return c.text('Not built yet', 501);
}
