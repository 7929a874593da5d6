import type { Rubric } from '../../src/config/schemas.ts';
import type { EvaluationStatus } from '../../src/db/schema.ts';
import { bandFor, overallScore } from '../../src/llm/scoring.ts';
import type { TestApp } from './app.ts';
import { DAY } from '../../src/time.ts';

/** One seeded evaluation as the test knows it, to compute expectations without the app's queries. */
export interface SeededEvaluation {
  id: number;
  writerId: string;
  username: string | null;
  status: EvaluationStatus;
  errorKind: string | null;
  overall: number | null;
  band: string | null;
  /** Criterion id → score as stored in result_json (done rows only). */
  scores: Record<string, number> | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  provider: string | null;
  model: string | null;
  memo: string;
  inputTokens: number | null;
  attempts: number;
}

export interface SeededWriter {
  id: string;
  username: string | null;
}

export interface Seeded {
  rows: SeededEvaluation[];
  writers: SeededWriter[];
  /** Ids of the rows with special memos. */
  special: { script: number; formula: number; missingCriterion: number };
}

export { DAY };

/** mulberry32: a tiny deterministic PRNG, so every run seeds the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// No word here starts with a search word the tests use (zeppelin, quokka, xylophone, hyperlink).
const WORDS = 'we recommend approving the budget for next quarter because revenue grew while costs fell and the team needs two more analysts to support customers in the new region risk timeline pilot savings margin'.split(' ');
const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

const SCRIPT_MEMO = '<script>alert("xss")</script> xylophone budget memo asking for approval of the pilot';
const FORMULA_MEMO = '=HYPERLINK("http://evil.example","click me") hyperlink memo about the new region';

function memoFor(i: number, rand: () => number): string {
  if (i === 5000) return SCRIPT_MEMO;
  if (i === 5001) return FORMULA_MEMO;
  const words = Array.from({ length: 12 + Math.floor(rand() * 30) }, () => WORDS[Math.floor(rand() * WORDS.length)]!);
  if (i % 401 === 7) words.splice(3, 0, 'zeppelin');
  if (i % 653 === 11) words.push('Zeppelins.');
  if (i % 503 === 3) words.splice(1, 0, 'quokka');
  const text = words.join(' ');
  return text[0]!.toUpperCase() + text.slice(1) + (i % 7 === 0 ? '\n\nSecond paragraph with more detail for the reader.' : '.');
}

function statusFor(i: number, rand: () => number): EvaluationStatus {
  if (i === 5000 || i === 5001 || i === 100) return 'done';
  const r = rand();
  return r < 0.7 ? 'done' : r < 0.85 ? 'failed' : r < 0.95 ? 'queued' : 'running';
}

function makeRow(i: number, rand: () => number, rubric: Rubric, writer: SeededWriter, now: number, prevCreated: number): Omit<SeededEvaluation, 'id'> {
  const status = statusFor(i, rand);
  // Every 17th row shares its predecessor's time, so sorting by date needs the id tie-break.
  const createdAt = i % 17 === 1 ? prevCreated : now - Math.floor(rand() * 60 * DAY);
  const startedAt = status === 'queued' ? null : createdAt + Math.floor(rand() * 5000);
  const finishedAt = startedAt === null || status === 'running' ? null : startedAt + 300 + Math.floor(rand() * 90_000);
  const finished = status === 'done' || status === 'failed';
  const anthropic = i === 5000 || i === 5001 ? false : rand() < 0.5;
  let scores: Record<string, number> | null = null;
  if (status === 'done') scores = Object.fromEntries(rubric.criteria.map((c) => [c.id, 1 + Math.floor(rand() * 5)]));
  const overall = scores ? overallScore(rubric, scores) : null;
  return {
    writerId: writer.id,
    username: writer.username,
    status,
    errorKind: status === 'failed' ? ['timeout', 'rate_limited', 'invalid_output'][i % 3]! : null,
    overall,
    band: overall === null ? null : bandFor(rubric, overall),
    scores,
    createdAt,
    startedAt,
    finishedAt,
    provider: finished ? (anthropic ? 'anthropic' : 'demo') : null,
    model: finished ? (anthropic ? 'claude-sonnet-5-5' : 'demo-evaluator') : null,
    memo: memoFor(i, rand),
    inputTokens: finished ? 1000 + Math.floor(rand() * 3000) : null,
    attempts: finished ? 1 + (i % 3) : 0,
  };
}

function resultJson(row: Omit<SeededEvaluation, 'id'>, rubric: Rubric, dropLast: boolean): string | null {
  if (!row.scores) return null;
  const criteria = rubric.criteria.map((c) => ({ id: c.id, name: c.name, weight: c.weight, score: row.scores![c.id]!, justification: `Seeded score for ${c.id}.` }));
  if (dropLast) criteria.pop();
  const scale = { min: rubric.scale.min, max: rubric.scale.max, labels: {} };
  return JSON.stringify({ rubricName: rubric.name, scale, overall: row.overall, band: row.band, criteria, strengths: [], opportunities: [], segments: [], demo: row.provider === 'demo' });
}

function seedWriters(t: TestApp, rand: () => number, now: number): SeededWriter[] {
  const anonId = () => Array.from({ length: 24 }, () => ID_ALPHABET[Math.floor(rand() * ID_ALPHABET.length)]).join('');
  const writers: SeededWriter[] = [
    { id: 'seed-cy-writer-0000000001', username: 'Cy-Writer' },
    { id: 'seed-dee-student-00000002', username: 'dee-student' },
    { id: anonId(), username: null },
    { id: anonId(), username: null },
  ];
  const insert = t.db.$client.prepare('insert into users (id, username, role, anonymous, created_at) values (?, ?, ?, ?, ?)');
  for (const w of writers) insert.run(w.id, w.username, 'student', w.username === null ? 1 : 0, now - 90 * DAY);
  return writers;
}

/**
 * Seeds `count` evaluations (with submissions and 4 writers, two anonymous) in one transaction with
 * prepared statements. Deterministic: the same seed gives the same rows.
 */
