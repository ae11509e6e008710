import { describe, expect, it } from 'vitest';
import { createAlertFeedSource } from '../../../../renderer/features/alerts/alert-feed-source';
import { applyPulledPage } from '../../../../renderer/db/repos/pulled-changes';
import { intake } from '../../../fixtures/sync/inputs';
import { ORG, seededDb, serverTicket, T0, ticketChange } from '../db/db-fixture';

// T0 is Wed 25.11.2026 10:00 in Moscow (07:00Z); the fixture's repos act a minute later each time.
const NOW = T0 + 30 * 60_000;
const LEVELS = [0.75, 0.9, 1];
type Tail<T extends unknown[]> = T extends [unknown, ...infer Rest] ? Rest : never;

async function setup() {
  const { db, actions } = await seededDb();
  const bad: string[] = [];
  const buildFeed = createAlertFeedSource((id) => bad.push(id));
  // As the queue source hands them over: every open line, read from the database once.
  const readFeed = async (...args: Tail<Parameters<typeof buildFeed>>) =>
    buildFeed(await db.queue.toArray(), ...args);
  return { db, actions, readFeed, bad };
}

describe('alert feed from the local database', () => {
  it('sends every open ticket, from the server or still offline, in the window’s language', async () => {
    const { db, actions, readFeed } = await setup();
    await applyPulledPage(db, {
      changes: [ticketChange(serverTicket('srv-1'))],
      nextCursor: 'c1',
      hasMore: false,
    });
    const created = await actions.create(intake(ORG.id, 'Офлайн-заявка', 1));
    expect(created.ok).toBe(true);

    const feed = await readFeed(LEVELS, 'en', NOW, 0, 'Europe/Moscow');
    expect(feed.locale).toBe('en');
    expect(feed.tickets.map((t) => [t.number, t.organization, t.priority])).toEqual(
      expect.arrayContaining([
        [42, ORG.name, 2],
        [null, ORG.name, 1], // not registered by the ERP yet
      ]),
    );
  });

  it('re-plans only the tickets that changed', async () => {
    const { actions, readFeed } = await setup();
    const first = await actions.create(intake(ORG.id, 'Первая', 1));
    const second = await actions.create(intake(ORG.id, 'Вторая', 1));
    if (!first.ok || !second.ok) throw new Error('fixture');

    const before = await readFeed(LEVELS, 'ru', NOW, 0, 'Europe/Moscow');
    await actions.perform('react', first.ticketId, {});
    const after = await readFeed(LEVELS, 'ru', NOW + 60_000, 0, 'Europe/Moscow');

    const byId = (feed: typeof before, id: string) => feed.tickets.find((t) => t.ticketId === id);
    expect(byId(after, second.ticketId)).toBe(byId(before, second.ticketId));
    // Reacting stopped the reaction clock: only resolution is left to warn about.
    expect(byId(after, first.ticketId)!.clocks.map((c) => c.clock)).toEqual(['resolution']);
  });

  it('carries the clock offset the instants were planned with, and the zone, for the host', async () => {
    const { readFeed } = await setup();
    expect(await readFeed(LEVELS, 'ru', NOW, 7_380_000, 'Asia/Novosibirsk')).toMatchObject({
      clockOffsetMs: 7_380_000,
      timeZone: 'Asia/Novosibirsk',
    });
  });

  it('plans a ticket again when a new offset takes the corrected clock back', async () => {
    // A P1 created at T0+1 min: 75 % of its 1 h reaction at T0+46 min, 90 % at T0+55 min.
    const { actions, readFeed } = await setup();
    const created = await actions.create(intake(ORG.id, 'Срочная', 1));
    if (!created.ok) throw new Error('fixture');
    const marks = async (nowMs: number) =>
      (await readFeed(LEVELS, 'ru', nowMs, 0, 'Europe/Moscow')).tickets[0]!.clocks[0]!.marks.map(
        (m) => m.atMs,
      );
    // Read at T0+50 min (a clock running ahead): 75 % already reached.
    expect(await marks(T0 + 50 * 60_000)).toEqual([null, T0 + 55 * 60_000, T0 + 61 * 60_000]);
    // Measured again, the ERP time is T0+30 min: 75 % is ahead after all.
    expect(await marks(T0 + 30 * 60_000)).toEqual([
      T0 + 46 * 60_000,
      T0 + 55 * 60_000,
      T0 + 61 * 60_000,
    ]);
  });

  it('leaves resolved tickets out', async () => {
    const { actions, readFeed } = await setup();
    const created = await actions.create(intake(ORG.id, 'Решим сразу', 2));
    if (!created.ok) throw new Error('fixture');
    await actions.perform('resolve', created.ticketId, { result: 'Исправлено.' });
    expect((await readFeed(LEVELS, 'ru', NOW, 0, 'Europe/Moscow')).tickets).toEqual([]);
  });
});
