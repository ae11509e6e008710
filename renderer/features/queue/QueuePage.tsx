import { useTranslation } from 'react-i18next';
import type { Settings } from '@shared/host/schemas';
import { QueueEmptyState } from './QueueEmptyState';
import { SlaTargetsCard } from './SlaTargetsCard';
import './queue.css';

export function QueuePage({ settings }: { settings: Settings | null }) {
  const { t } = useTranslation();
  // Tickets arrive with the sync engine; until the first sync the queue is honestly empty.
  const count = 0;
  return (
    <div className="queue-page">
      <div className="toolbar">
        <h1 className="toolbar__title">{t('queue.title')}</h1>
        <span className="badge" data-testid="queue-count">
          {t('queue.count', { count })}
        </span>
      </div>
      <div className="queue-page__body">
        <section className="panel queue-page__list" aria-label={t('queue.title')}>
          <QueueEmptyState settings={settings} />
        </section>
        <aside className="queue-page__aside">
          <SlaTargetsCard />
        </aside>
      </div>
    </div>
  );
}
