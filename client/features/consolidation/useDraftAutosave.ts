import { useRef, useState } from 'react';
import type { ConsolidationDto, DocumentSettings, DraftOperation } from '../../../shared/contracts/consolidation';
import { ApiError } from '../../api/client';
import { useAutosave, type AutosaveState } from '../../hooks/useAutosave';
import { useUpdateMutation } from './api';

/** The consolidated draft's saving, as the editor uses it. */
export interface DraftAutosave {
  state: AutosaveState;
  error: string | null;
  /** Paragraph texts typed and not yet saved, by paragraph id. */
  texts: Record<string, string>;
  setText(id: string, text: string): void;
  push(op: DraftOperation): void;
  setSettings(settings: Partial<DocumentSettings>): void;
  reload(): void;
}

interface Pending {
  ops: DraftOperation[];
  texts: Record<string, string>;
  settings: Partial<DocumentSettings>;
}

const TYPING_PAUSE_MS = 800;
const nothingPending = (): Pending => ({ ops: [], texts: {}, settings: {} });

/**
 * Edits are queued and sent one request at a time with the last version seen: structural edits
 * (remove, move, add) at once, typing after a short pause. A paragraph emptied by the user waits
 * (a paragraph cannot be blank). The badge reads "đã lưu" only when nothing is waiting and the
 * last request succeeded.
 */
export function useDraftAutosave(cycleId: string, draft: ConsolidationDto | null): DraftAutosave {
  const update = useUpdateMutation(cycleId);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const pending = useRef<Pending>(nothingPending());

  const autosave = useAutosave({
    version: draft?.version ?? 0,
    followVersion: true,
    save: (version) => {
      const waiting = pending.current;
      const textOps: DraftOperation[] = Object.entries(waiting.texts)
        .filter(([, text]) => text.trim().length > 0)
        .map(([id, text]) => ({ op: 'update', id, text }));
      const settings = waiting.settings;
      const operations = [...waiting.ops, ...textOps];
      const hasSettings = Object.keys(settings).length > 0;
      if (operations.length === 0 && !hasSettings) return null;
      const blankTexts = Object.fromEntries(
        Object.entries(waiting.texts).filter(([, text]) => text.trim().length === 0),
      );
      pending.current = { ops: [], texts: blankTexts, settings: {} };
      return update.mutateAsync({ version, operations, ...(hasSettings ? { settings } : {}) }).then((next) => {
        setTexts((current) => {
          const out = { ...current };
          for (const sent of textOps) if (sent.op === 'update' && out[sent.id] === sent.text) delete out[sent.id];
          return out;
        });
        return next.version;
      });
    },
  });

  return {
    state: autosave.state,
    error: autosave.error
      ? autosave.error instanceof ApiError
        ? autosave.error.message
        : String(autosave.error)
      : null,
    texts,
    setText(id, text) {
      setTexts((current) => ({ ...current, [id]: text }));
      pending.current.texts[id] = text;
      autosave.edited(TYPING_PAUSE_MS);
    },
    push(op) {
      pending.current.ops.push(op);
      if (op.op === 'remove') delete pending.current.texts[op.id];
      autosave.edited(0);
    },
    setSettings(settings) {
      Object.assign(pending.current.settings, settings);
      autosave.edited(TYPING_PAUSE_MS);
    },
    reload() {
      pending.current = nothingPending();
      setTexts({});
      update.reset();
      window.location.reload();
    },
  };
}
