import { saveBlob } from '../../lib/save-blob';

/**
 * Saves text as a file through the browser's download (Electron shows its save dialog): nothing
 * leaves the machine and no page storage is used.
 */
export function downloadTextFile(name: string, text: string, type: string): void {
  saveBlob(new Blob([text], { type }), name);
}
