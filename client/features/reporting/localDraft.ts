// Unsaved edits of a report kept in the browser (localStorage), so a lost connection or a closed
// tab loses nothing: one entry per report, keyed by the report id and the version the edits were
// made on ("bioplan.report-draft.<id>.v<version>").
import type { Draft } from './reportDraft';

const PREFIX = 'bioplan.report-draft.';

export interface LocalDraft {
  /** The server version the edits were made on. */
  version: number;
  /** When they were last written (ISO). */
  at: string;
  draft: Draft;
}

function keysOf(reportId: string): string[] {
  const out: string[] = [];
  try {
    for (let i = 0; i < window.localStorage.length; i += 1) {
      const key = window.localStorage.key(i);
      if (key?.startsWith(`${PREFIX}${reportId}.v`)) out.push(key);
    }
  } catch {
    // Storage disabled (private mode, policy): nothing is kept.
  }
  return out;
}

/** Keeps the edits made on `version`, replacing what was kept before for the report. */
export function keepLocalDraft(reportId: string, version: number, draft: Draft): void {
  try {
    const key = `${PREFIX}${reportId}.v${version}`;
    for (const old of keysOf(reportId)) if (old !== key) window.localStorage.removeItem(old);
    const entry: LocalDraft = { version, at: new Date().toISOString(), draft };
    window.localStorage.setItem(key, JSON.stringify(entry));
  } catch {
    // Full or disabled storage: the edits still go to the server when it answers.
  }
}

/** The edits kept for a report, if any. */
export function readLocalDraft(reportId: string): LocalDraft | null {
  for (const key of keysOf(reportId)) {
    try {
      const entry = JSON.parse(window.localStorage.getItem(key) ?? 'null') as LocalDraft | null;
      if (entry && typeof entry.version === 'number' && entry.draft && typeof entry.draft === 'object') return entry;
    } catch {
      window.localStorage.removeItem(key);
    }
  }
  return null;
}

/** Forgets the kept edits of a report (they are saved, or the officer discarded them). */
export function dropLocalDraft(reportId: string): void {
  try {
    for (const key of keysOf(reportId)) window.localStorage.removeItem(key);
  } catch {
    // Nothing to drop.
  }
}
