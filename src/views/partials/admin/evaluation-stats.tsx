import type { DashboardStats } from '../../../db/queries/dashboard.ts';
import { formatDuration, formatInt } from '../../format.ts';
import { Stat } from './stat.tsx';

export interface EvaluationStatsProps {
  today: DashboardStats;
  week: DashboardStats;
  queue: { queued: number; running: number };
}

/** Evaluations today and this week, failures, average duration, and what the queue holds now. */
export function EvaluationStats({ today, week, queue }: EvaluationStatsProps) {
  return (
    <dl class="stats">
      <Stat label="Today" value={formatInt(today.created)} />
      <Stat label="Last 7 days" value={formatInt(week.created)} />
      <Stat label="Failed (7 days)" value={formatInt(week.failed)} />
      <Stat label="Average duration (7 days)" value={week.avgDurationMs == null ? '–' : formatDuration(week.avgDurationMs)} />
      <Stat label="Queued now" value={formatInt(queue.queued)} />
      <Stat label="Running now" value={formatInt(queue.running)} />
    </dl>
  );
}
