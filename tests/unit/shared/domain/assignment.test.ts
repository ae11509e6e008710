import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyCommand,
  type ApplyOutcome,
  type CommandContext,
  type Organization,
  type Ticket,
  type User,
} from '@shared/domain';

// Who has a ticket: "take into work" (`react`) and `assign` (hand over, release), as the ERP and
// the device's optimistic view both apply them.

const org: Organization = {
  id: 'org-1',
  name: 'ООО «Ромашка»',
  timeZone: 'Europe/Moscow',
  calendar: 'RU',
  accounts: ['ivanov'],
  contactEmails: ['it@romashka.ru'],
  version: 1,
};

const TEAM: Record<string, User> = {
  andreev: { id: 'andreev', name: 'Андреев Павел', active: true, version: 1 },
  belova: { id: 'belova', name: 'Белова Марина', active: true, version: 1 },
  gusev: { id: 'gusev', name: 'Гусев Константин', active: false, version: 2 },
};
type Who = 'andreev' | 'belova';

// Wed 2025-11-05 is a working day in the RU calendar; everything happens within 10:00–12:00 MSK.
const CREATED = '2025-11-05T07:00:00.000Z';
let clock = Date.parse(CREATED);
let seq = 0;

function ctx(who: Who, baseVersion: number | null): CommandContext {
  clock += 60_000;
  const at = new Date(clock).toISOString();
  return {
    commandId: `cmd-${++seq}`,
    ticketId: 't-1',
    author: TEAM[who]!.name,
    authorId: who,
    at,
    adjusted: false,
    baseVersion,
    organization: org,
    users: (id) => TEAM[id],
    now: at,
  };
}

function created(): Ticket {
  clock = Date.parse(CREATED);
  const outcome = applyCommand(
    null,
    'create',
    {
      organizationId: 'org-1',
      account: 'ivanov',
      reporterEmail: 'it@romashka.ru',
      priority: 3,
      title: 'Не формируется отчёт',
      steps: 'Открыть отчёт',
      expected: 'Отчёт',
      actual: 'Ошибка',
      diagnostics: 'Сеть в норме',
      notUserSideConfirmed: true,
      createdAt: CREATED,
    },
    { ...ctx('andreev', null), nextNumber: () => 7 },
  );
  if (outcome.status !== 'applied') throw new Error('create failed');
  return outcome.ticket;
}

type Step = [Who, 'react' | 'assign' | 'comment', unknown];

/** Applies steps, each based on the version it finds (a device that saw the latest copy). */
function after(steps: Step[]): Ticket {
  let ticket = created();
  for (const [who, type, payload] of steps) {
    const outcome = applyCommand(ticket, type, payload, ctx(who, ticket.version));
    if (outcome.status !== 'applied') throw new Error(`${type}: ${JSON.stringify(outcome)}`);
    ticket = outcome.ticket;
  }
  return ticket;
}

const TOOK: Step = ['andreev', 'react', {}];
const HANDED_TO_BELOVA: Step = ['andreev', 'assign', { to: 'belova' }];

