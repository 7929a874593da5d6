import type { PageContext } from '../../http/page-context.ts';
import { Page } from '../layouts/page.tsx';
import type { HistoryEntry } from '../partials/history-row.tsx';
import { HistoryTable } from '../partials/history-table.tsx';
import { Pager } from '../partials/pager.tsx';
import { ProgressChart, type ProgressChartProps } from '../partials/progress-chart.tsx';

export type { HistoryEntry } from '../partials/history-row.tsx';

export interface HistoryPageProps {
  ctx: PageContext;
  entries: HistoryEntry[];
  criteria: { id: string; name: string }[];
  chart: ProgressChartProps | undefined;
  page: number;
  pages: number;
  total: number;
}

/** GET /history: the writer's own memos, newest first, with scores, and a progress chart. */
export function HistoryPage(p: HistoryPageProps) {
  const { t, plural, int } = p.ctx.i18n;
  const link = (n: number) => `/history?page=${n}`;
  return (
    <Page title={t('history.title')} ctx={p.ctx}>
      <h1>{t('history.heading')}</h1>
      {p.total === 0 ? (
        <p class="lead">
          {t('history.empty.before')} <a href="/">{t('history.empty.link')}</a>
          {t('history.empty.after')}
        </p>
      ) : null}
      {p.chart ? (
        <section aria-labelledby="progress-title">
          <h2 id="progress-title">{t('history.progress')}</h2>
          <ProgressChart {...p.chart} i18n={p.ctx.i18n} />
        </section>
      ) : null}
      {p.total > 0 ? (
        <section aria-labelledby="memos-title">
          <h2 id="memos-title">{t('history.memos')}</h2>
          <HistoryTable entries={p.entries} criteria={p.criteria} i18n={p.ctx.i18n} />
          <Pager
            id="history-pager"
            page={p.page}
            pages={p.pages}
            total={p.total}
            noun={['memo', 'memos']}
            hrefs={{ prev: p.page > 1 ? link(p.page - 1) : undefined, next: p.page < p.pages ? link(p.page + 1) : undefined, last: link(p.pages) }}
            labels={{
              count: plural('pager.count', p.total),
              pageOf: t('pager.pageOf', { page: int(p.page), pages: int(p.pages) }),
              pastEnd: t('pager.pastEnd', { page: int(p.page), pages: int(p.pages) }),
              goTo: t('pager.goTo', { pages: int(p.pages) }),
              prev: t('pager.prev'),
              next: t('pager.next'),
              nav: t('pager.label'),
            }}
          />
        </section>
      ) : null}
    </Page>
  );
}
