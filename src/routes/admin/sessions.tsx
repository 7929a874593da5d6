import type { Ctx } from '../../http/context.ts';

// Placeholder until this module is built.
export function listSessions(c: Ctx) {
  return c.text('Not built yet', 501);
}
export function revokeSession(c: Ctx) {
  return c.text('Not built yet', 501);
}
export function revokeUserSessions(c: Ctx) {
  return c.text('Not built yet', 501);
}