describe('take into work and hand over', () => {
  it.each<{
    case: string;
    before: Step[];
    act: Step;
    /** The version the acting device saw; undefined: the current one. */
    base?: number;
    expected: Partial<Record<'status' | 'code' | 'assignee' | 'holder', unknown>>;
  }>([
    {
      case: 'taking a new ticket assigns it to me',
      before: [],
      act: ['andreev', 'react', {}],
      expected: { status: 'applied', assignee: 'andreev' },
    },
    {
      case: 'taking my own ticket again changes nothing',
      before: [TOOK],
      act: ['andreev', 'react', {}],
      expected: { status: 'noop' },
    },
    {
      case: 'taking a colleague’s ticket is a conflict naming them',
      before: [TOOK],
      act: ['belova', 'react', {}],
      expected: {
        status: 'conflict',
        code: 'assigned_elsewhere',
        holder: { id: 'andreev', name: 'Андреев Павел' },
      },
    },
    {
      case: 'taking one a colleague took while I was offline: the same conflict',
      before: [TOOK],
      act: ['belova', 'react', {}],
      base: 1,
      expected: { status: 'conflict', code: 'assigned_elsewhere' },
    },
    {
      case: 'taking a released ticket',
      before: [TOOK, ['andreev', 'assign', { to: null }]],
      act: ['belova', 'react', {}],
      expected: { status: 'applied', assignee: 'belova' },
    },
    {
      case: 'handing over to an active colleague',
      before: [TOOK],
      act: ['andreev', 'assign', { to: 'belova' }],
      expected: { status: 'applied', assignee: 'belova' },
    },
    {
      case: 'releasing',
      before: [TOOK],
      act: ['andreev', 'assign', { to: null }],
      expected: { status: 'applied', assignee: null },
    },
    {
      case: 'handing over to the one who has it changes nothing',
      before: [TOOK],
      act: ['belova', 'assign', { to: 'andreev' }],
      expected: { status: 'noop' },
    },
    {
      case: 'releasing a ticket nobody has changes nothing',
      before: [],
      act: ['andreev', 'assign', { to: null }],
      expected: { status: 'noop' },
    },
    {
      case: 'handing over to someone the ERP does not know is refused, naming the field',
      before: [TOOK],
      act: ['andreev', 'assign', { to: 'nobody' }],
      expected: { status: 'rejected', code: 'unknown_user' },
    },
    {
      case: 'handing over to a deactivated colleague is refused',
      before: [TOOK],
      act: ['andreev', 'assign', { to: 'gusev' }],
      expected: { status: 'rejected', code: 'inactive_user' },
    },
    {
      case: 'a release decided before a colleague took the ticket over is a conflict naming her',
      // v2: taken by Андреев; v3: Белова took it over. The release was decided on v2.
      before: [TOOK, ['belova', 'assign', { to: 'belova' }]],
      act: ['andreev', 'assign', { to: null }],
      base: 2,
      expected: {
        status: 'conflict',
        code: 'assignment_changed',
        holder: { id: 'belova', name: 'Белова Марина' },
      },
    },
    {
      case: 'a hand-over decided before a colleague released it is a conflict: nobody has it',
      before: [TOOK, ['belova', 'assign', { to: null }]],
      act: ['andreev', 'assign', { to: 'belova' }],
      base: 2,
      expected: { status: 'conflict', code: 'assignment_changed', holder: null },
    },
    {
      case: 'taking a ticket offline and then handing it over: my own change is no conflict',
      before: [TOOK],
      act: ['andreev', 'assign', { to: 'belova' }],
      base: 1,
      expected: { status: 'applied', assignee: 'belova' },
    },
    {
      case: 'a hand-over on an older copy where only a comment came since is applied',
      before: [TOOK, ['belova', 'comment', { text: 'Позвонила клиенту' }]],
      act: ['andreev', 'assign', { to: 'belova' }],
      base: 2,
      expected: { status: 'applied', assignee: 'belova' },
    },
  ])('$case', ({ before, act, base, expected }) => {
    const ticket = after(before);
    const [who, type, payload] = act;
    const outcome = applyCommand(ticket, type, payload, ctx(who, base ?? ticket.version));
    expect(outcome.status).toBe(expected.status);
    if (expected.code !== undefined) expect(errorOf(outcome)?.code).toBe(expected.code);
    if ('holder' in expected) expect(errorOf(outcome)?.holder).toEqual(expected.holder);
    if ('assignee' in expected && outcome.status === 'applied')
      expect(outcome.ticket.assignee).toBe(expected.assignee);
  });

  it('names the person in the refusal, so the loser reads who has the ticket', () => {
    const outcome = applyCommand(after([TOOK]), 'react', {}, ctx('belova', 1));
    expect(errorOf(outcome)?.message).toBe(
      'react: Андреев Павел has already taken this ticket into work',
    );
    expect(
      errorOf(applyCommand(after([TOOK]), 'assign', { to: 'gusev' }, ctx('andreev', 2)))?.message,
    ).toBe('assign: payload.to "gusev" (Гусев Константин) is deactivated and cannot take tickets');
  });

  it.each([
    [{ to: '' }, 'payload.to to must not be empty'],
    [{ to: 5 }, 'payload.to to must be a user id (a string) or null'],
    [{}, 'payload.to to must be a user id (a string) or null'],
    [{ to: 'belova', note: 'x' }, 'payload. Unrecognized key: "note"'],
  ])('refuses the malformed assign payload %o, naming the field', (payload, message) => {
    expect(
      errorOf(applyCommand(after([TOOK]), 'assign', payload, ctx('andreev', 2))),
    ).toMatchObject({ code: 'invalid_payload', message: `assign: ${message}` });
  });

  it('records the first take as the SLA reaction and every change of hands, with names as they were', () => {
    const ticket = after([
      TOOK,
      HANDED_TO_BELOVA,
      ['belova', 'assign', { to: null }],
      ['andreev', 'react', {}],
    ]);
    // One reaction only: taking a released ticket again is a change of hands, not a response.
    expect(ticket.events.map((event) => [event.type, event.authorId])).toEqual([
      ['reacted', 'andreev'],
    ]);
    expect(
      ticket.assignments.map((a) => [
        a.authorId,
        a.from?.name ?? null,
        a.to?.name ?? null,
        a.version,
      ]),
    ).toEqual([
      ['andreev', null, 'Андреев Павел', 2],
      ['andreev', 'Андреев Павел', 'Белова Марина', 3],
      ['belova', 'Белова Марина', null, 4],
      ['andreev', null, 'Андреев Павел', 5],
    ]);
  });

  it('names a holder the team no longer lists by the name their hand-over recorded', () => {
    const ticket = after([TOOK, HANDED_TO_BELOVA]);
    const renamed = {
      ...ctx('andreev', ticket.version),
      users: (id: string) => (id === 'belova' ? undefined : TEAM[id]),
    };
    expect(errorOf(applyCommand(ticket, 'react', {}, renamed))?.holder).toEqual({
      id: 'belova',
      name: 'Белова Марина',
    });
  });

  it('names the holder of a ticket from before user ids by what it holds', () => {
    const old = { ...after([]), assignee: 'Демо-инженер' };
    expect(errorOf(applyCommand(old, 'react', {}, ctx('belova', old.version)))).toMatchObject({
      code: 'assigned_elsewhere',
      holder: { id: 'Демо-инженер', name: 'Демо-инженер' },
    });
  });
});

