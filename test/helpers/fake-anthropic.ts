import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { buildMessage, streamEvents, tokensOf, type SseEvent } from './fake-anthropic-reply.ts';
import { rejectReason, type Effort } from './fake-anthropic-rules.ts';
import { batchObject, sendJson, sendResults, type FakeBatch } from './fake-anthropic-batches.ts';

type UsageCounts = 'input_tokens' | 'output_tokens' | 'cache_read_input_tokens' | 'cache_creation_input_tokens';

/** A successful answer. Token usage, thinking and truncation are computed from the request (see FakeAnthropic). */
export interface MessageStep {
  kind: 'message';
  text: string;
  /** Used when the text fits in max_tokens (a cut-off answer always says max_tokens). Default end_turn. */
  stopReason?: string;
  /** Overrides the computed usage field by field. */
  usage?: Partial<Record<UsageCounts, number>> & { output_tokens_details?: { thinking_tokens: number } };
  /** Overrides the thinking tokens the effort level would spend (0: no thinking block). */
  thinkingTokens?: number;
  /** Default: null, or {type:'refusal', category:null, explanation:null} when stopReason is refusal. */
  stopDetails?: { type: 'refusal'; category: 'cyber' | 'bio' | 'frontier_llm' | 'reasoning_extraction' | 'general_harms' | null; explanation: string | null } | null;
  /** Streaming only: an overloaded_error event ends the stream after this many text deltas. */
  streamErrorAfterChunks?: number;
  /** Before the answer starts (before the headers, streaming or not). */
  delayMs?: number;
}

export interface ErrorStep {
  kind: 'error';
  status: number;
  /** Default from the status: 400 invalid_request_error, 429 rate_limit_error, 529 overloaded_error... */
  type?: string;
  message?: string;
  headers?: Record<string, string>;
  /** Sets the retry-after header (seconds). Leave out for a 429 without one, e.g. a spend cap. */
  retryAfterSeconds?: number;
  delayMs?: number;
}

/** What the fake does with one request. Steps are used in order; the last one repeats. */
export type Step =
  | MessageStep
  | ErrorStep
  | { kind: 'hang' } // never answers: the client's timeout fires
  | { kind: 'reset' } // destroys the socket
  | { kind: 'raw'; status: number; body: string; contentType?: string }; // not from the API: no request-id

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  /** Date.now() when the request arrived. */
  sentAt: number;
  /** The request-id header of the answer, e.g. req_fake_000001. */
  requestId: string;
}

/** A batch id from the request id that created it. */
const requestIdToBatch = (requestId: string) => requestId.replace('req_fake_', 'msgbatch_fake_');

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

// Plausible texts; "fake error" stays in them so tests can check error details never reach a page.
const ERROR_MESSAGES: Record<string, string> = {
  invalid_request_error: 'Invalid request',
  authentication_error: 'invalid x-api-key',
  billing_error: 'Your credit balance is too low to access the Anthropic API',
  permission_error: 'Your API key does not have permission to use the specified resource',
  not_found_error: 'The requested resource could not be found',
  request_too_large: 'Request exceeds the maximum allowed number of bytes',
  rate_limit_error: 'This request would exceed the rate limit for your organization',
  api_error: 'Internal server error',
  timeout_error: 'Request timed out',
  overloaded_error: 'Overloaded',
};

/**
 * A stand-in for the Anthropic Messages API on 127.0.0.1, for the real SDK to talk to, behaving
 * like the current API for Claude 5.x models whatever `model` says:
 * - a scripted `message` step is answered only if the request is valid (max_tokens 1..128000, no
 *   non-default temperature/top_p, no top_k, no manual thinking budget, a known effort, a JSON
 *   schema inside the structured-output subset); otherwise a 400 invalid_request_error. Scripted
 *   faults (error, hang, reset, raw) are answered as scripted, without checking the request.
 * - adaptive thinking spends `thinkingByEffort[effort]` tokens (effort defaults to high) out of
 *   max_tokens; the text gets the rest (ceil(chars / 4) tokens) and is cut off with stop_reason
 *   max_tokens when it does not fit.
 * - `stream: true` gets the same message as server-sent events.
 * - every answer carries a unique request-id header.
 */
