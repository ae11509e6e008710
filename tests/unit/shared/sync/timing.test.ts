import { describe, expect, it } from 'vitest';
import { backoffDelay, BACKOFF_CAP_MS, RETRY_AFTER_CAP_MS } from '../../../../shared/sync/backoff';
import { measureOffset, toWireCommand } from '../../../../shared/sync/stamp';
import type { OutboxEntry } from '../../../../shared/sync/ports';

describe('backoff', () => {
  it('is uniform below min(cap, 1 s · 2^attempt)', () => {
    expect(backoffDelay(0, 0.5, null)).toBe(500);
    expect(backoffDelay(3, 0.5, null)).toBe(4_000);
    expect(backoffDelay(40, 0.999999, null)).toBeLessThan(BACKOFF_CAP_MS);
    expect(backoffDelay(5, 0, null)).toBe(0);
  });
  it('never waits less than Retry-After, nor absurdly long', () => {
    expect(backoffDelay(0, 0.1, 30_000)).toBe(30_000);
    expect(backoffDelay(10, 0.9, 1_000)).toBeGreaterThan(1_000);
    expect(backoffDelay(0, 0, 10 * 24 * 3600_000)).toBe(RETRY_AFTER_CAP_MS);
  });
});

describe('clock offset', () => {
  it('takes the midpoint of the exchange', () => {
    const sent = Date.parse('2026-11-25T10:00:00Z');
    expect(measureOffset(sent, sent + 400, '2026-11-25T11:00:00.200Z')).toEqual({
      offsetMs: 3_600_000,
      rttMs: 400,
      measuredAt: sent + 400,
    });
  });
  it('ignores samples too slow to say anything', () => {
    expect(measureOffset(0, 60_000, '2026-11-25T11:00:00Z')).toBeNull();
    expect(measureOffset(10, 5, '2026-11-25T11:00:00Z')).toBeNull();
  });
});

describe('stamping', () => {
  const entry = (offsetMs: number | null, payload: Record<string, unknown> = {}): OutboxEntry => ({
    seq: 1,
    commandId: 'c',
    type: 'create',
    ticketId: 't',
    baseVersion: null,
    payload,
    actedAt: Date.parse('2027-11-25T10:00:00Z'),
    offsetMs,
    author: 'a',
    authorId: 'a',
  });
  const YEAR = Date.parse('2027-11-25T10:00:00Z') - Date.parse('2026-11-25T10:00:00Z');
  it('uses the offset known when the engineer acted', () => {
    expect(toWireCommand(entry(-YEAR), 0).clientCreatedAt).toBe('2026-11-25T10:00:00.000Z');
  });
  it('uses the offset known now for a command stamped before any was measured', () => {
    expect(toWireCommand(entry(null), -YEAR).clientCreatedAt).toBe('2026-11-25T10:00:00.000Z');
  });
  it('gives a create without createdAt the instant of the action; an explicit one stays', () => {
    expect(toWireCommand(entry(-YEAR), null).payload['createdAt']).toBe('2026-11-25T10:00:00.000Z');
    expect(
      toWireCommand(entry(-YEAR, { createdAt: '2026-11-25T08:00:00Z' }), null).payload['createdAt'],
    ).toBe('2026-11-25T08:00:00Z');
  });
});
