import { fileURLToPath } from 'node:url';
import { electronMainPorts } from './adapters/electron-main-ports';
import { startedHidden } from './adapters/electron-login-item';
import { openMainLog, startWhenReady, wireLifecycle } from './app/lifecycle';
import { locateRendererFiles } from './app/renderer-files';
import { claimSingleInstance, showOnSecondInstance } from './app/single-instance';
import { createWindowManagement } from './app/window-management';
import { composeMain } from './compose-main';
import { registerIpc } from './ipc/register';
import { installSecurityGuards } from './security';
import { leavePromptFor } from './services/leave-prompt';

// The main process, in the order Electron needs it. Behaviour lives in the modules (app/ for the
// process's life, modules/ for the services composeMain wires); this file only connects them.

// This entry file's folder (never a chunk's): the page and the preload are found from it.
const mainDir = fileURLToPath(new URL('.', import.meta.url));

if (claimSingleInstance()) {
  const log = openMainLog();
  startWhenReady(log, async () => {
    const files = locateRendererFiles(mainDir);
    const windows = createWindowManagement(files);
    const main = await composeMain(
      electronMainPorts({ log, window: windows, trusted: files.location.trusted }),
    );
    registerIpc(main.route);
    installSecurityGuards(files.location.trusted);
    const { tray } = main.settings.current();
    windows.open({
      showWhenReady: !startedHidden(process.argv, tray.startHidden),
      closeToTray: () => main.settings.current().tray.closeToTray,
      leavePrompt: () => leavePromptFor(main.settings.current().ui.language),
    });
    showOnSecondInstance(windows);
    wireLifecycle({ main, windows, log });
  });
}
