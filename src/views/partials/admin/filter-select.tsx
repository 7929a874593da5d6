import { FilterError } from './filter-error.tsx';

export interface FilterSelectProps {
  name: string;
  label: string;
  /** [value, text] pairs, in order. */
  options: [string, string][];
  /** As chosen (from the query string); empty or absent selects `fallback`. */
  value: string | undefined;
  fallback?: string;
  error: string | undefined;
}

/** One labelled filter select, the current choice selected, marked invalid with its error beside it. */
export function FilterSelect({ name, label, options, value, fallback = '', error }: FilterSelectProps) {
  return (
    <div class="field">
      <label for={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `filter-${name}-error` : undefined}>
        {options.map(([option, text]) => (
          <option value={option} selected={(value || fallback) === option}>
            {text}
          </option>
        ))}
      </select>
      <FilterError name={name} error={error} />
    </div>
  );
}
