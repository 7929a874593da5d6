import { importAccounts, type ImportProblem } from '../../auth/account-import.ts';
import { wantsJson, type Ctx } from '../../http/context.ts';
import { readForm } from '../../http/form.ts';
import { renderUsersPage } from './users-shared.tsx';
import { actingUser } from '../../http/acting.ts';

/** The CSV text from the uploaded file when one was chosen, else from the textarea. */
async function importText(fields: Record<string, unknown>): Promise<string> {
  const file = fields.file;
  if (file instanceof File && file.size > 0) return file.text();
  return typeof fields.csv === 'string' ? fields.csv : '';
}

function importFailed(c: Ctx, text: string, problems: ImportProblem[]) {
  if (wantsJson(c)) return c.json({ error: 'Nothing was imported.', problems }, 422);
  return renderUsersPage(c, { importForm: { text, errors: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) } }, 422);
}

/** POST /admin/users/import — every line checked first; then all accounts in one transaction, or none. */
export async function importUsers(c: Ctx) {
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const text = (await importText(form.fields)).replaceAll('\0', '\uFFFD');
  const res = await importAccounts(c.var.deps.db, c.var.deps.config.current.files.auth, actingUser(c), text);
  if (!res.ok) return importFailed(c, text, res.problems);
  if (wantsJson(c)) return c.json({ created: res.accounts }, 201);
  const n = res.accounts.length;
  return renderUsersPage(c, { issued: { title: `Imported ${n} account${n === 1 ? '' : 's'}`, accounts: res.accounts } }, 201);
}
