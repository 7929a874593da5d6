/** What the "Run calibration" form shows: the values posted (or the defaults) and an error per field. */
export interface CalibrationFormState {
  values: { assignment: string; samples: string; draft: string; batch: boolean };
  errors: { assignment?: string; samples?: string; draft?: string };
}
