import { barSegments, percentText, rowTotal, type ChartSeries } from './chartMath';

const SERIES: ChartSeries[] = [
  { key: 'adopted', label: '采纳', color: 'green' },
  { key: 'partly', label: '部分采纳', color: 'teal' },
  { key: 'not_adopted', label: '未采纳', color: 'red' },
];

describe('dashboard chart arithmetic', () => {
  it('stacks the series in order and scales the longest bar to the plot width', () => {
    const row = { key: '2026', label: '2026', values: { adopted: 3, partly: 1, not_adopted: 0 } };
    const segs = barSegments(row, SERIES, 8, 400);
    expect(segs.map((s) => [s.key, s.x, s.width])).toEqual([
      ['adopted', 0, 150],
      ['partly', 150, 50],
    ]);
    expect(rowTotal(row)).toBe(4);
  });

  it('draws nothing for an empty row and survives a zero maximum', () => {
    expect(barSegments({ key: 'x', label: 'x', values: {} }, SERIES, 0, 400)).toEqual([]);
  });

  it('writes shares with one decimal and a dash when there is nothing to share', () => {
    expect(percentText(2, 3)).toBe('66.7%');
    expect(percentText(1, 1)).toBe('100%');
    expect(percentText(0, 0)).toBe('—');
  });
});
