import type { Ticket } from '@shared/domain/ticket';
import type { CommandType } from '@shared/erp/commands';

export type TicketActionType = Exclude<CommandType, 'create'>;

/** What the toolbar offers: the commands, and "release" (an `assign` to nobody). */
export type ToolbarAction = TicketActionType | 'release';

/** Actions done with one click; the others open a small form. */
export const ONE_CLICK_ACTIONS: ReadonlySet<ToolbarAction> = new Set([
  'react',
  'resume',
  'release',
]);

/**
 * The actions that make sense in the ticket's current state, in the order the toolbar shows them
 * (the likely next step first). The shared rules (applyCommand) still have the last word.
 * - `react` (take into work) only while nobody has it: the ERP refuses it on a ticket in work by
 *   someone else, and a second react by the same engineer changes nothing.
 * - `assign` (hand over) and `release` while the ticket is open or paused; release only when
 *   someone has it.
 * - `schedule_fix` only for P4 (rule 6), `extend` only for P3 (rule 7), as the ticket is now.
 * - A resolved ticket can only be reopened, commented on or have work logged.
 */
export function availableActions(
  ticket: Pick<Ticket, 'state' | 'priority' | 'assignee'>,
): ToolbarAction[] {
  if (ticket.state === 'resolved') return ['reopen', 'comment', 'log_work'];
  const actions: ToolbarAction[] = [];
  if (ticket.assignee === null) actions.push('react');
  if (ticket.state === 'paused') actions.push('resume');
  else actions.push('pause');
  actions.push('resolve');
  if (ticket.priority === 4) actions.push('schedule_fix');
  if (ticket.priority === 3) actions.push('extend');
  actions.push('assign');
  if (ticket.assignee !== null) actions.push('release');
  actions.push('change_priority', 'comment', 'log_work');
  return actions;
}
