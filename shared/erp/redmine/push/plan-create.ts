import { applyCommand } from '../../../domain';
import type { CommandPayload } from '../../commands';
import type { WireCommand } from '../../protocol';
import type { RedmineIssue } from '../redmine-json';
import { encodeNote } from '../trailer';
import type { PushContext, PushPlan } from './push-context';

const REGISTERED = 'Заявка зарегистрирована в приложении PROконтакт.';

/**
 * A `create` → `POST /issues.json`. `existing` is the issue the adapter found carrying this
 * ticket id in the client ticket id field (`cf_N=<ticket id>`): then the create already landed
 * (its answer was lost) and this one is a duplicate. The command is first judged by
 * `applyCommand`, exactly as the reference server judges it, so a bad intake is refused the same way.
 */
export function planCreate(
  command: WireCommand,
  existing: RedmineIssue | null,
  ctx: PushContext,
): PushPlan {
  if (existing) return { kind: 'duplicate', ticket: null };
  const at = command.clientCreatedAt;
  const outcome = applyCommand(null, 'create', command.payload, {
    commandId: command.commandId,
    ticketId: command.ticketId,
    author: ctx.author.name,
    authorId: String(ctx.author.id),
    at,
    adjusted: false,
    baseVersion: null,
    organization: ctx.organization,
    users: (id) => ctx.users.get(id),
    now: ctx.serverNow,
  });
  if (outcome.status === 'noop')
    return {
      kind: 'rejected',
      error: { code: 'invalid_payload', message: 'create: nothing to create' },
      ticket: null,
    };
  if (outcome.status !== 'applied')
    return { kind: outcome.status, error: outcome.error, ticket: null };
  const payload = command.payload as CommandPayload<'create'>;
  const { mapping } = ctx;
  const f = mapping.issueFields;
  const fields: { id: number; value: string }[] = [
    { id: f.clientTicketId, value: command.ticketId },
    { id: f.account, value: payload.account },
    { id: f.steps, value: payload.steps },
    { id: f.expected, value: payload.expected },
    { id: f.actual, value: payload.actual },
    { id: f.diagnostics, value: payload.diagnostics },
    { id: f.notUserSideConfirmed, value: '1' },
    { id: f.reporterEmail, value: payload.reporterEmail },
  ];
  const late = payload.lateRegistrationReason;
  if (late !== undefined && f.lateRegistrationReason !== null)
    fields.push({ id: f.lateRegistrationReason, value: late });
  // Without a field for it, the reason for a late registration stays readable in the description.
  const body =
    late !== undefined && f.lateRegistrationReason === null
      ? `${REGISTERED}\n\nПричина поздней регистрации: ${late}`
      : REGISTERED;
  const description = encodeNote(body, {
    id: command.commandId,
    type: 'create',
    at,
    by: String(ctx.author.id),
    ticket: command.ticketId,
    p: { createdAt: outcome.ticket.createdAt },
  });
  return {
    kind: 'write',
    writes: [
      {
        method: 'POST',
        path: '/issues.json',
        body: {
          issue: {
            project_id: Number(payload.organizationId),
            tracker_id: mapping.trackerId,
            status_id: mapping.statuses.new,
            priority_id: mapping.priorities[payload.priority],
            subject: payload.title,
            description,
            custom_fields: fields,
          },
        },
      },
    ],
    expected: outcome.ticket,
  };
}
