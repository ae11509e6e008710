import type { Organization, TicketEventRecord } from '@shared/domain/ticket';
import type { ReportTicket } from '@shared/reports';
import type { Priority, SlaEvent } from '@shared/sla';

export const MOSCOW: Organization = {
  id: 'org-msk',
  name: 'Moscow customer',
  timeZone: 'Europe/Moscow',
  calendar: 'RU',
  accounts: [],
  contactEmails: [],
  version: 1,
};
export const VLADIVOSTOK: Organization = { ...MOSCOW, id: 'org-vvo', timeZone: 'Asia/Vladivostok' };

export function ticket(
  id: string,
  organizationId: string,
  priority: Priority,
  createdAt: string,
  events: SlaEvent[] = [],
): ReportTicket {
  return {
    id,
    number: null,
    title: id,
    organizationId,
    initialPriority: priority,
    createdAt,
    events: events.map((event, index): TicketEventRecord => ({
      ...event,
      author: 'engineer',
      authorId: null,
      commandId: `${id}-${index}`,
    })),
  };
}

const H = 3_600_000;
export const hours = (n: number) => n * H;

// Calendar facts (ru-production-calendar.json, 2027): 1 Jan (Fri) and 4–8 Jan are holidays, so the
// first working day of 2027 is Mon 11 Jan; Sat 20 Feb is a working day shortened to 09:00–17:00
// (pre-holiday), and Mon 22 / Tue 23 Feb are holidays. Moscow is UTC+3 all year, Vladivostok UTC+10.
export const FIXTURE_TICKETS: ReportTicket[] = [
  // New Year: created on a holiday, the clock waits for Mon 11 Jan 09:00. P2 reaction due 13:00
  // (met at 12:00, 3 h); resolution 24 h = 11 Jan 9 h + 12 Jan 9 h + 13 Jan 6 h → due 13 Jan
  // 15:00, resolved 16:00: breached with 25 h counted.
  ticket('A', MOSCOW.id, 2, '2027-01-01T10:00:00+03:00', [
    { type: 'reacted', at: '2027-01-11T12:00:00+03:00' },
    { type: 'resolved', at: '2027-01-13T16:00:00+03:00' },
  ]),
  // Working Saturday and a P3 extension: created Fri 19 Feb 17:00; reaction 8 h = Fri 1 h + Sat
  // 09:00–16:00 → reacted Sat 15:00 (7 h, met). Resolution 40 h + 16 h extension = 56 h: Fri 1,
  // Sat 8 (short day), Wed 24–Fri 26 27, Mon 1 Mar 9, Tue 2 Mar 9 → resolved Tue 2 Mar 17:00
  // with 53 h counted: met, in March. At the end of February 36 h were counted.
  ticket('B', MOSCOW.id, 3, '2027-02-19T17:00:00+03:00', [
    { type: 'reacted', at: '2027-02-20T15:00:00+03:00' },
    { type: 'extended', at: '2027-02-24T10:00:00+03:00', hours: 16 },
    { type: 'resolved', at: '2027-03-02T17:00:00+03:00' },
  ]),
  // P4 fix date: created Tue 12 Jan 09:00, reacted 10:00 (1 h); the fix-date answer on Fri 15 Jan
  // 12:00 stops resolution at 9+9+9+3 = 30 h of 40 (met); the later `resolved` changes nothing.
  ticket('C', MOSCOW.id, 4, '2027-01-12T09:00:00+03:00', [
    { type: 'reacted', at: '2027-01-12T10:00:00+03:00' },
    { type: 'fix_scheduled', at: '2027-01-15T12:00:00+03:00', releaseDate: '2027-02-01' },
    { type: 'resolved', at: '2027-02-01T10:00:00+03:00' },
  ]),
  // A pause: Mon 18 Jan 09:00, reacted 09:30 (0.5 h), paused 12:00 awaiting info until Tue 12:00
  // (24 h wall clock, not counted), resolved Tue 15:00: 3 h + 3 h = 6 h of 24, met.
  ticket('D', MOSCOW.id, 2, '2027-01-18T09:00:00+03:00', [
    { type: 'reacted', at: '2027-01-18T09:30:00+03:00' },
    { type: 'paused', at: '2027-01-18T12:00:00+03:00', reason: 'awaiting_user_info' },
    { type: 'resumed', at: '2027-01-19T12:00:00+03:00' },
    { type: 'resolved', at: '2027-01-19T15:00:00+03:00' },
  ]),
  // P1 counts every hour: created Sat 30 Jan 22:00, reacted 22:30; resolution due Sun 31 Jan
  // 06:00 and resolved only Mon 1 Feb 10:00: breached in January (when the deadline passed), with
  // 26 h counted at the end of January (22:00 → 24:00 on the 31st).
  ticket('E', MOSCOW.id, 1, '2027-01-30T22:00:00+03:00', [
    { type: 'reacted', at: '2027-01-30T22:30:00+03:00' },
    { type: 'resolved', at: '2027-02-01T10:00:00+03:00' },
  ]),
  // Resolved across the month boundary: Fri 29 Jan 17:00, reacted 17:30 (0.5 h, January);
  // resolution due Wed 3 Feb 14:00 (1 + 9 + 9 + 5 h), resolved Tue 2 Feb 12:00 with 1 + 9 + 3 =
  // 13 h: open at the end of January (1 h counted), met in February.
  ticket('F', MOSCOW.id, 2, '2027-01-29T17:00:00+03:00', [
    { type: 'reacted', at: '2027-01-29T17:30:00+03:00' },
    { type: 'resolved', at: '2027-02-02T12:00:00+03:00' },
  ]),
  // Another organization (UTC+10), never answered: reaction due Mon 11 Jan 13:00, resolution
  // due Wed 13 Jan 15:00 local: both breached in January.
  ticket('G', VLADIVOSTOK.id, 2, '2027-01-11T09:00:00+10:00'),
];

export const ORGANIZATIONS = [MOSCOW, VLADIVOSTOK];
/** After every fixture event: the ticket page's "now". */
export const LATER = '2027-03-10T12:00:00Z';
