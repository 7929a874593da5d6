import type { ConfigStore } from '../config-versions/store.ts';
import type { Db } from '../db/client.ts';
import { assignmentAnalytics, type AssignmentAnalytics } from '../evaluations/assignment-analytics.ts';
import { evaluationConfig } from './evaluation-config.ts';

/**
 * An assignment's agreement and class analytics, measured against the rubric its memos are scored
 * with now (the pinned version, else the one in force): "outdated" means scored with another one.
 * When a pinned version no longer reads, the rubric in force is used and `rubricProblem` says why.
 */
export function analyticsOfAssignment(db: Db, store: ConfigStore, assignmentId: number): AssignmentAnalytics {
  const resolved = evaluationConfig(db, store, assignmentId);
  if (resolved.ok) return assignmentAnalytics(db, assignmentId, resolved.config.rubric, resolved.config.versions.rubric);
  const { files, versions } = store.current;
  return { ...assignmentAnalytics(db, assignmentId, files.rubric, versions.rubric), rubricProblem: resolved.message };
}
