import type { Message } from './errors.js';

/**
 * Server messages that are stored and shown later — notice titles and bodies, job progress notes,
 * job errors — are written in both languages and read in the language of the request that shows
 * them, like the errors of lib/errors.ts. They stay in the existing text columns as the JSON of
 * `{ vi, en }`; text written before (or by a writer not yet converted) is plain Vietnamese and
 * reads the same in both languages.
 */

export type Language = 'vi' | 'en';

const PREFIX = '{"vi":';

/** The stored form of a bilingual message (a text column). */
export function storeMessage(message: Message): string {
  return JSON.stringify({ vi: message.vi, en: message.en });
}

/** A stored text as a bilingual message: stored JSON is read back; plain text is the same in both languages. */
export function readMessage(stored: string): Message {
  if (stored.startsWith(PREFIX)) {
    try {
      const parsed = JSON.parse(stored) as Partial<Message>;
      if (typeof parsed.vi === 'string' && typeof parsed.en === 'string') return { vi: parsed.vi, en: parsed.en };
    } catch {
      // Not ours after all: plain text that happens to start like JSON.
    }
  }
  return { vi: stored, en: stored };
}

/** A stored text in the request's language (null stays null). */
export function localize(stored: string | null, lang: Language): string | null {
  return stored === null ? null : readMessage(stored)[lang];
}
