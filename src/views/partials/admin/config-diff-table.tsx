import type { DiffLine, DiffSkip } from '../../../text/diff.ts';
import { ConfigDiffRow } from './config-diff-row.tsx';

export interface ConfigDiffTableProps {
  /** What the diff compares, e.g. "Changes from v2 to v3". */
  label: string;
  lines: (DiffLine | DiffSkip)[];
}

/** A line diff: old and new line numbers, a +/- marker (colour is only a second cue), the text. */
export function ConfigDiffTable({ label, lines }: ConfigDiffTableProps) {
  return (
    <div class="table-wrap">
      <table class="data-table diff-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col" class="num">
              Old line
            </th>
            <th scope="col" class="num">
              New line
            </th>
            <th scope="col">Change</th>
            <th scope="col">Text</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <ConfigDiffRow line={l} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