export function seedEvaluations(t: TestApp, opts: { count: number; now: number; seed?: number }): Seeded {
  if (opts.count < 5002) throw new Error('seedEvaluations needs at least 5002 rows (rows 5000 and 5001 hold the special memos)');
  const rand = prng(opts.seed ?? 20261122);
  const rubric = t.config.current.files.rubric;
  const sqlite = t.db.$client;
  const insertSubmission = sqlite.prepare('insert into submissions (writer_id, text, char_count, created_at) values (?, ?, ?, ?)');
  const insertEvaluation = sqlite.prepare(`insert into evaluations (submission_id, status, provider, model, rubric_version, prompt_version,
    overall, band, result_json, raw_prompt, raw_response, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, latency_ms,
    attempts, runs, error_kind, error_message, queued_at, started_at, finished_at, created_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const rows: SeededEvaluation[] = [];
  let writers: SeededWriter[] = [];
  sqlite.transaction(() => {
    writers = seedWriters(t, rand, opts.now);
    let prevCreated = opts.now;
    for (let i = 0; i < opts.count; i++) {
      const row = makeRow(i, rand, rubric, writers[i % writers.length]!, opts.now, prevCreated);
      prevCreated = row.createdAt;
      const sub = insertSubmission.run(row.writerId, row.memo, [...row.memo].length, row.createdAt);
      const finished = row.finishedAt !== null;
      const rawPrompt = finished ? `SYSTEM rubric for evaluation ${i}\n<memo>${row.memo}</memo>` : null;
      const rawResponse = finished ? `{"note":"<b>raw response ${i}</b>","overall":${row.overall ?? 'null'}}` : null;
      const ev = insertEvaluation.run(
        sub.lastInsertRowid, row.status, row.provider, row.model, finished ? 'rubric-v1' : null, finished ? 'prompt-v1' : null,
        row.overall, row.band, resultJson(row, rubric, i === 100), rawPrompt, rawResponse,
        row.inputTokens, finished ? 800 : null, finished ? 4000 : null, finished ? 120 : null,
        finished ? row.finishedAt! - row.startedAt! - 10 : null, row.attempts, row.startedAt === null ? 0 : 1,
        row.errorKind, row.errorKind ? `Seeded ${row.errorKind} failure` : null, row.createdAt, row.startedAt, row.finishedAt, row.createdAt,
      );
      rows.push({ ...row, id: Number(ev.lastInsertRowid) });
    }
  })();
  return { rows, writers, special: { script: rows[5000]!.id, formula: rows[5001]!.id, missingCriterion: rows[100]!.id } };
}

export type Sort = 'date' | 'score' | 'duration';
const duration = (r: SeededEvaluation) => (r.startedAt !== null && r.finishedAt !== null ? r.finishedAt - r.startedAt : null);

/** The order the history should have, computed in JS (not with the app's SQL): key (missing keys last either way), then id, both in `dir`. */
export function expectedOrder(rows: SeededEvaluation[], sort: Sort = 'date', dir: 'asc' | 'desc' = 'desc'): number[] {
  const key = (r: SeededEvaluation) => (sort === 'date' ? r.createdAt : sort === 'score' ? r.overall : duration(r));
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows]
    .sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      if (ka === null || kb === null) return ka === kb ? sign * (a.id - b.id) : ka === null ? 1 : -1;
      return ka !== kb ? sign * (ka - kb) : sign * (a.id - b.id);
    })
    .map((r) => r.id);
}

/** A small RFC 4180 reader for the export (quoted cells, doubled quotes, LF or CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else if (ch !== '\r') cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}
