import { createRequestDispatcher, type DispatcherOptions } from '@shared/host/dispatch';
import type { HostHandlers } from '@shared/host/request-schemas';
import { fail, type HostResult } from '@shared/host/result';

/** What main knows about the frame that sent an IPC message (from `event.senderFrame`). */
export interface SenderInfo {
  /** null when the frame was destroyed or navigated away before main looked. */
  url: string | null;
  isMainFrame: boolean;
}

export interface IpcRouterOptions extends DispatcherOptions {
  handlers: HostHandlers;
  /** Decides whether a sender is the app's own page (see trusted-url.ts). */
  isTrustedSender: (sender: SenderInfo) => boolean;
  /** Told about rejected senders: these are worth a line in the log. */
  onForbiddenSender?: (channel: string, sender: SenderInfo) => void;
}

export type IpcRoute = (
  channel: string,
  sender: SenderInfo,
  input: unknown,
) => Promise<HostResult<unknown>>;

/**
 * The whole IPC policy in one pure function, so it is testable without Electron: sender check
 * first (a frame we did not load learns nothing, not even whether its payload was valid), then
 * the allowlist and schema, then the handler. Always resolves with a result value.
 */
export function createIpcRouter(options: IpcRouterOptions): IpcRoute {
  const dispatch = createRequestDispatcher(options.handlers, options);
  return async (channel, sender, input) => {
    let trusted = false;
    try {
      trusted = sender.url !== null && sender.isMainFrame && options.isTrustedSender(sender);
    } catch {
      trusted = false;
    }
    if (!trusted) {
      options.onForbiddenSender?.(channel, sender);
      return fail('forbidden_sender', 'Request refused: it did not come from the app window');
    }
    return dispatch(channel, input);
  };
}
