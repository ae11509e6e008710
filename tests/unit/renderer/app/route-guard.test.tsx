// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  navigateUnguarded,
  parseRoute,
  setNavigationGuard,
  useRoute,
} from '../../../../renderer/app/route';

/*
 * A page with unsaved edits may refuse a route change (the Settings page asks first). A hash
 * change cannot be cancelled, so the route store judges it before React renders anything else.
 */

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Where() {
  return <span>{useRoute().name}</span>;
}

let root: Root;
let container: HTMLElement;

/** Sets the hash as a link or the back button would, and lets hashchange run. */
async function goTo(hash: string): Promise<void> {
  await act(async () => {
    window.location.hash = hash;
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

beforeEach(async () => {
  window.history.replaceState(null, '', '/#/settings');
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(<Where />));
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('the navigation guard', () => {
  it('reads #/settings as the Settings page', () => {
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
    expect(container.textContent).toBe('settings');
  });

  it('keeps the page where it is when the guard refuses, and puts the address back', async () => {
    const guard = vi.fn(() => false);
    const remove = setNavigationGuard(guard);
    await goTo('#/diagnostics');
    expect(guard).toHaveBeenCalledWith('#/diagnostics');
    expect(container.textContent).toBe('settings');
    expect(window.location.hash).toBe('#/settings');
    remove();
  });

  it('goes past the guard when the user chose to leave, and once only', async () => {
    const guard = vi.fn(() => false);
    const remove = setNavigationGuard(guard);
    await act(async () => {
      navigateUnguarded('#/diagnostics');
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(container.textContent).toBe('diagnostics');
    expect(guard).not.toHaveBeenCalled();
    await goTo('#/');
    expect(container.textContent).toBe('diagnostics');
    remove();
  });

  it('lets every change through once the guard is removed', async () => {
    setNavigationGuard(() => false)();
    await goTo('#/intake');
    expect(container.textContent).toBe('intake');
  });
});
