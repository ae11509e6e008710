import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { REQUEST_CHANNELS } from '@shared/host/contract';
import type { IpcRoute, SenderInfo } from './router';

function describeSender(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return { url: frame?.url ?? null, isMainFrame: frame !== null && frame.parent === null };
}

/**
 * Electron adapter: one `ipcMain.handle` per allowlisted channel, nothing else. Returns a
 * function that removes them again (used on shutdown and in a re-created composition).
 */
export function registerIpc(route: IpcRoute): () => void {
  for (const channel of REQUEST_CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) =>
      route(channel, describeSender(event), input),
    );
  }
  return () => {
    for (const channel of REQUEST_CHANNELS) ipcMain.removeHandler(channel);
  };
}
