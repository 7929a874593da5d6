import { stringify } from 'csv-stringify/sync';
import type { AdminEvaluationExportRow } from '../db/queries/admin-evaluations.ts';
import { isoDate } from '../views/format.ts';
import { memoExcerpt, writerLabel } from '../views/evaluation-labels.ts';
import { CorruptResultError, criterionScores, readResultOrError } from './result.ts';

type Cell = string | number | null;

/** Rows turned into CSV text per batch: the query is drained in one go, memory holds a batch of records. */
const BATCH = 500;

const FIXED = ['id', 'created_at', 'writer', 'status', 'error_kind', 'overall', 'band', 'provider', 'model', 'duration_ms', 'input_tokens', 'output_tokens', 'cache_read_tokens', 'cache_write_tokens', 'thinking_tokens', 'cost_usd'];

/** A spreadsheet runs cells starting with = + - @ (or tab/CR before them) as formulas; a leading ' keeps them text. */
export function neutraliseFormula(cell: Cell): Cell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** Criterion id → score from a stored result; empty when the result is missing or corrupt (the row is still exported). */
function scoresOf(resultJson: string | null): Record<string, number> {
  const result = resultJson ? readResultOrError(resultJson) : undefined;
  return result && !(result instanceof CorruptResultError) ? criterionScores(result) : {};
}

function record(r: AdminEvaluationExportRow, criteria: string[]): Cell[] {
  const scores = scoresOf(r.resultJson);
  const cells: Cell[] = [
    r.id, isoDate(r.createdAt), writerLabel(r.username, r.writerId), r.status, r.errorKind, r.overall, r.band, r.provider, r.model,
    r.durationMs, r.inputTokens, r.outputTokens, r.cacheReadTokens, r.cacheWriteTokens, r.thinkingTokens, r.costUsd,
    ...criteria.map((id) => scores[id] ?? null),
    r.memoChars, memoExcerpt(r.memoStart, r.memoChars),
  ];
  return cells.map(neutraliseFormula);
}

/**
 * The CSV export: the fixed columns, `score_<id>` per criterion of the current rubric (empty when a
 * row has no score for it), then memo_chars and memo_excerpt. UTF-8 with a BOM so Excel reads accents.
 */
export function evaluationsCsv(rows: Iterable<AdminEvaluationExportRow>, criteria: string[]): string {
  const header = [...FIXED, ...criteria.map((id) => `score_${id}`), 'memo_chars', 'memo_excerpt'];
  const chunks = [stringify([header], { bom: true })];
  let batch: Cell[][] = [];
  for (const row of rows) {
    batch.push(record(row, criteria));
    if (batch.length === BATCH) {
      chunks.push(stringify(batch));
      batch = [];
    }
  }
  if (batch.length) chunks.push(stringify(batch));
  return chunks.join('');
}

/** evaluations-YYYYMMDD.csv for the (UTC) day of the export. */
export function evaluationsCsvFilename(now: number): string {
  return `evaluations-${isoDate(now).slice(0, 10).replaceAll('-', '')}.csv`;
}
