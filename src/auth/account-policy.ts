import type { AuthConfig } from '../config/schemas.ts';
import { ROLES, type User } from '../db/schema.ts';

// The rules every account follows, whichever door it comes in by (admin pages, import, CLI, first start).

export type Role = User['role'];

/** Each role as the console labels it, in the order it lists them. */
export const ROLE_LABELS: Record<Role, string> = { student: 'Student', instructor: 'Instructor', admin: 'Administrator' };

/** Each role in a sentence: "is now an instructor". */
export const ROLE_IN_WORDS: Record<Role, string> = { student: 'a student', instructor: 'an instructor', admin: 'an administrator' };

/** True for the name of a role. */
export function isRole(x: string): x is Role {
  return (ROLES as readonly string[]).includes(x);
}

/** The role picklist's message, the same on every form and the import. */
export const ROLE_RULE = 'Choose a role: student, instructor or administrator.';

/** Usernames: 3–40 letters, digits, dot, underscore or hyphen (unique case-insensitively). */
export const USERNAME_PATTERN = /^[A-Za-z0-9._-]{3,40}$/;

/** The username rule in words, said the same way by forms, the import and the CLI. */
export const USERNAME_RULE = 'Use 3 to 40 characters: letters, digits, dot, underscore or hyphen.';

/** Longest password accepted: bounds the work of hashing it. */
export const MAX_PASSWORD_LENGTH = 1000;

/** Why a password can't be used; the wording is the caller's (admin pages, i18n, CLI). */
export type PasswordProblem = 'too-short' | 'too-long';

/** Minimum password length per role, from auth.yaml. */
export function minPasswordLengths(auth: AuthConfig): Record<Role, number> {
  // Instructors see every student's memo in their assignments: they get the admins' minimum.
  return { admin: auth.password.admin_min_length, instructor: auth.password.admin_min_length, student: auth.password.student_min_length };
}

/** Why a password can't be used for an account of this role, or undefined when it can. */
export function passwordProblem(password: string, role: Role, auth: AuthConfig): PasswordProblem | undefined {
  // Counted in code points, as people count characters.
  if ([...password].length < minPasswordLengths(auth)[role]) return 'too-short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'too-long';
  return undefined;
}

/** A password problem as the admin pages say it (an empty password there means "generate one"). */
export function passwordProblemText(problem: PasswordProblem, role: Role, auth: AuthConfig): string {
  if (problem === 'too-long') return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const min = minPasswordLengths(auth)[role];
  return `Use at least ${min} characters for ${ROLE_IN_WORDS[role]} (or leave it empty to generate one).`;
}

/** A problem with ADMIN_PASSWORD, as the first start and `create-admin` report it. */
export function adminPasswordEnvError(problem: PasswordProblem, auth: AuthConfig): string {
  return problem === 'too-short' ? `ADMIN_PASSWORD must be at least ${minPasswordLengths(auth).admin} characters` : `ADMIN_PASSWORD must be at most ${MAX_PASSWORD_LENGTH} characters`;
}
