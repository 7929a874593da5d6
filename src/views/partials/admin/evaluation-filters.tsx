import { evaluationsHref } from '../../evaluation-links.ts';
import type { FilterField, FilterValues } from '../../../evaluations/filters.ts';
import { FilterInput, type FilterInputKind } from './filter-input.tsx';
import { FilterSelect } from './filter-select.tsx';

export interface EvaluationFiltersProps {
  values: FilterValues;
  errors: Partial<Record<FilterField, string>>;
  /** With htmx the form swaps the table body in place; off when there is no table to swap (the 422 page). */
  enhance: boolean;
}

const STATUSES = ['queued', 'running', 'done', 'failed'] as const;

/** htmx attributes: a filter request swaps the table body; a 422 swaps the form with its errors and keeps the URL. */
const HTMX = {
  'data-hx-get': '/admin/evaluations',
  'data-hx-target': '#evaluations-tbody',
  'data-hx-swap': 'outerHTML',
  'data-hx-push-url': 'true',
  'data-hx-status_422': 'target:#evaluation-filters swap:outerHTML push:false',
};

/** The history's GET filter form, prefilled from the query string; errors sit beside their fields. */
export function EvaluationFilters({ values, errors, enhance }: EvaluationFiltersProps) {
  const input = (name: FilterField, label: string, kind: FilterInputKind) => <FilterInput name={name} label={label} kind={kind} value={values[name]} error={errors[name]} />;
  const select = (name: FilterField, label: string, options: [string, string][], fallback = '') => (
    <FilterSelect name={name} label={label} options={options} value={values[name]} fallback={fallback} error={errors[name]} />
  );
  return (
    <form id="evaluation-filters" class="filters" method="get" action="/admin/evaluations" role="search" aria-label="Filter evaluations" {...(enhance ? HTMX : {})}>
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
