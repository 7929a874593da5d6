import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach } from 'vitest';
import { openDatabase, type Db } from '../../src/db/client.ts';
import { insertSubmissionWithEvaluation } from '../../src/db/queries/submissions.ts';
import { insertAnonymousWriter } from '../../src/db/queries/users.ts';
import { evaluations, type EvaluationStatus } from '../../src/db/schema.ts';
import type { EvaluationResult } from '../../src/evaluations/result.ts';

/** A temporary SQLite file with the real migrations, for read-model tests (never a mock). */
export function tempDb(): { db: Db; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'memoai-readmodel-'));
  const db = openDatabase(join(dir, 'app.db'));
  return { db, close: () => (db.$client.close(), rmSync(dir, { recursive: true, force: true })) };
}

/** A stored result with these criterion scores (criterion names are the ids upper-cased). */
export function resultWith(overall: number, scores: Record<string, number>): EvaluationResult {
  return {
    rubricName: 'Memo rubric',
    scale: { min: 1, max: 5, labels: {} },
    overall,
    band: overall >= 3 ? 'Solid' : 'Developing',
    criteria: Object.entries(scores).map(([id, score]) => ({ id, name: id.toUpperCase(), weight: 1, score, justification: `Because ${id}.` })),
    strengths: ['A clear ask'],
    opportunities: ['More evidence'],
    segments: [],
    demo: true,
  };
}

export interface StoredEvaluation {
  writerId: string;
  text: string;
  now: number;
  parentSubmissionId?: number;
  status?: EvaluationStatus;
  /** An object is stored as JSON; a string is stored as it is (to store a corrupt one). */
  result?: EvaluationResult | string;
  errorKind?: string;
}

/** Stores a memo and its evaluation in the given state; returns the evaluation and submission ids. */
export function storeEvaluation(db: Db, s: StoredEvaluation): { evaluationId: number; submissionId: number } {
  const evaluationId = insertSubmissionWithEvaluation(db, { writerId: s.writerId, text: s.text, parentId: s.parentSubmissionId ?? null, now: s.now });
  const status = s.status ?? (s.result ? 'done' : 'queued');
  const resultJson = s.result === undefined ? null : typeof s.result === 'string' ? s.result : JSON.stringify(s.result);
  const overall = typeof s.result === 'object' ? s.result.overall : null;
  const finished = status === 'done' || status === 'failed' ? s.now + 1000 : null;
  db.update(evaluations)
    .set({ status, resultJson, overall, errorKind: s.errorKind ?? null, startedAt: status === 'queued' ? null : s.now + 10, finishedAt: finished })
    .where(eq(evaluations.id, evaluationId))
    .run();
  const row = db.select({ submissionId: evaluations.submissionId }).from(evaluations).where(eq(evaluations.id, evaluationId)).get()!;
  return { evaluationId, submissionId: row.submissionId };
}

/** A new anonymous writer's id. */
export const newWriter = (db: Db, now: number): string => insertAnonymousWriter(db, now);

/** A fresh temporary database for each test of the file, with Ana (an anonymous writer) in it. */
export function useTempDb(now: number): { db: Db; ana: string } {
  const state = {} as { db: Db; ana: string; close(): void };
  beforeEach(() => {
    Object.assign(state, tempDb());
    state.ana = newWriter(state.db, now);
  });
  afterEach(() => state.close());
  return state;
}
