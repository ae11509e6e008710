import { create } from 'zustand';

/**
 * UI state only (what is open, dismissed, selected) — never copies of tickets or settings, which
 * belong to the database and the host.
 */
interface UiState {
  dismissedNotices: ReadonlySet<string>;
  dismissNotice: (id: string) => void;
}

export const useUiStore = create<UiState>()((set) => ({
  dismissedNotices: new Set(),
  dismissNotice: (id) =>
    set((state) => ({ dismissedNotices: new Set(state.dismissedNotices).add(id) })),
}));
