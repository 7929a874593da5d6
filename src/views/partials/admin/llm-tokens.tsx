import type { UsageReport } from '../../../llm/usage-report.ts';
import { formatInt } from '../../format.ts';
import { Stat } from './stat.tsx';

/** The week's LLM calls and tokens by kind. */
export function LlmTokens({ week }: { week: UsageReport['week'] }) {
  return (
    <dl class="stats">
      <Stat label="Calls" value={formatInt(week.attempts)} />
      <Stat label="Input" value={formatInt(week.inputTokens)} />
      <Stat label="Output" value={formatInt(week.outputTokens)} />
      <Stat label="of which thinking" value={formatInt(week.thinkingTokens)} />
      <Stat label="Cache reads" value={formatInt(week.cacheReadTokens)} />
      <Stat label="Cache writes" value={formatInt(week.cacheWriteTokens)} />
    </dl>
  );
}
