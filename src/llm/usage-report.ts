import type { Db } from '../db/client.ts';
import type { LlmConfig } from '../config/schemas.ts';
import { attemptTotalsSince, recentCacheUse, type AttemptTotals } from '../db/queries/attempts.ts';
import { budgetFromSpend, budgetPeriods, type BudgetState } from './budget.ts';
import { DAY } from '../time.ts';

/** Answered calls looked at for the caching warning. */
const CACHE_WINDOW = 10;

/** LLM spend and cache health for the admin dashboard, from the stored attempts (costs as charged). */
export interface UsageReport {
  today: AttemptTotals;
  month: AttemptTotals;
  week: AttemptTotals;
  /** Share of prompt tokens read from the cache in the last 7 days (0-1); undefined without calls. */
  cacheHitRate: number | undefined;
  /** Set when the system prompt should be cached but isn't. */
  cacheWarning: string | undefined;
  budget: BudgetState;
}

/** Today and this month start at 00:00 UTC, as the budgets' periods do. */
export function usageReport(db: Db, now: number, llm: Pick<LlmConfig, 'prompt_caching' | 'budget'>): UsageReport {
  const p = budgetPeriods(now);
  const week = attemptTotalsSince(db, now - 7 * DAY);
  const today = attemptTotalsSince(db, p.dayStart);
  const month = attemptTotalsSince(db, p.monthStart);
  const prompt = week.inputTokens + week.cacheReadTokens + week.cacheWriteTokens;
  return {
    today,
    month,
    week,
    cacheHitRate: prompt > 0 ? week.cacheReadTokens / prompt : undefined,
    cacheWarning: cacheWarning(db, llm.prompt_caching),
    budget: budgetFromSpend(llm.budget, now, today.costUsd, month.costUsd),
  };
}

function cacheWarning(db: Db, promptCaching: boolean): string | undefined {
  if (!promptCaching) return 'Prompt caching is off in llm.yaml: every call pays full price for the rubric and instructions.';
  const recent = recentCacheUse(db, CACHE_WINDOW);
  if (recent.calls < 3 || recent.cacheRead > 0) return undefined;
  const why = recent.cacheWrite > 0 ? 'each call writes the cache but none reads it (is the system prompt changing between calls?)' : 'nothing was cached (the system prompt may be shorter than the model\'s minimum cacheable length)';
  return `The prompt is not being cached: in the last ${recent.calls} calls ${why}.`;
}
