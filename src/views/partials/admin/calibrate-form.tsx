export interface CalibrateFormProps {
  /** The assignment whose anchors are read (its slug). */
  assignment: string;
  /** The draft to calibrate (`prompt:7`); absent: the published config in force. */
  draft?: string;
  /** Readings per anchor (llm.yaml calibration.samples). */
  samples: number;
  label: string;
}

/** POST /admin/calibration: starts a calibration run of a draft, or of the published config. */
export function CalibrateForm(p: CalibrateFormProps) {
  return (
    <form method="post" action="/admin/calibration" class="inline-form">
      <input type="hidden" name="assignment" value={p.assignment} />
      {p.draft ? <input type="hidden" name="draft" value={p.draft} /> : null}
      <input type="hidden" name="samples" value={String(p.samples)} />
      <button type="submit" class="button">
        {p.label}
      </button>
    </form>
  );
}
