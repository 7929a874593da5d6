import { evaluationsHref, type FilterField, type FilterValues } from '../../admin/evaluation-links.ts';

export interface EvaluationFiltersProps {
  values: FilterValues;
  errors: Partial<Record<FilterField, string>>;
  /** With htmx the form swaps the table body in place; off when there is no table to swap (the 422 page). */
  enhance: boolean;
}

const STATUSES = ['queued', 'running', 'done', 'failed'] as const;

type InputKind = { type: 'date' } | { type: 'text' | 'search'; maxlength: number } | { type: 'number' };

/** The history's GET filter form, prefilled from the query string; errors sit beside their fields. */
export function EvaluationFilters({ values, errors, enhance }: EvaluationFiltersProps) {
  const describedBy = (name: FilterField) => (errors[name] ? `filter-${name}-error` : undefined);
  const error = (name: FilterField) =>
    errors[name] ? (
      <p id={`filter-${name}-error`} class="field-error">
        <strong>Error:</strong> {errors[name]}
      </p>
    ) : null;
  const input = (name: FilterField, label: string, kind: InputKind) => (
    <div class="field">
      <label for={`filter-${name}`}>{label}</label>
      <input
        id={`filter-${name}`}
        name={name}
        value={values[name] ?? ''}
        {...kind}
        {...(kind.type === 'number' ? { min: '1', max: '5', step: '0.1', inputmode: 'decimal' } : {})}
        aria-invalid={errors[name] ? 'true' : undefined}
        aria-describedby={describedBy(name)}
      />
      {error(name)}
    </div>
  );
  const select = (name: FilterField, label: string, options: [string, string][], fallback = '') => (
    <div class="field">
      <label for={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} aria-invalid={errors[name] ? 'true' : undefined} aria-describedby={describedBy(name)}>
        {options.map(([value, text]) => (
          <option value={value} selected={(values[name] || fallback) === value}>
            {text}
          </option>
        ))}
      </select>
      {error(name)}
    </div>
  );
  const htmx = enhance
    ? {
        'data-hx-get': '/admin/evaluations',
        'data-hx-target': '#evaluations-tbody',
        'data-hx-swap': 'outerHTML',
        'data-hx-push-url': 'true',
        'data-hx-status_422': 'target:#evaluation-filters swap:outerHTML push:false',
      }
    : {};
  return (
    <form id="evaluation-filters" class="filters" method="get" action="/admin/evaluations" role="search" aria-label="Filter evaluations" {...htmx}>
      {input('from', 'From (UTC day)', { type: 'date' })}
      {input('to', 'To (UTC day)', { type: 'date' })}
      {input('writer', 'Writer (username or id)', { type: 'text', maxlength: 100 })}
      {select('status', 'Status', [['', 'Any'], ...STATUSES.map((s): [string, string] => [s, s])])}
      {input('min', 'Score from', { type: 'number' })}
      {input('max', 'Score to', { type: 'number' })}
      {input('q', 'Memo contains', { type: 'search', maxlength: 200 })}
      {select('sort', 'Sort by', [['date', 'Date'], ['score', 'Score'], ['duration', 'Duration']], 'date')}
      {select('dir', 'Order', [['desc', 'Descending (newest, highest, longest first)'], ['asc', 'Ascending']], 'desc')}
      <div class="field filter-actions">
        <button type="submit" class="button primary">
          Show evaluations
        </button>
        <a href="/admin/evaluations">Clear filters</a>
        <a href={evaluationsHref(values, {}, '/admin/evaluations.csv')} download>
          Download these as CSV
        </a>
      </div>
    </form>
  );
}
