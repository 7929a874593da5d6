import { count, desc } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { auditLog, type AuditEntry } from '../schema.ts';

/** Who acted: a signed-in account, or (id null) the server or a command-line tool, by name. */
export interface AuditActor {
  id: string | null;
  username: string | null;
}

export interface AuditInput {
  actor: AuditActor;
  action: string;
  target?: string;
  details?: Record<string, unknown>;
  now: number;
}

/** Appends one admin action to the audit log. */
export function insertAudit(db: Db, a: AuditInput): void {
  db.insert(auditLog)
    .values({ actorId: a.actor.id, actorName: a.actor.username ?? a.actor.id ?? 'system', action: a.action, target: a.target ?? null, details: a.details ? JSON.stringify(a.details) : null, createdAt: a.now })
    .run();
}

/** One page of the audit log, newest first. */
export function listAudit(db: Db, limit: number, offset: number): AuditEntry[] {
  return db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).offset(offset).all();
}

/** Number of audit entries. */
export function countAudit(db: Db): number {
  return db.select({ n: count() }).from(auditLog).get()?.n ?? 0;
}

/** Runs a change and records its audit entry in one transaction (the callback must be synchronous). */
export function withAudit<T>(db: Db, entry: AuditInput | ((result: T) => AuditInput), change: () => T): T {
  return db.transaction(() => {
    const result = change();
    insertAudit(db, typeof entry === 'function' ? entry(result) : entry);
    return result;
  });
}
