// Page and type sizes of Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, its margins, Times New Roman and
// the body's 14 pt, in the units Word counts (twips, half-points).
/** Millimetres to twips (1 mm = 56.6929 twips), rounded up so a minimum margin is never undershot. */
export const mm = (value: number) => Math.ceil((value * 1440) / 25.4);

/** A4 in twips. */
export const A4 = { width: 11906, height: 16838 } as const;

/** Margins of Phụ lục I: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const MARGINS = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } as const;

export const FONT = 'Times New Roman';
/** Half-points, as Word counts them. */
export const pt = (points: number) => points * 2;
export const BODY_PT = 14;
export const TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;
export const LANDSCAPE_TEXT_WIDTH = A4.height - MARGINS.left - MARGINS.right;
