import { create } from 'zustand';
import type { AttachProblem } from './attach-problems';

/**
 * Files the intake could not attach right after the create (the device's quota, storage
 * refusing): said on the new ticket's page, where the user lands. UI state only.
 */
interface AttachHandoff {
  problemsByTicket: ReadonlyMap<string, AttachProblem[]>;
  handOver: (ticketId: string, problems: AttachProblem[]) => void;
  take: (ticketId: string) => AttachProblem[];
}

export const useAttachHandoff = create<AttachHandoff>()((set, get) => ({
  problemsByTicket: new Map(),
  handOver: (ticketId, problems) =>
    set((state) => ({ problemsByTicket: new Map(state.problemsByTicket).set(ticketId, problems) })),
  take: (ticketId) => {
    const problems = get().problemsByTicket.get(ticketId) ?? [];
    if (problems.length > 0) {
      const rest = new Map(get().problemsByTicket);
      rest.delete(ticketId);
      set({ problemsByTicket: rest });
    }
    return problems;
  },
}));
