import type { WebContents } from 'electron';
import type { EventChannel, EventPayload } from '@shared/host/contract';

/** Typed host → renderer event; silently skipped while no window is alive. */
export function sendHostEvent<E extends EventChannel>(
  contents: WebContents | null | undefined,
  event: E,
  payload: EventPayload<E>,
): void {
  if (contents && !contents.isDestroyed()) contents.send(event, payload);
}
