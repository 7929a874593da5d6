import type { PathKey } from './yaml-source.ts';
import type { LlmConfig, Rubric } from './schemas.ts';
import { priceFor, pricedModels } from '../llm/prices.ts';

/** A rule broken in a schema-valid file, with the path it concerns. */
export interface RuleViolation {
  path: PathKey[];
  message: string;
}

/** Rules the rubric schema alone can't express: sums, uniqueness, coverage of the scale. */
export function rubricRules(r: Rubric): RuleViolation[] {
  const out: RuleViolation[] = [];
  const { min, max } = r.scale;
  if (min >= max) out.push({ path: ['scale', 'max'], message: `must be greater than scale.min (${min})` });
  const levels = range(min, max).map(String);
  checkLevels(r.scale.labels, levels, ['scale', 'labels'], out);

  const sum = r.criteria.reduce((s, c) => s + c.weight, 0);
  if (sum !== 100) out.push({ path: ['criteria'], message: `weights must sum to 100 (they sum to ${sum})` });
  const seen = new Map<string, number>();
  r.criteria.forEach((c, i) => {
    const first = seen.get(c.id);
    if (first !== undefined) out.push({ path: ['criteria', i, 'id'], message: `duplicate id "${c.id}" (also criteria[${first}])` });
    else seen.set(c.id, i);
    checkLevels(c.levels, levels, ['criteria', i, 'levels'], out);
  });

  r.bands.forEach((b, i) => {
    const prev = r.bands[i - 1];
    if (prev && b.min >= prev.min) out.push({ path: ['bands', i, 'min'], message: 'bands must be listed highest first' });
    if (b.min < min || b.min > max) out.push({ path: ['bands', i, 'min'], message: `must lie within the scale (${min}-${max})` });
  });
  const lowest = r.bands[r.bands.length - 1];
  if (lowest && lowest.min > min) out.push({ path: ['bands', r.bands.length - 1, 'min'], message: `the lowest band must start at the scale minimum (${min})` });
  return out;
}

function checkLevels(obj: Record<string, string>, levels: string[], path: PathKey[], out: RuleViolation[]) {
  for (const l of levels) if (!(l in obj)) out.push({ path, message: `missing level ${l}` });
  for (const k of Object.keys(obj)) if (!levels.includes(k)) out.push({ path: [...path, k], message: `level ${k} is outside the scale` });
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

/** Rules for llm.yaml: every call must be costed, so the model needs a price; backoff must make sense. */
export function llmRules(l: LlmConfig): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (!priceFor(l, l.model)) out.push({ path: ['model'], message: `no price for "${l.model}": add it under prices, or use one of ${pricedModels(l).join(', ')}` });
  if (l.backoff.max_seconds < l.backoff.initial_seconds) out.push({ path: ['backoff', 'max_seconds'], message: 'must be at least initial_seconds' });
  return out;
}
