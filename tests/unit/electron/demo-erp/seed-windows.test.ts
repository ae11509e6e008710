import { describe, expect, it } from 'vitest';
import { DEMO_ORGANIZATIONS } from '../../../../electron/demo-erp/seed/organizations';
import { buildSeedWindows } from '../../../../electron/demo-erp/seed/windows';
import { checkWindowHours } from '../../../../shared/maintenance/allowed-hours';
import { maintenanceWindowEntity } from '../../../../shared/maintenance/window';
import { parseInstant } from '../../../../shared/sla/instants';

// The demo's windows relative to "now": 2026-12-08 12:00Z is a Tuesday; the RU calendar covers
// 2026 and 2027, so every date a week either side can be checked against §5.
const NOW = Date.parse('2026-12-08T12:00:00Z');
const ENGINEERS = [
  { id: 'andreev', name: 'Андреев Павел', active: true, version: 1 },
  { id: 'belova', name: 'Белова Марина', active: true, version: 1 },
];

describe('seeded maintenance windows', () => {
  const windows = buildSeedWindows(NOW, ENGINEERS);

  it('are valid entities that keep to the allowed hours of their organization', () => {
    for (const window of windows) {
      expect(maintenanceWindowEntity.safeParse(window).success, window.id).toBe(true);
      const org = DEMO_ORGANIZATIONS.find((o) => o.id === window.organizationId)!;
      expect(checkWindowHours(window, org), window.id).toEqual({ allowed: true });
      expect(parseInstant(window.planned.at)!).toBeLessThan(NOW);
    }
  });

  it('include one that is over, one coming up, and one coming up that was cancelled', () => {
    const kinds = windows.map((w) => [
      parseInstant(w.endsAt)! < NOW ? 'over' : 'coming',
      w.cancelled ? 'cancelled' : 'planned',
    ]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['over', 'planned'],
        ['coming', 'planned'],
        ['coming', 'cancelled'],
      ]),
    );
  });
});
