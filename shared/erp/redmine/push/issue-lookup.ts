import type { RedmineMapping } from '../mapping';

/**
 * How to find a ticket's issue: tickets that began in Redmine carry its id (`redmine-12`); tickets
 * the app created are found by the client ticket id field, which must be usable as a filter.
 */
export function issueLookup(
  ticketId: string,
  mapping: RedmineMapping,
): { kind: 'id'; issueId: number } | { kind: 'query'; query: Record<string, string> } {
  const own = /^redmine-(\d+)$/.exec(ticketId);
  if (own) return { kind: 'id', issueId: Number(own[1]) };
  return {
    kind: 'query',
    query: { status_id: '*', [`cf_${mapping.issueFields.clientTicketId}`]: ticketId, limit: '2' },
  };
}
