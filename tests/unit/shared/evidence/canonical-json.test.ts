import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  buildEvidencePack,
  canonicalEvidenceJson,
  type EvidencePack,
} from '../../../../shared/evidence';
import { sha256OfBytes } from '../../../../renderer/features/attachments/data/content-hash';
import {
  newYearTicket,
  ORGANIZATION,
  PENDING_COMMENT_ID,
  USERS,
} from '../../../fixtures/evidence/new-year-ticket';

const build = (ticket = newYearTicket()) =>
  buildEvidencePack({
    ticket,
    organization: ORGANIZATION,
    users: (id) => USERS.find((user) => user.id === id),
    pendingCommandIds: new Set([PENDING_COMMENT_ID]),
    generatedAt: '2027-02-01T09:00:00.000Z',
    appVersion: '0.1.0',
  });

const hashOf = (pack: EvidencePack) =>
  sha256OfBytes(new TextEncoder().encode(canonicalEvidenceJson(pack)));

/** A deep copy whose objects list their keys in the order `order` picks (same content). */
function reordered(value: unknown, order: (keys: string[]) => string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => reordered(item, order));
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  return Object.fromEntries(
    order(Object.keys(source)).map((key) => [key, reordered(source[key], order)]),
  );
}

describe('canonicalEvidenceJson', () => {
  test('the same ticket gives byte-identical JSON and the same SHA-256 on every build', async () => {
    const first = canonicalEvidenceJson(build());
    expect(canonicalEvidenceJson(build())).toBe(first);
    expect(await hashOf(build())).toBe(await hashOf(build()));
    // Canonical: no whitespace, keys sorted (RFC 8785).
    expect(first.startsWith('{"asOf":"2027-01-12T10:00:00.000Z","asOfBasis":"resolution",')).toBe(
      true,
    );
    expect(first).not.toMatch(/\n/);
  });

  test('the order keys were inserted in never changes the bytes', async () => {
    const pack = build();
    const reference = canonicalEvidenceJson(pack);
    await fc.assert(
      fc.asyncProperty(fc.integer(), async (seed) => {
        const shuffle = (keys: string[]) =>
          [...keys].sort((a, b) => (hashKey(a, seed) - hashKey(b, seed)) | 0 || a.localeCompare(b));
        const copy = reordered(pack, shuffle) as EvidencePack;
        expect(canonicalEvidenceJson(copy)).toBe(reference);
      }),
      { numRuns: 60 },
    );
  });

  test('any change to any event changes the hash', async () => {
    const reference = await hashOf(build());
    let compared = 0;
    const fields = fc.constantFrom('at', 'author', 'note', 'adjusted', 'receivedAt', 'type');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 3 }), fields, async (index, field) => {
        const ticket = newYearTicket();
        const event = { ...ticket.events[index]! } as Record<string, unknown>;
        if (field === 'at')
          event.at = new Date(Date.parse(event.at as string) - 60_000).toISOString();
        else if (field === 'author') event.author = 'Кто-то другой';
        else if (field === 'note') event.note = `${(event.note as string | undefined) ?? ''}!`;
        else if (field === 'adjusted') event.adjusted = event.adjusted !== true;
        else if (field === 'receivedAt') event.receivedAt = '2027-01-13T00:00:00.000Z';
        else event.type = event.type === 'reacted' ? 'resolved' : 'reacted';
        ticket.events = ticket.events.map((original, i) =>
          i === index ? (event as never) : original,
        );
        let changed: string;
        try {
          changed = await hashOf(build(ticket));
        } catch {
          // The engine refused the edited history: no pack, so no hash to collide.
          return;
        }
        expect(changed).not.toBe(reference);
        compared += 1;
      }),
      { numRuns: 80 },
    );
    // Most edits leave a history the engine accepts: the property is not vacuous.
    expect(compared).toBeGreaterThan(40);
  });
});

function hashKey(key: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < key.length; i += 1) h = Math.imul(h ^ key.charCodeAt(i), 0x9e3779b1);
  return h;
}
