/**
 * The charts lay text out in the embedded font: Vega measures with Inter's advance widths (not
 * its 0.8 em estimate), and long row labels are shortened in the middle, staying distinct.
 */
import { describe, expect, test } from 'vitest';
import {
  fitLabels,
  levelTimelineSpec,
  marginsSpec,
  renderChart,
  textWidth,
} from '../../src/report/charts.js';

/** The width Vega gave a chart whose only row label is `label`. */
async function widthWithLabel(label: string): Promise<number> {
  const svg = await renderChart(
    {
      width: 100,
      height: { step: 20 },
      data: { values: [{ row: label, value: 1 }] },
      mark: 'point',
      encoding: {
        y: { field: 'row', type: 'nominal', title: null },
        x: { field: 'value', type: 'quantitative', title: 'value (ratio)' },
      },
    },
    'test chart',
  );
  return Number(/<svg[^>]* width="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
}

describe('text in the charts', () => {
  test("Vega sizes labels by the embedded font's widths: narrow letters take less room than wide ones", async () => {
    const narrow = await widthWithLabel('i'.repeat(30));
    const wide = await widthWithLabel('W'.repeat(30));
    // Inter 11 px: "i" is 0.242 em, "W" 0.985 em; the estimate would make both 0.8 em.
    expect(wide - narrow).toBeGreaterThan(30 * 11 * (0.985 - 0.242) * 0.95);
    expect(textWidth('W'.repeat(30), 11)).toBeCloseTo(30 * 11 * 0.985 * 1.02, 0);
  });

  test('a long label is shortened in the middle to fit, and labels that would be equal stay distinct', () => {
    const a = `acme/${'x'.repeat(80)}-0001`;
    const b = `acme/${'x'.repeat(80)}-0002`;
    const labels = fitLabels([a, b, 'short'], 200);
    expect(labels.get('short')).toBe('short');
    for (const long of [a, b]) {
      const label = labels.get(long)!;
      expect(textWidth(label, 11)).toBeLessThanOrEqual(200);
      expect(label.startsWith('acme/x')).toBe(true);
      expect(label).toContain('…');
    }
    expect(labels.get(a)!.endsWith('0001')).toBe(true);
    expect(labels.get(b)!.endsWith('0002')).toBe(true);
    expect(new Set(labels.values()).size).toBe(3);
    // Differing only in the part cut out: numbered.
    const c = `acme/${'x'.repeat(40)}Q${'x'.repeat(39)}-0001`;
    const both = fitLabels([a, c], 200);
    expect(both.get(a)).not.toBe(both.get(c));
    expect(both.get(c)).toMatch(/ \(2\)$/);
  });

  test('two condition lines close together get their labels on different heights, not on top of each other', async () => {
    const svg = await renderChart(
      marginsSpec({
        title: 'close lines',
        xTitle: 'bench value (ratio)',
        rowTitle: null,
        lines: [
          { rule: 'rule_out', label: 'rule out < 0.5', line: 0.5 },
          { rule: 'rule_in', label: 'rule in ≥ 0.52', line: 0.52 },
        ],
        points: [{ row: 't', value: 0.4, status: 'ruled out', text: 'ruled out' }],
      }),
      'close lines',
    );
    const at = (label: string) =>
      new RegExp(`transform="translate\\(([-\\d.]+),([-\\d.]+)\\)"[^>]*>${label}<`).exec(svg);
    const out = at('rule out &lt; 0.5')!;
    const inn = at('rule in ≥ 0.52')!;
    expect(Number(out[1])).toBeLessThan(Number(inn[1]));
    expect(Math.abs(Number(out[2]) - Number(inn[2]))).toBeGreaterThanOrEqual(13);
  });

  test('a level change with no room before the next one on its row keeps its point but not its words', async () => {
    const change = (date: string, text: string, direction: string) => ({
      date,
      model: 'm',
      kind: 'deployment',
      direction,
      text,
    });
    const svg = await renderChart(
      levelTimelineSpec({
        title: 'changes',
        dates: ['2026-01-01T00:00:00Z', '2026-04-10T00:00:00Z'],
        points: [
          change('2026-03-01T00:00:00Z', 'deployment: L1 → L2 (aaaaaaa)', 'raised'),
          change('2026-03-02T00:00:00Z', 'deployment: L2 → L1 (bbbbbbb)', 'lowered'),
          change('2026-01-05T00:00:00Z', 'deployment: none → L1 (ccccccc)', 'first judged'),
        ],
      }),
      'changes',
    );
    expect(svg).not.toContain('(aaaaaaa)');
    expect(svg).toContain('deployment: L2 → L1 (bbbbbbb)');
    expect(svg).toContain('deployment: none → L1 (ccccccc)');
    // All three points are drawn (the legend's symbols are another group).
    const marks = /class="mark-symbol role-mark[^"]*"[^>]*>(.*?)<\/g>/.exec(svg)![1]!;
    expect(marks.match(/<path /g)).toHaveLength(3);
  });
});
