import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { users, type User } from '../schema.ts';
import { randomId } from '../../auth/random.ts';

/** Creates an anonymous writer (open student mode); returns its id. */
export function insertAnonymousWriter(db: Db, now: number): string {
  const id = randomId();
  db.insert(users).values({ id, role: 'student', anonymous: true, createdAt: now }).run();
  return id;
}

/** One user by id, or undefined. */
export function findUserById(db: Db, id: string): User | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}
