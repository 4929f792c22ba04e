// The text helpers of a state document (Nghị định 30), shared by a unit's report and the
// consolidated report.
import { WASTE_STREAM_LABELS } from '../../../shared/reporting-rules.js';
import type { BodyBlock } from '../../lib/documents/decree30-body.js';

/** The stream's label with a capital, for a table row: "Nông, lâm, thủy sản". */
export function streamLabel(stream: string): string {
  const label = (WASTE_STREAM_LABELS as Record<string, { vi: string }>)[stream]?.vi ?? stream;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** "BẾN TRE" → "Bến Tre". */
export function titleCase(text: string): string {
  return text
    .toLocaleLowerCase('vi')
    .split(/\s+/)
    .map((word) => word.charAt(0).toLocaleUpperCase('vi') + word.slice(1))
    .join(' ');
}

/** Text with line breaks becomes one paragraph per line. */
export function paragraphs(text: string): BodyBlock[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ kind: 'paragraph' as const, text: line }));
}
