import { useLiveQuery } from 'dexie-react-hooks';
import { getAppDb } from '../../db/app-db';
import {
  loadOrganizationHistory,
  type OrganizationHistory,
} from '../../db/repos/organization-history';

/** How many of the organization's last resolved tickets the ticket page lists. */
export const RESOLVED_SHOWN = 5;

/** The organization's other tickets, live from IndexedDB (offline too); undefined while read. */
export function useOrganizationHistory(
  organizationId: string,
  ticketId: string,
): OrganizationHistory | undefined {
  return useLiveQuery(
    () => loadOrganizationHistory(getAppDb(), organizationId, ticketId, RESOLVED_SHOWN),
    [organizationId, ticketId],
  );
}
