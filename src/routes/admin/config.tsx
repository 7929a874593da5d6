import type { Ctx } from '../../http/context.ts';

// Placeholder until this module is built.
export function showConfigIndex(c: Ctx) {
  return c.text('Not built yet', 501);
}
export function editConfig(c: Ctx) {
  return c.text('Not built yet', 501);
}
export function saveConfig(c: Ctx) {
  return c.text('Not built yet', 501);
}
export function showConfigVersion(c: Ctx) {
  return c.text('Not built yet', 501);
}
export function rollbackConfig(c: Ctx) {
  return c.text('Not built yet', 501);
}
