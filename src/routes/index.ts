import type { Hono } from 'hono';
import type { AppEnv } from '../http/context.ts';
import { requireAdmin, requireStaff, requireWriterAccess } from '../http/guards.ts';
import { pollRateLimit } from '../http/rate-limit.ts';
import { exportAssignmentAnalyticsCsv, showAssignmentAnalytics } from './admin/analytics.tsx';
import { addCoTeacher, createAssignment, listAssignments, removeCoTeacher, showAssignment, updateAssignment } from './admin/assignments.tsx';
import { createAnchor, editAnchor, listAnchors, newAnchorForm, removeAnchor, restoreAnchor, showAnchorVersion, updateAnchor } from './admin/anchors.tsx';
import { listAuditLog } from './admin/audit.tsx';
import { editConfig, rollbackConfig, saveConfig, showConfigIndex, showConfigVersion } from './admin/config.tsx';
import { discardConfigDraft, publishConfigDraft, showConfigDraft } from './admin/config-drafts.tsx';
import { createCalibrationRun, exportCalibrationCsv, listCalibrationRuns, showCalibrationRun } from './admin/calibration.tsx';
import { showDashboard } from './admin/dashboard.tsx';
import { createBackup, showSystem } from './admin/system.tsx';
import { exportEvaluationsCsv, listEvaluations, showEvaluationDetail } from './admin/evaluations.tsx';
import { listReviews, saveReview, showReview } from './admin/reviews.tsx';
import { listSessions, revokeSession, revokeUserSessions } from './admin/sessions.tsx';
import { activateUser, changeRole, createUser, deactivateUser, importUsers, listUsers, resetPassword } from './admin/users.tsx';
import { changePassword, login, logout, showLogin, showPasswordForm } from './auth.tsx';
import { flagEvaluation, retryEvaluation, showEvaluation } from './evaluations.tsx';
import { showHistory } from './history.tsx';
import { changeLanguage } from './language.ts';
import { showAssignmentRubric, showRubric } from './rubric.tsx';
import { showLiveness, showMetrics, showReadiness } from './ops.ts';
import { serveAsset } from './static.ts';
import { createSubmission, showAssignmentForm, showSubmissionForm } from './submissions.tsx';

/**
 * The whole URL map, grouped by page. Guards are applied by path prefix, so a new route can't miss
 * one; the guard on every path (a temporary password must be changed first) is in the request pipeline.
 */
export function mountRoutes(app: Hono<AppEnv>): void {
  mountStudentRoutes(app);
  mountAccountRoutes(app);
  mountAdminRoutes(app);
  mountOperationsRoutes(app);
}

/** The memo forms, results and history (in `accounts` mode these need a signed-in student). */
function mountStudentRoutes(app: Hono<AppEnv>): void {
  for (const path of ['/', '/a/*', '/submissions', '/evaluations/*', '/history']) app.use(path, requireWriterAccess);
  app.get('/', showSubmissionForm);
  app.get('/a/:slug', showAssignmentForm);
  app.post('/submissions', createSubmission);
  app.get('/evaluations/:id', pollRateLimit, showEvaluation);
  app.post('/evaluations/:id/retry', retryEvaluation);
  app.post('/evaluations/:id/flag', flagEvaluation);
  app.get('/history', showHistory);
  app.get('/rubric', showRubric);
  app.get('/a/:slug/rubric', showAssignmentRubric);
}

/** Signing in and out, the UI language, and one's own password. */
function mountAccountRoutes(app: Hono<AppEnv>): void {
  app.get('/login', showLogin);
  app.post('/login', login);
  app.post('/logout', logout);
  app.post('/language', changeLanguage);
  app.get('/account/password', showPasswordForm);
  app.post('/account/password', changePassword);
}

/** Console paths only admins may open; every other /admin path is open to instructors too (scoped to their assignments). */
const ADMIN_ONLY = ['/admin/users', '/admin/sessions', '/admin/config', '/admin/audit', '/admin/system'];

