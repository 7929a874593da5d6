import { AssignmentOptionFields } from './assignment-option-fields.tsx';
import { AssignmentTextFields } from './assignment-text-fields.tsx';
import type { AssignmentFormState } from './assignment-form-state.ts';
import type { VersionOption } from './version-select.tsx';

export interface AssignmentFormProps {
  id: string;
  action: string;
  submitLabel: string;
  state: AssignmentFormState;
  versions: { rubric: VersionOption[]; prompt: VersionOption[] };
  fixedSlug: boolean;
  maxContext: number;
}

/** Creates (POST /admin/assignments) or changes (POST /admin/assignments/:id) an assignment. */
export function AssignmentForm(p: AssignmentFormProps) {
  return (
    <form method="post" action={p.action} class="stack-form" id={p.id}>
      <AssignmentTextFields state={p.state} fixedSlug={p.fixedSlug} maxContext={p.maxContext} />
      <AssignmentOptionFields state={p.state} versions={p.versions} />
      <div class="form-actions">
        <button type="submit" class="button primary">
          {p.submitLabel}
        </button>
      </div>
    </form>
  );
}
