import { CsvError, parse } from 'csv-parse/sync';
import type { AuthConfig } from '../config/schemas.ts';
import type { Db } from '../db/client.ts';
import { withAudit } from '../db/queries/audit.ts';
import { findTakenUsernames, insertAccounts } from '../db/queries/users.ts';
import { isRole, passwordProblem, passwordProblemText, USERNAME_PATTERN, USERNAME_RULE, type Role } from './account-policy.ts';
import type { Acting } from './accounts.ts';
import { hashPassword } from './passwords.ts';
import { randomId } from './random.ts';
import { isUniqueViolation } from '../db/errors.ts';

/** Most lines one CSV import may hold. */
export const MAX_IMPORT_LINES = 500;

/** One valid line of an import; an empty password means "generate one". */
export interface ImportRow {
  line: number;
  username: string;
  role: Role;
  password: string;
}

/** A problem with the import: a numbered line, or the whole text (line null). */
export interface ImportProblem {
  line: number | null;
  message: string;
}

/** An imported account; the password only when it was generated (shown once). */
export interface ImportedAccount {
  username: string;
  role: Role;
  password?: string;
}

export type ImportResult = { ok: true; accounts: ImportedAccount[] } | { ok: false; problems: ImportProblem[] };

// One account per line, and each line is parsed on its own: a quote left open spoils only its own
// line, and every problem names the line the admin sees in their spreadsheet. Spaces around fields
// are dropped; a quote inside an unquoted field (a password) is kept.
const LINE_OPTIONS = { bom: true, trim: true, relax_quotes: true };

/** The fields of one CSV line, or why it can't be read. */
export function csvFields(line: string): string[] | string {
  try {
    return parse(line, LINE_OPTIONS)[0] ?? [];
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    return err.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is not closed.' : 'a closing quote must be followed by a comma or the end of the line.';
  }
}

/** The row one line holds, or what is wrong with it. */
function checkLine(fields: string[] | string, line: number, auth: AuthConfig): ImportRow | string {
  if (typeof fields === 'string') return fields;
  if (fields.length < 2 || fields.length > 3) return `expected username,role or username,role,password; found ${fields.length} field${fields.length === 1 ? '' : 's'} (quote a password that contains a comma).`;
  const [username = '', rawRole = '', password = ''] = fields;
  if (!USERNAME_PATTERN.test(username)) return `"${username}" is not a valid username. ${USERNAME_RULE}`;
  const role = rawRole.toLowerCase();
  if (!isRole(role)) return `"${rawRole}" is not a role: use student, instructor or admin.`;
  const problem = password === '' ? undefined : passwordProblem(password, role, auth);
  const text = problem && passwordProblemText(problem, role, auth);
  if (text) return `the password is not accepted: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  return { line, username, role, password };
}

/** The non-blank lines with their numbers, without a header line (`username,…`). */
function numberedLines(text: string): { fields: string[] | string; n: number }[] {
  const lines = text.split(/\r\n|\r|\n/).map((l, i) => ({ l, n: i + 1 }));
  const numbered = lines.filter(({ l }) => l.trim() !== '').map(({ l, n }) => ({ fields: csvFields(l), n }));
  const first = numbered[0]?.fields;
  if (Array.isArray(first) && first[0]?.toLowerCase() === 'username') numbered.shift();
  return numbered;
}

/** Parses and checks every line; a username twice is a problem on its second line. */
export function parseImport(text: string, auth: AuthConfig): { rows: ImportRow[]; problems: ImportProblem[] } {
  const numbered = numberedLines(text);
  if (numbered.length === 0) return { rows: [], problems: [{ line: null, message: 'Paste at least one line: username,role[,password].' }] };
  if (numbered.length > MAX_IMPORT_LINES) return { rows: [], problems: [{ line: null, message: `${numbered.length} accounts is too many for one import: at most ${MAX_IMPORT_LINES}. Split the list.` }] };
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  for (const { fields, n } of numbered) {
    const row = checkLine(fields, n, auth);
    if (typeof row === 'string') {
      problems.push({ line: n, message: row });
      continue;
    }
    const first = seen.get(row.username.toLowerCase());
    if (first !== undefined) {
      problems.push({ line: n, message: `${row.username} is also on line ${first}.` });
      continue;
    }
    seen.set(row.username.toLowerCase(), n);
    rows.push(row);
  }
  return { rows, problems };
}

/** Lines whose username already exists. */
function takenProblems(db: Db, rows: ImportRow[]): ImportProblem[] {
  const taken = new Set(findTakenUsernames(db, rows.map((r) => r.username)).map((u) => u.toLowerCase()));
  return rows.filter((r) => taken.has(r.username.toLowerCase())).map((r) => ({ line: r.line, message: `${r.username} already exists.` }));
}

/** Every line checked first; then all accounts in one transaction with one audit entry (user.import), or none. */
export async function importAccounts(db: Db, auth: AuthConfig, by: Acting, text: string): Promise<ImportResult> {
  const { rows, problems } = parseImport(text, auth);
  problems.push(...takenProblems(db, rows));
  if (problems.length) return { ok: false, problems };
  const issued = rows.map((r) => ({ ...r, password: r.password || randomId(), generated: r.password === '' }));
  // Hashed first: nothing may be awaited inside the transaction.
  const hashes = await Promise.all(issued.map((r) => hashPassword(r.password)));
  const accounts = issued.map((r, i) => ({ username: r.username, role: r.role, passwordHash: hashes[i]!, mustChangePassword: true, now: by.now }));
  const details = { count: accounts.length, usernames: accounts.map((a) => a.username) };
  try {
    withAudit(db, { ...by, action: 'user.import', target: `${accounts.length} accounts`, details }, () => insertAccounts(db, accounts));
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return { ok: false, problems: takenProblems(db, rows) };
  }
  return { ok: true, accounts: issued.map((r) => ({ username: r.username, role: r.role, password: r.generated ? r.password : undefined })) };
}
