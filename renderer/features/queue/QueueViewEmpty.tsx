import { useTranslation } from 'react-i18next';
import type { QueueView } from './queue-filter';
import { useQueueFilters } from './useQueueFilters';

/** A view with nothing in it (no filter set): says why, and offers the view that has work. */
export function QueueViewEmpty({ view }: { view: QueueView }) {
  const { t } = useTranslation();
  const setView = useQueueFilters((state) => state.setView);
  const next: QueueView = view === 'mine' ? 'unassigned' : view === 'open' ? 'resolved' : 'open';
  return (
    <section className="panel queue-page__message" data-testid="queue-view-empty">
      <h2 className="empty-state__title">{t(`queue.viewEmpty.${view}.title`)}</h2>
      <p className="empty-state__body">{t(`queue.viewEmpty.${view}.body`)}</p>
      <button type="button" className="button" onClick={() => setView(next)}>
        {t('queue.viewEmpty.show', { view: t(`queue.views.${next}`) })}
      </button>
    </section>
  );
}
