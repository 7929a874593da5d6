import type { PublishCheck } from '../../../config-versions/publish-gate.ts';
import { ConfigPublishAnywayForm } from './config-publish-anyway-form.tsx';

export interface ConfigDraftActionsProps {
  base: string;
  check: PublishCheck;
  override: { note: string; error?: string };
  maxNote: number;
}

/** An open draft's actions: publish (checked by the gate), publish anyway with a note when refused, discard. */
export function ConfigDraftActions({ base, check, override, maxNote }: ConfigDraftActionsProps) {
  return (
    <section aria-labelledby="publish-heading">
      <h2 id="publish-heading">Publish or discard</h2>
      <p>Publishing saves this text as a new published version, in force for the next evaluation. The draft stays in the history, marked with the version it became.</p>
      <form method="post" action={`${base}/publish`} class="inline-form">
        <button type="submit" class="button primary">
          Publish this draft
        </button>
      </form>
      {check.allowed && !override.error ? null : (
        <>
          <h3>Publish anyway</h3>
          <p>The gate refuses this draft now. If you are sure (for example, the anchors' expected ranges are what changed), publish it with a note saying why.</p>
          <ConfigPublishAnywayForm action={`${base}/publish`} note={override.note} error={override.error} maxNote={maxNote} />
        </>
      )}
      <form method="post" action={`${base}/discard`} class="inline-form">
        <button type="submit" class="button">
          Discard this draft
        </button>
      </form>
    </section>
  );
}
