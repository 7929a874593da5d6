import { sql, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client.ts';
import { assignments, evaluations as e, submissions as s, users as u, type EvaluationStatus } from '../schema.ts';
import { teaches } from './assignments.ts';

/** Filters of the admin history; every field optional. Dates are UTC milliseconds, `toMs` exclusive. */
export interface EvaluationFilter {
  fromMs?: number;
  toMs?: number;
  /** A username (case-insensitive, exact) or a user id. */
  writer?: string;
  status?: EvaluationStatus;
  min?: number;
  max?: number;
  /** Words to find in the memo text (full-text search); turned into a safe MATCH expression here. */
  q?: string;
  /** Only evaluations of assignments this instructor owns or co-teaches (set by the server, never from the query). */
  teacherId?: string;
}

export type EvaluationSort = 'date' | 'score' | 'duration';
export type SortDir = 'asc' | 'desc';
export interface EvaluationOrder {
  sort: EvaluationSort;
  dir: SortDir;
}

/** One line of the history table (and of its JSON). */
export interface AdminEvaluationRow {
  id: number;
  createdAt: number;
  writerId: string;
  username: string | null;
  status: EvaluationStatus;
  errorKind: string | null;
  overall: number | null;
  band: string | null;
  durationMs: number | null;
  provider: string | null;
  model: string | null;
  /** The memo's first 81 characters: one more than the table shows, so the view knows to add "…". */
  memoStart: string;
  memoChars: number;
}

/** One line of the CSV export: the table's fields plus tokens and the result JSON (for criterion scores). */
export interface AdminEvaluationExportRow extends AdminEvaluationRow, TokenTotals {
  resultJson: string | null;
}

/** Token and cost sums over every attempt of an evaluation (null before its first attempt). */
export interface TokenTotals {
  inputTokens: number | null;
  outputTokens: number | null;
  cacheReadTokens: number | null;
  cacheWriteTokens: number | null;
  thinkingTokens: number | null;
  /** As charged: each attempt priced when it was made. */
  costUsd: number | null;
}

/**
 * User input → FTS5 MATCH expression: every whitespace-separated term becomes a quoted string
 * (quotes doubled, so no operator or column syntax survives), terms are AND-ed, the last one is a
 * prefix. Terms without a letter or digit would be empty phrases and are dropped; undefined = no search.
 */
export function ftsMatchExpression(input: string): string | undefined {
  // NUL separates terms too: FTS5 reads the expression as a C string, so a NUL inside a quoted term
  // ends it early ("unterminated string", a 500).
  const terms = input.split(/[\s\0]+/).filter((t) => /[\p{L}\p{N}]/u.test(t));
  if (!terms.length) return undefined;
  const quoted = terms.map((t) => `"${t.replaceAll('"', '""')}"`);
  quoted[quoted.length - 1] += '*';
  return quoted.join(' AND ');
}

/**
 * The filter as conditions on `evaluations` alone (writer and search become sub-selects on the
 * submission id), so counting and paging never need a join; indexes: created, status+created,
 * overall, submissions_writer_idx, submissions_fts.
 */
function whereClause(db: Db, f: EvaluationFilter): SQL {
  const conds: SQL[] = [];
  if (f.teacherId !== undefined) conds.push(sql`${e.submissionId} in (select ${s.id} from ${s} join ${assignments} on ${assignments.id} = ${s.assignmentId} where ${teaches(db, f.teacherId)})`);
  if (f.fromMs !== undefined) conds.push(sql`${e.createdAt} >= ${f.fromMs}`);
  if (f.toMs !== undefined) conds.push(sql`${e.createdAt} < ${f.toMs}`);
  if (f.status) conds.push(sql`${e.status} = ${f.status}`);
  if (f.min !== undefined) conds.push(sql`${e.overall} >= ${f.min}`);
  if (f.max !== undefined) conds.push(sql`${e.overall} <= ${f.max}`);
  if (f.writer !== undefined) {
    conds.push(sql`${e.submissionId} in (select ${s.id} from ${s} where ${s.writerId} in (select ${u.id} from ${u} where lower(${u.username}) = lower(${f.writer}) or ${u.id} = ${f.writer}))`);
  }
  const match = f.q === undefined ? undefined : ftsMatchExpression(f.q);
  if (match) conds.push(sql`${e.submissionId} in (select rowid from submissions_fts where submissions_fts match ${match})`);
  return conds.length ? sql`where ${sql.join(conds, sql` and `)}` : sql``;
}

const DURATION = sql`(${e.finishedAt} - ${e.startedAt})`;

/**
 * Total order: the sort key, then id in the same direction. Unscored/unfinished rows (null key) come
 * last either way; `nulls last` still lets SQLite walk evaluations_overall_idx for the score sort.
 */
function orderClause(o: EvaluationOrder): SQL {
  const dir = o.dir === 'asc' ? sql`asc` : sql`desc`;
  if (o.sort === 'date') return sql`order by ${e.createdAt} ${dir}, ${e.id} ${dir}`;
  const key = o.sort === 'score' ? sql`${e.overall}` : DURATION;
  return sql`order by ${key} ${dir} nulls last, ${e.id} ${dir}`;
}

const FROM = sql`from ${e} join ${s} on ${s.id} = ${e.submissionId} join ${u} on ${u.id} = ${s.writerId}`;

const ROW_COLUMNS = sql`${e.id} as id, ${e.createdAt} as createdAt, ${s.writerId} as writerId, ${u.username} as username,
  ${e.status} as status, ${e.errorKind} as errorKind, ${e.overall} as overall, ${e.band} as band,
  ${DURATION} as durationMs, ${e.provider} as provider, ${e.model} as model,
  substr(${s.text}, 1, 81) as memoStart, ${s.charCount} as memoChars`;

/** How many evaluations a filter selects (touches `evaluations` only). */
export function countAdminEvaluations(db: Db, f: EvaluationFilter): number {
  return db.get<{ n: number }>(sql`select count(*) as n from ${e} ${whereClause(db, f)}`).n;
}

/** One page of the history for a filter and order. Paging touches `evaluations` only; the joins run for the page's rows alone. */
export function listAdminEvaluations(db: Db, f: EvaluationFilter, o: EvaluationOrder, page: { limit: number; offset: number }): AdminEvaluationRow[] {
  const ids = db.all<{ id: number }>(sql`select ${e.id} as id from ${e} ${whereClause(db, f)} ${orderClause(o)} limit ${page.limit} offset ${page.offset}`).map((r) => r.id);
  if (ids.length === 0) return [];
  const byId = new Map(db.all<AdminEvaluationRow>(sql`select ${ROW_COLUMNS} ${FROM} where ${e.id} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`).map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

const dialect = new SQLiteSyncDialect();

/**
 * Every evaluation matching a filter, in order, one row at a time (CSV export).
 * Drain it synchronously: while a better-sqlite3 iterator is open the connection refuses writes.
 */
export function iterateAdminEvaluations(db: Db, f: EvaluationFilter, o: EvaluationOrder): IterableIterator<AdminEvaluationExportRow> {
  const query = dialect.sqlToQuery(sql`select ${ROW_COLUMNS}, ${e.inputTokens} as inputTokens, ${e.outputTokens} as outputTokens,
    ${e.cacheReadTokens} as cacheReadTokens, ${e.cacheWriteTokens} as cacheWriteTokens, ${e.thinkingTokens} as thinkingTokens,
    ${e.costUsd} as costUsd, ${e.resultJson} as resultJson
    ${FROM} ${whereClause(db, f)} ${orderClause(o)}`);
  return db.$client.prepare(query.sql).iterate(...query.params) as IterableIterator<AdminEvaluationExportRow>;
}

/** Everything about one evaluation for the admin detail page. */
export interface AdminEvaluationDetail extends TokenTotals {
  id: number;
  status: EvaluationStatus;
  submissionId: number;
  writerId: string;
  username: string | null;
  assignmentId: number | null;
  memo: string;
  memoChars: number;
  provider: string | null;
  model: string | null;
  rubricVersion: string | null;
  promptVersion: string | null;
  llmVersion: string | null;
  overall: number | null;
  band: string | null;
  resultJson: string | null;
  /** How many readings (llm.yaml samples) the result combines. */
  samples: number;
  /** Their spread (JSON, read by readSpread), when samples > 1 and a result was combined. */
  spreadJson: string | null;
  rawPrompt: string | null;
  rawResponse: string | null;
  notBefore: number | null;
  latencyMs: number | null;
  attempts: number;
  runs: number;
  errorKind: string | null;
  errorMessage: string | null;
  queuedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  createdAt: number;
}

/** One evaluation with its memo and writer, whoever wrote it; undefined when there is none. */
export function findAdminEvaluation(db: Db, id: number): AdminEvaluationDetail | undefined {
  return db.get<AdminEvaluationDetail | undefined>(sql`select ${e.id} as id, ${e.status} as status, ${s.id} as submissionId,
    ${s.writerId} as writerId, ${u.username} as username, ${s.assignmentId} as assignmentId, ${s.text} as memo, ${s.charCount} as memoChars,
    ${e.provider} as provider, ${e.model} as model, ${e.rubricVersion} as rubricVersion, ${e.promptVersion} as promptVersion,
    ${e.llmVersion} as llmVersion, ${e.overall} as overall, ${e.band} as band, ${e.resultJson} as resultJson,
    ${e.samples} as samples, ${e.spreadJson} as spreadJson, ${e.rawPrompt} as rawPrompt, ${e.rawResponse} as rawResponse, ${e.inputTokens} as inputTokens,
    ${e.outputTokens} as outputTokens, ${e.cacheReadTokens} as cacheReadTokens, ${e.cacheWriteTokens} as cacheWriteTokens,
    ${e.thinkingTokens} as thinkingTokens, ${e.costUsd} as costUsd, ${e.notBefore} as notBefore, ${e.latencyMs} as latencyMs, ${e.attempts} as attempts, ${e.runs} as runs, ${e.errorKind} as errorKind,
    ${e.errorMessage} as errorMessage, ${e.queuedAt} as queuedAt, ${e.startedAt} as startedAt,
    ${e.finishedAt} as finishedAt, ${e.createdAt} as createdAt
    ${FROM} where ${e.id} = ${id}`);
}
