import Anthropic, { APIError, AuthenticationError, BadRequestError, OverloadedError, PaymentRequiredError, RateLimitError } from '@anthropic-ai/sdk';
import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages/messages';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeAnthropic } from './helpers/fake-anthropic.ts';

// The fake Messages API itself, checked through the real SDK: if the fake drifts from what the
// API does for Claude 5.x models, every test built on it proves less.

const MODEL = 'claude-sonnet-5-5';
const USER = 'Please evaluate this memo.'; // 26 chars: 7 tokens at ceil(chars / 4)
const ANSWER = JSON.stringify({ criteria: { structure: { score: 4, justification: 'Clear headings and a closing ask.' } }, strengths: ['concise'] });

let fake: FakeAnthropic;
let client: Anthropic;
beforeEach(async () => {
  fake = new FakeAnthropic();
  await fake.start();
  client = new Anthropic({ apiKey: 'test', baseURL: fake.url, maxRetries: 0 });
});
afterEach(() => fake.stop());

// 21000 stays under the SDK's own cap for non-streaming calls and leaves room after max-effort thinking.
// Extra keys are allowed: this SDK's types no longer offer temperature/top_p/top_k, but it sends them.
type Over = Partial<MessageCreateParamsNonStreaming> & Record<string, unknown>;
function params(over: Over = {}): MessageCreateParamsNonStreaming {
  return { model: MODEL, max_tokens: 21_000, messages: [{ role: 'user', content: USER }], ...over };
}

/** The error the SDK rejects with (the test fails if the call succeeds). */
async function failure(call: Promise<unknown>): Promise<APIError> {
  const err = await call.then(() => new Error('expected the request to fail'), (e: unknown) => e);
  if (!(err instanceof APIError)) throw err;
  return err;
}

const tokens = (s: string) => Math.ceil(s.length / 4);

describe('fake anthropic: answers', () => {
  it('returns a thinking block then the text, with output_tokens including the thinking', async () => {
    fake.script({ kind: 'message', text: ANSWER });
    const { data: msg, request_id } = await client.messages.create(params()).withResponse();

    expect(msg.content.map((b) => b.type)).toEqual(['thinking', 'text']);
    const [thinking, text] = msg.content;
    expect(thinking).toMatchObject({ type: 'thinking', thinking: expect.any(String), signature: expect.any(String) });
    expect(text).toEqual({ type: 'text', text: ANSWER });
    expect(msg.usage).toMatchObject({ output_tokens: 6000 + tokens(ANSWER), output_tokens_details: { thinking_tokens: 6000 }, input_tokens: tokens(USER) });
    expect(msg).toMatchObject({ model: MODEL, stop_reason: 'end_turn', stop_sequence: null, stop_details: null, diagnostics: null });
    expect(msg.id).toMatch(/^msg_/);
    expect(request_id).toBe('req_fake_000001');
  });

  it('thinks more at higher effort, not at all when thinking is disabled, and per step when told', async () => {
    fake.script({ kind: 'message', text: ANSWER });
    const think = async (over: Over) => (await client.messages.create(params(over))).usage.output_tokens_details?.thinking_tokens;
    expect(await think({ output_config: { effort: 'low' } })).toBe(400);
    expect(await think({ output_config: { effort: 'max' } })).toBe(20_000);
    expect(await think({ thinking: { type: 'adaptive' }, output_config: { effort: 'medium' } })).toBe(2000);
    fake.thinkingByEffort.medium = 50;
    expect(await think({ output_config: { effort: 'medium' } })).toBe(50);

    // Sonnet 5 turns thinking off with `disabled`; Sonnet 5.5 with `between_tools` (its `disabled` is a 400, below).
    for (const over of [{ model: 'claude-sonnet-5', thinking: { type: 'disabled' } }, { thinking: { type: 'between_tools' } }] as Over[]) {
      const off = await client.messages.create(params(over));
      expect(off.content.map((b) => b.type)).toEqual(['text']);
      expect(off.usage.output_tokens).toBe(tokens(ANSWER));
    }

    fake.script({ kind: 'message', text: ANSWER, thinkingTokens: 123 });
    expect(await think({})).toBe(123);
  });

  it('cuts the text off at max_tokens (thinking counts), so the JSON no longer parses', async () => {
    fake.script({ kind: 'message', text: ANSWER });
    const msg = await client.messages.create(params({ max_tokens: 6010 })); // high effort: 10 tokens left
    expect(msg.stop_reason).toBe('max_tokens');
    expect(msg.usage.output_tokens).toBe(6010);
    const text = msg.content.find((b) => b.type === 'text');
    expect(text?.type === 'text' && text.text).toBe(ANSWER.slice(0, 40));
    expect(() => JSON.parse(ANSWER.slice(0, 40))).toThrow();

    const starved = await client.messages.create(params({ max_tokens: 4096 }));
    expect(starved.content.map((b) => b.type)).toEqual(['thinking']);
    expect(starved).toMatchObject({ stop_reason: 'max_tokens', usage: { output_tokens: 4096, output_tokens_details: { thinking_tokens: 4096 } } });
  });

  it('keeps scripted stop reasons and usage numbers, and fills in refusal details', async () => {
    fake.script(
      { kind: 'message', text: ANSWER, stopReason: 'refusal', usage: { input_tokens: 1500, cache_read_input_tokens: 1300 } },
      { kind: 'message', text: '', stopReason: 'refusal', stopDetails: { type: 'refusal', category: 'cyber', explanation: 'no' } },
    );
    const a = await client.messages.create(params());
    expect(a).toMatchObject({ stop_reason: 'refusal', stop_details: { type: 'refusal', category: null, explanation: null } });
    expect(a.usage).toMatchObject({ input_tokens: 1500, cache_read_input_tokens: 1300, output_tokens: 6000 + tokens(ANSWER) });
    const b = await client.messages.create(params());
    expect(b.stop_details).toEqual({ type: 'refusal', category: 'cyber', explanation: 'no' });
  });

  it('writes the cached system prompt on the first request and reads it after; uncached prompts count as input', async () => {
    fake.script({ kind: 'message', text: ANSWER });
    const system = 'You are a writing coach. '.repeat(40);
    const cachedSystem = [{ type: 'text' as const, text: system, cache_control: { type: 'ephemeral' as const } }];
    const first = await client.messages.create(params({ system: cachedSystem }));
    const second = await client.messages.create(params({ system: cachedSystem }));
    const plain = await client.messages.create(params({ system }));

    expect(first.usage).toMatchObject({ input_tokens: tokens(USER), cache_creation_input_tokens: tokens(system), cache_read_input_tokens: 0 });
    expect(second.usage).toMatchObject({ input_tokens: tokens(USER), cache_creation_input_tokens: 0, cache_read_input_tokens: tokens(system) });
    expect(plain.usage).toMatchObject({ input_tokens: tokens(system + USER), cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });
  });

  it('records each request with its body, headers, request id and arrival time', async () => {
    fake.script({ kind: 'message', text: ANSWER });
    const before = Date.now();
    await client.messages.create(params());
    expect(fake.requests).toHaveLength(1);
    const [r] = fake.requests;
    expect(r).toMatchObject({ path: '/v1/messages', requestId: 'req_fake_000001', body: { model: MODEL, max_tokens: 21_000 } });
    expect(r!.headers.authorization).toBe('Bearer test'); // how this SDK version sends the key
    expect(r!.sentAt).toBeGreaterThanOrEqual(before);
    expect(r!.sentAt).toBeLessThanOrEqual(Date.now());
  });
});

