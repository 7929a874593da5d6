import { SAMPLE_MEMO } from './outputs.ts';

/** The memo of one burst request: a unique tag per round and index, so rows can be matched to requests. */
export function burstMemo(round: number, i: number): string {
  return `${SAMPLE_MEMO}\n\nCrash round ${round} memo ${i}.`;
}

const TAG = /\nCrash round (\d+) memo (\d+)\.$/;

/** [round, index] from a stored memo, or undefined for any other text. */
export function burstTag(text: string): [number, number] | undefined {
  const m = TAG.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

export interface BurstResult {
  /** index → evaluation id, for every request answered 303. */
  acked: Map<number, number>;
  /** Indexes whose request was on the wire (sent, not answered) when the server died. */
  inFlightAtKill: Set<number>;
  /** Indexes never sent because the server was already dead. */
  notSent: number;
  /** Status codes other than 303 (must stay empty). */
  unexpected: string[];
  ackedAtKill: number;
  killedAtMs: number;
}

/**
 * POSTs `total` memos with `parallel` workers and calls `kill` once `killAfterAcks` requests have been
 * answered plus `jitterMs`. Connection errors after the kill are expected and recorded.
 */
export async function burstWithKill(opts: {
  url: string;
  origin: string;
  round: number;
  total: number;
  parallel: number;
  killAfterAcks: number;
  jitterMs: number;
  kill: () => void;
}): Promise<BurstResult> {
  const res: BurstResult = { acked: new Map(), inFlightAtKill: new Set(), notSent: 0, unexpected: [], ackedAtKill: -1, killedAtMs: -1 };
  const inFlight = new Set<number>();
  const started = performance.now();
  let next = 0;
  let killed = false;
  let killScheduled = false;
  const doKill = () => {
    if (killed) return;
    killed = true;
    res.killedAtMs = Math.round(performance.now() - started);
    res.ackedAtKill = res.acked.size;
    for (const i of inFlight) res.inFlightAtKill.add(i);
    opts.kill();
  };
  const worker = async () => {
    while (next < opts.total) {
      const i = next++;
      if (killed) {
        res.notSent++;
        continue;
      }
      inFlight.add(i);
      try {
        const r = await fetch(`${opts.url}/submissions`, {
          method: 'POST',
          body: new URLSearchParams({ text: burstMemo(opts.round, i) }),
          headers: { origin: opts.origin },
          redirect: 'manual',
          signal: AbortSignal.timeout(15_000),
        });
        await r.arrayBuffer();
        if (r.status === 303) res.acked.set(i, Number((r.headers.get('location') ?? '').split('/').pop()));
        else res.unexpected.push(`${i}: ${r.status}`);
      } catch {
        // The server died with this request on the wire.
        if (!killed) res.unexpected.push(`${i}: connection error before the kill`);
      } finally {
        inFlight.delete(i);
      }
      if (!killScheduled && res.acked.size >= opts.killAfterAcks) {
        killScheduled = true;
        setTimeout(doKill, opts.jitterMs);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.parallel }, worker));
  if (!killed) doKill(); // every request was answered before the kill fired
  return res;
}
