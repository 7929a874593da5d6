import type { Acting } from '../auth/accounts.ts';
import type { Rubric } from '../config/schemas.ts';
import type { Db } from '../db/client.ts';
import { canTeach } from '../db/queries/assignments.ts';
import { withAudit } from '../db/queries/audit.ts';
import {
  findReview,
  findReviewEvaluation,
  listReviewQueue,
  listReviewScores,
  markReleased,
  replaceReviewScores,
  resolveOpenFlags,
  storeFinalResult,
  upsertReview,
  type ReviewEvaluation,
  type ReviewQueueRow,
} from '../db/queries/reviews.ts';
import type { User } from '../db/schema.ts';
import { readResult, type EvaluationResult } from '../evaluations/result.ts';
import { finalResult, overridesOf, type ReviewInput } from './final-result.ts';

// Instructors' reviews (decision 013): overrides are stored apart from the AI's result, which is
// never changed; releasing computes the final result once, here. Every save and release is audited.

/** Who is looking: admins see every assignment, instructors those they own or co-teach. */
export type Staff = Pick<User, 'id' | 'role'>;

/** The instructor id to scope a listing by; undefined for an admin (everything). */
export function staffScope(user: Staff): string | undefined {
  return user.role === 'admin' ? undefined : user.id;
}

/** True when `user` may see this evaluation's assignment (rows older than assignments: admins only). */
export function mayReview(db: Db, assignmentId: number | null, user: Staff): boolean {
  return assignmentId === null ? user.role === 'admin' : canTeach(db, assignmentId, user);
}

/** The review queue the user may see: results awaiting release and open flags, oldest first. */
export function readReviewQueue(db: Db, user: Staff): ReviewQueueRow[] {
  return listReviewQueue(db, staffScope(user));
}

/** The review form's values as text: per criterion a score and a comment, and the note. */
export interface ReviewFormValues {
  scores: Record<string, string>;
  comments: Record<string, string>;
  note: string;
}

/** Everything the review page shows. */
export interface ReviewPageModel {
  ev: ReviewEvaluation;
  ai: EvaluationResult;
  /** The released result, once there is one. */
  final: EvaluationResult | undefined;
  values: ReviewFormValues;
  releasedAt: number | null;
}

/** A done evaluation the user may review, with the form prefilled (saved override, else the AI's score); undefined → 404. */
export function readReviewPage(db: Db, id: number, user: Staff): ReviewPageModel | undefined {
  const ev = findReviewEvaluation(db, id);
  if (!ev || ev.status !== 'done' || !ev.resultJson || !mayReview(db, ev.assignmentId, user)) return undefined;
  const ai = readResult(ev.resultJson);
  const review = findReview(db, id);
  const saved = new Map(listReviewScores(db, id).map((s) => [s.criterionId, s]));
  const values = {
    scores: Object.fromEntries(ai.criteria.map((c) => [c.id, String(saved.get(c.id)?.score ?? c.score)])),
    comments: Object.fromEntries(ai.criteria.map((c) => [c.id, saved.get(c.id)?.comment ?? ''])),
    note: review?.note ?? '',
  };
  const final = review?.finalJson ? readResult(review.finalJson) : undefined;
  return { ev, ai, final, values, releasedAt: review?.releasedAt ?? null };
}

/** What a save or release did. */
export interface ReviewOutcome {
  released: boolean;
  overrides: number;
  flagsResolved: number;
  final: EvaluationResult | undefined;
}

/**
 * Saves the overrides and note (audit: review.save); with action "release" also stores the final
 * result, releases it to the student and resolves open flags (audit: review.release). One transaction.
 */
export function applyReview(db: Db, by: Acting, page: Pick<ReviewPageModel, 'ev' | 'ai'>, input: ReviewInput, rubric: Pick<Rubric, 'bands'>): ReviewOutcome {
  const { ev, ai } = page;
  const overrides = overridesOf(ai, input);
  const release = input.action === 'release';
  const final = release ? finalResult(ai, overrides, rubric) : undefined;
  const reviewer = by.actor.username ?? by.actor.id ?? 'system';
  return withAudit(
    db,
    (o: ReviewOutcome) => ({ ...by, action: release ? 'review.release' : 'review.save', target: `evaluation ${ev.id}`, details: { overrides: o.overrides, flagsResolved: o.flagsResolved, finalOverall: o.final?.overall ?? null } }),
    () => {
      upsertReview(db, { evaluationId: ev.id, note: input.note, reviewerId: by.actor.id, reviewerName: reviewer, now: by.now });
      replaceReviewScores(db, ev.id, overrides);
      if (!final) return { released: false, overrides: overrides.length, flagsResolved: 0, final };
      storeFinalResult(db, ev.id, { json: JSON.stringify(final), overall: final.overall, band: final.band, now: by.now });
      markReleased(db, ev.id);
      return { released: true, overrides: overrides.length, flagsResolved: resolveOpenFlags(db, ev.id, reviewer, by.now), final };
    },
  );
}
