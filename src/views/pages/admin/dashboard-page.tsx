import type { DashboardStats } from '../../../db/queries/dashboard.ts';
import type { PageContext } from '../../../http/page-context.ts';
import type { UsageReport } from '../../../llm/usage-report.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import { EvaluationStats } from '../../partials/admin/evaluation-stats.tsx';
import { HealthSummary } from '../../partials/admin/health-summary.tsx';
import { LlmSpend } from '../../partials/admin/llm-spend.tsx';
import { LlmTokens } from '../../partials/admin/llm-tokens.tsx';

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

/** GET /admin: activity, usage and cost, queue and health at a glance. */
export function DashboardPage(p: DashboardProps) {
  return (
    <AdminPage title="Dashboard" ctx={p.ctx} section="/admin">
      <h1>Dashboard</h1>
      <h2>Evaluations</h2>
      <EvaluationStats today={p.today} week={p.week} queue={p.queue} />
      <h2>LLM spend</h2>
      <LlmSpend usage={p.usage} />
      <h2>LLM tokens (7 days)</h2>
      <LlmTokens week={p.usage.week} />
      <p class="hint">
        Provider: {p.provider.name} ({p.provider.model}). Each call is priced when it is made, at the llm.yaml price of its model; days and months are UTC.
      </p>
      <h2>Health</h2>
      <HealthSummary health={p.health} lastBackup={p.lastBackup} />
    </AdminPage>
  );
}
