import type { Db } from '../db/client.ts';
import { insertFlag } from '../db/queries/flags.ts';
import type { EvaluationPageModel } from './evaluation-page.ts';

/** Only a result its writer can see may be flagged (not one still held for review, pending or failed). */
export function mayFlag(page: EvaluationPageModel | undefined): page is EvaluationPageModel {
  return page !== undefined && page.panel.state === 'done';
}

/** Stores a student's "this feedback seems wrong" on their own visible result; it waits in the review queue until released. */
export function flagResult(db: Db, page: EvaluationPageModel, reason: string, now: number): void {
  if (!mayFlag(page)) throw new Error('only a visible result may be flagged');
  insertFlag(db, { evaluationId: page.evaluation.id, reason, now });
}
