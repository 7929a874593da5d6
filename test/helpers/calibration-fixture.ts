import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';

/** Anchor memos for tests: one strong, one weak, one in between, with expected ranges of varying width. */
export const TEST_ANCHORS = [
  {
    id: 'strong-ask',
    title: 'A clear, costed ask',
    tags: ['strong'],
    memo: `TO: Priya Shah, Finance Director
FROM: Leo Martins, Customer Support
RE: Approve $18,000 for a help-desk chatbot pilot

I recommend we approve $18,000 for a three-month chatbot pilot on our help desk, starting May 1.
Half of our 2,400 monthly tickets are password resets; the vendor's customers cut those by 60%.
At 8 minutes per ticket that frees 96 staff hours a month, worth about $4,300 at our loaded rate.
The main risk is wrong answers; every chat offers a human hand-off, and we stop if satisfaction drops.
Please decide by April 15 so we can sign the vendor's pilot terms.
`,
    expected: { overall: [3, 5], criteria: { the_ask: [3, 5], evidence: [3, 5] } },
  },
  {
    id: 'vague-note',
    title: 'A vague note with no ask',
    tags: ['weak'],
    memo: `hi all, just some thoughts on things. we should maybe think about doing stuff differently going forward. it would be good. let me know what you think about it whenever.
`,
    expected: { overall: [1, 2], criteria: { the_ask: [1, 2], clarity: [1, 3] } },
  },
  {
    id: 'narrow-miss',
    title: 'An ordinary memo with a deliberately narrow range',
    tags: ['edge'],
    memo: `TO: Operations team
RE: New parking rules

Starting next month we will assign parking spaces by seniority. This should reduce the morning
arguments in the lot. Please send questions to facilities.
`,
    expected: { overall: [5, 5], criteria: { structure: [5, 5] } },
  },
] as const;

/** A copy of config/ whose `anchors/*.yaml` are the given ones instead of the shipped (and llm.yaml replaced when given); remove() deletes it. */
export function configWithAnchors(opts: { anchors?: readonly object[]; llmYaml?: string } = {}): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'memoai-calib-config-'));
  cpSync(join(import.meta.dirname, '../../config'), dir, { recursive: true });
  // The test's anchors replace the shipped ones, so each test knows exactly what a run measures.
  rmSync(join(dir, 'anchors'), { recursive: true, force: true });
  mkdirSync(join(dir, 'anchors'), { recursive: true });
  for (const a of opts.anchors ?? TEST_ANCHORS) writeFileSync(join(dir, 'anchors', `${(a as { id: string }).id}.yaml`), dump(a));
  if (opts.llmYaml !== undefined) writeFileSync(join(dir, 'llm.yaml'), opts.llmYaml);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
