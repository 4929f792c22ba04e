import { foldSame } from './source-text.js';

/** A table row read from a PDF's layout text: its cells, and the source lines it spans. */
export interface LayoutRow {
  lines: number[];
  cells: string[];
}

interface Segment {
  start: number;
  end: number;
}

const blank = (s: string | undefined) => s === undefined || s.trim().length === 0;

function segments(line: string): Segment[] {
  return [...line.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** A table's header in `pdftotext -layout` text: four or more cells two spaces apart, one saying "chủ trì". */
function isHeader(line: string): boolean {
  return segments(line).length >= 4 && /chu tri/.test(foldSame(line));
}

/** Cuts a line at the boundaries, moving a cut that falls inside a word to the nearer end of the word. */
function cut(line: string, bounds: number[]): string[] {
  const cells: string[] = [];
  let from = 0;
  for (const b of bounds) {
    let at = Math.min(b, line.length);
    if (at < line.length && line[at] !== ' ' && at > 0 && line[at - 1] !== ' ') {
      let ws = at;
      while (ws > 0 && line[ws - 1] !== ' ') ws -= 1;
      let we = at;
      while (we < line.length && line[we] !== ' ') we += 1;
      at = at - ws < we - at ? ws : we;
    }
    at = Math.max(at, from);
    cells.push(line.slice(from, at));
    from = at;
  }
  cells.push(line.slice(from));
  return cells.map((c) => c.trim().replace(/\s{2,}/g, ' '));
}

/**
 * Reads the tables of a PDF's layout text (`pdftotext -layout`), where a row's cells wrap over
 * several lines and a cell's text may sit on its middle line (vertically centred): the columns
 * are cut at the emptiest character positions between the header's cells, and a row is a run of
 * lines between blank lines. Answers the rows by their first line (header first), and every line
 * the tables hold.
 */
export function readLayoutTables(raw: string[]): { rows: Map<number, LayoutRow>; held: Set<number> } {
  const rows = new Map<number, LayoutRow>();
  const held = new Set<number>();
  for (let h = 0; h < raw.length; h += 1) {
    if (!isHeader(raw[h])) continue;
    const head = segments(raw[h]);
    // The table's body: runs of lines up to "Nơi nhận", another appendix, or a line of running text.
    const blocks: number[][] = [];
    let i = h + 1;
    let run: number[] = [];
    for (; i < raw.length; i += 1) {
      const line = raw[i];
      if (blank(line)) {
        if (run.length > 0) blocks.push(run);
        run = [];
        continue;
      }
      const text = line.trim();
      if (/^(Nơi nhận|PHỤ LỤC|Phụ lục)\b/u.test(text) || isHeader(line)) break;
      if (segments(line).length === 1 && line.search(/\S/) === 0 && text.length > 60) break;
      run.push(i);
    }
    if (run.length > 0) blocks.push(run);
    const body = blocks.flat();
    if (body.length === 0) continue;
    // Cut between columns where no word runs across, preferring where most words start.
    const solid = (n: number, c: number) => !blank(raw[n][c]);
    const across = (c: number) => body.filter((n) => c > 0 && solid(n, c - 1) && solid(n, c)).length;
    const starts = (c: number) => body.filter((n) => solid(n, c) && (c === 0 || !solid(n, c - 1))).length;
    const bounds = head.slice(1).map((seg, k) => {
      let best = seg.start;
      let score = [across(best), -starts(best)];
      for (let c = head[k].end; c < seg.start; c += 1) {
        const s = [across(c), -starts(c)];
        if (s[0] < score[0] || (s[0] === score[0] && s[1] < score[1])) [best, score] = [c, s];
      }
      return best;
    });
    const header: LayoutRow = { lines: [h + 1], cells: cut(raw[h], bounds) };
    rows.set(h + 1, header);
    held.add(h + 1);
    let last: LayoutRow | null = null;
    for (const block of blocks) {
      const cells = head.map(() => '');
      for (const n of block) {
        cut(raw[n], bounds).forEach((c, k) => {
          if (c) cells[k] = cells[k] ? `${cells[k]} ${c}` : c;
        });
      }
      block.forEach((n) => held.add(n + 1));
      const lines = block.map((n) => n + 1);
      if (cells.every((c) => !c)) continue;
      // A lone number off the first column is a page number.
      if (cells.filter(Boolean).length === 1 && !cells[0] && /^\d{1,3}$/.test(cells.find(Boolean)!)) {
        if (last) last.lines.push(...lines);
        continue;
      }
      if (!cells[0] && last) {
        // A row carried over a page break.
        cells.forEach((c, k) => {
          if (c) last!.cells[k] = last!.cells[k] ? `${last!.cells[k]} ${c}` : c;
        });
        last.lines.push(...lines);
        continue;
      }
      last = { lines, cells };
      rows.set(lines[0], last);
    }
    h = i - 1;
  }
  return { rows, held };
}
