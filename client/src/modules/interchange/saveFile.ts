/**
 * Saves a file fetched by the page (not followed as a link) under `name`: an
 * object URL and a download link clicked once, then released.
 */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Released after the click has started the download (Chromium reads the blob asynchronously).
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