describe('fake anthropic: invalid requests get a 400 invalid_request_error', () => {
  const schema = (extra: Record<string, unknown>) => ({ type: 'object', properties: { score: { type: 'integer', ...extra } }, required: ['score'], additionalProperties: false });
  const format = (s: Record<string, unknown>) => ({ output_config: { format: { type: 'json_schema' as const, schema: s } } });
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['temperature 0.2', { temperature: 0.2 }, /temperature/],
    ['top_p 0.9', { top_p: 0.9 }, /top_p/],
    ['top_k at all', { top_k: 40 }, /top_k/],
    ['a manual thinking budget', { thinking: { type: 'enabled', budget_tokens: 2048 } }, /budget_tokens/],
    ['thinking disabled on Sonnet 5.5', { thinking: { type: 'disabled' } }, /thinking\.type\.disabled" is not supported/],
    ['thinking between_tools on Opus 5.5', { model: 'claude-opus-5-5', thinking: { type: 'between_tools' } }, /thinking\.type\.between_tools" is not supported/],
    ['thinking disabled on Haiku 5.5 at max effort', { model: 'claude-haiku-5-5', thinking: { type: 'disabled' }, output_config: { effort: 'max' } }, /thinking\.type\.disabled" is not supported/],
    ['an unknown effort', { output_config: { effort: 'extreme' } }, /effort/],
    ['max_tokens 0', { max_tokens: 0 }, /max_tokens/],
    ['max_tokens above 128000', { max_tokens: 128_001 }, /max_tokens/],
    ['a schema with minimum', format(schema({ minimum: 1 })), /'minimum'.*\/properties\/score\/minimum/],
    ['a schema with maxLength', format({ ...schema({}), properties: { note: { type: 'string', maxLength: 80 } } }), /'maxLength'.*\/properties\/note\/maxLength/],
    ['a schema with minItems 2', format({ type: 'array', items: { type: 'string' }, minItems: 2 }), /'minItems'.*\/minItems/],
    ['a schema object without additionalProperties false', format({ type: 'object', properties: { a: { type: 'string' } } }), /additionalProperties/],
    ['an unsupported string format', format({ type: 'string', format: 'hostname' }), /hostname/],
    ['a pattern deep inside $defs', format({ $defs: { code: { anyOf: [{ type: 'string', pattern: '^A' }] } }, $ref: '#/$defs/code' }), /\/\$defs\/code\/anyOf\/0\/pattern/],
    ['a recursive $ref', format({ $defs: { node: { type: 'object', properties: { next: { $ref: '#/$defs/node' } }, additionalProperties: false } }, $ref: '#/$defs/node' }), /recursive/],
  ];

  it.each(cases)('%s', async (_name, over, message) => {
    fake.script({ kind: 'message', text: ANSWER });
    // An explicit timeout stops the SDK refusing max_tokens > 21333 itself, before the fake sees it.
    const err = await failure(client.messages.create(params(over), { timeout: 5000 }));
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err.type).toBe('invalid_request_error');
    expect(err.requestID).toMatch(/^req_fake_\d{6}$/);
    expect(err.error).toMatchObject({ type: 'error', request_id: err.requestID });
    expect(err.apiMessage).toMatch(message);
  });

  it('accepts the defaults and the supported schema subset', async () => {
    fake.script({ kind: 'message', text: ANSWER });
    const supported = {
      $defs: { level: { type: 'integer', enum: [1, 2, 3] } },
      type: 'object',
      properties: {
        score: { $ref: '#/$defs/level' },
        when: { type: 'string', format: 'date-time' },
        tags: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'null' }] }, minItems: 1 },
        kind: { const: 'memo' },
      },
      required: ['score'],
      additionalProperties: false,
    };
    const over = { temperature: 1, top_p: 1, thinking: { type: 'adaptive' as const }, ...format(supported) };
    await expect(client.messages.create(params(over))).resolves.toMatchObject({ stop_reason: 'end_turn' });
  });
});

