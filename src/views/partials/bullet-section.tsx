export interface BulletSectionProps {
  /** The heading's id, which labels the section. */
  id: string;
  title: string;
  items: string[];
}

/** A headed list of short points (the result's strengths, its opportunities). */
export function BulletSection({ id, title, items }: BulletSectionProps) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul>
        {items.map((s) => (
          <li>{s}</li>
        ))}
      </ul>
    </section>
  );
}
