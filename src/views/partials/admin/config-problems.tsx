export interface ConfigProblemsProps {
  /** What was not done, e.g. "v3 was not published". */
  what: string;
  problems: string[];
}

/** The alert after a refused action on a config: what was not done and every reason why. */
export function ConfigProblems({ what, problems }: ConfigProblemsProps) {
  return (
    <div class="notice error-notice" role="alert">
      <p>
        <strong>Error:</strong> {what}:
      </p>
      <ul>
        {problems.map((x) => (
          <li>{x}</li>
        ))}
      </ul>
    </div>
  );
}
