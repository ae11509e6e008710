import { describe, expect, it } from 'vitest';
import { changesResponse, type Change } from '@shared/erp/protocol';
import { validateChanges } from '@shared/sync/entity-schemas';

// What a device accepts from the changes feed before storing a page: users (the team), and
// tickets that name people by id. A page with one bad entity is refused whole.

const user = { id: 'belova', name: 'Белова Марина', active: true, version: 2 };
const userChange = (data: unknown, patch: Partial<Change> = {}): Change => ({
  entity: 'user',
  id: 'belova',
  version: 2,
  deleted: false,
  data,
  ...patch,
});

const record = { commandId: 'c1', at: '2026-11-25T09:30:00Z' };
const ticket = {
  id: 't1',
  number: 7,
  organizationId: 'org',
  account: 'a',
  reporterEmail: 'a@b.ru',
  title: 't',
  steps: 's',
  expected: 'e',
  actual: 'a',
  diagnostics: 'd',
  notUserSideConfirmed: true,
  priority: 2,
  initialPriority: 2,
  createdAt: '2026-11-25T09:00:00Z',
  state: 'open',
  assignee: 'belova',
  result: null,
  releaseDate: null,
  events: [{ ...record, type: 'reacted', author: 'Андреев Павел', authorId: 'andreev' }],
  comments: [{ ...record, author: 'Андреев Павел', authorId: null, text: 'старая запись' }],
  workLogs: [],
  assignments: [
    {
      ...record,
      author: 'Андреев Павел',
      authorId: 'andreev',
      from: null,
      to: { id: 'andreev', name: 'Андреев Павел' },
      version: 2,
    },
    {
      ...record,
      commandId: 'c2',
      author: 'Андреев Павел',
      authorId: 'andreev',
      from: { id: 'andreev', name: 'Андреев Павел' },
      to: { id: 'belova', name: 'Белова Марина' },
      version: 3,
    },
  ],
  updatedAt: '2026-11-25T09:00:00Z',
  version: 3,
};
const ticketChange = (data: unknown): Change => ({
  entity: 'ticket',
  id: 't1',
  version: 3,
  deleted: false,
  data,
});

describe('user entities', () => {
  it.each([
    ['an active member', user],
    ['a deactivated one, with an e-mail', { ...user, active: false, email: 'm.belova@example.ru' }],
    ['one with a field a newer ERP added', { ...user, phone: '+7 383 000-00-00' }],
  ])('accepts %s', (_case, data) => {
    expect(validateChanges([userChange(data)])).toBeNull();
  });

  it('accepts a tombstone without data', () => {
    expect(validateChanges([userChange(null, { deleted: true })])).toBeNull();
  });

  it.each([
    ['without a name', { ...user, name: undefined }, 'data.name'],
    ['with a blank name', { ...user, name: '   ' }, 'data.name must not be empty'],
    ['with "active" as text', { ...user, active: 'yes' }, 'data.active'],
    [
      'with a version the change does not have',
      { ...user, version: 3 },
      'data.id/version do not match',
    ],
  ])('refuses a user %s, naming the field', (_case, data, message) => {
    expect(validateChanges([userChange(data)])).toEqual(
      expect.stringContaining(`changes.0 (user belova): ${message}`),
    );
  });

  it('is a kind of entity the wire schema knows; an unknown kind is refused there', () => {
    const page = (entity: string) => ({
      changes: [{ entity, id: 'x', version: 1, deleted: true, data: null }],
      nextCursor: 'c',
      hasMore: false,
    });
    expect(changesResponse.safeParse(page('user')).success).toBe(true);
    expect(changesResponse.safeParse(page('team')).success).toBe(false);
  });
});

describe('tickets that name people by id', () => {
  it('accept ids, a null id on records from before ids, and the hand-overs', () => {
    expect(validateChanges([ticketChange(ticket)])).toBeNull();
  });

  it.each([
    [
      'a record without authorId',
      { ...ticket, events: [{ ...record, type: 'reacted', author: 'Андреев Павел' }] },
      'data.events.0.authorId',
    ],
    ['no hand-over history', { ...ticket, assignments: undefined }, 'data.assignments'],
    [
      'a hand-over naming someone without a name',
      { ...ticket, assignments: [{ ...ticket.assignments[0], to: { id: 'andreev' } }] },
      'data.assignments.0.to.name',
    ],
    [
      'a hand-over without the version it produced',
      { ...ticket, assignments: [{ ...ticket.assignments[0], version: undefined }] },
      'data.assignments.0.version',
    ],
  ])('refuse %s, naming the field', (_case, data, field) => {
    expect(validateChanges([ticketChange(data)])).toEqual(
      expect.stringContaining(`changes.0 (ticket t1): ${field}`),
    );
  });
});
