import { create } from 'zustand';
import type { ToolbarAction } from '../ticket/available-actions';

/*
 * "Redo on the ticket as it is now" for a refused action: the ticket page opens the form with
 * what the user had typed. UI state only: the dead letter itself stays in the database until the
 * redone action is recorded (then it is dropped) or the user discards it.
 */

export interface RedoRequest {
  ticketId: string;
  /** The dead letter this redoes. */
  commandId: string;
  form: ToolbarAction;
  prefill: Record<string, unknown>;
}

interface RedoState {
  request: RedoRequest | null;
  requestRedo: (request: RedoRequest) => void;
  clearRedo: () => void;
}

export const useRedoStore = create<RedoState>()((set) => ({
  request: null,
  requestRedo: (request) => set({ request }),
  clearRedo: () => set({ request: null }),
}));

/** The redo waiting for this ticket's form, if any (read once, when the form opens). */
export function redoFor(ticketId: string, form: ToolbarAction): RedoRequest | null {
  const { request } = useRedoStore.getState();
  return request && request.ticketId === ticketId && request.form === form ? request : null;
}

/** A prefilled text field of the redo waiting for this form; '' when there is none. */
export function prefilledText(ticketId: string, form: ToolbarAction, field: string): string {
  const value = redoFor(ticketId, form)?.prefill[field];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return '';
}
