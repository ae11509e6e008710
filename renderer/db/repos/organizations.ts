import type { Organization } from '@shared/domain/ticket';
import type { AppDb } from '../schema';

export async function listOrganizations(db: AppDb): Promise<Organization[]> {
  const rows = await db.organizations.orderBy('name').toArray();
  return rows.flatMap((row) => (row.data ? [row.data] : []));
}

export async function getOrganization(db: AppDb, id: string): Promise<Organization | undefined> {
  return (await db.organizations.get(id))?.data ?? undefined;
}
