import type { Ctx } from '../../http/context.ts';

// Placeholder until this module is built.
export function listEvaluations(c: Ctx) {
  return c.text('Not built yet', 501);
}
export function exportEvaluationsCsv(c: Ctx) {
  return c.text('Not built yet', 501);
}
export function showEvaluationDetail(c: Ctx) {
  return c.text('Not built yet', 501);
}
