import { useSyncExternalStore } from 'react';

/**
 * Where the window is: the queue, one ticket, the intake form or the diagnostics page. Kept in the
 * URL hash so a notification click, the back button and a reload all land on the same place in
 * both hosts.
 */
export type Route =
  | { name: 'queue' }
  | { name: 'ticket'; ticketId: string }
  | { name: 'intake' }
  | { name: 'diagnostics' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const ticket = /^\/ticket\/([^/?#]+)$/.exec(path);
  if (ticket?.[1]) return { name: 'ticket', ticketId: decodeSegment(ticket[1]) };
  if (path === '/intake') return { name: 'intake' };
  if (path === '/diagnostics') return { name: 'diagnostics' };
  return { name: 'queue' };
}

/**
 * A link with a broken escape (`%E0`, typed or cut short) names no ticket we could have: it is
 * kept as written, so the ticket page says "not found" instead of the window failing to render.
 */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'ticket':
      return `#/ticket/${encodeURIComponent(route.ticketId)}`;
    case 'intake':
      return '#/intake';
    case 'diagnostics':
      return '#/diagnostics';
    case 'queue':
      return '#/';
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = () => window.location.hash;

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, currentHash));
}
