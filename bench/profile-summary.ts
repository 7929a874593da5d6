import { readFileSync } from 'node:fs';

// Summarises a V8 .cpuprofile (node --cpu-prof): self time per function, the top `n` as a Markdown table.
// Usage on its own: npx tsx bench/profile-summary.ts FILE.cpuprofile [n]

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives, short: the package or the file under src/. */
function place(url: string, line: number): string {
  if (!url) return '';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  const tail = pkg ? `${pkg[1]}/${pkg[2]!.split('/').pop()}` : url.replace(/^.*\/(src|dist)\//, '$1/').replace(/^node:/, 'node:');
  return `${tail}:${line + 1}`;
}

const label = (node: ProfileNode) => `${node.callFrame.functionName || '(anonymous)'} ${place(node.callFrame.url, node.callFrame.lineNumber)}`.trim();

/** Self and total (inclusive) time per function, and busy time (idle apart), in µs. */
function times(p: Profile): { self: Map<string, number>; total: Map<string, number>; busy: number; all: number } {
  const byId = new Map(p.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of p.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  let idle = 0;
  p.samples.forEach((id, i) => {
    const us = p.timeDeltas[i] ?? 0;
    all += us;
    if (byId.get(id)!.callFrame.functionName === '(idle)') return void (idle += us);
    self.set(label(byId.get(id)!), (self.get(label(byId.get(id)!)) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(label(byId.get(at)!));
    for (const k of seen) total.set(k, (total.get(k) ?? 0) + us);
  });
  return { self, total, busy: all - idle, all };
}

function table(title: string, m: Map<string, number>, busy: number, n: number, only: (k: string) => boolean = () => true): string[] {
  const rows = [...m.entries()].filter(([k]) => only(k)).sort((a, b) => b[1] - a[1]).slice(0, n);
  return ['', `| ${title} | ms | share of busy |`, '|---|---:|---:|', ...rows.map(([k, us]) => `| ${k.replace(/\|/g, '\\|')} | ${(us / 1000).toFixed(0)} | ${((100 * us) / busy).toFixed(1)} % |`)];
}

/** The `n` functions with most self time, and the `n` of the app's own (src/) with most total time; shares of busy time. */
export function summariseProfile(file: string, n = 15): string {
  const { self, total, busy, all } = times(JSON.parse(readFileSync(file, 'utf8')) as Profile);
  const ours = (k: string) => / src\//.test(k);
  return [`busy ${(busy / 1000).toFixed(0)} ms of ${(all / 1000).toFixed(0)} ms`, ...table('function (self time)', self, busy, n), ...table('src/ function (total time)', total, busy, n, ours)].join('\n');
}

if (process.argv[1]?.endsWith('profile-summary.ts')) {
  process.stdout.write(`${summariseProfile(process.argv[2]!, Number(process.argv[3] ?? 25))}\n`);
}