describe('fake anthropic: scripted errors', () => {
  it('429 with and without retry-after', async () => {
    fake.script({ kind: 'error', status: 429, retryAfterSeconds: 2 }, { kind: 'error', status: 429 });
    const limited = await failure(client.messages.create(params()));
    expect(limited).toBeInstanceOf(RateLimitError);
    expect(limited.type).toBe('rate_limit_error');
    expect(limited.headers?.get('retry-after')).toBe('2');
    const capped = await failure(client.messages.create(params()));
    expect(capped.headers?.get('retry-after')).toBeNull();
    expect(capped.requestID).toBe('req_fake_000002');
  });

  it.each([
    [529, OverloadedError, 'overloaded_error'],
    [401, AuthenticationError, 'authentication_error'],
    [402, PaymentRequiredError, 'billing_error'],
  ] as const)('%i answers %s (%s) with a request id', async (status, errorClass, type) => {
    fake.script({ kind: 'error', status });
    const err = await failure(client.messages.create(params()));
    expect(err).toBeInstanceOf(errorClass);
    expect(err.type).toBe(type);
    expect(err.requestID).toBe('req_fake_000001');
    expect(err.error).toMatchObject({ type: 'error', error: { type }, request_id: 'req_fake_000001' });
  });

  it('answers scripted faults without checking the request', async () => {
    fake.script({ kind: 'error', status: 500, type: 'api_error', headers: { 'retry-after-ms': '5' } });
    const err = await failure(client.messages.create(params({ temperature: 0 })));
    expect(err.status).toBe(500);
    expect(err.headers?.get('retry-after-ms')).toBe('5');
  });
});

describe('fake anthropic: streaming', () => {
  it('streams the same message as the non-streaming answer', async () => {
    fake.script({ kind: 'message', text: ANSWER });
    fake.pingIntervalMs = 1;
    fake.streamEventDelayMs = 2;
    const plain = await client.messages.create(params());

    const stream = client.messages.stream(params());
    const deltas: string[] = [];
    stream.on('text', (d) => deltas.push(d));
    const streamed = await stream.finalMessage();

    // Signatures are opaque and differ per message; everything else is the same.
    const unsigned = (m: Anthropic.Message) => m.content.map((b) => (b.type === 'thinking' ? { ...b, signature: b.signature.length > 0 } : b));
    expect(unsigned(streamed)).toEqual(unsigned(plain));
    expect(streamed.usage).toEqual(plain.usage);
    expect({ ...streamed, id: plain.id, content: [] }).toMatchObject({ ...plain, content: [] });
    expect(deltas.join('')).toBe(ANSWER);
    expect(deltas.length).toBeGreaterThan(1);
    for (const d of deltas.slice(0, -1)) expect(d.length).toBeGreaterThanOrEqual(20);
    expect(stream.request_id).toBe('req_fake_000002');
  });

  it('a mid-stream error after n text deltas rejects finalMessage', async () => {
    fake.script({ kind: 'message', text: ANSWER, streamErrorAfterChunks: 2 });
    const stream = client.messages.stream(params());
    const deltas: string[] = [];
    stream.on('text', (d) => deltas.push(d));
    const err = await failure(stream.finalMessage());
    expect(err.type).toBe('overloaded_error');
    expect(deltas).toHaveLength(2);
  });
});
