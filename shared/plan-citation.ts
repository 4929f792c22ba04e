// How a document cites an item of the plan: by its labels as issued ("mục II.1 phần Nhiệm vụ kế
// hoạch"), never by the item's internal key ("II-NV.1"), which no reader of the plan has seen.

/** What a citation needs of a plan item. */
export interface CitableItem {
  /** Stable internal key: "II-NV.1", "IV.2.a"; its parent's key is the part before the last dot. */
  key: string;
  /** Label as issued: "II.", "1.", "a)", "-". */
  label: string;
  title: string | null;
}

/** "NHIỆM VỤ KẾ HOẠCH" → "Nhiệm vụ kế hoạch". */
export function sentenceCase(text: string): string {
  const lower = text.trim().toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** "II." → "II", "1." → "1", "a)" → "a"; "-" and "+" (bullets) → "". */
function numberOf(label: string): string {
  return label
    .trim()
    .replace(/^[-+•]$/, '')
    .replace(/[.)]+$/, '');
}

function parentKey(key: string): string | null {
  return key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : null;
}

/**
 * The item as a document cites it: "mục II.1 phần Nhiệm vụ kế hoạch" (labels from the section
 * down, joined by dots; the section's title tells the two parts labelled "II." apart). A bullet
 * ("-") has no number of its own: it is cited by the nearest numbered item above it.
 */
export function itemCitation(item: CitableItem, items: readonly CitableItem[]): string {
  const byKey = new Map(items.map((i) => [i.key, i]));
  const chain: CitableItem[] = [];
  for (let current: CitableItem | undefined = item; current;) {
    chain.unshift(current);
    const parent = parentKey(current.key);
    current = parent ? byKey.get(parent) : undefined;
  }
  // Numbers down to the deepest numbered item; a trailing bullet is cited by its parent.
  const numbers = chain.map((i) => numberOf(i.label));
  while (numbers.length > 1 && !numbers[numbers.length - 1]) numbers.pop();
  const number = numbers.filter(Boolean).join('.');
  const section = chain[0];
  const part = section.title ? ` phần ${sentenceCase(section.title)}` : '';
  // A whole part is cited by its title alone ("phần Tổ chức thực hiện").
  if (chain.length === 1) return part ? part.trimStart() : `mục ${number}`;
  return `mục ${number}${part}`;
}

/**
 * How a section's plan item is cited to people: by the labels as issued ("mục II.1 phần Nhiệm vụ
 * kế hoạch", computed by the server from the plan), else by its own label ("mục 1"); never by the
 * internal key ("II-NV.1"), which no reader of the plan has seen.
 */
export function sectionCitation(section: { label: string; citation?: string | null }): string {
  if (section.citation) return section.citation;
  const number = section.label
    .trim()
    .replace(/^[-+•]$/u, '')
    .replace(/[.)]+$/u, '');
  return number ? `mục ${number}` : 'mục';
}
