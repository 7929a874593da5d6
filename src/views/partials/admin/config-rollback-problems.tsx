import { versionLabel } from '../../config-labels.ts';

export interface ConfigRollbackProblemsProps {
  version: number;
  /** Why the version's text can't be installed, one line each. */
  problems: string[];
}

/** The alert after a refused rollback: every check the old text no longer passes. */
export function ConfigRollbackProblems({ version, problems }: ConfigRollbackProblemsProps) {
  return (
    <div class="notice error-notice" role="alert">
      <p>
        <strong>Error:</strong> {versionLabel(version)} was not rolled back:
      </p>
      <ul>
        {problems.map((x) => (
          <li>{x}</li>
        ))}
      </ul>
    </div>
  );
}
