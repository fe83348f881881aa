import { intAttr, type EditorJSON } from '@xieshang/editor-schema';

export interface GridCell {
  row: number;
  col: number;
  colspan: number;
  rowspan: number;
  header: boolean;
  content: EditorJSON[];
}

export interface TableGrid {
  columns: number;
  rows: GridCell[][];
  /** Relative column widths from the editor's colwidth (px), or null when the editor set none. */
  columnWidths: Array<number | null>;
}

/** Places each cell on the grid, skipping positions covered by a rowspan from above. */
export function tableGrid(table: EditorJSON): TableGrid {
  const covered: boolean[][] = [];
  const rows: GridCell[][] = [];
  const columnWidths: Array<number | null> = [];
  (table.content ?? []).forEach((rowNode, r) => {
    covered[r] ??= [];
    const cells: GridCell[] = [];
    let c = 0;
    for (const cellNode of rowNode.content ?? []) {
      while (covered[r][c]) c++;
      const colspan = intAttr(cellNode, 'colspan', 1, 1, 100);
      const rowspan = intAttr(cellNode, 'rowspan', 1, 1, 100);
      const widths = cellNode.attrs?.colwidth;
      if (Array.isArray(widths)) {
        widths.forEach((w, i) => {
          if (typeof w === 'number' && w > 0 && columnWidths[c + i] == null) columnWidths[c + i] = w;
        });
      }
      cells.push({ row: r, col: c, colspan, rowspan, header: cellNode.type === 'tableHeader', content: cellNode.content ?? [] });
      for (let dr = 0; dr < rowspan; dr++) {
        covered[r + dr] ??= [];
        for (let dc = 0; dc < colspan; dc++) covered[r + dr][c + dc] = true;
      }
      c += colspan;
    }
    rows.push(cells);
  });
  const columns = Math.max(1, ...covered.map((cols) => cols.length));
  for (let c = 0; c < columns; c++) columnWidths[c] ??= null;
  // Rowspans reaching past the last row are clipped to the rows that exist.
  for (const cells of rows) for (const cell of cells) cell.rowspan = Math.min(cell.rowspan, rows.length - cell.row);
  return { columns, rows, columnWidths: columnWidths.slice(0, columns) };
}
