import { useTranslation } from 'react-i18next';
import type { Organization } from '@shared/domain/ticket';
import type { Priority } from '@shared/sla';

interface ReportFiltersProps {
  organizations: readonly Organization[];
  organizationIds: readonly string[];
  priorities: readonly Priority[];
  onOrganizations: (ids: string[]) => void;
  onPriorities: (priorities: Priority[]) => void;
}

const PRIORITIES: readonly Priority[] = [1, 2, 3, 4];

/** Nothing ticked means everything: a filter only ever removes. */
export function ReportFilters(props: ReportFiltersProps) {
  const { t } = useTranslation();
  const toggle = <T,>(list: readonly T[], value: T) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  return (
    <>
      <fieldset className="reports__filter reports__filter--organizations">
        <legend>
          {t('reports.organizations')}
          {props.organizationIds.length === 0 && ` (${t('reports.allOrganizations')})`}
        </legend>
        <div className="reports__choices">
          {props.organizations.map((organization) => (
            <label key={organization.id}>
              <input
                type="checkbox"
                checked={props.organizationIds.includes(organization.id)}
                onChange={() =>
                  props.onOrganizations(toggle(props.organizationIds, organization.id))
                }
              />
              {organization.name}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="reports__filter">
        <legend>{t('reports.priorities')}</legend>
        <div className="reports__choices">
          {PRIORITIES.map((priority) => (
            <label key={priority}>
              <input
                type="checkbox"
                checked={props.priorities.includes(priority)}
                onChange={() => props.onPriorities(toggle(props.priorities, priority))}
              />
              {`P${priority}`}
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}
