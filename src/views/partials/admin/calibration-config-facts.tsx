import type { CalibrationRun } from '../../../db/schema.ts';
import { formatDate } from '../../format.ts';
import { FactsList } from './facts-list.tsx';

/** One config of the run: its hash, where it came from (linked), and whether it is the draft under test. */
function source(run: CalibrationRun, name: 'rubric' | 'prompt' | 'llm', hash: string, n: number) {
  const draft = run.draftName === name;
  const label = `${draft ? 'draft ' : ''}v${n}${n === 0 ? ' (shipped file)' : ''}`;
  return (
    <>
      {n === 0 ? label : <a href={`/admin/config/${name}/versions/${n}`}>{label}</a>} · <code>{hash}</code>
      {draft ? <strong> (draft under test)</strong> : null}
    </>
  );
}

/** What the run was pinned to: config versions, provider and model, anchors, who started it. */
export function CalibrationConfigFacts({ run, assignment }: { run: CalibrationRun; assignment: { id: number; title: string } }) {
  return (
    <FactsList
      items={[
        ['Assignment', <a href={`/admin/assignments/${assignment.id}`}>{assignment.title}</a>],
        ['Rubric', source(run, 'rubric', run.rubricVersion, run.rubricSource)],
        ['Prompt', source(run, 'prompt', run.promptVersion, run.promptSource)],
        ['LLM settings', source(run, 'llm', run.llmVersion, run.llmSource)],
        ['Provider', `${run.provider === 'demo' ? 'demo evaluator (offline)' : run.provider} · ${run.model}${run.effort ? ` · effort ${run.effort}` : ''}${run.mode === 'batch' ? ' · Message Batches API (half price)' : ''}`],
        ['Anchors', <code>{run.anchorsHash}</code>],
        ['Readings', `${run.readingsDone} of ${run.readingsTotal} (${run.samples} per anchor)`],
        ['Started', `${run.startedByName}, ${formatDate(run.createdAt)}`],
      ]}
    />
  );
}
