import { createContext } from 'react';

/**
 * The drafts of one ticket, read before any of its forms opens (by key). A form that finds its
 * draft here opens with it at once; without it, the form would open a moment later, after its
 * own read, and a quick second click would land on the toolbar instead of the form.
 */
export interface DraftPreload {
  fields: ReadonlyMap<string, unknown>;
}

export const DraftPreloadContext = createContext<DraftPreload | null>(null);
