/**
 * Checks that need the browser's own layout and font machinery: where each SVG label is drawn
 * (Vega placed them by estimated widths, the browser draws them with the real font), and which
 * font the browser actually drew each piece of text with (Chromium's DevTools protocol, which
 * names the platform font and whether it is a web font).
 */
import type { Page } from 'playwright-core';

/** Half a pixel of anti-aliasing slack. */
const SLACK = 0.5;

/**
 * Every visible text of every chart's SVG that sticks out of the SVG, and every pair of labels
 * of one axis or one legend that overlap, as `chart: "text" why` (empty when all labels fit),
 * with the number of texts checked.
 */
export async function misplacedLabels(
  page: Page,
): Promise<{ checked: number; problems: string[] }> {
  return page.evaluate((slack) => {
    type Box = { left: number; right: number; top: number; bottom: number };
    const problems: string[] = [];
    let checked = 0;
    const visible = (t: Element) => {
      const style = getComputedStyle(t);
      if (style.display === 'none' || style.visibility === 'hidden') return false;
      if (Number(style.opacity) === 0 || Number(style.fillOpacity) === 0) return false;
      return (t.textContent ?? '').trim() !== '';
    };
    const outside = (r: Box, b: Box) =>
      r.left < b.left - slack ||
      r.right > b.right + slack ||
      r.top < b.top - slack ||
      r.bottom > b.bottom + slack;
    const overlap = (a: Box, b: Box) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > slack &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > slack;
    const round = (r: Box) =>
      `[${[r.left, r.top, r.right, r.bottom].map((n) => Math.round(n)).join(', ')}]`;
    for (const figure of document.querySelectorAll('figure.chart')) {
      const svg = figure.querySelector('svg');
      if (!svg) continue;
      const name =
        `${figure.getAttribute('data-chart')} ${figure.getAttribute('data-model') ?? ''}`.trim();
      const box = svg.getBoundingClientRect();
      for (const text of svg.querySelectorAll('text')) {
        if (!visible(text)) continue;
        checked++;
        const r = text.getBoundingClientRect();
        if (outside(r, box))
          problems.push(`${name}: "${text.textContent}" ${round(r)} outside its SVG ${round(box)}`);
      }
      const groups = [
        ...svg.querySelectorAll('g.role-axis'),
        ...svg.querySelectorAll('g.role-legend'),
      ];
      for (const group of groups) {
        const labels = [
          ...group.querySelectorAll('g.role-axis-label text, g.role-legend-label text'),
        ].filter(visible);
        const boxes = labels.map((l) => l.getBoundingClientRect());
        for (let i = 0; i < labels.length; i++)
          for (let j = i + 1; j < labels.length; j++)
            if (overlap(boxes[i]!, boxes[j]!))
              problems.push(
                `${name}: "${labels[i]!.textContent}" ${round(boxes[i]!)} overlaps "${labels[j]!.textContent}" ${round(boxes[j]!)}`,
              );
      }
    }
    return { checked, problems };
  }, SLACK);
}

export interface UsedFont {
  family: string;
  /** A web font (here: the page's embedded @font-face), not one of the machine's. */
  custom: boolean;
  glyphs: number;
  /** Some of the texts drawn with it (the first few, each once). */
  samples: string[];
}

/** A node of the DevTools protocol's DOM tree, as much of it as is read here. */
interface DomNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  children?: DomNode[];
}

/** All the text under a node. */
function textOf(node: DomNode): string {
  if (node.nodeType === 3) return node.nodeValue;
  return (node.children ?? []).map(textOf).join('');
}

/**
 * Elements with text of their own (a non-blank text child), each with all its text (Chromium
 * reports an element's fonts with those of its children).
 */
function textHolders(node: DomNode, out: { nodeId: number; text: string }[] = []) {
  const own = (node.children ?? []).some((c) => c.nodeType === 3 && c.nodeValue.trim() !== '');
  if (node.nodeType === 1 && own && !['SCRIPT', 'STYLE'].includes(node.nodeName))
    out.push({ nodeId: node.nodeId, text: textOf(node).trim() });
  for (const child of node.children ?? []) textHolders(child, out);
  return out;
}

/**
 * The fonts Chromium drew the page's text with (as its DevTools protocol reports them per
 * element), each with a sample of the text it drew.
 */
export async function fontsOfText(page: Page): Promise<UsedFont[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: false });
    const used = new Map<string, UsedFont>();
    for (const { nodeId, text } of textHolders(root as DomNode)) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      for (const font of fonts) {
        const key = `${font.familyName}|${font.isCustomFont}`;
        const sample = text.replace(/\s+/g, ' ').slice(0, 80);
        const seen = used.get(key) ?? {
          family: font.familyName,
          custom: font.isCustomFont,
          glyphs: 0,
          samples: [],
        };
        seen.glyphs += font.glyphCount;
        if (seen.samples.length < 8 && !seen.samples.includes(sample)) seen.samples.push(sample);
        used.set(key, seen);
      }
    }
    return [...used.values()];
  } finally {
    await cdp.detach();
  }
}
