import type { CommandPayload, CommandType } from '../../shared/erp/commands';
import { PAUSE_REASONS } from '../../shared/sla/types';
import type { Device } from '../fixtures/sync/device';
import { intake } from '../fixtures/sync/inputs';
import type { Prng } from '../fixtures/sync/prng';

type Action = { [T in Exclude<CommandType, 'create'>]: [T, CommandPayload<T>] }[Exclude<
  CommandType,
  'create'
>];

const ORGS = ['org-msk-stolitsa', 'org-ekb-uralmed', 'org-kgd-yantar'];
/** Whom a hand-over goes to: the harness's three engineers, a colleague without a device, nobody. */
const ASSIGNEES = ['andreev', 'belova', 'gusev', 'nikitina', null];

function randomAction(prng: Prng): Action {
  const hour = 3_600_000;
  const start = Date.now() - prng.int(2, 48) * hour;
  switch (prng.int(0, 10)) {
    case 0:
      return ['react', {}];
    case 1:
      return ['pause', { reason: prng.pick(PAUSE_REASONS), note: 'пауза из фаззинга' }];
    case 2:
      return ['resume', {}];
    case 3:
      return ['resolve', { result: 'Исправлено настройкой сервера' }];
    case 4:
      return ['reopen', { reason: 'Ошибка повторилась' }];
    case 5:
      return ['change_priority', { to: prng.pick([1, 2, 3, 4] as const) }];
    case 6:
      return [
        'log_work',
        {
          startedAt: new Date(start).toISOString(),
          endedAt: new Date(start + hour).toISOString(),
          note: 'выезд',
        },
      ];
    case 7:
      return ['extend', { hours: prng.int(1, 16), note: 'согласовано с заказчиком' }];
    case 8:
      return ['schedule_fix', { releaseDate: '2027-03-01' }];
    case 9:
      return ['assign', { to: prng.pick(ASSIGNEES) }];
    default:
      return ['comment', { text: `комментарий ${prng.int(0, 1e6)}` }];
  }
}

/**
 * One random user action on a random ticket the device shows (sometimes a new intake). Actions
 * the local rules refuse are simply not taken, as a user would see the button disabled.
 */
export async function randomUserAction(device: Device, prng: Prng): Promise<void> {
  if (prng.chance(0.08)) {
    await device.create(
      intake(
        prng.pick(ORGS),
        `Заявка фаззинга ${prng.int(0, 1e6)}`,
        prng.pick([1, 2, 3, 4] as const),
      ),
    );
    return;
  }
  const ids = await device.db.tickets.filter((row) => row.view !== null).primaryKeys();
  if (ids.length === 0) return;
  const [type, payload] = randomAction(prng);
  await device.perform(type as never, prng.pick(ids), payload as never);
}
