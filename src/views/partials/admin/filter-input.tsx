import { FilterError } from './filter-error.tsx';

/** The input's type and its limits: numbers are scores from 1 to 5 in tenths. */
export type FilterInputKind = { type: 'date' } | { type: 'text' | 'search'; maxlength: number } | { type: 'number' };

export interface FilterInputProps {
  name: string;
  label: string;
  kind: FilterInputKind;
  /** As typed (from the query string). */
  value: string | undefined;
  error: string | undefined;
}

/** One labelled filter input, prefilled, marked invalid with its error beside it. */
export function FilterInput({ name, label, kind, value, error }: FilterInputProps) {
  return (
    <div class="field">
      <label for={`filter-${name}`}>{label}</label>
      <input
        id={`filter-${name}`}
        name={name}
        value={value ?? ''}
        {...kind}
        {...(kind.type === 'number' ? { min: '1', max: '5', step: '0.1', inputmode: 'decimal' } : {})}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `filter-${name}-error` : undefined}
      />
      <FilterError name={name} error={error} />
    </div>
  );
}
