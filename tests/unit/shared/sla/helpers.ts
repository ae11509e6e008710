import type { Priority, SlaEvent, SlaTicket } from '@shared/sla';

export const HOUR = 3_600_000;

export function ticket(
  priority: Priority,
  createdAt: string,
  timeZone: string,
  events: SlaEvent[] = [],
  calendar?: string,
): SlaTicket {
  return { priority, createdAt, timeZone, events, ...(calendar ? { calendar } : {}) };
}
