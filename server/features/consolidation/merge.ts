// How a regeneration merges into a draft the officer has edited: pure, by origin key.
import type { ConsolidationPart } from '../../db/schema/index.js';
import type { Group, Origin } from './compile.js';

/* ───────────────────────────── merging a regeneration ───────────────────────────── */

/** A stored paragraph, as the merge sees it. */
export interface DraftParagraph {
  id: string;
  part: ConsolidationPart;
  itemKey: string;
  position: number;
  text: string;
  originKey: string | null;
  sourceText: string | null;
  sourceUnitId: string | null;
  sourceUnitName: string | null;
  sourceReportId: string | null;
  isProvisional: boolean;
  isEdited: boolean;
  isRemoved: boolean;
  sourceChanged: boolean;
  addedGeneration: number;
  changedGeneration: number;
}

/**
 * Merges freshly compiled paragraphs into the draft, generation `generation`:
 * - a paragraph the officer did not edit follows its source (text updated, marked updated);
 * - an edited paragraph keeps the officer's text; a changed source is flagged, never applied;
 * - a removed paragraph stays removed;
 * - a new source paragraph is added at the end of its group, marked new;
 * - an unedited paragraph whose source is gone (report no longer compiled) is dropped; an
 *   edited one stays, since it is the officer's text now, flagged as its source having changed.
 * Paragraphs added by hand are untouched. Positions are renumbered group by group.
 */
export function mergeDraft(
  existing: DraftParagraph[],
  origins: Origin[],
  groups: Group[],
  generation: number,
  newId: () => string,
): { paragraphs: DraftParagraph[]; added: number; updated: number } {
  const fresh = new Set(origins.map((o) => o.originKey));
  let added = 0;
  let updated = 0;
  const kept: DraftParagraph[] = [];
  for (const p of existing) {
    if (p.originKey && !fresh.has(p.originKey) && !p.isEdited) continue;
    // An edited paragraph whose report is no longer compiled (returned since) stays, flagged for the officer.
    if (p.originKey && !fresh.has(p.originKey) && !p.isRemoved && !p.sourceChanged) {
      kept.push({ ...p, sourceChanged: true, changedGeneration: generation });
      continue;
    }
    kept.push({ ...p });
  }
  const keptByOrigin = new Map(kept.filter((p) => p.originKey).map((p) => [p.originKey!, p]));
  const appended: DraftParagraph[] = [];
  for (const o of origins) {
    const p = keptByOrigin.get(o.originKey);
    if (!p) {
      added += 1;
      appended.push({
        id: newId(),
        part: o.part,
        itemKey: o.itemKey,
        position: 0,
        text: o.text,
        originKey: o.originKey,
        sourceText: o.text,
        sourceUnitId: o.sourceUnitId,
        sourceUnitName: o.sourceUnitName,
        sourceReportId: o.sourceReportId,
        isProvisional: o.isProvisional,
        isEdited: false,
        isRemoved: false,
        sourceChanged: false,
        addedGeneration: generation,
        changedGeneration: generation,
      });
      continue;
    }
    p.isProvisional = o.isProvisional;
    p.sourceUnitName = o.sourceUnitName;
    // The source decides the group (a plan item may now have its own).
    p.part = o.part;
    p.itemKey = o.itemKey;
    if (p.sourceText === o.text) continue;
    p.sourceText = o.text;
    if (p.isRemoved) continue;
    if (p.isEdited) p.sourceChanged = true;
    else {
      p.text = o.text;
      updated += 1;
    }
    p.changedGeneration = generation;
  }
  const groupIndex = new Map(groups.map((g, i) => [`${g.part}|${g.itemKey}`, i]));
  const partEnd = (part: ConsolidationPart) => {
    let last = -1;
    groups.forEach((g, i) => {
      if (g.part === part) last = i;
    });
    return last;
  };
  const indexOf = (p: DraftParagraph) => groupIndex.get(`${p.part}|${p.itemKey}`) ?? partEnd(p.part);
  const ordered = [...kept.sort((a, b) => a.position - b.position), ...appended];
  // Stable sort by group keeps the officer's order inside each group and puts new ones last.
  const withIndex = ordered.map((p, i) => ({ p, g: indexOf(p), i }));
  withIndex.sort((a, b) => a.g - b.g || a.i - b.i);
  const paragraphs = withIndex.map(({ p }, i) => ({ ...p, position: i }));
  return { paragraphs, added, updated };
}
