import { queueDepth } from '../db/queries/dashboard.ts';
import { recentSubmissions } from '../db/queries/submissions.ts';
import { clientKey } from '../http/client-ip.ts';
import { wantsJson, type Ctx } from '../http/context.ts';
import { budgetState } from '../llm/budget.ts';
import { HOUR } from '../time.ts';

/** Why a valid memo is not taken now: the status, when to try again, and the message beside the field. */
export interface Refusal {
  status: 429 | 503;
  retryAfterSeconds: number;
  error: string;
}

/** Memos per writer per hour (auth.yaml), counted from the stored submissions. */
function perWriter(c: Ctx): Refusal | undefined {
  const writer = c.get('user');
  if (!writer) return undefined;
  const { db, config, now } = c.get('deps');
  const limit = config.current.files.auth.rate_limits.submissions_per_writer_per_hour;
  const t = now();
  const recent = recentSubmissions(db, writer.id, t - HOUR);
  if (recent.count < limit) return undefined;
  const retryAfterSeconds = Math.max(1, Math.ceil(((recent.oldest ?? t) + HOUR - t) / 1000));
  return { status: 429, retryAfterSeconds, error: c.get('i18n').t('validate.rateLimited', { limit, minutes: Math.ceil(retryAfterSeconds / 60) }) };
}

/** Memos per client address per hour (llm.yaml), whoever the writer: cookie-less floods stop here. */
function perAddress(c: Ctx): Refusal | undefined {
  const res = c.get('limiters').submissionsPerAddress.hit(clientKey(c));
  if (res.ok) return undefined;
  const limit = c.get('deps').config.current.files.llm.submissions_per_address_per_hour;
  return { status: 429, retryAfterSeconds: res.retryAfterSeconds, error: c.get('i18n').t('validate.addressLimited', { limit, minutes: Math.ceil(res.retryAfterSeconds / 60) }) };
}

/** A budget used up refuses new memos (unless llm.yaml says to score them with the demo evaluator). */
function overBudget(c: Ctx): Refusal | undefined {
  const { db, config, now } = c.get('deps');
  const { budget } = config.current.files.llm;
  if (budget.when_exceeded === 'demo' || config.current.provider.name === 'demo') return undefined;
  const t = now();
  const over = budgetState(db, budget, t).over;
  if (!over) return undefined;
  return { status: 503, retryAfterSeconds: Math.max(1, Math.ceil((over.resetsAt - t) / 1000)), error: c.get('i18n').t('validate.overBudget') };
}

/** A full queue (llm.yaml queue_cap) answers 503: real students are not left behind a flood. */
function queueFull(c: Ctx): Refusal | undefined {
  const { db, config } = c.get('deps');
  const q = queueDepth(db);
  if (q.queued + q.running < config.current.files.llm.queue_cap) return undefined;
  return { status: 503, retryAfterSeconds: 60, error: c.get('i18n').t('validate.queueFull') };
}

/** The first reason not to take a valid memo now, or undefined to take it. */
export function admissionRefusal(c: Ctx): Refusal | undefined {
  return perWriter(c) ?? perAddress(c) ?? overBudget(c) ?? queueFull(c);
}

/** The refusal as JSON, with Retry-After; pages are rendered by the route (the form keeps the text). */
export function refusalJson(c: Ctx, r: Refusal) {
  c.header('Retry-After', String(r.retryAfterSeconds));
  return wantsJson(c) ? c.json({ error: r.error, field: 'text', retryAfterSeconds: r.retryAfterSeconds }, r.status) : undefined;
}
