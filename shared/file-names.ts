// Names of downloaded files.
import { foldText } from './text.js';

/** Text as an ASCII file-name part: "Xã Giao Long" → "xa-giao-long". */
export function fileSlug(text: string, maxLength = 80): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

/**
 * A report's downloaded file name: "bao-cao-nam-2026-xa-giao-long.docx" — the year and the unit's
 * full name without diacritics, ASCII only, so it reads the same in every browser and mail client.
 */
export function reportFileName(year: number, unitFullName: string, extension: 'docx' | 'xlsx'): string {
  const slug = fileSlug(unitFullName);
  return `bao-cao-nam-${year}${slug ? `-${slug}` : ''}.${extension}`;
}
