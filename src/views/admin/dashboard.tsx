import type { DashboardStats } from '../../db/queries/dashboard.ts';
import type { PageContext } from '../../http/page-context.ts';
import { formatDuration, formatInt } from '../format.ts';
import { AdminPage } from '../layouts/admin-page.tsx';

export interface DashboardProps {
  ctx: PageContext;
  today: DashboardStats;
  week: DashboardStats;
  weekCostUsd: number;
  queue: { queued: number; running: number };
  provider: { name: string; model: string };
  lastBackup: string;
  health: { name: string; ok: boolean; detail: string }[];
}

/** GET /admin: activity, usage and cost, queue and health at a glance. */
export function DashboardPage(p: DashboardProps) {
  const stat = (label: string, value: string) => (
    <div class="stat">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <AdminPage title="Dashboard" ctx={p.ctx} section="/admin">
      <h1>Dashboard</h1>
      <h2>Evaluations</h2>
      <dl class="stats">
        {stat('Today', formatInt(p.today.created))}
        {stat('Last 7 days', formatInt(p.week.created))}
        {stat('Failed (7 days)', formatInt(p.week.failed))}
        {stat('Average duration (7 days)', p.week.avgDurationMs == null ? '–' : formatDuration(p.week.avgDurationMs))}
        {stat('Queued now', formatInt(p.queue.queued))}
        {stat('Running now', formatInt(p.queue.running))}
      </dl>
      <h2>LLM usage (7 days)</h2>
      <dl class="stats">
        {stat('Input tokens', formatInt(p.week.inputTokens))}
        {stat('Output tokens', formatInt(p.week.outputTokens))}
        {stat('Cache reads', formatInt(p.week.cacheReadTokens))}
        {stat('Cache writes', formatInt(p.week.cacheWriteTokens))}
        {stat('Estimated cost', `$${p.weekCostUsd.toFixed(2)}`)}
      </dl>
      <p class="hint">
        Provider: {p.provider.name} ({p.provider.model}). Cost uses the prices in llm.yaml.
      </p>
      <h2>Health</h2>
      <ul>
        {p.health.map((h) => (
          <li>
            <strong>{h.name}:</strong> {h.ok ? 'ok' : 'failing'} {h.detail ? `(${h.detail})` : ''}
          </li>
        ))}
        <li>
          <strong>Last backup:</strong> {p.lastBackup}
        </li>
      </ul>
    </AdminPage>
  );
}
