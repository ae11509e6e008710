/**
 * Puts text on the clipboard; false when the browser or the desktop host refuses (no permission,
 * the window not focused, no Clipboard API), so the caller can say so and offer the text itself.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
