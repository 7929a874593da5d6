import * as v from 'valibot';

const Range = v.tuple([v.number(), v.number()]);

/** An anchor as a run recorded it: enough to read the run the same way later, without the memo. */
export const SnapshotAnchorSchema = v.object({
  id: v.string(),
  title: v.string(),
  tags: v.array(v.string()),
  version: v.number(),
  expected: v.object({ overall: Range, criteria: v.record(v.string(), Range) }),
});

/** What a run measured against: its anchors, those skipped (and why), and the rubric's scale and criteria. */
export const RunSnapshotSchema = v.object({
  anchors: v.array(SnapshotAnchorSchema),
  skipped: v.array(v.object({ id: v.string(), version: v.number(), reasons: v.array(v.string()) })),
  rubric: v.object({
    scale: v.object({ min: v.number(), max: v.number() }),
    criteria: v.array(v.object({ id: v.string(), name: v.string(), weight: v.number() })),
  }),
});

export type SnapshotAnchor = v.InferOutput<typeof SnapshotAnchorSchema>;
export type RunSnapshot = v.InferOutput<typeof RunSnapshotSchema>;
/** The part of a rubric a report needs. */
export type RubricShape = RunSnapshot['rubric'];

/** The stored anchors_json of a run, checked; undefined when it can't be read. */
export function readRunSnapshot(json: string): RunSnapshot | undefined {
  try {
    const parsed = v.safeParse(RunSnapshotSchema, JSON.parse(json));
    return parsed.success ? parsed.output : undefined;
  } catch {
    return undefined;
  }
}
