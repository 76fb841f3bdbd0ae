// A Reply's chart as a PNG, rendered on the server: a Vega-Lite spec compiled to Vega, drawn to
// SVG by Vega's headless renderer, then rasterised by resvg (a Rust SVG renderer shipped as an
// npm binary). resvg draws no text without a font file, so the repository ships one:
// assets/fonts/DejaVuSans.ttf (Bitstream Vera licence with DejaVu changes in the public domain;
// see assets/fonts/DejaVuSans.LICENSE.txt). System fonts are never loaded: the image is the same
// on every machine.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chartSourcesNamed } from '../core/chart-text.ts';
import type { ReplyChart } from '../core/reply.ts';

/** assets/ at the repository root: two levels up from src/summary/, three from the build's dist/src/summary/. */
export const CHART_FONT_FILE = ['../../assets/fonts/DejaVuSans.ttf', '../../../assets/fonts/DejaVuSans.ttf']
  .map((p) => fileURLToPath(new URL(p, import.meta.url)))
  .find((p) => existsSync(p)) ?? fileURLToPath(new URL('../../assets/fonts/DejaVuSans.ttf', import.meta.url));
const FONT = 'DejaVu Sans';

export interface PngSize {
  width: number;
  height: number;
}

/** What Discord shows well in an embed image (it scales wider images down to ~400 px in a chat column). */
export const DISCORD_CHART_SIZE: PngSize = { width: 800, height: 450 };

/**
 * The Vega-Lite spec: grouped bars per category, one colour per series, value labels; the sources
 * (named, with the numbers the message lists them under: an image may travel alone) and as-of time
 * in the footer.
 */
export function chartSpec(chart: ReplyChart, size: PngSize): Record<string, unknown> {
  const values = chart.series.flatMap((s) => s.points.map((p) => ({ category: p.label, series: s.name, value: p.value, display: p.display })));
  // Vega does not wrap titles, and a line wider than the image shrinks the plot: wrap by hand
  // (DejaVu Sans at 11 px averages under 6.5 px a character).
  const maxChars = Math.floor((size.width - 40) / 6.5);
  const footer = [chartSourcesNamed(chart), ...(chart.note ? [chart.note] : [])].flatMap((l) => wrap(l, maxChars));
  const encoding = {
    x: { field: 'category', type: 'nominal', title: chart.categoryLabel, sort: null, axis: { labelAngle: 0 } },
    xOffset: { field: 'series', sort: chart.series.map((s) => s.name) },
    y: { field: 'value', type: 'quantitative', title: chart.unit, scale: { domain: yDomain(values.map((v) => v.value)), nice: true } },
    color: { field: 'series', type: 'nominal', title: null, sort: chart.series.map((s) => s.name), legend: { orient: 'top' } },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: size.width,
    height: size.height,
    autosize: { type: 'fit', contains: 'padding' },
    padding: 12,
    background: 'white',
    title: { text: chart.title, subtitle: footer, subtitlePadding: 4, anchor: 'start', orient: 'top' },
    data: { values },
    encoding,
    layer: [
      { mark: { type: 'bar' } },
      {
        mark: { type: 'text', dy: { expr: "datum.value >= 0 ? -7 : 9" }, fontSize: 11 },
        encoding: { text: { field: 'display' }, color: { value: '#333' } },
      },
    ],
    config: { font: FONT, title: { fontWeight: 'normal', fontSize: 16, subtitleFontSize: 11, subtitleColor: '#555' }, axis: { titleFontWeight: 'normal' }, legend: { titleFontWeight: 'normal' } },
  };
}

/** Zero always in view, and room above and below the bars for their value labels. */
function yDomain(values: number[]): [number, number] {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const pad = Math.max(0.5, (hi - lo) * 0.12);
  return [lo < 0 ? lo - pad : 0, hi > 0 ? hi + pad : 0];
}

function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && [...line].length + 1 + [...word].length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => ([...l].length > max ? `${[...l].slice(0, max - 1).join('')}…` : l));
}

type VegaLite = typeof import('vega-lite');
let vegaLite: { module: VegaLite; setToJSON: PropertyDescriptor | undefined } | undefined;

/**
 * Vega-Lite defines `Set.prototype.toJSON` when it loads (for its own hashing), which breaks
 * discord.js's inspector when discord.js loads afterwards. So the patch is taken back right after
 * loading and put in place only while `compile` runs (synchronously, so nothing else sees it).
 */
async function compileSpec(spec: Record<string, unknown>): Promise<object> {
  if (!vegaLite) {
    const before = Object.getOwnPropertyDescriptor(Set.prototype, 'toJSON');
    const module = await import('vega-lite');
    vegaLite = { module, setToJSON: Object.getOwnPropertyDescriptor(Set.prototype, 'toJSON') };
    restoreSet(before);
  }
  const before = Object.getOwnPropertyDescriptor(Set.prototype, 'toJSON');
  if (vegaLite.setToJSON) Object.defineProperty(Set.prototype, 'toJSON', vegaLite.setToJSON);
  try {
    return vegaLite.module.compile(spec as never).spec;
  } finally {
    restoreSet(before);
  }
}

function restoreSet(descriptor: PropertyDescriptor | undefined): void {
  if (descriptor) Object.defineProperty(Set.prototype, 'toJSON', descriptor);
  else delete (Set.prototype as { toJSON?: unknown }).toJSON;
}

/** The chart as SVG text (Vega's headless renderer: no canvas, no browser). */
export async function chartSvg(chart: ReplyChart, size: PngSize): Promise<string> {
  const vega = await import('vega');
  const spec = (await compileSpec(chartSpec(chart, size))) as Parameters<typeof vega.parse>[0];
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart as a PNG of exactly `size` pixels. */
export async function chartPng(chart: ReplyChart, size: PngSize = DISCORD_CHART_SIZE): Promise<Buffer> {
  const svg = await chartSvg(chart, size);
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size.width },
    background: 'white',
    font: { fontFiles: [CHART_FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT, sansSerifFamily: FONT },
  });
  return resvg.render().asPng();
}

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(png: Uint8Array): PngSize {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((b, i) => png[i] !== b)) throw new Error('not a PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
