import type { ServerResponse } from 'node:http';

/** One stored batch of the fake: its results as JSONL lines, and how often it was polled. */
export interface FakeBatch {
  id: string;
  createdAt: string;
  lines: { custom_id: string; result: Record<string, unknown> }[];
  polls: number;
}

/** The MessageBatch object as the API documents it (retrieve and create answer with it). */
export function batchObject(b: FakeBatch, baseUrl: string, ended: boolean): Record<string, unknown> {
  const count = (type: string) => (ended ? b.lines.filter((l) => l.result.type === type).length : 0);
  return {
    id: b.id,
    type: 'message_batch',
    processing_status: ended ? 'ended' : 'in_progress',
    request_counts: { processing: ended ? 0 : b.lines.length, succeeded: count('succeeded'), errored: count('errored'), canceled: 0, expired: 0 },
    created_at: b.createdAt,
    expires_at: new Date(Date.parse(b.createdAt) + 24 * 3600_000).toISOString(),
    ended_at: ended ? new Date().toISOString() : null,
    cancel_initiated_at: null,
    archived_at: null,
    results_url: ended ? `${baseUrl}/v1/messages/batches/${b.id}/results` : null,
  };
}

/** Sends a JSON answer with a request id, as the API does. */
export function sendJson(res: ServerResponse, status: number, requestId: string, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': requestId }).end(JSON.stringify(body));
}

/** The results file: one JSON object per line, in no particular order (reversed here, so callers must match custom_id). */
export function sendResults(res: ServerResponse, requestId: string, b: FakeBatch): void {
  res.writeHead(200, { 'content-type': 'application/binary', 'request-id': requestId }).end([...b.lines].reverse().map((l) => JSON.stringify(l)).join('\n') + '\n');
}
