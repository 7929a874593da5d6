import type { Ctx } from '../../http/context.ts';

// Placeholder until this module is built.
export function listUsers(c: Ctx) {
  return c.text('Not built yet', 501);
}
export function createUser(c: Ctx) {
  return c.text('Not built yet', 501);
}
export function importUsers(c: Ctx) {
  return c.text('Not built yet', 501);
}
export function deactivateUser(c: Ctx) {
  return c.text('Not built yet', 501);
}
export function activateUser(c: Ctx) {
  return c.text('Not built yet', 501);
}
export function resetPassword(c: Ctx) {
  return c.text('Not built yet', 501);
}
export function changeRole(c: Ctx) {
  return c.text('Not built yet', 501);
}
