import { create } from 'zustand';
import { getAppDb } from '../../db/app-db';
import { dismissDeadLetter } from '../../db/repos/dead-letters';
import type { ToolbarAction } from '../ticket/available-actions';

/*
 * "Redo" for a refused action: the ticket page opens the form with what the user had typed (or
 * the intake, for a refused registration). UI state only: the dead letter itself stays in the
 * database until the redone action is recorded (then it is dropped) or the user discards it.
 */

export type RedoForm = ToolbarAction | 'create';

export interface RedoRequest {
  ticketId: string;
  /** The dead letter this redoes. */
  commandId: string;
  form: RedoForm;
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

/**
 * The action of `form` was recorded: if it redid a refused one, that one has now been applied
 * after all and leaves the list. `ticketId` null: a registration (its new ticket has a new id).
 */
export async function redoRecorded(ticketId: string | null, form: RedoForm): Promise<void> {
  const { request, clearRedo } = useRedoStore.getState();
  if (!request || request.form !== form) return;
  if (ticketId !== null && request.ticketId !== ticketId) return;
  clearRedo();
  await dismissDeadLetter(getAppDb(), request.commandId);
}

/**
 * The draft a form opens with to redo the refused action waiting for it (`build` reads its typed
 * fields as text); null when there is none, so the form opens with its own draft.
 */
export function redoDraft<T>(
  ticketId: string,
  form: ToolbarAction,
  build: (text: (field: string) => string) => T,
): T | null {
  return redoFor(ticketId, form) ? build((field) => prefilledText(ticketId, form, field)) : null;
}