/** The console: staff only (requireStaff on every /admin path), the ADMIN_ONLY sections admins only. */
function mountAdminRoutes(app: Hono<AppEnv>): void {
  for (const path of ['/admin', '/admin/*']) app.use(path, requireStaff);
  for (const path of ADMIN_ONLY.flatMap((p) => [p, `${p}/*`])) app.use(path, requireAdmin);
  app.get('/admin', showDashboard);
  mountTeachingRoutes(app);
  mountAssignmentAdminRoutes(app);
  mountUserAdminRoutes(app);
  app.get('/admin/config', showConfigIndex);
  app.get('/admin/config/:name', editConfig);
  app.post('/admin/config/:name', saveConfig);
  app.get('/admin/config/:name/versions/:version', showConfigVersion);
  app.post('/admin/config/:name/versions/:version/rollback', rollbackConfig);
  app.get('/admin/config/:name/drafts/:version', showConfigDraft);
  app.post('/admin/config/:name/drafts/:version/publish', publishConfigDraft);
  app.post('/admin/config/:name/drafts/:version/discard', discardConfigDraft);
  app.get('/admin/audit', listAuditLog);
  app.get('/admin/system', showSystem);
  app.post('/admin/system/backups', createBackup);
}

/** Evaluations, reviews and assignment analytics: instructors for their assignments, admins for all. */
function mountTeachingRoutes(app: Hono<AppEnv>): void {
  app.get('/admin/evaluations', listEvaluations);
  app.get('/admin/evaluations.csv', exportEvaluationsCsv);
  app.get('/admin/evaluations/:id', showEvaluationDetail);
  app.get('/admin/assignments/:id/analytics', showAssignmentAnalytics);
  app.get('/admin/assignments/:id/analytics.csv', exportAssignmentAnalyticsCsv);
  app.get('/admin/reviews', listReviews);
  app.get('/admin/reviews/:id', showReview);
  app.post('/admin/reviews/:id', saveReview);
  mountCalibrationRoutes(app);
}

/** Calibration runs against the anchor memos (instructors: their assignments, published config only). */
function mountCalibrationRoutes(app: Hono<AppEnv>): void {
  app.get('/admin/calibration', listCalibrationRuns);
  app.post('/admin/calibration', createCalibrationRun);
  app.get('/admin/calibration/:id{[0-9]+\\.csv}', exportCalibrationCsv);
  app.get('/admin/calibration/:id', showCalibrationRun);
}

/** Assignments, their settings and co-teachers (instructors: only those they run). */
function mountAssignmentAdminRoutes(app: Hono<AppEnv>): void {
  app.get('/admin/assignments', listAssignments);
  app.post('/admin/assignments', createAssignment);
  app.get('/admin/assignments/:id', showAssignment);
  app.post('/admin/assignments/:id', updateAssignment);
  app.post('/admin/assignments/:id/instructors', addCoTeacher);
  app.post('/admin/assignments/:id/instructors/:userId/remove', removeCoTeacher);
  mountAnchorRoutes(app);
}

/** An assignment's anchor memos, stored as versions (instructors: only for assignments they run). */
function mountAnchorRoutes(app: Hono<AppEnv>): void {
  app.get('/admin/assignments/:id/anchors', listAnchors);
  app.get('/admin/assignments/:id/anchors/new', newAnchorForm);
  app.post('/admin/assignments/:id/anchors/new', createAnchor);
  app.get('/admin/assignments/:id/anchors/:anchorId', editAnchor);
  app.post('/admin/assignments/:id/anchors/:anchorId', updateAnchor);
  app.get('/admin/assignments/:id/anchors/:anchorId/versions/:version', showAnchorVersion);
  app.post('/admin/assignments/:id/anchors/:anchorId/remove', removeAnchor);
  app.post('/admin/assignments/:id/anchors/:anchorId/restore', restoreAnchor);
}

/** Accounts and their sessions (admins only). */
function mountUserAdminRoutes(app: Hono<AppEnv>): void {
  app.get('/admin/users', listUsers);
  app.post('/admin/users', createUser);
  app.post('/admin/users/import', importUsers);
  app.post('/admin/users/:id/deactivate', deactivateUser);
  app.post('/admin/users/:id/activate', activateUser);
  app.post('/admin/users/:id/password', resetPassword);
  app.post('/admin/users/:id/role', changeRole);
  app.post('/admin/users/:id/sessions/revoke', revokeUserSessions);
  app.get('/admin/sessions', listSessions);
  app.post('/admin/sessions/:id/revoke', revokeSession);
}

/** Probes, metrics and static assets. */
function mountOperationsRoutes(app: Hono<AppEnv>): void {
  app.get('/healthz', showLiveness);
  app.get('/health', showReadiness);
  app.get('/metrics', showMetrics);
  app.get('/static/:file', serveAsset);
}
