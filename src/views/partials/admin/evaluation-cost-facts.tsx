import type { AdminEvaluationDetail } from '../../../db/queries/admin-evaluations.ts';
import { formatInt } from '../../format.ts';
import { FactsList } from './facts-list.tsx';

const count = (n: number | null) => (n === null ? '–' : formatInt(n));

/** An evaluation's tokens by kind and its cost, summed over all its attempts. */
export function EvaluationCostFacts({ ev }: { ev: AdminEvaluationDetail }) {
  return (
    <FactsList
      items={[
        ['Input tokens', count(ev.inputTokens)],
        ['Output tokens (thinking included)', count(ev.outputTokens)],
        ['Thinking tokens', count(ev.thinkingTokens)],
        ['Cache hits (cache read tokens)', count(ev.cacheReadTokens)],
        ['Cache write tokens', count(ev.cacheWriteTokens)],
        ['Cost (each attempt at its price when made)', ev.costUsd === null ? 'not recorded' : `$${ev.costUsd.toFixed(4)}`],
      ]}
    />
  );
}
