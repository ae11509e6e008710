import type { CommandType } from '@shared/erp/commands';
import type { CreateInput } from '../../../../renderer/db/repos/ticket-actions';
import type { AppDb } from '../../../../renderer/db/schema';

export type PlannedAction =
  | { type: 'create'; input: CreateInput }
  | { type: Exclude<CommandType, 'create'>; ticketId: string; payload: Record<string, unknown> };

const ORGANIZATIONS = ['org-msk-stolitsa', 'org-ekb-uralmed', 'org-kgd-yantar'];
const EVERY_NTH_IS_AN_INTAKE = 10;

/** An engineer's work on one ticket, start to finish: what a long offline day consists of. */
const WORKFLOW: Array<(n: number) => [Exclude<CommandType, 'create'>, Record<string, unknown>]> = [
  () => ['react', {}],
  (n) => ['comment', { text: `Проверяю на стенде, шаг ${n}` }],
  () => ['pause', { reason: 'awaiting_user_info', note: 'Запрошен журнал ошибок' }],
  () => ['resume', {}],
  (n) => ['resolve', { result: `Исправлено настройкой сервера (${n})` }],
];

export function intakeInput(n: number): CreateInput {
  return {
    organizationId: ORGANIZATIONS[n % ORGANIZATIONS.length]!,
    account: 'operator01',
    reporterEmail: 'it@example.ru',
    priority: ((n % 4) + 1) as 1 | 2 | 3 | 4,
    title: `Отчёт не формируется (${n})`,
    steps: 'Открыть журнал обращений, нажать «Сформировать».',
    expected: 'Отчёт сформирован.',
    actual: 'Ошибка PK-1042, отчёт не формируется.',
    diagnostics: 'Повторяется на двух рабочих местах, сеть в норме.',
    notUserSideConfirmed: true,
  };
}

/**
 * Open tickets nobody has taken yet, in id order: every workflow step is allowed on them. Read by
 * a scan that stops once it has enough, so it needs no particular index.
 */
export async function freeTicketIds(db: AppDb, take: number): Promise<string[]> {
  const ids = await db.tickets
    .filter((row) => row.view?.state === 'open' && row.view.assignee === null)
    .limit(take)
    .primaryKeys();
  if (ids.length < take) throw new Error(`only ${ids.length} free open tickets, ${take} needed`);
  return ids;
}

export function ticketsNeeded(commands: number): number {
  const onTickets = commands - Math.floor(commands / EVERY_NTH_IS_AN_INTAKE);
  return Math.ceil(onTickets / WORKFLOW.length);
}

/** `commands` actions: every tenth an intake, the rest the workflow, ticket after ticket. */
export function planBacklog(ticketIds: readonly string[], commands: number): PlannedAction[] {
  const plan: PlannedAction[] = [];
  let step = 0;
  for (let n = 1; n <= commands; n++) {
    if (n % EVERY_NTH_IS_AN_INTAKE === 0) {
      plan.push({ type: 'create', input: intakeInput(n) });
      continue;
    }
    const ticketId = ticketIds[Math.floor(step / WORKFLOW.length)]!;
    const [type, payload] = WORKFLOW[step % WORKFLOW.length]!(n);
    plan.push({ type, ticketId, payload });
    step++;
  }
  return plan;
}