describe('properties of any sequence of takes and hand-overs', () => {
  const step = fc.record({
    who: fc.constantFrom<Who>('andreev', 'belova'),
    type: fc.constantFrom('react', 'assign'),
    to: fc.constantFrom(null, 'andreev', 'belova', 'gusev'),
    /** How many versions behind the device's copy is. */
    lag: fc.nat({ max: 3 }),
  });

  it('keeps one holder, a gapless chain of hand-overs and one reaction', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let ticket = created();
        for (const { who, type, to, lag } of steps) {
          const base = Math.max(1, ticket.version - lag);
          const outcome = applyCommand(
            ticket,
            type,
            type === 'assign' ? { to } : {},
            ctx(who, base),
          );
          if (outcome.status === 'applied') ticket = outcome.ticket;
        }
        const { assignments } = ticket;
        // The holder is whoever the last change handed it to.
        expect(ticket.assignee).toBe(assignments.at(-1)?.to?.id ?? null);
        // Each change starts from where the previous one left it, at a later version.
        assignments.forEach((record, i) => {
          const previous = assignments[i - 1];
          expect(record.from?.id ?? null).toBe(previous?.to?.id ?? null);
          expect(record.version).toBeGreaterThan(previous?.version ?? 1);
          expect(record.to?.id).not.toBe('gusev');
        });
        expect(
          ticket.events.filter((event) => event.type === 'reacted').length,
        ).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('gives a free ticket to exactly one of two engineers who take it from the same copy', () => {
    fc.assert(
      fc.property(fc.boolean(), (andreevFirst) => {
        const free = created();
        const [first, second]: [Who, Who] = andreevFirst
          ? ['andreev', 'belova']
          : ['belova', 'andreev'];
        const won = applyCommand(free, 'react', {}, ctx(first, 1));
        if (won.status !== 'applied') throw new Error('the first take failed');
        const lost = applyCommand(won.ticket, 'react', {}, ctx(second, 1));
        expect(won.ticket.assignee).toBe(first);
        expect(errorOf(lost)?.holder?.id).toBe(first);
      }),
    );
  });
});

function errorOf(outcome: ApplyOutcome) {
  return outcome.status === 'conflict' || outcome.status === 'rejected' ? outcome.error : null;
}
