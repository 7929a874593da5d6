import { budgetSummary } from '../../../llm/budget.ts';
import type { UsageReport } from '../../../llm/usage-report.ts';
import { Stat } from './stat.tsx';

const usd = (n: number) => `$${n.toFixed(2)}`;

/** Spend against the daily and monthly budget, the cache hit rate, and a notice when the budget or the cache needs attention. */
export function LlmSpend({ usage: u }: { usage: UsageReport }) {
  return (
    <>
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
        <Stat label="Today" value={`${usd(u.today.costUsd)} of ${usd(u.budget.dailyUsd)}`} />
        <Stat label="This month" value={`${usd(u.month.costUsd)} of ${usd(u.budget.monthlyUsd)}`} />
        <Stat label="Last 7 days" value={usd(u.week.costUsd)} />
        <Stat label="Cache hit rate (7 days)" value={u.cacheHitRate === undefined ? '–' : `${Math.round(u.cacheHitRate * 100)}%`} />
      </dl>
    </>
  );
}
