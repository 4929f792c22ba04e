import type { KeyboardEvent } from 'react';

/**
 * `onKeyDown` of a dialog's form whose confirmation cannot be undone: Enter in a one-line
 * field does not submit it (the browser's implicit submission); the person presses the button.
 */
export function blockEnterSubmit(event: KeyboardEvent<HTMLFormElement>) {
  const target = event.target as HTMLElement;
  if (event.key === 'Enter' && target instanceof HTMLInputElement) event.preventDefault();
}