export class FakeAnthropic {
  readonly requests: RecordedRequest[] = [];
  /** Thinking tokens spent per effort level; tests may change them. */
  thinkingByEffort: Record<Effort, number> = { low: 400, medium: 2000, high: 6000, xhigh: 12_000, max: 20_000 };
  /** Streaming: pause between SSE events, and a ping every this many ms while a stream is open (0: off). */
  streamEventDelayMs = 0;
  pingIntervalMs = 0;
  /**
   * Streaming at a realistic pace, when set: `thinkingMs` before the answer's text starts (thinking
   * happens first), then the text at `tokensPerSecond` (each delta waits its tokensOf(text) share).
   */
  streamPace: { thinkingMs: number; tokensPerSecond: number } | undefined;
  /** Computes the answer from the request, when set (overrides the script). */
  responder?: (req: RecordedRequest) => Step;
  /** Message Batches: how many retrieve calls answer in_progress before a batch has ended. */
  batchPollsInProgress = 1;
  readonly #batches = new Map<string, FakeBatch>();
  #steps: Step[] = [];
  #server: Server;
  #sockets = new Set<Socket>();
  #cached = new Set<string>();
  #count = 0;

  constructor() {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    this.#server.on('connection', (s) => {
      this.#sockets.add(s);
      s.on('close', () => this.#sockets.delete(s));
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((r) => this.#server.listen(0, '127.0.0.1', r));
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  script(...steps: Step[]): this {
    this.#steps = steps;
    return this;
  }

  async stop(): Promise<void> {
    for (const s of this.#sockets) s.destroy();
    await new Promise<void>((r) => this.#server.close(() => r()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const sentAt = Date.now();
    const requestId = `req_fake_${String(++this.#count).padStart(6, '0')}`;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      /* recorded as empty */
    }
    const recorded: RecordedRequest = { path: req.url ?? '', headers: req.headers, body, sentAt, requestId };
    this.requests.push(recorded);
    if (recorded.path.startsWith('/v1/messages/batches')) return this.#handleBatches(req.method ?? 'GET', recorded, res);
    const step = this.#nextStep(recorded);
    if (!step) return void res.writeHead(500).end('no step scripted');
    const invalid = step.kind === 'message' ? rejectReason(body) : null;
    if (invalid) return this.#sendError(res, requestId, { kind: 'error', status: 400, message: invalid });
    if ('delayMs' in step && step.delayMs) await new Promise((r) => setTimeout(r, step.delayMs));
    switch (step.kind) {
      case 'hang':
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'raw':
        res.writeHead(step.status, { 'content-type': step.contentType ?? 'application/json' }).end(step.body);
        return;
      case 'error':
        return this.#sendError(res, requestId, step);
      case 'message': {
        const msg = buildMessage(step, body, {
          id: requestId.replace('req_', 'msg_'),
          thinkingByEffort: this.thinkingByEffort,
          cacheSeen: (key) => this.#cacheSeen(key),
        });
        if (body.stream === true) return this.#sendStream(res, requestId, streamEvents(msg, step.streamErrorAfterChunks));
        res.writeHead(200, { 'content-type': 'application/json', 'request-id': requestId }).end(JSON.stringify(msg));
      }
    }
  }

  #nextStep(recorded: RecordedRequest): Step | undefined {
    return this.responder ? this.responder(recorded) : this.#steps.length > 1 ? this.#steps.shift()! : this.#steps[0];
  }

  /** POST /v1/messages/batches, GET /v1/messages/batches/:id, GET /v1/messages/batches/:id/results. */
  #handleBatches(method: string, recorded: RecordedRequest, res: ServerResponse): void {
    const m = /^\/v1\/messages\/batches(?:\/([^/?]+))?(\/results)?/.exec(recorded.path)!;
    const id = requestIdToBatch(recorded.requestId);
    if (method === 'POST' && !m[1]) {
      const requests = (recorded.body.requests ?? []) as { custom_id: string; params: Record<string, unknown> }[];
      const batch: FakeBatch = { id, createdAt: new Date().toISOString(), polls: 0, lines: requests.map((r) => ({ custom_id: r.custom_id, result: this.#batchResult(r.params, recorded) })) };
      this.#batches.set(id, batch);
      return sendJson(res, 200, recorded.requestId, batchObject(batch, this.url, false));
    }
    const batch = m[1] ? this.#batches.get(m[1]) : undefined;
    if (!batch) return this.#sendError(res, recorded.requestId, { kind: 'error', status: 404, type: 'not_found_error', message: 'no such batch' });
    if (m[2]) return sendResults(res, recorded.requestId, batch);
    batch.polls++;
    sendJson(res, 200, recorded.requestId, batchObject(batch, this.url, batch.polls > this.batchPollsInProgress));
  }

  /** One batch entry, answered as the Messages endpoint would (the responder sees it as a request). */
  #batchResult(params: Record<string, unknown>, batchRequest: RecordedRequest): Record<string, unknown> {
    const entry: RecordedRequest = { ...batchRequest, path: '/v1/messages', body: params, requestId: `req_fake_${String(++this.#count).padStart(6, '0')}` };
    this.requests.push(entry);
    const step = this.#nextStep(entry);
    const invalid = step?.kind === 'message' ? rejectReason(params) : null;
    if (step?.kind === 'message' && !invalid) {
      return { type: 'succeeded', message: buildMessage(step, params, { id: entry.requestId.replace('req_', 'msg_'), thinkingByEffort: this.thinkingByEffort, cacheSeen: (key) => this.#cacheSeen(key) }) };
    }
    const type = step?.kind === 'error' ? (step.type ?? ERROR_TYPES[step.status] ?? 'api_error') : invalid ? 'invalid_request_error' : 'api_error';
    return { type: 'errored', error: { type: 'error', error: { type, message: invalid ?? (step?.kind === 'error' ? (step.message ?? 'fake error') : 'fake: no answer') } } };
  }

  /** Records a prompt-cache prefix; true when an earlier request already wrote it. */
  #cacheSeen(key: string): boolean {
    if (this.#cached.has(key)) return true;
    this.#cached.add(key);
    return false;
  }

  #sendError(res: ServerResponse, requestId: string, step: ErrorStep): void {
    const type = step.type ?? ERROR_TYPES[step.status] ?? (step.status >= 500 ? 'api_error' : 'invalid_request_error');
    const message = step.message ?? `${ERROR_MESSAGES[type] ?? 'Error'} (fake error ${step.status})`;
    const headers = {
      'content-type': 'application/json',
      'request-id': requestId,
      ...(step.retryAfterSeconds !== undefined ? { 'retry-after': String(step.retryAfterSeconds) } : {}),
      ...step.headers,
    };
    res.writeHead(step.status, headers).end(JSON.stringify({ type: 'error', error: { type, message }, request_id: requestId }));
  }

  /** How long to wait before sending `e`: streamPace when set, else streamEventDelayMs. */
  #paceMs(e: SseEvent): number {
    const pace = this.streamPace;
    if (!pace) return this.streamEventDelayMs;
    const block = e.data.content_block as { type?: string } | undefined;
    if (e.event === 'content_block_start' && block?.type === 'text') return pace.thinkingMs;
    const delta = e.data.delta as { type?: string; text?: string } | undefined;
    if (delta?.type === 'text_delta') return (tokensOf(delta.text ?? '') / pace.tokensPerSecond) * 1000;
    return 0;
  }

  /** Writes the events as `event: <type>\ndata: <json>\n\n`, paced by streamEventDelayMs, with optional pings. */
  async #sendStream(res: ServerResponse, requestId: string, events: SseEvent[]): Promise<void> {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'request-id': requestId });
    const write = (e: SseEvent) => res.writableEnded || res.destroyed || res.write(`event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`);
    const ping = this.pingIntervalMs > 0 ? setInterval(() => write({ event: 'ping', data: { type: 'ping' } }), this.pingIntervalMs) : undefined;
    try {
      for (const e of events) {
        const wait = this.#paceMs(e);
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        if (res.destroyed) return; // the client went away
        write(e);
      }
    } finally {
      clearInterval(ping);
      if (!res.destroyed) res.end();
    }
  }
}
