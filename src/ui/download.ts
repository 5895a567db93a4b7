// Offers a file for download: the game file, a save, the debrief's report and charts, the teams' comparison.

/** Saves `blob` as `name` through a temporary link; the object URL is released once the browser has taken it. */
export function downloadBlob(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
