import { afterEach, describe, expect, it, vi } from 'vitest';
import { chromeVersion } from '../../../../renderer/lib/browser-diagnostics';
import { createLogRing } from '../../../../renderer/lib/log-ring';

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the browser host's log ring", () => {
  it('keeps the newest lines, in main.log format, redacted', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const ring = createLogRing(3, () => new Date('2026-12-02T19:30:00Z'));
    ring.add('warn', 'erp', 'GET /health: erp_unreachable: Failed to fetch');
    for (const n of [1, 2, 3]) ring.add('warn', 'erp', `attempt ${n} with Bearer abc${n}`);
    expect(ring.lines()).toEqual([
      '2026-12-02T19:30:00.000Z WARN  erp attempt 1 with Bearer [redacted]',
      '2026-12-02T19:30:00.000Z WARN  erp attempt 2 with Bearer [redacted]',
      '2026-12-02T19:30:00.000Z WARN  erp attempt 3 with Bearer [redacted]',
    ]);
    expect(warn).toHaveBeenCalledTimes(4);
  });

  it('hands out copies', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const ring = createLogRing(5);
    ring.add('warn', 'alerts', 'one');
    ring.lines().push('forged');
    expect(ring.lines()).toHaveLength(1);
  });
});

describe('chromeVersion', () => {
  it.each([
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.7444.59 Safari/537.36',
      '142.0.7444.59',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/142.0.0.0 Safari/537.36', '142.0.0.0'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', null],
  ])('%s', (agent, expected) => {
    expect(chromeVersion(agent)).toBe(expected);
  });
});
