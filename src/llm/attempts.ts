import type { Effort } from '../config/schemas.ts';
import { sleep } from '../sleep.ts';
import { costUsd, type ModelPrice } from './prices.ts';
import { LlmError, RETRY_KINDS, ZERO_USAGE, addUsage, type ErrorKind, type LlmProvider, type LlmReply, type LlmRequest, type Usage } from './types.ts';

/** One HTTP attempt as stored in evaluation_attempts: what was asked, what came back, what it cost. */
export interface AttemptRecord {
  startedAt: number;
  finishedAt: number;
  outcome: 'ok' | ErrorKind;
  httpStatus: number | null;
  errorType: string | null;
  errorMessage: string | null;
  requestId: string | null;
  model: string;
  effort: Effort | null;
  maxTokens: number;
  stopReason: string | null;
  refusalCategory: string | null;
  retryAfterMs: number | null;
  usage: Usage;
  costUsd: number;
  responseText: string | null;
  problems: string[];
}

export interface AttemptHooks {
  /** Called for every attempt as soon as its outcome is known (the caller stores it). */
  onAttempt?: (a: AttemptRecord) => void;
  /** Awaited before every HTTP attempt: resolves when the provider may be called (the pool is not paused). */
  beforeAttempt?: (signal: AbortSignal) => Promise<void>;
}

export type CallResult = { ok: true; reply: LlmReply; startedAt: number } | { ok: false; error: LlmError };

/** Backoff before retrying a 5xx/timeout/connection error in place: 0.5 s doubling, capped, with jitter. */
function retryDelayMs(retry: number): number {
  return Math.min(8000, 500 * 2 ** retry) * (0.5 + Math.random() / 2);
}

/**
 * Makes provider calls for one evaluation run and keeps its books: every attempt recorded, usage and
 * cost summed, transient errors (5xx, timeouts, resets) retried in place up to `maxRetries` times.
 */
export class AttemptRunner {
  usage: Usage = ZERO_USAGE;
  cost = 0;
  count = 0;

  constructor(
    private readonly provider: LlmProvider,
    private readonly price: ModelPrice | undefined,
    private readonly maxRetries: number,
    private readonly hooks: AttemptHooks,
    private readonly now: () => number,
  ) {}

  /** One logical call: HTTP attempts until an answer, a non-retryable error, or the retries run out; `onText` makes each attempt's text reader. */
  async call(req: LlmRequest, signal: AbortSignal, onText?: () => (delta: string) => void): Promise<CallResult> {
    for (let retry = 0; ; retry++) {
      await this.hooks.beforeAttempt?.(signal);
      if (signal.aborted) return { ok: false, error: new LlmError('timeout', 'The evaluation ran out of time') };
      const startedAt = this.now();
      try {
        return { ok: true, reply: await this.provider.complete(req, signal, onText?.()), startedAt };
      } catch (err) {
        const e = err instanceof LlmError ? err : new LlmError('unknown', 'Unexpected error');
        this.recordError(req, startedAt, e);
        if (!RETRY_KINDS.has(e.kind) || retry >= this.maxRetries || signal.aborted) return { ok: false, error: e };
        await sleep(retryDelayMs(retry), signal);
      }
    }
  }

  /** Records an attempt that got an answer, with the outcome the evaluation gave it. */
  recordReply(req: LlmRequest, startedAt: number, reply: LlmReply, outcome: AttemptRecord['outcome'], problems: string[] = []): void {
    const cost = this.price ? costUsd(this.price, reply.usage) : 0;
    this.add(reply.usage, cost);
    this.hooks.onAttempt?.({
      ...this.base(req, startedAt),
      outcome,
      requestId: reply.requestId,
      stopReason: reply.stopReason,
      refusalCategory: reply.refusalCategory,
      usage: reply.usage,
      costUsd: cost,
      responseText: reply.text,
      problems,
    });
  }

  private recordError(req: LlmRequest, startedAt: number, e: LlmError): void {
    const d = e.detail;
    const usage = d.usage ?? ZERO_USAGE;
    const cost = d.usage && this.price ? costUsd(this.price, usage) : 0;
    this.add(usage, cost);
    this.hooks.onAttempt?.({
      ...this.base(req, startedAt),
      outcome: e.kind,
      httpStatus: d.httpStatus ?? null,
      errorType: d.errorType ?? null,
      errorMessage: d.apiMessage ?? e.message,
      requestId: d.requestId ?? null,
      retryAfterMs: d.retryAfterMs ?? null,
      usage,
      costUsd: cost,
    });
  }

  private add(u: Usage, cost: number): void {
    this.count++;
    this.usage = addUsage(this.usage, u);
    this.cost += cost;
  }

  private base(req: LlmRequest, startedAt: number): AttemptRecord {
    const demo = this.provider.name === 'demo';
    return {
      startedAt,
      finishedAt: this.now(),
      outcome: 'ok',
      httpStatus: demo ? null : 200,
      errorType: null,
      errorMessage: null,
      requestId: null,
      model: this.provider.model,
      effort: demo ? null : req.effort,
      maxTokens: req.maxTokens,
      stopReason: null,
      refusalCategory: null,
      retryAfterMs: null,
      usage: ZERO_USAGE,
      costUsd: 0,
      responseText: null,
      problems: [],
    };
  }
}
