import { create } from 'zustand';
import { EMPTY_INTAKE, type FieldErrors, type IntakeForm } from './intake-form';

/**
 * The request being typed. Kept outside the page, so a look at the queue in the middle of a phone
 * call does not wipe what the customer has dictated so far; cleared once the request is saved.
 */
interface IntakeDraftState {
  form: IntakeForm;
  /** null until a submit was tried; from then on the errors follow the typing. */
  errors: FieldErrors | null;
  set: (form: IntakeForm, errors: FieldErrors | null) => void;
  clear: () => void;
}

export const useIntakeDraft = create<IntakeDraftState>()((set) => ({
  form: EMPTY_INTAKE,
  errors: null,
  set: (form, errors) => set({ form, errors }),
  clear: () => set({ form: EMPTY_INTAKE, errors: null }),
}));
