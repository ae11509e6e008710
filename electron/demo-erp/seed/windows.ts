import { DateTime } from 'luxon';
import type { User } from '../../../shared/domain';
import type { MaintenanceWindow } from '../../../shared/maintenance/window';
import { DEMO_ORGANIZATIONS } from './organizations';

/*
 * The demo's maintenance windows, relative to "now": one that is over, one coming up, and one
 * coming up that was cancelled. All are evenings after 18:00 local, open on any day (§5), so
 * they keep to the allowed hours whatever the production calendar says of the date.
 */

const orgById = (id: string) => DEMO_ORGANIZATIONS.find((org) => org.id === id)!;

/** An evening from..to o'clock local, `days` after (negative: before) now's local date. */
function evening(nowMs: number, zone: string, days: number, from: number, to: number) {
  const day = DateTime.fromMillis(nowMs, { zone }).startOf('day').plus({ days });
  return {
    startsAt: day.set({ hour: from }).toUTC().toISO()!,
    endsAt: day.set({ hour: to }).toUTC().toISO()!,
  };
}

export function buildSeedWindows(nowMs: number, engineers: readonly User[]): MaintenanceWindow[] {
  const [first, second = first] = engineers;
  const by = (engineer: User | undefined, n: number, daysBefore: number) => ({
    author: engineer!.name,
    authorId: engineer!.id,
    commandId: `5eed0000-0000-4000-8000-00000000000${n}`,
    at: new Date(nowMs - daysBefore * 86_400_000).toISOString(),
  });
  const msk = orgById('org-msk-stolitsa');
  const nsk = orgById('org-nsk-oblbolnitsa');
  const ekb = orgById('org-ekb-uralmed');
  return [
    {
      id: '5eed0000-0000-4000-9000-000000000001',
      organizationId: msk.id,
      ...evening(nowMs, msk.timeZone, 3, 19, 23),
      unavailable: 'Отчёты по звонкам и выгрузка в 1С',
      mode: 'normal',
      planned: by(first, 1, 2),
      override: null,
      cancelled: null,
      version: 1,
    },
    {
      id: '5eed0000-0000-4000-9000-000000000002',
      organizationId: nsk.id,
      ...evening(nowMs, nsk.timeZone, -5, 20, 23),
      unavailable: 'Вся система: переход на новую версию сервера',
      mode: 'autonomous',
      planned: by(second, 2, 9),
      override: null,
      cancelled: null,
      version: 1,
    },
    {
      id: '5eed0000-0000-4000-9000-000000000003',
      organizationId: ekb.id,
      ...evening(nowMs, ekb.timeZone, 6, 19, 22),
      unavailable: 'Запись на приём через портал',
      mode: 'normal',
      planned: by(first, 3, 4),
      override: null,
      cancelled: { ...by(second, 4, 1), reason: 'Клиент попросил перенести на следующую неделю' },
      version: 2,
    },
  ];
}
