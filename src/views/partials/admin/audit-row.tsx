import type { AuditEntry } from '../../../db/schema.ts';
import { isoDate } from '../../format.ts';

/** An audit entry with its details already parsed from JSON. */
export type AuditRowEntry = Omit<AuditEntry, 'details'> & { details: unknown };

/** A detail value as text: strings as they are, lists of strings joined, anything else as compact JSON. */
function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((x) => typeof x === 'string')) return value.join(', ');
  return JSON.stringify(value);
}

function details(value: unknown) {
  if (value === null || value === undefined) return <span class="hint">–</span>;
  if (typeof value !== 'object' || Array.isArray(value)) return <code>{show(value)}</code>;
  return (
    <dl class="audit-details">
      {Object.entries(value).map(([k, x]) => (
        <>
          <dt>{k}</dt>
          <dd>{show(x)}</dd>
        </>
      ))}
    </dl>
  );
}

/** One admin action: when (UTC), who, what, on what, and the details. */
export function AuditRow({ entry }: { entry: AuditRowEntry }) {
  const iso = isoDate(entry.createdAt);
  return (
    <tr>
      <td>
        <time datetime={iso}>{iso.slice(0, 19).replace('T', ' ')} UTC</time>
      </td>
      <td>{entry.actorName}</td>
      <td>
        <code>{entry.action}</code>
      </td>
      <td>{entry.target ?? <span class="hint">–</span>}</td>
      <td>{details(entry.details)}</td>
    </tr>
  );
}
