import type { I18n } from '../../i18n/index.ts';
import type { Segment } from '../../llm/evaluate.ts';

/** The memo as written, with each anchored segment highlighted and numbered to its note. */
export function MemoText({ memo, segments, i18n }: { memo: string; segments: Segment[]; i18n: I18n }) {
  const anchored = segments
    .map((s, i) => ({ s, n: i + 1 }))
    .filter((x) => x.s.anchored && x.s.start !== undefined && x.s.end !== undefined)
    .sort((a, b) => a.s.start! - b.s.start!);
  const parts: unknown[] = [];
  let pos = 0;
  for (const { s, n } of anchored) {
    if (s.start! < pos) continue; // overlapping quote: its note still lists it, unhighlighted
    parts.push(memo.slice(pos, s.start));
    parts.push(
      <mark id={`quote-${n}`}>
        {memo.slice(s.start, s.end)}
        <a class="note-ref" href={`#note-${n}`} aria-label={i18n.t('result.comment', { n })}>
          <sup>{n}</sup>
        </a>
      </mark>,
    );
    pos = s.end!;
  }
  parts.push(memo.slice(pos));
  return <div class="memo-text">{parts}</div>;
}
