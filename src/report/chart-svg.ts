/**
 * Render a Vega-Lite spec to an SVG string in Node, headless: `vega-lite` compiles it to a Vega
 * spec, and `vega`'s `View#toSVG()` renders it with the `none` renderer (no canvas, no DOM, no
 * network: every chart carries its data inline). The SVG is made responsive (its width and
 * height move to the viewBox) so it scales to the page and to A4 print.
 *
 * Vega and Vega-Lite report spec mistakes as log messages and still render something; here any
 * error or warning from either throws, so a broken chart fails its test instead of shipping.
 *
 * Cost: one Vega dataflow evaluation per chart, typically 10–100 ms.
 */

import type { TopLevelSpec } from 'vega-lite';
import { showControlCharacters, withStringsShown } from '../io/control-characters.js';
import { CHART_CONFIG } from './chart-theme.js';
import { escapeHtml } from './escape-html.js';

/** Options of {@link renderChartSvg}. */
export interface RenderChartSvgOptions {
  /** Accessible name of the chart (becomes `aria-label` on the SVG root). */
  label?: string;
  /**
   * Prefix for the ids Vega defines inside the SVG (clip paths, gradients), so several charts
   * inlined in one page never share an id. Default `chart`.
   */
  idPrefix?: string;
}

/**
 * Compile `spec` with the shared chart configuration and render it to an SVG string.
 * Throws (a plain Error naming the function) when Vega or Vega-Lite reports any problem: a faulty spec is a programmer error.
 */
export async function renderChartSvg(
  spec: TopLevelSpec,
  options: RenderChartSvgOptions = {},
): Promise<string> {
  // Vega and Vega-Lite are large: loaded by the first chart, never by commands without --report.
  const [{ parse, View }, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  // Names in the data, titles and sort lists are shown as the page shows them (control
  // characters as `\u001b` escapes): Vega-Lite copies sort lists into expressions, where a raw
  // U+2028 is a syntax error.
  // (The chart's own labels break lines with \n: whole texts, so not shownName.)
  const withConfig = withStringsShown(
    { ...spec, config: { ...CHART_CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec,
    showControlCharacters,
  );
  const messages: string[] = [];
  const logger = collectingLogger(messages);
  const vegaSpec = compile(withConfig, { logger }).spec;
  const view = new View(parse(vegaSpec), { renderer: 'none', logger });
  try {
    const svg = await view.toSVG();
    if (messages.length > 0)
      throw new Error(
        `renderChartSvg: the chart spec is faulty (${messages.length} messages): ${messages.slice(0, 3).join('; ')}`,
      );
    return responsiveSvg(prefixIds(roundPathData(svg), options.idPrefix ?? 'chart'), options.label);
  } finally {
    view.finalize();
  }
}

/** A Vega/Vega-Lite logger that keeps warnings and errors instead of printing them. */
function collectingLogger(messages: string[]) {
  const keep =
    (kind: string) =>
    (...args: readonly unknown[]) => {
      messages.push(
        `${kind} ${args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ')}`,
      );
      return logger;
    };
  let current = 2;
  const logger = {
    level(value?: number) {
      if (value === undefined) return current as never;
      current = value;
      return logger as never;
    },
    error: keep('error:'),
    warn: keep('warning:'),
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/** Round coordinates in path data to 0.1 px: invisible on screen and paper, a third of the bytes. */
function roundPathData(svg: string): string {
  return svg.replace(/ d="([^"]*)"/g, (_whole, data: string) => {
    const rounded = data.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));
    return ` d="${rounded}"`;
  });
}

/** Prefix every id defined in `svg` and every reference to it (`url(#…)`, `href="#…"`). */
function prefixIds(svg: string, prefix: string): string {
  const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
  if (ids.size === 0) return svg;
  return svg
    .replace(/(\sid=")([^"]+)"/g, (_w, head: string, id: string) => `${head}${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (whole, id: string) =>
      ids.has(id) ? `url(#${prefix}-${id})` : whole,
    )
    .replace(/(href=")#([^"]+)"/g, (whole, head: string, id: string) =>
      ids.has(id) ? `${head}#${prefix}-${id}"` : whole,
    );
}

/** Move the root width/height into a max-width style and add an accessible name. */
function responsiveSvg(svg: string, label: string | undefined): string {
  return svg.replace(/^<svg([^>]*)>/, (_whole, attributes: string) => {
    const width = /\swidth="([\d.]+)"/.exec(attributes)?.[1];
    let rest = attributes.replace(/\s(width|height)="[\d.]+"/g, '');
    rest += ' role="img" focusable="false"';
    if (label !== undefined) rest += ` aria-label="${escapeHtml(label)}"`;
    if (width !== undefined) rest += ` style="width:100%;max-width:${width}px;height:auto"`;
    return `<svg${rest}>`;
  });
}
