// Builds the fake's answers: the Message JSON (thinking, token budget, caching) and its SSE form.
import type { MessageStep } from './fake-anthropic.ts';
import type { Effort } from './fake-anthropic-rules.ts';

type Json = Record<string, unknown>;

/**
 * Token counts are approximations: ceil(characters / 4), at least 1 for non-empty text. Good
 * enough for budget and caching arithmetic; real tokenisation differs.
 */
export const tokensOf = (text: string): number => Math.ceil(text.length / 4);

export interface ReplyContext {
  id: string;
  thinkingByEffort: Record<Effort, number>;
  /** Prompt-cache bookkeeping: records `key`; true when an earlier request already wrote it. */
  cacheSeen: (key: string) => boolean;
}

export interface FakeMessage {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: Json[];
  stop_reason: string;
  stop_sequence: null;
  stop_details: Json | null;
  container: null;
  diagnostics: null;
  usage: Json & { output_tokens: number };
}

/** The complete non-streaming answer to `body` for a scripted message step. */
export function buildMessage(step: MessageStep, body: Json, ctx: ReplyContext): FakeMessage {
  const maxTokens = body.max_tokens as number;
  const thinkingTokens = Math.min(step.thinkingTokens ?? plannedThinking(body, ctx.thinkingByEffort), maxTokens);
  // Thinking and text share max_tokens: whatever thinking leaves over is all the text gets.
  const room = maxTokens - thinkingTokens;
  const cut = room === 0 || tokensOf(step.text) > room;
  const text = cut ? step.text.slice(0, room * 4) : step.text;
  const content: Json[] = [];
  if (thinkingTokens > 0) content.push(thinkingBlock(body, thinkingTokens, ctx.id));
  if (room > 0) content.push({ type: 'text', text });
  const stopReason = cut ? 'max_tokens' : (step.stopReason ?? 'end_turn');
  const { output_tokens_details, ...counts } = step.usage ?? {};
  return {
    id: ctx.id,
    type: 'message',
    role: 'assistant',
    model: typeof body.model === 'string' ? body.model : 'fake',
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    stop_details: step.stopDetails !== undefined ? step.stopDetails : stopReason === 'refusal' ? { type: 'refusal', category: null, explanation: null } : null,
    container: null,
    diagnostics: null,
    usage: {
      ...inputUsage(body, ctx),
      output_tokens: cut ? maxTokens : thinkingTokens + tokensOf(text),
      output_tokens_details: output_tokens_details ?? { thinking_tokens: thinkingTokens },
      // Old tests script exact usage numbers: those win field by field.
      ...counts,
    },
  };
}

/** Adaptive thinking is on unless disabled; how much it thinks follows the effort (default high). */
function plannedThinking(body: Json, table: Record<Effort, number>): number {
  // No up-front thinking: disabled, or Sonnet 5.5's between_tools (only notes between tool calls).
  const type = (body.thinking as Json | undefined)?.type;
  if (type === 'disabled' || type === 'between_tools') return 0;
  const effort = ((body.output_config as Json | undefined)?.effort as Effort | null | undefined) ?? 'high';
  return table[effort];
}

function thinkingBlock(body: Json, tokens: number, id: string): Json {
  const omitted = (body.thinking as Json | undefined)?.display === 'omitted';
  const summary = `The fake model thought for ${tokens} tokens about the request before answering.`;
  return { type: 'thinking', thinking: omitted ? '' : summary, signature: Buffer.from(`fake-signature:${id}:${tokens}`).toString('base64') };
}

/**
 * Input usage. The prompt-cache prefix is the system blocks up to the last one with
 * cache_control: written (cache_creation) on the first request with that prefix, read after.
 * Everything else (uncached system text and the messages) counts as input_tokens.
 */
function inputUsage(body: Json, ctx: ReplyContext): Json {
  const blocks = typeof body.system === 'string' ? [{ type: 'text', text: body.system }] : ((body.system as Json[] | undefined) ?? []);
  const lastCached = blocks.findLastIndex((b) => b.cache_control != null);
  const prefix = blocks.slice(0, lastCached + 1).map(textOf).join('');
  const rest = blocks.slice(lastCached + 1).map(textOf).join('') + ((body.messages as Json[] | undefined) ?? []).map((m) => textOf({ text: m.content })).join('');
  const cached = prefix ? tokensOf(prefix) : 0;
  const hit = prefix !== '' && ctx.cacheSeen(`${String(body.model)}\n${prefix}`);
  return {
    input_tokens: Math.max(1, tokensOf(rest)),
    cache_creation_input_tokens: hit ? 0 : cached,
    cache_read_input_tokens: hit ? cached : 0,
  };
}

/** Text of a block or message content: a string, or the text of its blocks. */
function textOf(b: Json): string {
  const t = b.text ?? b.content;
  if (typeof t === 'string') return t;
  return Array.isArray(t) ? t.map((x) => textOf(x as Json)).join('') : '';
}

// ---- Streaming ------------------------------------------------------------------------------

export interface SseEvent {
  event: string;
  data: Json;
}

/** The SSE events the API sends for `msg`, in order; `errorAfterTextDeltas` cuts in a mid-stream error. */
export function streamEvents(msg: FakeMessage, errorAfterTextDeltas?: number): SseEvent[] {
  const ev = (type: string, data: Json = {}): SseEvent => ({ event: type, data: { type, ...data } });
  const { usage } = msg;
  const startUsage = { ...usage, output_tokens: 1, output_tokens_details: null };
  const events = [ev('message_start', { message: { ...msg, content: [], stop_reason: null, stop_details: null, usage: startUsage } }), ev('ping')];
  msg.content.forEach((block, index) => {
    const empty = block.type === 'thinking' ? { type: 'thinking', thinking: '', signature: '' } : { type: 'text', text: '' };
    events.push(ev('content_block_start', { index, content_block: empty }));
    for (const delta of blockDeltas(block)) events.push(ev('content_block_delta', { index, delta }));
    events.push(ev('content_block_stop', { index }));
  });
  events.push(
    ev('message_delta', { delta: { stop_reason: msg.stop_reason, stop_sequence: null, stop_details: msg.stop_details }, usage }),
    ev('message_stop'),
  );
  return errorAfterTextDeltas === undefined ? events : withMidStreamError(events, errorAfterTextDeltas);
}

function blockDeltas(block: Json): Json[] {
  if (block.type === 'thinking')
    return [...chunks(block.thinking as string).map((thinking) => ({ type: 'thinking_delta', thinking })), { type: 'signature_delta', signature: block.signature }];
  return chunks(block.text as string).map((text) => ({ type: 'text_delta', text }));
}

/** Splits text into 20-40 character pieces (varying, deterministic), like the API's deltas. */
export function chunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0, n = 0; i < text.length; n++) {
    const size = 20 + ((n * 7) % 21);
    out.push(text.slice(i, i + size));
    i += size;
  }
  return out;
}

/** After the n-th text delta (n = 0: before the first; too few: where the message would end), an `error` event ends the stream. */
function withMidStreamError(events: SseEvent[], n: number): SseEvent[] {
  const textDeltas = events.flatMap((e, i) => ((e.data.delta as Json | undefined)?.type === 'text_delta' ? [i] : []));
  const end = events.findIndex((e) => e.event === 'message_delta');
  const cut = n === 0 ? (textDeltas[0] ?? end) : n <= textDeltas.length ? textDeltas[n - 1]! + 1 : end;
  const error = { event: 'error', data: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } } };
  return [...events.slice(0, cut), error];
}
