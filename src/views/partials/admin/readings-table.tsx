import type { ReadingsSpread } from '../../../evaluations/spread.ts';
import { ReadingsRow } from './readings-row.tsx';

export interface ReadingsTableProps {
  spread: ReadingsSpread;
  /** Criterion id → name, from the stored result. */
  names: Record<string, string>;
}

/** llm.yaml samples > 1: each criterion's score in every reading, the median the result uses, range and sd. */
export function ReadingsTable({ spread, names }: ReadingsTableProps) {
  const readings = Array.from({ length: spread.readings }, (_, i) => i);
  return (
    <>
      <p>
        The memo was read {spread.readings} times; each criterion's score is the median of the {spread.used.length} readings that gave a result.
      </p>
      {spread.failed.length ? (
        <ul class="readings-failed">
          {spread.failed.map((f) => (
            <li>
              Reading {f.reading + 1} failed (<code>{f.kind}</code>): {f.message}
            </li>
          ))}
        </ul>
      ) : null}
      <div class="table-wrap">
        <table class="data-table">
          <caption>Readings ({spread.readings})</caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              {readings.map((i) => (
                <th scope="col" class="num">
                  Reading {i + 1}
                </th>
              ))}
              <th scope="col" class="num">Median used</th>
              <th scope="col" class="num">Range</th>
              <th scope="col" class="num">SD</th>
            </tr>
          </thead>
          <tbody>
            {spread.criteria.map((c) => (
              <ReadingsRow criterion={c} name={names[c.id] ?? c.id} readings={readings} used={spread.used} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
