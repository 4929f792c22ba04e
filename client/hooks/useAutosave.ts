import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';

/** What the user sees of the saving: "Đã lưu", "Đang lưu…", "Chưa lưu", or a failed save. */
export type AutosaveState = 'saved' | 'saving' | 'unsaved' | 'error';

export interface AutosaveOptions {
  /**
   * Sends what is waiting with the last version seen and resolves to the new version. Returns
   * null, without sending, when what is waiting cannot be sent yet (the edits stay "unsaved").
   */
  save: (version: number) => Promise<number> | null;
  /** The version of the record as the server last gave it. */
  version: number;
  /** Pause after the last edit before saving. */
  delayMs?: number;
  /** Take a newer version from `version` when the record is fetched again (nothing in flight). */
  followVersion?: boolean;
  /** A 409 stops all further saves until the page is reloaded; `onConflict` hears of it. */
  onConflict?: (error: ApiError) => void;
  /** Ask before closing or reloading the tab while edits are not saved. */
  warnBeforeUnload?: boolean;
}

export interface Autosave {
  state: AutosaveState;
  /** The last failed save (null once a save succeeds). A conflict is in `conflict`, not here. */
  error: Error | null;
  conflict: ApiError | null;
  /** Records an edit and saves after `delayMs` (or `ms`) of quiet. */
  edited(ms?: number): void;
  /** Saves now (after the save in flight); true when everything that could be sent is saved. */
  flush(): Promise<boolean>;
  /** The last version the server answered with. */
  version(): number;
  /** Stops saving after a conflict found elsewhere (a submission that answered 409). */
  stop(conflict: ApiError): void;
}

/**
 * One autosave for the forms that save as the user types (the unit's report, the consolidated
 * draft): debounced, one request in flight, the version carried from each answer, and a visible
 * saved / saving / unsaved / error state. The pending timer is dropped on unmount.
 */
export function useAutosave({
  save,
  version,
  delayMs = 800,
  followVersion = false,
  onConflict,
  warnBeforeUnload = false,
}: AutosaveOptions): Autosave {
  const [state, setState] = useState<AutosaveState>('saved');
  const [error, setError] = useState<Error | null>(null);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const versionRef = useRef(version);
  const dirtyRef = useRef(false);
  const conflictRef = useRef(false);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The latest callbacks, so a timer set during an earlier render calls the current ones.
  const saveRef = useRef(save);
  const onConflictRef = useRef(onConflict);
  useLayoutEffect(() => {
    saveRef.current = save;
    onConflictRef.current = onConflict;
  });

  useEffect(() => {
    if (followVersion && !inFlight.current && version > versionRef.current) versionRef.current = version;
  }, [followVersion, version]);

  const stop = useCallback((found: ApiError) => {
    conflictRef.current = true;
    setConflict(found);
  }, []);

  const flush = useCallback(async (): Promise<boolean> => {
    // Edits made while a save was in flight are sent by the next round.
    for (;;) {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (conflictRef.current) return false;
      while (inFlight.current) await inFlight.current;
      if (!dirtyRef.current) return true;
      const request = saveRef.current(versionRef.current);
      if (!request) {
        setState('unsaved');
        return true;
      }
      dirtyRef.current = false;
      setState('saving');
      const attempt = request
        .then((saved) => {
          versionRef.current = saved;
          setError(null);
          setState(dirtyRef.current ? 'unsaved' : 'saved');
          return true;
        })
        .catch((failure: unknown) => {
          dirtyRef.current = true;
          setState('error');
          if (failure instanceof ApiError && failure.status === 409 && onConflictRef.current) {
            stop(failure);
            onConflictRef.current(failure);
          } else setError(failure instanceof Error ? failure : new Error(String(failure)));
          return false;
        });
      inFlight.current = attempt;
      const ok = await attempt;
      inFlight.current = null;
      if (!ok || !dirtyRef.current) return ok;
    }
  }, [stop]);

  const edited = useCallback(
    (ms = delayMs) => {
      dirtyRef.current = true;
      setState((current) => (current === 'saving' ? current : 'unsaved'));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), ms);
    },
    [delayMs, flush],
  );

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  // Closing the tab or reloading with unsaved edits asks first.
  const dirty = state !== 'saved';
  useEffect(() => {
    if (!warnBeforeUnload || !dirty) return undefined;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [warnBeforeUnload, dirty]);

  return { state, error, conflict, edited, flush, version: () => versionRef.current, stop };
}
