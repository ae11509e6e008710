import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  isEventChannel,
  isRequestChannel,
  type EventChannel,
  type EventPayload,
  type HostBridge,
} from '@shared/host/contract';
import { fail } from '@shared/host/result';

/*
 * The whole surface the page gets: `request` and `on`, limited to the allowlisted channels.
 * ipcRenderer itself is never exposed — with it, any script in the page could send anything.
 * Imports only the dependency-free contract module, so this bundle stays tiny.
 */

const bridge: HostBridge = {
  request(channel, ...args) {
    if (!isRequestChannel(channel)) {
      return Promise.resolve(fail('unknown_channel', 'Unknown host channel'));
    }
    // invoke rejects only when the message cannot be delivered or cloned; turn that into a
    // value as well so the renderer handles exactly one shape.
    return ipcRenderer
      .invoke(channel, args[0])
      .catch(() => fail('internal', `${channel} could not be delivered to the desktop host`));
  },

  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void) {
    if (!isEventChannel(event)) return () => undefined;
    // The IPC event object (with `sender`) stays here; the page receives the payload only.
    const wrapped = (_event: IpcRendererEvent, payload: EventPayload<E>) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('prokontakt', bridge);
