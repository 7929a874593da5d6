import { expect } from 'vitest';
import type { ConfigStore } from '../../src/config-versions/store.ts';
import type { Db } from '../../src/db/client.ts';
import { defaultAssignment } from '../../src/db/queries/assignments.ts';
import { findConfigVersion } from '../../src/db/queries/config-versions.ts';
import { calibrationRuns, type CalibrationRun } from '../../src/db/schema.ts';
import type { Client } from './app.ts';

// Calibration runs as the runner (src/calibration/run.ts) leaves them, written directly so tests of
// the publish gate don't depend on running one. Only the columns the gate and the draft page read vary.

export interface RunFixture {
  /** The draft the run tested (`{ name: 'prompt', version: 3 }`); absent: the published config in force. */
  draft?: { name: 'rubric' | 'prompt' | 'llm'; version: number };
  hitRate: number | null;
  status?: CalibrationRun['status'];
  anchorsHash?: string;
  /** Config hashes used; default: those in force, with the draft's hash in its place. */
  versions?: { rubric: string; prompt: string; llm: string };
  meanDistance?: number;
  meanSpread?: number;
  worstSpread?: number;
  costUsd?: number;
  samples?: number;
  /** Default: the default assignment (memo). */
  assignmentId?: number;
  /** Who read the anchors; default the provider and model in force (as the runner would). */
  provider?: string;
  model?: string;
}

/** Inserts one calibration run; returns its id. */
export function insertCalibrationRun(db: Db, store: ConfigStore, f: RunFixture): number {
  const live = store.current.versions;
  const draftHash = f.draft ? findConfigVersion(db, f.draft.name, f.draft.version)!.hash : undefined;
  const versions = f.versions ?? { rubric: live.rubric, prompt: live.prompt, llm: live.llm, ...(f.draft ? { [f.draft.name]: draftHash } : {}) };
  const src = store.current.sources;
  const status = f.status ?? 'done';
  const samples = f.samples ?? 3;
  const now = Date.now();
  return db
    .insert(calibrationRuns)
    .values({
      assignmentId: f.assignmentId ?? defaultAssignment(db).id,
      status,
      samples,
      provider: f.provider ?? store.current.provider.name,
      model: f.model ?? store.current.provider.model,
      rubricVersion: versions.rubric,
      promptVersion: versions.prompt,
      llmVersion: versions.llm,
      rubricSource: f.draft?.name === 'rubric' ? f.draft.version : src.rubric,
      promptSource: f.draft?.name === 'prompt' ? f.draft.version : src.prompt,
      llmSource: f.draft?.name === 'llm' ? f.draft.version : src.llm,
      draftName: f.draft?.name ?? null,
      draftVersion: f.draft?.version ?? null,
      anchorsJson: '[]',
      anchorsHash: f.anchorsHash ?? 'anchors-1',
      readingsTotal: 6 * samples,
      readingsDone: status === 'done' ? 6 * samples : 2,
      hitRate: f.hitRate,
      meanDistance: f.meanDistance ?? 0.2,
      meanSpread: f.meanSpread ?? 0.3,
      worstSpread: f.worstSpread ?? 1,
      costUsd: f.costUsd ?? 0.12,
      startedByName: 'bo-admin',
      createdAt: now,
      finishedAt: status === 'done' || status === 'failed' ? now : null,
    })
    .returning({ id: calibrationRuns.id })
    .get().id;
}

/** Publishes a draft through the gate, as an admin would after calibrating: equal runs of the published config and the draft, then POST publish. */
export async function publishCalibrated(t: { db: Db; config: ConfigStore }, admin: Client, name: 'rubric' | 'prompt' | 'llm', version: number): Promise<void> {
  insertCalibrationRun(t.db, t.config, { hitRate: 0.8 });
  insertCalibrationRun(t.db, t.config, { draft: { name, version }, hitRate: 0.8 });
  const res = await admin.post(`/admin/config/${name}/drafts/${version}/publish`);
  expect(res.status).toBe(303);
}

/** Saves YAML as a draft from the editor and publishes it through the gate; returns the draft's version number. */
export async function saveAndPublish(t: { db: Db; config: ConfigStore }, admin: Client, name: 'rubric' | 'prompt' | 'llm', yaml: string, note: string): Promise<number> {
  const res = await admin.post(`/admin/config/${name}`, { yaml, note });
  expect(res.status).toBe(303);
  const version = Number(/\/drafts\/(\d+)$/.exec(res.headers.get('location') ?? '')?.[1]);
  expect(version).toBeGreaterThan(0);
  await publishCalibrated(t, admin, name, version);
  return version;
}
