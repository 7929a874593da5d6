import type { StoredReading } from '../../../db/queries/calibration.ts';

/** The readings that failed, with the provider's or the checker's reason (they are left out of the figures). */
export function CalibrationFailedReadings({ readings }: { readings: StoredReading[] }) {
  if (readings.length === 0) return <p>No reading failed.</p>;
  return (
    <table class="data-table" id="calibration-failed">
      <caption>Failed readings</caption>
      <thead>
        <tr>
          <th scope="col">Anchor</th>
          <th scope="col">Reading</th>
          <th scope="col">Error</th>
          <th scope="col">Attempts</th>
        </tr>
      </thead>
      <tbody>
        {readings.map((r) => (
          <tr>
            <td>{r.anchorId}</td>
            <td class="num">{r.sample + 1}</td>
            <td>
              {r.errorKind}: {r.errorMessage}
            </td>
            <td class="num">{r.attempts}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
