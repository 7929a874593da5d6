import { hashPassword } from '../../auth/passwords.ts';
import { randomId } from '../../auth/random.ts';
import { withAudit } from '../../db/queries/audit.ts';
import { findTakenUsernames, insertAccounts, isDuplicateUsername } from '../../db/queries/users.ts';
import type { User } from '../../db/schema.ts';
import { wantsJson, type Ctx } from '../../http/context.ts';
import { readForm } from '../../http/form.ts';
import type { ImportProblem } from '../../views/partials/admin/user-import-form.tsx';
import { auditBy, MAX_IMPORT_LINES, USERNAME_PATTERN, minPasswordLengths, passwordProblem, renderUsersPage } from './users-shared.tsx';

/** One valid line of an import; an empty password means "generate one". */
export interface ImportRow {
  line: number;
  username: string;
  role: User['role'];
  password: string;
}

/** Splits one CSV line; fields may be quoted ("" is a quote). Undefined when a quote is left open. */
export function splitCsvLine(line: string): string[] | undefined {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (line[i] === '"') {
      let value = '';
      for (i++; ; i++) {
        if (i >= line.length) return undefined;
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i++;
        } else if (line[i] === '"') break;
        else value += line[i];
      }
      const comma = line.indexOf(',', i);
      fields.push(value);
      if (comma < 0) return fields;
      i = comma + 1;
    } else {
      const comma = line.indexOf(',', i);
      fields.push((comma < 0 ? line.slice(i) : line.slice(i, comma)).trim());
      if (comma < 0) return fields;
      i = comma + 1;
    }
  }
}

/** Problems with one line's fields, or its row. */
function checkLine(fields: string[] | undefined, line: number, min: Record<User['role'], number>): ImportRow | string {
  if (!fields) return 'a quoted field is not closed.';
  if (fields.length < 2 || fields.length > 3) return `expected username,role or username,role,password; found ${fields.length} field${fields.length === 1 ? '' : 's'} (quote a password that contains a comma).`;
  const [username = '', rawRole = '', password = ''] = fields;
  if (!USERNAME_PATTERN.test(username)) return `"${username}" is not a valid username: use 3 to 40 letters, digits, dots, underscores or hyphens.`;
  const role = rawRole.toLowerCase();
  if (role !== 'student' && role !== 'admin') return `"${rawRole}" is not a role: use student or admin.`;
  const problem = password === '' ? undefined : passwordProblem(password, role, min);
  if (problem) return `the password is not accepted: ${problem.charAt(0).toLowerCase()}${problem.slice(1)}`;
  return { line, username, role, password };
}

/** Parses and checks every line (a header line `username,…` and blank lines are skipped). */
export function parseImport(text: string, min: Record<User['role'], number>): { rows: ImportRow[]; errors: ImportProblem[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const numbered = lines.map((l, i) => ({ l, n: i + 1 })).filter(({ l }) => l.trim() !== '');
  if (numbered[0] && /^\s*"?username"?\s*,/i.test(numbered[0].l)) numbered.shift();
  if (numbered.length === 0) return { rows: [], errors: [{ line: null, message: 'Paste at least one line: username,role[,password].' }] };
  if (numbered.length > MAX_IMPORT_LINES) return { rows: [], errors: [{ line: null, message: `${numbered.length} accounts is too many for one import: at most ${MAX_IMPORT_LINES}. Split the list.` }] };
  const rows: ImportRow[] = [];
  const errors: ImportProblem[] = [];
  const seen = new Map<string, number>();
  for (const { l, n } of numbered) {
    const row = checkLine(splitCsvLine(l), n, min);
    if (typeof row === 'string') {
      errors.push({ line: n, message: row });
      continue;
    }
    const first = seen.get(row.username.toLowerCase());
    if (first !== undefined) {
      errors.push({ line: n, message: `${row.username} is also on line ${first}.` });
      continue;
    }
    seen.set(row.username.toLowerCase(), n);
    rows.push(row);
  }
  return { rows, errors };
}

/** Lines whose username already exists. */
function takenProblems(c: Ctx, rows: ImportRow[]): ImportProblem[] {
  const taken = new Set(findTakenUsernames(c.var.deps.db, rows.map((r) => r.username)).map((u) => u.toLowerCase()));
  return rows.filter((r) => taken.has(r.username.toLowerCase())).map((r) => ({ line: r.line, message: `${r.username} already exists.` }));
}

/** The CSV text from the uploaded file when one was chosen, else from the textarea. */
async function importText(fields: Record<string, unknown>): Promise<string> {
  const file = fields.file;
  if (file instanceof File && file.size > 0) return file.text();
  return typeof fields.csv === 'string' ? fields.csv : '';
}

function importFailed(c: Ctx, text: string, errors: ImportProblem[]) {
  if (wantsJson(c)) return c.json({ error: 'Nothing was imported.', problems: errors }, 422);
  return renderUsersPage(c, { importForm: { text, errors: errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) } }, 422);
}

/** POST /admin/users/import — every line checked first; then all accounts in one transaction, or none. */
export async function importUsers(c: Ctx) {
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const text = (await importText(form.fields)).replaceAll('\0', '\uFFFD');
  const { rows, errors } = parseImport(text, minPasswordLengths(c));
  errors.push(...takenProblems(c, rows));
  if (errors.length) return importFailed(c, text, errors);
  const { db, now } = c.var.deps;
  const issued = rows.map((r) => ({ username: r.username, role: r.role, password: r.password || randomId(), generated: r.password === '' }));
  // Hash first: nothing may be awaited inside the transaction.
  const hashes = await Promise.all(issued.map((r) => hashPassword(r.password)));
  const accounts = issued.map((r, i) => ({ username: r.username, role: r.role, passwordHash: hashes[i]!, mustChangePassword: true, now: now() }));
  const details = { count: accounts.length, usernames: accounts.map((a) => a.username) };
  try {
    withAudit(db, auditBy(c, 'user.import', `${accounts.length} accounts`, details), () => insertAccounts(db, accounts));
  } catch (err) {
    if (!isDuplicateUsername(err)) throw err;
    return importFailed(c, text, takenProblems(c, rows));
  }
  const shown = issued.map((r) => ({ username: r.username, role: r.role, password: r.generated ? r.password : undefined }));
  if (wantsJson(c)) return c.json({ created: shown }, 201);
  return renderUsersPage(c, { issued: { title: `Imported ${accounts.length} account${accounts.length === 1 ? '' : 's'}`, accounts: shown } }, 201);
}
