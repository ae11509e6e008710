import { useTranslation } from 'react-i18next';
import { QUEUE_VIEWS, type QueueView } from './queue-filter';
import { useQueueFilters } from './useQueueFilters';

/**
 * «Мои», «Не назначены», «Все открытые», «Решённые», «Все»: which tickets the queue shows, with
 * how many each (the resolved ones once counted).
 */
export function QueueViewTabs({ counts }: { counts: Record<QueueView, number | null> }) {
  const { t } = useTranslation();
  const view = useQueueFilters((state) => state.view);
  const setView = useQueueFilters((state) => state.setView);
  return (
    <div className="segmented queue-views" role="group" aria-label={t('queue.views.label')}>
      {QUEUE_VIEWS.map((option) => (
        <button
          key={option}
          type="button"
          className="segmented__option"
          aria-pressed={view === option}
          data-testid={`queue-view-${option}`}
          onClick={() => setView(option)}
        >
          {t(`queue.views.${option}`)}
          {counts[option] !== null && <span className="segmented__count">{counts[option]}</span>}
        </button>
      ))}
    </div>
  );
}
