// Runs one autocannon measurement in its own process (never in the server's) and prints the result
// as one JSON line. Usage: node bench/load.mjs '{"url": "...", "duration": 10, ...}'
import autocannon from 'autocannon';

const opts = JSON.parse(process.argv[2] ?? '{}');
const result = await autocannon({ connections: 10, pipelining: 1, duration: 10, ...opts });
const pick = (h) => ({ average: h.average, p50: h.p50, p90: h.p90, p99: h.p99, max: h.max });
process.stdout.write(
  `${JSON.stringify({
    url: opts.url,
    method: opts.method ?? 'GET',
    duration: result.duration,
    requests: { average: result.requests.average, total: result.requests.total },
    latency: pick(result.latency),
    statusCodeStats: result.statusCodeStats,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  })}\n`,
);
