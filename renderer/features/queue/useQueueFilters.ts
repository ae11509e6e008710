import { create } from 'zustand';
import type { Priority } from '@shared/sla';
import {
  NO_FILTERS,
  type AssigneeFilter,
  type QueueFilters,
  type QueueView,
  type StatusFilter,
} from './queue-filter';
import type { ResolutionPeriod } from './resolution-period';

interface QueueFilterState extends QueueFilters {
  setView: (view: QueueView) => void;
  togglePriority: (priority: Priority) => void;
  setStatus: (status: StatusFilter) => void;
  setOrganization: (organizationId: string | null) => void;
  setAssignee: (assignee: AssigneeFilter) => void;
  setSearch: (search: string) => void;
  setPeriod: (period: ResolutionPeriod) => void;
  clear: () => void;
}

/**
 * What the queue is narrowed to: UI state, kept while the engineer opens a ticket and comes back.
 * It opens on "mine"; clearing the filters keeps the view.
 */
export const useQueueFilters = create<QueueFilterState>()((set) => ({
  ...NO_FILTERS,
  setView: (view) => set({ view }),
  togglePriority: (priority) =>
    set((state) => ({
      priorities: state.priorities.includes(priority)
        ? state.priorities.filter((p) => p !== priority)
        : [...state.priorities, priority].sort(),
    })),
  setStatus: (status) => set({ status }),
  setOrganization: (organizationId) => set({ organizationId }),
  setAssignee: (assignee) => set({ assignee }),
  setSearch: (search) => set({ search }),
  setPeriod: (period) => set({ period }),
  clear: () => set((state) => ({ ...NO_FILTERS, view: state.view })),
}));
