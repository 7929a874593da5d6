import type { Acting } from '../auth/accounts.ts';
import type { Ctx } from './context.ts';

/** The signed-in staff member (admin or instructor), now: who an operation records in the audit log. */
export function actingUser(c: Ctx): Acting {
  const actor = c.get('user')!;
  return { actor: { id: actor.id, username: actor.username }, now: c.get('deps').now() };
}
