import { readFileSync } from 'node:fs';
import path from 'node:path';
import { seedOrgUnits } from '../../db/seed/org-units.js';
import type { ParsedItem } from './parse-types.js';
import { parsePlanText } from './parser.js';
import type { SourceKind } from './source-text.js';
import { buildLexicon, type RegistryUnit } from './unit-lexicon.js';

/** The unit registry of the seed, as the lexicon reads it (tests only). */
export function seedRegistry() {
  const { units, successions } = seedOrgUnits();
  const registry: RegistryUnit[] = units.map((u) => ({
    code: u.code,
    name: u.name,
    fullName: u.fullName,
    kind: u.kind,
    validFrom: u.validFrom ?? null,
    validTo: u.validTo ?? null,
  }));
  return { registry, successions };
}

export function fixture(name: string): string {
  return readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
}

/** Parses a text against the seed's unit registry. */
export function parseWithSeed(text: string, source: SourceKind = 'text') {
  const { registry, successions } = seedRegistry();
  return parsePlanText(text, { source, lexiconFor: (date) => buildLexicon(date, registry, successions) });
}

/** Items in document order, depth first. */
export function flatten(items: ParsedItem[]): ParsedItem[] {
  return items.flatMap((i) => [i, ...flatten(i.children)]);
}

/** A duty as "lead:BT-SNNMT" or "coordinate:localities", sorted, for comparisons. */
export function dutyCodes(item: { duties: ParsedItem['duties'] }): string[] {
  return item.duties
    .map((d) => `${d.role}:${d.ref === null ? `?${d.written}` : 'code' in d.ref ? d.ref.code : d.ref.group}`)
    .sort();
}
