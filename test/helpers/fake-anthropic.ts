import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake does with one request. Steps are used in order; the last one repeats. */
export type Step =
  | { kind: 'message'; text: string; stopReason?: string; usage?: Partial<Record<'input_tokens' | 'output_tokens' | 'cache_read_input_tokens' | 'cache_creation_input_tokens', number>>; delayMs?: number }
  | { kind: 'error'; status: number; type?: string; headers?: Record<string, string>; delayMs?: number }
  | { kind: 'hang' } // never answers: the client's timeout fires
  | { kind: 'reset' } // destroys the socket
  | { kind: 'raw'; status: number; body: string; contentType?: string };

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

/**
 * A stand-in for the Anthropic Messages API on 127.0.0.1, for the real SDK to talk to.
 * `script` decides each answer; `requests` records what the SDK sent.
 */
export class FakeAnthropic {
  readonly requests: RecordedRequest[] = [];
  #steps: Step[] = [];
  #server: Server;
  #sockets = new Set<import('node:net').Socket>();
  /** Computes the answer from the request, when set (overrides the script). */
  responder?: (req: RecordedRequest) => Step;

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
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      /* recorded as empty */
    }
    const recorded = { path: req.url ?? '', headers: req.headers, body };
    this.requests.push(recorded);
    const step = this.responder ? this.responder(recorded) : this.#steps.length > 1 ? this.#steps.shift()! : this.#steps[0];
    if (!step) return void res.writeHead(500).end('no step scripted');
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
        res
          .writeHead(step.status, { 'content-type': 'application/json', ...step.headers })
          .end(JSON.stringify({ type: 'error', error: { type: step.type ?? 'api_error', message: `fake error ${step.status}` } }));
        return;
      case 'message':
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            id: `msg_fake_${this.requests.length}`,
            type: 'message',
            role: 'assistant',
            model: body.model ?? 'fake',
            content: [{ type: 'text', text: step.text }],
            stop_reason: step.stopReason ?? 'end_turn',
            stop_sequence: null,
            usage: { input_tokens: 1200, output_tokens: 400, cache_read_input_tokens: 0, cache_creation_input_tokens: 0, ...step.usage },
          }),
        );
    }
  }
}
