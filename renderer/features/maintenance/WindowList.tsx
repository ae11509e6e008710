import { useTranslation } from 'react-i18next';
import type { Organization } from '@shared/domain/ticket';
import { useNowEvery } from '../../lib/useNow';
import { groupWindows, type WindowView } from './window-groups';
import { WindowCard } from './WindowCard';

interface WindowListProps {
  windows: readonly WindowView[];
  organizations: readonly Organization[];
  onCancel: (id: string) => void;
  onLetter: (window: WindowView) => void;
}

const GROUPS = ['running', 'upcoming', 'past'] as const;

/** The windows per organization: running now, upcoming, then past and cancelled. */
export function WindowList({ windows, organizations, onCancel, onLetter }: WindowListProps) {
  const { t } = useTranslation();
  const now = useNowEvery(60_000);
  const byOrganization = new Map<string, WindowView[]>();
  for (const window of windows) {
    const list = byOrganization.get(window.organizationId) ?? [];
    list.push(window);
    byOrganization.set(window.organizationId, list);
  }
  const nameOf = (id: string) => organizations.find((o) => o.id === id)?.name ?? id;
  const ids = [...byOrganization.keys()].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  return (
    <section className="maintenance-list" aria-labelledby="window-list-title">
      <h2 className="maintenance-list__title" id="window-list-title">
        {t('maintenance.list.title')}
      </h2>
      {ids.length === 0 && <p className="maintenance-list__empty">{t('maintenance.list.empty')}</p>}
      {ids.map((id) => {
        const organization = organizations.find((o) => o.id === id);
        const groups = groupWindows(byOrganization.get(id) ?? [], now);
        return (
          <section
            key={id}
            className="maintenance-list__organization"
            data-testid="window-organization"
          >
            <h3 className="maintenance-list__name">{nameOf(id)}</h3>
            {GROUPS.filter((group) => groups[group].length > 0).map((group) => (
              <div key={group} className="maintenance-list__group">
                <h4 className="maintenance-list__group-title">{t(`maintenance.list.${group}`)}</h4>
                <ul className="maintenance-list__windows">
                  {groups[group].map((window) => (
                    <WindowCard
                      key={window.id}
                      window={window}
                      organization={organization}
                      cancellable={group !== 'past' && !window.refusal && !window.cancelled}
                      onCancel={onCancel}
                      onLetter={onLetter}
                    />
                  ))}
                </ul>
              </div>
            ))}
          </section>
        );
      })}
    </section>
  );
}
