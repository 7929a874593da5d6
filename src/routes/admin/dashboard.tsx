import { evaluationStatsSince, queueDepth } from '../../db/queries/dashboard.ts';
import { latestSuccessfulJobRun } from '../../db/queries/job-runs.ts';
import { checkHealth } from '../../health.ts';
import { BACKUP_JOB } from '../../jobs/backup.ts';
import { formatDate } from '../../views/format.ts';
import { wantsJson, type Ctx } from '../../http/context.ts';
import { pageContext } from '../../http/page-context.ts';
import { renderPage } from '../../http/render.ts';
import { usageReport } from '../../llm/usage-report.ts';
import { DashboardPage } from '../../views/pages/admin/dashboard-page.tsx';
import { DAY } from '../../time.ts';

/** GET /admin — the dashboard (also JSON); instructors start at their assignments instead. */
export function showDashboard(c: Ctx) {
  if (c.var.user?.role === 'instructor') return c.redirect('/admin/assignments', 303);
  const { db, now, config } = c.var.deps;
  const t = now();
  const today = evaluationStatsSince(db, t - (t % DAY));
  const week = evaluationStatsSince(db, t - 7 * DAY);
  const usage = usageReport(db, t, config.current.files.llm);
  const queue = queueDepth(db);
  const provider = { name: config.current.provider.name, model: config.current.provider.model };
  const health = Object.entries(checkHealth(db, config, c.var.deps.gate, now()).checks).map(([name, check]) => ({ name, ...check }));
  const backup = latestSuccessfulJobRun(db, BACKUP_JOB);
  const lastBackup = backup?.finishedAt ? formatDate(backup.finishedAt) : 'no backup yet';
  if (wantsJson(c)) return c.json({ today, week, usage, queue, provider, lastBackup, health });
  return renderPage(c, <DashboardPage ctx={pageContext(c)} today={today} week={week} usage={usage} queue={queue} provider={provider} lastBackup={lastBackup} health={health} />);
}
