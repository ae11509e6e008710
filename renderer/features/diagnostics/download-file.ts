/**
 * Saves text as a file through the browser's download (Electron shows its save dialog): a Blob
 * URL on a temporary <a download>, so nothing leaves the machine and no page storage is used.
 */
export function downloadTextFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
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
