/** A file's size as people read it: 512 B, 3.4 kB, 52.4 MB; in thousands, as `tracelens ingest` counts what it read (lib/cli/progress.ts). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1000 * 1000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1000 / 1000).toFixed(1)} MB`;
}
