import { join } from 'node:path';
import type { MainPorts } from '../main-ports';
import { createSettingsStore, type SettingsStore } from '../services/settings-store';

/** settings.json in userData, loaded once; a file that cannot be used is reported, not lost. */
export async function openSettings(
  ports: Pick<MainPorts, 'files' | 'userData' | 'clock' | 'log'>,
): Promise<SettingsStore> {
  const settings = createSettingsStore({
    files: ports.files,
    path: join(ports.userData, 'settings.json'),
    now: () => new Date(ports.clock.now()),
    // No settings file but a demo ERP's data: an install from before the first-run screen, which
    // was using the demo all along and must not be asked again.
    ranBefore: async () => (await ports.files.size(join(ports.userData, 'demo-erp'))) !== null,
  });
  const loaded = await settings.load();
  if (loaded.problem) {
    ports.log.warn('settings', `${loaded.problem.source}: ${loaded.problem.detail}`);
  }
  return settings;
}
