import { useLiveQuery } from 'dexie-react-hooks';
import type { MaintenanceWindowView } from '@shared/maintenance/window-view';
import { getAppDb } from '../../../db/app-db';
import { listMaintenanceWindows } from '../../../db/repos/maintenance-windows';

export type { MaintenanceWindowView } from '@shared/maintenance/window-view';

/**
 * The maintenance windows (of one organization, or all), newest first, live from IndexedDB
 * (offline too): the ERP's copies merged with this device's unsent (`pending`) and refused
 * (`refusal`) window commands. Undefined while first read.
 */
export function useMaintenanceWindows(
  filter: { organizationId?: string } = {},
): MaintenanceWindowView[] | undefined {
  const { organizationId } = filter;
  return useLiveQuery(
    () =>
      listMaintenanceWindows(getAppDb(), organizationId === undefined ? {} : { organizationId }),
    [organizationId],
  );
}
