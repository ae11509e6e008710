/** How long to wait for a recorded action to show (a live query away): about a second. */
const MAX_FRAMES = 60;

/**
 * Moves the focus to the timeline entry of a just-recorded command once it is rendered, or to
 * `fallback` if it does not appear (a command that adds no entry). The form that had the focus
 * is gone; the entry says what was recorded and that it waits to be sent.
 */
export function focusRecordedEntry(commandId: string, fallback: () => HTMLElement | undefined) {
  let frames = 0;
  const attempt = () => {
    const entry = document.querySelector<HTMLElement>(
      `[data-command-id="${CSS.escape(commandId)}"]`,
    );
    if (entry) {
      entry.focus();
      return;
    }
    if (++frames < MAX_FRAMES) requestAnimationFrame(attempt);
    else fallback()?.focus();
  };
  requestAnimationFrame(attempt);
}

/**
 * Once the toolbar no longer offers `done` (the ticket's new state has been rendered), focuses
 * its next step: the first of `nextSteps` on offer, else the first button.
 */
export function focusNextStep<T>(
  buttons: ReadonlyMap<T, HTMLButtonElement>,
  done: T,
  nextSteps: readonly T[],
) {
  let frames = 0;
  const attempt = () => {
    if (buttons.has(done) && ++frames < MAX_FRAMES) {
      requestAnimationFrame(attempt);
      return;
    }
    const next = nextSteps.map((step) => buttons.get(step)).find(Boolean);
    (next ?? buttons.values().next().value)?.focus();
  };
  requestAnimationFrame(attempt);
}
