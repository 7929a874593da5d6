import type { DashboardStats } from '../../../db/queries/dashboard.ts';
import type { PageContext } from '../../../http/page-context.ts';
import { budgetSummary } from '../../../llm/budget.ts';
import type { UsageReport } from '../../../llm/usage-report.ts';
import { formatDuration, formatInt } from '../../format.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';

export interface DashboardProps {
  ctx: PageContext;
  today: DashboardStats;
  week: DashboardStats;
  usage: UsageReport;
  queue: { queued: number; running: number };
  provider: { name: string; model: string };
  lastBackup: string;
  health: { name: string; ok: boolean; detail: string }[];
}

const usd = (n: number) => `$${n.toFixed(2)}`;

/** GET /admin: activity, usage and cost, queue and health at a glance. */
export function DashboardPage(p: DashboardProps) {
  const stat = (label: string, value: string) => (
    <div class="stat">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  const u = p.usage;
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
      <h2>LLM spend</h2>
      {u.budget.over ? (
        <p class="notice error-notice" role="status">
          {budgetSummary(u.budget)}. Raise <code>budget</code> in <a href="/admin/config/llm">llm.yaml</a> to resume.
        </p>
      ) : null}
      {u.cacheWarning ? (
        <p class="notice demo-notice" role="status">
          {u.cacheWarning}
        </p>
      ) : null}
      <dl class="stats">
        {stat('Today', `${usd(u.today.costUsd)} of ${usd(u.budget.dailyUsd)}`)}
        {stat('This month', `${usd(u.month.costUsd)} of ${usd(u.budget.monthlyUsd)}`)}
        {stat('Last 7 days', usd(u.week.costUsd))}
        {stat('Cache hit rate (7 days)', u.cacheHitRate === undefined ? '–' : `${Math.round(u.cacheHitRate * 100)}%`)}
      </dl>
      <h2>LLM tokens (7 days)</h2>
      <dl class="stats">
        {stat('Calls', formatInt(u.week.attempts))}
        {stat('Input', formatInt(u.week.inputTokens))}
        {stat('Output', formatInt(u.week.outputTokens))}
        {stat('of which thinking', formatInt(u.week.thinkingTokens))}
        {stat('Cache reads', formatInt(u.week.cacheReadTokens))}
        {stat('Cache writes', formatInt(u.week.cacheWriteTokens))}
      </dl>
      <p class="hint">
        Provider: {p.provider.name} ({p.provider.model}). Each call is priced when it is made, at the llm.yaml price of its model; days and months are UTC.
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
