export interface AssignmentBriefProps {
  title: string;
  /** The brief as written: blank lines separate paragraphs. */
  context: string;
}

/** An assignment's title and brief, above its memo form. */
export function AssignmentBrief({ title, context }: AssignmentBriefProps) {
  const paragraphs = context
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <section class="assignment-brief" aria-labelledby="assignment-title">
      <h2 id="assignment-title">{title}</h2>
      {paragraphs.map((p) => (
        <p>{p}</p>
      ))}
    </section>
  );
}
