import { evaluationStatsSince, queueDepth } from '../../db/queries/dashboard.ts';
import { wantsJson, type Ctx } from '../../http/context.ts';
import { pageContext } from '../../http/page-context.ts';
import { renderPage } from '../../http/render.ts';
import { estimateCost } from '../../llm/cost.ts';
import { DashboardPage } from '../../views/admin/dashboard.tsx';

const DAY = 86_400_000;

/** GET /admin — the dashboard (also JSON). */
export function showDashboard(c: Ctx) {
  const { db, now, config } = c.var.deps;
  const t = now();
  const today = evaluationStatsSince(db, t - (t % DAY));
  const week = evaluationStatsSince(db, t - 7 * DAY);
  const weekCostUsd = estimateCost(config.current.files.llm.prices, week);
  const queue = queueDepth(db);
  const provider = { name: config.current.provider.name, model: config.current.provider.model };
  const health = [
    { name: 'Database', ok: true, detail: 'reachable' },
    { name: 'Configuration', ok: true, detail: `rubric ${config.current.versions.rubric}` },
  ];
  if (wantsJson(c)) return c.json({ today, week, weekCostUsd, queue, provider });
  return renderPage(c, <DashboardPage ctx={pageContext(c)} today={today} week={week} weekCostUsd={weekCostUsd} queue={queue} provider={provider} lastBackup="no backups yet" health={health} />);
}
