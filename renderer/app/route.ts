import { useSyncExternalStore } from 'react';

/**
 * Where the window is: the queue, one ticket, the intake form, the reports, the maintenance
 * windows, the diagnostics or the settings page. Kept in the URL hash so a notification click, the back button and a reload all land on
 * the same place in both hosts.
 */
export type Route =
  | { name: 'queue' }
  | { name: 'ticket'; ticketId: string }
  | { name: 'intake' }
  | { name: 'diagnostics' }
  | { name: 'settings' }
  | { name: 'reports' }
  | { name: 'maintenance' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const ticket = /^\/ticket\/([^/?#]+)$/.exec(path);
  if (ticket?.[1]) return { name: 'ticket', ticketId: decodeSegment(ticket[1]) };
  if (path === '/intake') return { name: 'intake' };
  if (path === '/diagnostics') return { name: 'diagnostics' };
  if (path === '/settings') return { name: 'settings' };
  if (path === '/reports') return { name: 'reports' };
  if (path === '/maintenance') return { name: 'maintenance' };
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
    case 'settings':
      return '#/settings';
    case 'reports':
      return '#/reports';
    case 'maintenance':
      return '#/maintenance';
    case 'queue':
      return '#/';
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

/*
 * Leaving a page with unsaved edits can be refused (the Settings page asks first). A hash change
 * cannot be cancelled, so the one listener below judges it before React hears of it, and a
 * refused one is put back with replaceState (which fires no event): the page never left.
 */

/** Answers whether the window may go to `hash`; false keeps it where it is. */
export type NavigationGuard = (hash: string) => boolean;

let guard: NavigationGuard | null = null;
let accepted: string | null = null;
let bypassOnce = false;
const listeners = new Set<() => void>();

/** Installs the guard; returns its removal. One at a time: the page on screen. */
export function setNavigationGuard(next: NavigationGuard): () => void {
  guard = next;
  return () => {
    if (guard === next) guard = null;
  };
}

/** Goes to `hash` past the guard: the user chose to leave without saving. */
export function navigateUnguarded(hash: string): void {
  if (window.location.hash === hash) return;
  bypassOnce = true;
  window.location.hash = hash;
}

function onHashChange(): void {
  const hash = window.location.hash;
  if (hash === accepted) return;
  const allowed = bypassOnce || guard === null || guard(hash);
  bypassOnce = false;
  if (!allowed) {
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}${accepted ?? ''}`);
    return;
  }
  accepted = hash;
  for (const listener of listeners) listener();
}

function subscribe(onChange: () => void): () => void {
  if (listeners.size === 0) {
    accepted = window.location.hash;
    window.addEventListener('hashchange', onHashChange);
  }
  listeners.add(onChange);
  return () => {
    listeners.delete(onChange);
    if (listeners.size === 0) window.removeEventListener('hashchange', onHashChange);
  };
}

const currentHash = () =>
  listeners.size > 0 && accepted !== null ? accepted : window.location.hash;

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, currentHash));
}
