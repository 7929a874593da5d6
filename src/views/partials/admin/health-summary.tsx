export interface HealthSummaryProps {
  health: { name: string; ok: boolean; detail: string }[];
  lastBackup: string;
}

/** Each health check in a line, then when the last backup ran. */
export function HealthSummary({ health, lastBackup }: HealthSummaryProps) {
  return (
    <ul>
      {health.map((h) => (
        <li>
          <strong>{h.name}:</strong> {h.ok ? 'ok' : 'failing'} {h.detail ? `(${h.detail})` : ''}
        </li>
      ))}
      <li>
        <strong>Last backup:</strong> {lastBackup}
      </li>
    </ul>
  );
}
