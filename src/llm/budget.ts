import type { LlmConfig } from '../config/schemas.ts';
import type { Db } from '../db/client.ts';
import { spendSince } from '../db/queries/attempts.ts';
import { DAY } from '../time.ts';

/** Spend so far against the llm.yaml budgets; `over` names the budget that is used up, if any. */
export interface BudgetState {
  todayUsd: number;
  monthUsd: number;
  dailyUsd: number;
  monthlyUsd: number;
  whenExceeded: LlmConfig['budget']['when_exceeded'];
  over: { period: 'daily' | 'monthly'; spentUsd: number; limitUsd: number; resetsAt: number } | undefined;
}

/** Where the budget periods start and end: 00:00 UTC today and tomorrow, the 1st of this and next month. */
export function budgetPeriods(now: number): { dayStart: number; dayEnd: number; monthStart: number; monthEnd: number } {
  const d = new Date(now);
  const dayStart = now - (now % DAY);
  return { dayStart, dayEnd: dayStart + DAY, monthStart: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), monthEnd: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) };
}

/** Today and this month in UTC, from the stored cost of every attempt (what was charged, not an estimate). */
export function budgetState(db: Db, budget: LlmConfig['budget'], now: number): BudgetState {
  const p = budgetPeriods(now);
  return budgetFromSpend(budget, now, spendSince(db, p.dayStart), spendSince(db, p.monthStart));
}

/** The budget state for spend already summed (the dashboard has the totals at hand). */
export function budgetFromSpend(budget: LlmConfig['budget'], now: number, todayUsd: number, monthUsd: number): BudgetState {
  const p = budgetPeriods(now);
  const base = { todayUsd, monthUsd, dailyUsd: budget.daily_usd, monthlyUsd: budget.monthly_usd, whenExceeded: budget.when_exceeded };
  if (monthUsd >= budget.monthly_usd) return { ...base, over: { period: 'monthly', spentUsd: monthUsd, limitUsd: budget.monthly_usd, resetsAt: p.monthEnd } };
  if (todayUsd >= budget.daily_usd) return { ...base, over: { period: 'daily', spentUsd: todayUsd, limitUsd: budget.daily_usd, resetsAt: p.dayEnd } };
  return { ...base, over: undefined };
}

/** One line for /health and the dashboard. */
export function budgetSummary(s: BudgetState): string {
  const usd = (n: number) => `$${n.toFixed(2)}`;
  const spent = `today ${usd(s.todayUsd)} of ${usd(s.dailyUsd)}, this month ${usd(s.monthUsd)} of ${usd(s.monthlyUsd)}`;
  if (!s.over) return spent;
  const what = s.whenExceeded === 'demo' ? 'new memos go to the demo evaluator' : 'new memos are refused';
  return `${s.over.period} budget reached (${spent}); ${what} until ${new Date(s.over.resetsAt).toISOString()} or until an admin raises it`;
}
