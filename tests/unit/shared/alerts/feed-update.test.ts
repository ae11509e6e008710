import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createFeedMirror,
  createFeedSender,
  type AlertFeedUpdateResult,
  type FeedMirror,
  type FeedSender,
} from '../../../../shared/alerts/feed-update';
import type { AlertFeedInput, AlertFeedTicket } from '../../../../shared/alerts/schemas';
import { requestInputSchemas } from '../../../../shared/host/request-schemas';

const schema = requestInputSchemas['alerts:update'];
const HOUR = 3_600_000;
// 2026-11-25T09:00:00Z, a Wednesday: any instant works, the feed only carries numbers.
const NOW = Date.parse('2026-11-25T09:00:00Z');

function ticket(id: string, priority: 1 | 2 | 3 | 4 = 2): AlertFeedTicket {
  return {
    ticketId: id,
    number: Number(id.slice(1)),
    organization: 'ООО «Ромашка»',
    priority,
    clocks: [
      {
        clock: 'reaction',
        targetMs: 4 * HOUR,
        dueAtMs: NOW + 4 * HOUR,
        workingHours: true,
        marks: [{ level: 0.75, atMs: NOW + 3 * HOUR }],
      },
    ],
  };
}

/** The host side as both hosts run it: the channel's schema, then the mirror. */
function hostAnswer(mirror: FeedMirror, input: unknown): AlertFeedUpdateResult | string {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return parsed.error.issues.map((issue) => issue.message).join('; ');
  const outcome = mirror.apply(parsed.data);
  if (outcome.kind === 'refused') return outcome.message;
  return outcome.kind === 'applied'
    ? { applied: true, version: parsed.data.version, scheduled: 0 }
    : { applied: false, reason: 'version_mismatch', version: outcome.version };
}

type Fate = 'delivered' | 'request_lost' | 'answer_lost';

/** One send as useAlertFeed does it: a mismatch is answered at once with the whole feed. */
function send(sender: FeedSender, mirror: FeedMirror, feed: AlertFeedInput, fate: Fate): void {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const update = sender.prepare(feed);
    if (fate === 'request_lost') return sender.settle(null);
    const answer = hostAnswer(mirror, structuredClone(update));
    if (typeof answer === 'string') throw new Error(`the host refused a valid update: ${answer}`);
    if (fate === 'answer_lost') return sender.settle(null);
    sender.settle(answer);
    if (answer.applied) return;
  }
}

const byId = (tickets: readonly AlertFeedTicket[]) =>
  new Map(tickets.map((entry) => [entry.ticketId, entry]));

const step = fc.oneof(
  fc.record({
    kind: fc.constant('upsert' as const),
    id: fc.integer({ min: 1, max: 12 }),
    priority: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
  }),
  fc.record({ kind: fc.constant('remove' as const), id: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('offset' as const), ms: fc.integer({ min: -HOUR, max: HOUR }) }),
  fc.record({
    kind: fc.constant('send' as const),
    fate: fc.constantFrom<Fate>('delivered', 'delivered', 'request_lost', 'answer_lost'),
  }),
  fc.constant({ kind: 'host_restart' as const }),
  fc.constant({ kind: 'window_reload' as const }),
);

