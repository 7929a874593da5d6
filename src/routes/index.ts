import type { Hono } from 'hono';
import type { AppEnv } from '../http/context.ts';
import { retryEvaluation, showEvaluation } from './evaluations.tsx';
import { showRubric } from './rubric.tsx';
import { serveAsset } from './static.ts';
import { createSubmission, showSubmissionForm } from './submissions.tsx';

/** The whole URL map, grouped by page. */
export function mountRoutes(app: Hono<AppEnv>): void {
  // Student
  app.get('/', showSubmissionForm);
  app.post('/submissions', createSubmission);
  app.get('/evaluations/:id', showEvaluation);
  app.post('/evaluations/:id/retry', retryEvaluation);
  app.get('/rubric', showRubric);

  // Static assets
  app.get('/static/:file', serveAsset);
}
