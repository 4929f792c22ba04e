import { foldText } from '../../../shared/text.js';

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
  return segments(line).length >= 4 && /chu tri/.test(foldText(line));
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
export function readLayoutTables(
  raw: string[],
  pageStarts: Set<number> = new Set(),
): { rows: Map<number, LayoutRow>; held: Set<number> } {
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
    // Cut between columns where no word runs across, preferring where most words start. On the
    // header's page the cuts lie between the header's cells; pdftotext sets each page's columns
    // apart, so a later page is cut where its own lines start most often with nothing across.
    const solid = (n: number, c: number) => !blank(raw[n][c]);
    const across = (lines: number[], c: number) => lines.filter((n) => c > 0 && solid(n, c - 1) && solid(n, c)).length;
    const starts = (lines: number[], c: number) =>
      lines.filter((n) => solid(n, c) && (c === 0 || !solid(n, c - 1))).length;
    const pageOf = (n: number) => {
      let p = 0;
      for (const s of pageStarts) if (s <= n && s > h) p += 1;
      return p;
    };
    const pages = new Map<number, number[]>();
    for (const n of body) pages.set(pageOf(n), [...(pages.get(pageOf(n)) ?? []), n]);
    const boundsOf = new Map<number, number[]>();
    // Pages too short to find their columns (a row's end alone on a page, set flush left by pdftotext).
    const unsure = new Set<number>();
    for (const [page, lines] of [...pages].sort((a, b) => a[0] - b[0])) {
      if (page === 0) {
        boundsOf.set(
          page,
          head.slice(1).map((seg, k) => {
            let best = seg.start;
            let score = [across(lines, best), -starts(lines, best)];
            for (let c = head[k].end; c < seg.start; c += 1) {
              const sc = [across(lines, c), -starts(lines, c)];
              if (sc[0] < score[0] || (sc[0] === score[0] && sc[1] < score[1])) [best, score] = [c, sc];
            }
            return best;
          }),
        );
        continue;
      }
      const width = Math.max(...lines.map((n) => raw[n].length));
      const left = Math.min(...lines.map((n) => raw[n].search(/\S/)));
      const edges = Array.from({ length: width }, (_, c) => c)
        .filter((c) => c > left && across(lines, c) === 0 && starts(lines, c) > 0)
        .sort((a, b) => starts(lines, b) - starts(lines, a))
        .slice(0, head.length - 1)
        .sort((a, b) => a - b);
      // Too few lines to find the columns (a row's end alone on a page): the previous page's.
      if (edges.length === head.length - 1) boundsOf.set(page, edges);
      else unsure.add(page);
    }
    const bounds = boundsOf.get(0) ?? head.slice(1).map((seg) => seg.start);
    const cutLine = (n: number) => {
      if (!unsure.has(pageOf(n))) return cut(raw[n], boundsOf.get(pageOf(n)) ?? bounds);
      // Its words go to the second column (the task's), the one that wraps longest.
      return head.map((_, k) => (k === 1 ? raw[n].trim().replace(/\s{2,}/g, ' ') : ''));
    };
    const isNumber = (cell: string) => /^([IVXL]+|\d{1,3}|[a-zđ])[.)]?$/u.test(cell);
    const header: LayoutRow = { lines: [h + 1], cells: cut(raw[h], bounds) };
    rows.set(h + 1, header);
    held.add(h + 1);
    const append = (row: LayoutRow, cells: string[], lines: number[]) => {
      cells.forEach((c, k) => {
        if (c) row.cells[k] = row.cells[k] ? `${row.cells[k]} ${c}` : c;
      });
      row.lines.push(...lines);
    };
    let last: LayoutRow | null = null;
    for (const block of blocks) {
      block.forEach((n) => held.add(n + 1));
      // A block is a row (its number may sit on a middle line), or several rows one under the
      // other with no blank line between: a new row starts at a line with a number once the
      // row has one. Lines right under the header, before any number, continue the header.
      let row: LayoutRow | null = null;
      let carrying = false;
      for (const n of block) {
        const cells = cutLine(n);
        if (!row && !cells[0] && block[0] === h + 1 && !last) {
          append(header, cells, [n + 1]);
          continue;
        }
        if (!row && !isNumber(cells[0]) && last && (carrying || pageOf(n) > pageOf(last.lines.at(-1)! - 1))) {
          // The rest of a row carried over a page break.
          append(last, cells, [n + 1]);
          carrying = true;
          continue;
        }
        carrying = false;
        if (!row || (cells[0] && row.cells[0])) {
          row = { lines: [], cells: head.map(() => '') };
          if (cells.some(Boolean)) rows.set(n + 1, row);
        }
        append(row, cells, [n + 1]);
        if (!rows.has(row.lines[0])) rows.set(row.lines[0], row);
      }
      for (const r of new Set([...rows.values()].filter((x) => block.includes(x.lines[0] - 1)))) {
        const filled = r.cells.filter(Boolean);
        // A lone number off the first column is a page number; a block with no number is a row carried over a page break.
        if ((filled.length === 1 && !r.cells[0] && /^\d{1,3}$/.test(filled[0])) || (!r.cells[0] && last)) {
          rows.delete(r.lines[0]);
          if (last) {
            if (filled.length === 1 && /^\d{1,3}$/.test(filled[0]) && !r.cells[0]) last.lines.push(...r.lines);
            else append(last, r.cells, r.lines);
          }
          continue;
        }
        last = r;
      }
    }
    h = i - 1;
  }
  return { rows, held };
}
