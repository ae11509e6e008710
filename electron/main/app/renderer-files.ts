import { join } from 'node:path';
import { app } from 'electron';
import { resolveRendererLocation, type RendererLocation } from '../renderer-location';

export interface RendererFiles {
  location: RendererLocation;
  /** The built preload (CommonJS, self-contained: the sandbox lets it require only Electron). */
  preloadPath: string;
}

/** Where the window's page and preload are, relative to the folder of main's entry file. */
export function locateRendererFiles(mainDir: string): RendererFiles {
  return {
    location: resolveRendererLocation({
      devServerUrl: process.env['ELECTRON_RENDERER_URL'],
      isPackaged: app.isPackaged,
      rendererDir: join(mainDir, '../renderer'),
    }),
    preloadPath: join(mainDir, '../preload/index.cjs'),
  };
}
