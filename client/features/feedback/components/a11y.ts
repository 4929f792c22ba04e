import type { CSSProperties } from 'react';

/**
 * Mantine's default error red (#fa5252) is 3.3:1 on white, under WCAG AA; forms of these pages
 * set the error colour to red.9 (#c92a2a, 5.4:1) for their fields and messages.
 */
export const AA_ERRORS = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties;