describe('alerts:update deltas', () => {
  it('leave the host holding exactly the window’s feed after any run of changes, lost messages and restarts', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const tickets = new Map<string, AlertFeedTicket>();
        let clockOffsetMs = 0;
        let sender = createFeedSender();
        let mirror = createFeedMirror();
        const feed = (): AlertFeedInput => ({
          locale: 'ru',
          clockOffsetMs,
          tickets: [...tickets.values()],
        });
        for (const s of steps) {
          if (s.kind === 'upsert') tickets.set(`T${s.id}`, ticket(`T${s.id}`, s.priority));
          else if (s.kind === 'remove') tickets.delete(`T${s.id}`);
          else if (s.kind === 'offset') clockOffsetMs = s.ms;
          else if (s.kind === 'send') send(sender, mirror, feed(), s.fate);
          else if (s.kind === 'host_restart') mirror = createFeedMirror();
          else sender = createFeedSender();
        }
        // The next change the window sends, delivered: the host must then agree.
        send(sender, mirror, feed(), 'delivered');
        const held = mirror.feed();
        expect(held).not.toBeNull();
        expect(byId(held!.tickets)).toEqual(byId(feed().tickets));
        expect(held!.clockOffsetMs).toBe(clockOffsetMs);
      }),
      { numRuns: 400 },
    );
  });

  it('sends only what changed once the host confirmed a version', () => {
    const sender = createFeedSender();
    const mirror = createFeedMirror();
    const [a, b, c] = [ticket('T1'), ticket('T2'), ticket('T3')];
    send(sender, mirror, { locale: 'ru', tickets: [a, b] }, 'delivered');
    const changedB = ticket('T2', 1);
    const update = sender.prepare({ locale: 'ru', tickets: [changedB, c] });
    expect(update).toMatchObject({
      kind: 'delta',
      baseVersion: 1,
      version: 2,
      upsert: [changedB, c],
      remove: ['T1'],
    });
  });

  it('answers a delta on another version with a mismatch naming the version held, changing nothing', () => {
    const mirror = createFeedMirror();
    const full = schema.parse({ kind: 'full', version: 3, tickets: [ticket('T1')] });
    expect(mirror.apply(full)).toMatchObject({ kind: 'applied' });
    const stale = schema.parse({
      kind: 'delta',
      baseVersion: 2,
      version: 4,
      upsert: [],
      remove: ['T1'],
    });
    expect(mirror.apply(stale)).toEqual({ kind: 'mismatch', version: 3 });
    expect(mirror.feed()!.tickets.map((t) => t.ticketId)).toEqual(['T1']);
    expect(mirror.version()).toBe(3);
  });

  it('answers any delta to a host that holds no feed yet (just started) with a mismatch', () => {
    const delta = schema.parse({
      kind: 'delta',
      baseVersion: 1,
      version: 2,
      upsert: [],
      remove: [],
    });
    expect(createFeedMirror().apply(delta)).toEqual({ kind: 'mismatch', version: null });
  });

  it.each([
    [
      'a ticket both changed and removed',
      { upsert: [ticket('T1')], remove: ['T1'] },
      'ticket T1 appears twice in the delta',
    ],
    [
      'a ticket upserted twice',
      { upsert: [ticket('T2'), ticket('T2')] },
      'ticket T2 appears twice',
    ],
    [
      'a version that does not move',
      { version: 1 },
      'a delta must move the version forward (1 → 1)',
    ],
    ['an empty ticket id', { remove: [''] }, 'remove'],
    ['a ticket with priority 5', { upsert: [{ ...ticket('T1'), priority: 5 }] }, 'upsert'],
  ])('refuses a delta with %s, naming the problem', (_label, change, named) => {
    const input = { kind: 'delta', baseVersion: 1, version: 2, upsert: [], remove: [], ...change };
    const parsed = schema.safeParse(input);
    expect(parsed.success).toBe(false);
    const described = parsed
      .error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    expect(described).toContain(named);
  });

  it('refuses a delta that would make the feed larger than 100,000 tickets, keeping the feed as it was', () => {
    const mirror = createFeedMirror();
    const full = Array.from({ length: 100_000 }, (_, i) => ticket(`T${i + 1}`));
    mirror.apply({ kind: 'full', version: 1, locale: 'ru', clockOffsetMs: 0, tickets: full });
    const outcome = mirror.apply({
      kind: 'delta',
      baseVersion: 1,
      version: 2,
      locale: 'ru',
      clockOffsetMs: 0,
      upsert: [ticket('T100001')],
      remove: [],
    });
    expect(outcome).toEqual({
      kind: 'refused',
      message: 'the delta would make the feed 100001 tickets, more than 100000',
    });
    expect(mirror.version()).toBe(1);
    expect(mirror.feed()!.tickets).toHaveLength(100_000);
  });
});
