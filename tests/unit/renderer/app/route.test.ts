import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute } from '../../../../renderer/app/route';

describe('parseRoute', () => {
  it.each([
    ['', { name: 'queue' }],
    ['#/', { name: 'queue' }],
    ['#/intake', { name: 'intake' }],
    ['#/diagnostics', { name: 'diagnostics' }],
    ['#/settings', { name: 'settings' }],
    ['#/reports', { name: 'reports' }],
    ['#/maintenance', { name: 'maintenance' }],
    ['#/somewhere/else', { name: 'queue' }],
    ['#/ticket/42', { name: 'ticket', ticketId: '42' }],
    ['#/ticket/%D0%9F-7', { name: 'ticket', ticketId: 'П-7' }],
    ['#/ticket/a%2Fb', { name: 'ticket', ticketId: 'a/b' }],
  ])('reads %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  // decodeURIComponent throws URIError on these; the window used to go blank on such a link.
  it.each(['%E0', '%', '%ZZ', 'abc%E0%A4', '%D0'])(
    'keeps the malformed escape %j as the ticket id, so the ticket page says "not found"',
    (segment) => {
      expect(parseRoute(`#/ticket/${segment}`)).toEqual({ name: 'ticket', ticketId: segment });
    },
  );

  it.each(['42', 'П-7', 'a/b', '%E0', 'a b?c#d'])('reads back what hrefOf wrote for %j', (id) => {
    expect(parseRoute(hrefOf({ name: 'ticket', ticketId: id }))).toEqual({
      name: 'ticket',
      ticketId: id,
    });
  });
});
