import { describedBy, FieldNotes } from '../field-notes.tsx';

/** One choice of a pinned config version: its number as posted ('' = the version in force) and its label. */
export interface VersionOption {
  value: string;
  label: string;
}

export interface VersionSelectProps {
  id: string;
  name: string;
  label: string;
  options: VersionOption[];
  value: string;
  error?: string;
}

/** Pins a config version: "the version in force" (empty) or a stored version (0 = the shipped file). */
export function VersionSelect(p: VersionSelectProps) {
  return (
    <>
      <label for={p.id}>{p.label}</label>
      <FieldNotes id={p.id} error={p.error} />
      <select id={p.id} name={p.name} aria-invalid={p.error ? 'true' : undefined} aria-describedby={describedBy(p.id, false, p.error)}>
        <option value="" selected={p.value === ''}>
          Follow the version in force
        </option>
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}
