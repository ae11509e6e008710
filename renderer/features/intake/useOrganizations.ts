import { useLiveQuery } from 'dexie-react-hooks';
import type { Organization } from '@shared/domain/ticket';
import { getAppDb } from '../../db/app-db';
import { listOrganizations } from '../../db/repos/organizations';

/** The customers this computer knows, by name; live, so the first sync fills the list at once. */
export function useOrganizations(): Organization[] | undefined {
  return useLiveQuery(() => listOrganizations(getAppDb()), []);
}
