/** A filter's error beside its field, with the id the field's aria-describedby names. */
export function FilterError({ name, error }: { name: string; error: string | undefined }) {
  return error ? (
    <p id={`filter-${name}-error`} class="field-error">
      <strong>Error:</strong> {error}
    </p>
  ) : null;
}
