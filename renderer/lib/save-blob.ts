/**
 * Offers `blob` for saving under `name` (a Blob URL on a temporary <a download>). The copy is typed
 * application/octet-stream, so even an HTML or SVG file is a download, never a page the app would
 * render or run.
 */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(new Blob([blob], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the download reads the Blob after this call returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
