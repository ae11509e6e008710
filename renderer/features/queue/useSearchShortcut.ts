import { useEffect } from 'react';

/** The key that focuses the queue's search: not taken by Chromium or Electron, typed with no modifier. */
export const SEARCH_SHORTCUT = '/';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * «/» anywhere on the queue page (but in a field, where it is just a character) focuses and
 * selects the search box, as in mail clients and trackers; Ctrl+F stays the browser's own find.
 */
export function useSearchShortcut(searchId: string): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== SEARCH_SHORTCUT || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      const search = document.getElementById(searchId);
      if (!(search instanceof HTMLInputElement) || search.disabled) return;
      event.preventDefault();
      search.focus();
      search.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [searchId]);
}
