import type { DiffLine, DiffSkip } from '../../../config/diff.ts';
import { plural } from '../../format.ts';

export interface ConfigDiffTableProps {
  /** What the diff compares, e.g. "Changes from v2 to v3". */
  label: string;
  lines: (DiffLine | DiffSkip)[];
}

const MARK = { same: ' ', add: '+', del: '-' } as const;
const SPOKEN = { same: 'unchanged', add: 'added', del: 'removed' } as const;

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
          {lines.map((l) =>
            l.kind === 'skip' ? (
              <tr class="diff-skip">
                <td colspan={4}>… {plural(l.count, 'unchanged line', 'unchanged lines')} …</td>
              </tr>
            ) : (
              <tr class={l.kind === 'same' ? undefined : `diff-${l.kind}`}>
                <td class="num">{l.oldLine ?? ''}</td>
                <td class="num">{l.newLine ?? ''}</td>
                <td class="diff-mark">
                  <span aria-hidden="true">{MARK[l.kind]}</span>
                  <span class="visually-hidden">{SPOKEN[l.kind]}</span>
                </td>
                <td class="diff-text">{l.text}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
