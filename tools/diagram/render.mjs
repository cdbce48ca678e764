// Renders a model (by default bpmn/rma-lifecycle.bpmn to docs/rma-lifecycle.svg) with bpmn-js, in
// the system's headless Chromium, so the README's pictures are always drawn from the models
// themselves. A long left-to-right flow can also be written cut into rows (the lifecycle's
// docs/rma-lifecycle-1.svg, -2, -3) that a README page can show at a readable size.
//   npm --prefix tools/diagram ci && node tools/diagram/render.mjs [model target [rows]]
//   node tools/diagram/render.mjs bpmn/service-contract.bpmn docs/service-contract.svg 1
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const model = process.argv[2] ?? join(root, 'bpmn', 'rma-lifecycle.bpmn');
const target = process.argv[3] ?? join(root, 'docs', 'rma-lifecycle.svg');
const rowCount = Number(process.argv[4] ?? 3);
const viewer = readFileSync(join(here, 'node_modules', 'bpmn-js', 'dist', 'bpmn-viewer.production.min.js'), 'utf8');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.setContent('<div id="canvas" style="width:1600px;height:1000px"></div>');
  await page.addScriptTag({ content: viewer });
  const svg = await page.evaluate(async (xml) => {
    const viewer = new BpmnJS({ container: '#canvas' });
    await viewer.importXML(xml);
    return (await viewer.saveSVG()).svg;
  }, readFileSync(model, 'utf8'));
  writeFileSync(target, svg);
  console.log(`wrote ${target}`);
  for (const [index, row] of (rowCount > 1 ? rows(svg, rowCount) : []).entries()) {
    const file = target.replace(/\.svg$/, `-${index + 1}.svg`);
    writeFileSync(file, row);
    console.log(`wrote ${file}`);
  }
} finally {
  await browser.close();
}

/** The same drawing, each copy showing one of `count` overlapping slices of its width. */
function rows(svg, count) {
  const [x, y, width, height] = svg.match(/viewBox="([^"]+)"/)[1].split(' ').map(Number);
  const overlap = 60;
  const slice = Math.ceil(width / count);
  return Array.from({ length: count }, (_, i) => {
    const left = x + i * slice - (i > 0 ? overlap : 0);
    const w = slice + (i > 0 ? overlap : 0);
    return svg
      .replace(/width="[^"]+" height="[^"]+" viewBox="[^"]+"/, `width="${w}" height="${height}" viewBox="${left} ${y} ${w} ${height}"`);
  });
}
