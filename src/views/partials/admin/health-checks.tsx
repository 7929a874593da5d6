import type { Health } from '../../../health.ts';

/** Every health check with its status and what it found. */
export function HealthChecks({ checks }: { checks: Health['checks'] }) {
  return (
    <ul>
      {Object.entries(checks).map(([name, check]) => (
        <li>
          <strong>{name}:</strong> <span class={check.ok ? 'status-done' : 'status-failed'}>{check.ok ? 'ok' : 'failing'}</span> · {check.detail}
        </li>
      ))}
    </ul>
  );
}
