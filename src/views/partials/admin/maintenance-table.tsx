import { MaintenanceRow, type MaintenanceJob } from './maintenance-row.tsx';

/** The nightly clean-up jobs and the newest run of each, so an operator can see they run. */
export function MaintenanceTable({ jobs }: { jobs: MaintenanceJob[] }) {
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption>Nightly maintenance jobs, newest run of each</caption>
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">Last run</th>
            <th scope="col">Status</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => (
            <MaintenanceRow {...j} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
