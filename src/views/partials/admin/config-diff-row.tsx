import type { DiffLine, DiffSkip } from '../../../text/diff.ts';
import { plural } from '../../format.ts';

const MARK = { same: ' ', add: '+', del: '-' } as const;
const SPOKEN = { same: 'unchanged', add: 'added', del: 'removed' } as const;

/** One diff line: old and new line numbers, a +/- marker (colour is only a second cue), the text; or a run of unchanged lines left out. */
export function ConfigDiffRow({ line: l }: { line: DiffLine | DiffSkip }) {
  if (l.kind === 'skip') {
    return (
      <tr class="diff-skip">
        <td colspan={4}>… {plural(l.count, 'unchanged line', 'unchanged lines')} …</td>
      </tr>
    );
  }
  return (
    <tr class={l.kind === 'same' ? undefined : `diff-${l.kind}`}>
      <td class="num">{l.oldLine ?? ''}</td>
      <td class="num">{l.newLine ?? ''}</td>
      <td class="diff-mark">
        <span aria-hidden="true">{MARK[l.kind]}</span>
        <span class="visually-hidden">{SPOKEN[l.kind]}</span>
      </td>
      <td class="diff-text">{l.text}</td>
    </tr>
  );
}
