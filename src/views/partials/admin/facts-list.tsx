import type { Child } from 'hono/jsx';

/** A definition list of facts, each term with its value. */
export function FactsList({ items }: { items: [string, Child][] }) {
  return (
    <dl class="facts">
      {items.map(([term, value]) => (
        <div>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
