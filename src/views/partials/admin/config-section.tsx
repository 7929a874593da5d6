import type { ConfigOverview } from '../../../config-versions/overview.ts';
import { formatDate, isoDate } from '../../format.ts';
import { ConfigHistoryTable } from './config-history-table.tsx';
import { CONFIG_LABELS, versionLabel } from '../../config-labels.ts';

/** One config on the overview: what it holds, the version in force, an edit link and the history. */
export function ConfigSection({ cfg }: { cfg: ConfigOverview }) {
  const label = CONFIG_LABELS[cfg.name];
  const row = cfg.inForceRow;
  return (
    <section aria-labelledby={`config-${cfg.name}`} class="config-section">
      <h2 id={`config-${cfg.name}`}>
        {label.title} <code>{cfg.name}.yaml</code>
      </h2>
      <p>{label.holds}</p>
      <p>
        <strong>In force:</strong> {versionLabel(cfg.inForce)}, hash <code>{cfg.hash}</code>
        {row ? (
          <>
            , saved by {row.authorName} on <time datetime={isoDate(row.createdAt)}>{formatDate(row.createdAt)}</time>: “{row.note}”
          </>
        ) : null}
      </p>
      {cfg.skipped !== undefined ? (
        <p class="notice error-notice">
          Version {cfg.skipped} is stored but not in force: at start-up it no longer passed the checks (the log says why), so {versionLabel(cfg.inForce)} is used. Open it, fix it in the editor and save it again.
        </p>
      ) : null}
      <p>
        <a href={`/admin/config/${cfg.name}`} class="button">
          Edit {cfg.name}.yaml
        </a>
      </p>
      <ConfigHistoryTable name={cfg.name} versions={cfg.history} total={cfg.total} inForce={cfg.inForce} shippedHash={cfg.shippedHash} />
    </section>
  );
}
