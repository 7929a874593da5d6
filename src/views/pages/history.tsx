import type { PageContext } from '../../http/page-context.ts';
import { isoDate } from '../format.ts';
import { Page } from '../layouts/page.tsx';
import { Pager } from '../partials/pager.tsx';
import { ProgressChart, type ProgressChartProps } from '../partials/progress-chart.tsx';

export interface HistoryEntry {
  submissionId: number;
  evaluationId: number;
  createdAt: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  overall: number | null;
  band: string | null;
  scores: Record<string, number>;
  excerpt: string;
  isRevision: boolean;
}

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
  const { t, plural, int, date } = p.ctx.i18n;
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
          <div class="table-wrap">
            <table class="data-table">
              <caption>{t('history.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('history.submitted')}</th>
                  <th scope="col">{t('history.memo')}</th>
                  <th scope="col" class="num">{t('history.overall')}</th>
                  {p.criteria.map((c) => (
                    <th scope="col" class="num">
                      {c.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {p.entries.map((e) => (
                  <tr>
                    <th scope="row">
                      <a href={`/evaluations/${e.evaluationId}`}>
                        <time datetime={isoDate(e.createdAt)}>{date(e.createdAt)}</time>
                      </a>
                    </th>
                    <td class="excerpt">
                      {e.isRevision ? <span class="tag">{t('history.revision')}</span> : null} {e.excerpt}
                    </td>
                    <td class="num">{e.status === 'done' && e.overall !== null ? `${e.overall.toFixed(1)} · ${e.band ?? ''}` : t(`status.${e.status}`)}</td>
                    {p.criteria.map((c) => (
                      <td class="num">{e.scores[c.id] ?? '–'}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
