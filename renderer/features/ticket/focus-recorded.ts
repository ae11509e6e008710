/** How long to wait for the recorded action to appear in the timeline (a live query away). */
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
