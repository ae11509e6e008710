import type { RedmineIssue, JournalDetail } from '@shared/erp/redmine/redmine-json';
import type { RedmineWrite } from '@shared/erp/redmine/push/push-context';

/**
 * What Redmine does with the writes the push plans, as far as the pull reads it (checked against
 * the recorded answers: a PUT appends one journal with the note and a detail per changed
 * attribute or custom field, stamped with the server's time to the second).
 */
export function issueFromCreate(
  write: RedmineWrite,
  id: number,
  user: { id: number; name: string },
  now: string,
): RedmineIssue {
  const body = write.body['issue'] as Record<string, unknown>;
  const at = toSecond(now);
  return {
    id,
    project: { id: body['project_id'] as number, name: 'project' },
    tracker: { id: body['tracker_id'] as number, name: 'tracker' },
    status: { id: body['status_id'] as number, name: 'status' },
    priority: { id: body['priority_id'] as number, name: 'priority' },
    author: user,
    subject: body['subject'] as string,
    description: (body['description'] as string).replace(/\n/g, '\r\n'),
    custom_fields: (body['custom_fields'] as { id: number; value: string }[]).map((f) => ({
      id: f.id,
      name: `cf ${f.id}`,
      value: f.value,
    })),
    created_on: at,
    updated_on: at,
    journals: [],
  };
}

export function applyPut(
  issue: RedmineIssue,
  write: RedmineWrite,
  user: { id: number; name: string },
  now: string,
): RedmineIssue {
  const body = write.body['issue'] as Record<string, unknown>;
  const details: JournalDetail[] = [];
  const next: RedmineIssue = { ...issue, custom_fields: [...issue.custom_fields] };
  const attr = (name: 'status_id' | 'priority_id' | 'assigned_to_id', old: number | undefined) => {
    if (!(name in body)) return;
    const value = body[name] === '' ? null : String(body[name]);
    if ((old === undefined ? null : String(old)) === value) return;
    details.push({
      property: 'attr',
      name,
      old_value: old === undefined ? null : String(old),
      new_value: value,
    });
    if (name === 'status_id') next.status = { id: Number(value), name: 'status' };
    if (name === 'priority_id') next.priority = { id: Number(value), name: 'priority' };
    if (name === 'assigned_to_id') {
      if (value === null) delete next.assigned_to;
      else next.assigned_to = { id: Number(value), name: `user ${value}` };
    }
  };
  attr('status_id', issue.status.id);
  attr('priority_id', issue.priority.id);
  attr('assigned_to_id', issue.assigned_to?.id);
  for (const field of (body['custom_fields'] as { id: number; value: string }[] | undefined) ??
    []) {
    const index = next.custom_fields.findIndex((f) => f.id === field.id);
    const old = index >= 0 ? (next.custom_fields[index]!.value as string | null) : null;
    if (old === field.value) continue;
    details.push({
      property: 'cf',
      name: String(field.id),
      old_value: old ?? null,
      new_value: field.value,
    });
    if (index >= 0)
      next.custom_fields[index] = { ...next.custom_fields[index]!, value: field.value };
    else next.custom_fields.push({ id: field.id, name: `cf ${field.id}`, value: field.value });
  }
  const journals = issue.journals ?? [];
  const id = journals.reduce((max, j) => Math.max(max, j.id), 0) + 1;
  next.journals = [
    ...journals,
    {
      id,
      user,
      notes: (body['notes'] as string | undefined) ?? '',
      created_on: toSecond(now),
      private_notes: false,
      details,
    },
  ];
  next.updated_on = toSecond(now);
  return next;
}

const toSecond = (iso: string) =>
  new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
