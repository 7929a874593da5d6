import { describedBy, FieldNotes } from '../field-notes.tsx';
import type { AssignmentFormState } from './assignment-form-state.ts';

export interface AssignmentTextFieldsProps {
  state: AssignmentFormState;
  /** The default assignment's slug can't change. */
  fixedSlug: boolean;
  maxContext: number;
}

/** Title, slug and brief of the assignment form. */
export function AssignmentTextFields({ state: { values, errors }, fixedSlug, maxContext }: AssignmentTextFieldsProps) {
  const slugHint = fixedSlug ? 'The default assignment keeps its slug: it is the form at / and /a/memo.' : '2 to 40 characters: lowercase letters, digits and hyphens. Students open the form at /a/<slug>.';
  return (
    <>
      <label for="assignment-title-field">Title</label>
      <FieldNotes id="assignment-title-field" error={errors.title} />
      <input id="assignment-title-field" name="title" type="text" required maxlength={120} value={values.title} aria-invalid={errors.title ? 'true' : undefined} aria-describedby={describedBy('assignment-title-field', false, errors.title)} />
      <label for="assignment-slug">Slug</label>
      <FieldNotes id="assignment-slug" hint={slugHint} error={errors.slug} />
      <input
        id="assignment-slug"
        name="slug"
        type="text"
        required
        readonly={fixedSlug}
        maxlength={40}
        autocomplete="off"
        spellcheck={false}
        value={values.slug}
        aria-invalid={errors.slug ? 'true' : undefined}
        aria-describedby={describedBy('assignment-slug', true, errors.slug)}
      />
      <label for="assignment-context">Brief</label>
      <FieldNotes id="assignment-context" hint={`The situation the memo answers (company, audience, what must be decided). Shown to students and given to the evaluator. At most ${maxContext} characters.`} error={errors.context} />
      <textarea id="assignment-context" name="context" rows={8} maxlength={maxContext} aria-invalid={errors.context ? 'true' : undefined} aria-describedby={describedBy('assignment-context', true, errors.context)}>
        {'\n' + values.context}
      </textarea>
    </>
  );
}
