import { useEffect, useState } from 'react';
import { navigateUnguarded, setNavigationGuard } from '../../app/route';

/**
 * While `dirty`, leaving is asked about instead of done: a route change (a link, the back button,
 * a notification click) waits on the page's own dialog, and a reload or a closing window gets the
 * browser's (in Electron, main's) question through beforeunload. Staying keeps every edit.
 */
export function useUnsavedChangesGuard(dirty: boolean) {
  const [pendingHash, setPendingHash] = useState<string | null>(null);

  useEffect(() => {
    if (!dirty) return;
    const removeGuard = setNavigationGuard((hash) => {
      setPendingHash(hash);
      return false;
    });
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older engines ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      removeGuard();
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [dirty]);

  return {
    pendingHash,
    stay: () => setPendingHash(null),
    leave: () => {
      const hash = pendingHash;
      setPendingHash(null);
      if (hash !== null) navigateUnguarded(hash);
    },
  };
}
