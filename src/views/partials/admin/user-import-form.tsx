import { describedBy, FieldNotes } from '../field-notes.tsx';

/** A problem with an import, on a line of the input when it has one. */
export interface ImportProblem {
  line: number | null;
  message: string;
}

/** What the import form shows: the CSV text (kept on errors) and every problem found. */
export interface UserImportState {
  text: string;
  errors: ImportProblem[];
}

export interface UserImportFormProps {
  state: UserImportState;
  maxLines: number;
}

/** POST /admin/users/import: many accounts from CSV lines `username,role[,password]`, all or none. */
export function UserImportForm({ state, maxLines }: UserImportFormProps) {
  const hasErrors = state.errors.length > 0;
  const hint = `One account per line: username,role[,password]. A header line is optional. Role is student, instructor or admin. An empty password is generated and shown once. At most ${maxLines} lines; nothing is created unless every line is valid.`;
  return (
    <form method="post" action="/admin/users/import" enctype="multipart/form-data" class="stack-form import-form" id="import-users">
      <label for="import-csv">Accounts (CSV)</label>
      <FieldNotes id="import-csv" hint={hint} />
      {hasErrors ? (
        <div id="import-csv-error" class="field-error">
          <p>
            <strong>Error:</strong> nothing was imported. Fix {state.errors.length === 1 ? 'this problem' : `these ${state.errors.length} problems`} and import again:
          </p>
          <ul>
            {state.errors.map((e) => (
              <li>{e.line === null ? e.message : `Line ${e.line}: ${e.message}`}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <textarea
        id="import-csv"
        name="csv"
        class="code import-text"
        rows={8}
        spellcheck={false}
        placeholder={'username,role,password\nana-student,student\ncarl-admin,admin'}
        aria-invalid={hasErrors ? 'true' : undefined}
        aria-describedby={describedBy('import-csv', true, hasErrors)}
      >
        {/* HTML drops one newline right after <textarea>: add one so the first line survives. */}
        {'\n' + state.text}
      </textarea>
      <label for="import-file">Or upload a CSV file</label>
      <FieldNotes id="import-file" hint="A chosen file is used instead of the text above." />
      <input id="import-file" name="file" type="file" accept=".csv,text/csv,text/plain" aria-describedby="import-file-hint" />
      <div class="form-actions">
        <button type="submit" class="button primary">
          Import users
        </button>
      </div>
    </form>
  );
}
