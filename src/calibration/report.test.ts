import { describe, expect, it } from 'vitest';
import { calibrationReport, distanceOutside, OVERALL } from './report.ts';
import type { RubricShape, SnapshotAnchor } from './snapshot.ts';

const rubric: RubricShape = {
  scale: { min: 1, max: 5 },
  criteria: [
    { id: 'clarity', name: 'Clarity', weight: 1 },
    { id: 'evidence', name: 'Evidence', weight: 1 },
  ],
};

const anchor = (id: string, overall: [number, number], criteria: Record<string, [number, number]>): SnapshotAnchor => ({ id, title: id, tags: [], version: 0, expected: { overall, criteria } });
const reading = (anchorId: string, clarity: number, evidence: number, costUsd = 0.01) => ({ anchorId, scores: { clarity, evidence }, overall: (clarity + evidence) / 2, costUsd });
const failed = (anchorId: string) => ({ anchorId, scores: null, overall: null, costUsd: 0.002 });

describe('calibrationReport', () => {
  it('gives the gap to the nearest bound, 0 inside', () => {
    expect(distanceOutside(3, [2, 4])).toBe(0);
    expect(distanceOutside(1, [2, 4])).toBe(1);
    expect(distanceOutside(4.5, [2, 4])).toBe(0.5);
  });

  it('computes medians, ranges, population sd, hit rate, distances and cost by hand', () => {
    const anchors = [anchor('strong', [4, 5], { clarity: [4, 5], evidence: [4, 5] }), anchor('weak', [1, 2], { clarity: [1, 2] }), anchor('broken', [2, 3], { evidence: [2, 3] })];
    const readings = [
      reading('strong', 5, 3), reading('strong', 4, 3), reading('strong', 5, 5),
      reading('weak', 3, 1), reading('weak', 1, 1), reading('weak', 2, 2),
      failed('broken'), failed('broken'),
    ];
    const r = calibrationReport(anchors, readings, rubric);
    const [strong, weak, broken] = r.anchors;
    // strong: clarity 5,4,5 → median 5, range 1, sd = sqrt(((1/3)²·2 + (2/3)²)/3) = sqrt(2/9)
    const clarity = strong!.checks.find((c) => c.key === 'clarity')!;
    expect(clarity.median).toBe(5);
    expect(clarity.inRange).toBe(true);
    expect(clarity.spread!.range).toBe(1);
    expect(clarity.spread!.sd).toBeCloseTo(Math.sqrt(2 / 9), 12);
    // strong: evidence 3,3,5 → median 3, outside [4,5] by 1, range 2
    const evidence = strong!.checks.find((c) => c.key === 'evidence')!;
    expect([evidence.median, evidence.inRange, evidence.distance, evidence.spread!.range]).toEqual([3, false, 1, 2]);
    // strong overall: 4, 3.5, 5 → median 4, in [4,5]
    expect(strong!.checks.find((c) => c.key === OVERALL)!.median).toBe(4);
    // weak: clarity 3,1,2 → median 2, in [1,2]; evidence has no range (not a check); overall 2,1,2 → 2 in [1,2]
    expect(weak!.checks.find((c) => c.key === 'evidence')!.inRange).toBeNull();
    expect(weak!.checks.find((c) => c.key === OVERALL)!.inRange).toBe(true);
    // broken: no reading → both its checks (evidence, overall) are misses without a distance
    expect(broken!.readingsOk).toBe(0);
    expect(broken!.readingsFailed).toBe(2);
    expect(broken!.checks.filter((c) => c.expected).map((c) => c.inRange)).toEqual([false, false]);
    // checks: strong 3, weak 2, broken 2 = 7; hits: strong clarity+overall, weak clarity+overall = 4
    expect(r.totals.checks).toBe(7);
    expect(r.totals.hits).toBe(4);
    expect(r.totals.hitRate).toBeCloseTo(4 / 7, 12);
    // the only missed check with a median is strong/evidence (gap 1)
    expect(r.totals.meanDistance).toBe(1);
    // ranges over (anchor, criterion) pairs with readings: strong 1, 2; weak 2, 1 → mean 1.5, worst 2 (strong/evidence first)
    expect(r.totals.meanSpread).toBe(1.5);
    expect(r.totals.worstSpread).toEqual({ range: 2, anchorId: 'strong', criterion: 'evidence' });
    expect(r.totals.costUsd).toBeCloseTo(6 * 0.01 + 2 * 0.002, 12);
    expect(r.totals.readingsFailed).toBe(2);
  });

  it('uses the usual median for an even count and measures the gap from it', () => {
    const r = calibrationReport([anchor('a', [1, 2], { clarity: [1, 2] })], [reading('a', 3, 3), reading('a', 4, 4)], rubric);
    const c = r.anchors[0]!.checks[0]!;
    expect(c.median).toBe(3.5);
    expect(c.distance).toBe(1.5);
    expect(r.totals.hitRate).toBe(0);
    expect(r.totals.meanDistance).toBe(1.5);
  });
});
