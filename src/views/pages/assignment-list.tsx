import type { PageContext } from '../../http/page-context.ts';
import { Page } from '../layouts/page.tsx';

export interface AssignmentListPageProps {
  ctx: PageContext;
  assignments: { slug: string; title: string }[];
}

/** GET / when several assignments are open: one link per assignment's form. */
export function AssignmentListPage({ ctx, assignments }: AssignmentListPageProps) {
  const { t } = ctx.i18n;
  return (
    <Page title={t('assignment.list.title')} ctx={ctx}>
      <h1>{t('assignment.list.title')}</h1>
      {assignments.length ? (
        <>
          <p class="lead">{t('assignment.list.lead')}</p>
          <ul class="assignment-list">
            {assignments.map((a) => (
              <li>
                <a href={`/a/${a.slug}`}>{a.title}</a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="lead">{t('assignment.list.none')}</p>
      )}
    </Page>
  );
}
