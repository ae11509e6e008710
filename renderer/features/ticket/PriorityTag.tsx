import { useTranslation } from 'react-i18next';
import type { Priority } from '@shared/sla';

/** The coloured priority mark (colours `--p1..--p4` of app.css), short or with its name. */
export function PriorityTag({ priority, long = false }: { priority: Priority; long?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`ticket-priority ticket-priority--p${priority}`}>
      {long ? t(`ticket.priorityNames.p${priority}`) : t(`ticket.priorities.p${priority}`)}
    </span>
  );
}
