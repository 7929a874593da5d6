/** The assignment form's fields as posted (and shown again). */
export interface AssignmentFormValues {
  title: string;
  slug: string;
  context: string;
  release: string;
  open: boolean;
  rubric_version: string;
  prompt_version: string;
}

/** What the form shows: the values typed and an error beside each field. */
export interface AssignmentFormState {
  values: AssignmentFormValues;
  errors: Partial<Record<keyof AssignmentFormValues, string>>;
}
