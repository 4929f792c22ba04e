const byteFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** A file size as people read it, in vi-VN digits: 512 → "512 B", 1536 → "1,5 KB", 5 MiB → "5 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${byteFormat.format(bytes / 1024)} KB`;
  return `${byteFormat.format(bytes / 1024 / 1024)} MB`;
}
