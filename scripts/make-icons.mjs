#!/usr/bin/env node
// Renders the add-in icons from their SVG sources with the system's headless Chromium (playwright-core,
// never a downloaded browser) into transparent PNGs: assets/icon-16.png … assets/icon-128.png.
//   assets/icon.svg     the mark (128-unit grid; 32, 64, 80 and 128 px)
//   assets/icon-16.svg  the same mark redrawn on the 16 px grid (fewer details)
// Usage: node scripts/make-icons.mjs          (CHROMIUM=/path/to/chromium to use another binary)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const assets = path.join(root, "assets");
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";

/** size in px → SVG source in assets/ */
const icons = [
  { size: 16, source: "icon-16.svg" },
  { size: 32, source: "icon.svg" },
  { size: 64, source: "icon.svg" },
  { size: 80, source: "icon.svg" },
  { size: 128, source: "icon.svg" },
];

/** Width, height and colour type from a PNG's IHDR chunk. */
function pngHeader(bytes) {
  const signature = "89504e470d0a1a0a";
  if (
    bytes.subarray(0, 8).toString("hex") !== signature ||
    bytes.subarray(12, 16).toString("ascii") !== "IHDR"
  ) {
    throw new Error("not a PNG");
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colorType: bytes[25] };
}

if (!fs.existsSync(executablePath)) {
  console.error(`make-icons: no Chromium at ${executablePath} (apt-get install chromium, or set CHROMIUM).`);
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
try {
  for (const { size, source } of icons) {
    const svg = fs.readFileSync(path.join(assets, source));
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    // As an <img>, the SVG's own viewport is `size` px: its @media rules see the rendered size.
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">` +
        `<img id="icon" style="display:block" width="${size}" height="${size}" alt="" ` +
        `src="data:image/svg+xml;base64,${svg.toString("base64")}"></body></html>`,
    );
    await page.waitForFunction(() => {
      const img = document.getElementById("icon");
      return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0;
    });
    const png = await page.screenshot({
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    await page.close();
    const header = pngHeader(png);
    if (header.width !== size || header.height !== size || header.colorType !== 6) {
      throw new Error(
        `icon-${size}.png: got ${header.width}x${header.height}, colour type ${header.colorType}`,
      );
    }
    const out = path.join(assets, `icon-${size}.png`);
    fs.writeFileSync(out, png);
    console.log(`make-icons: ${path.relative(root, out)} ${size}x${size} (${source}, ${png.length} bytes)`);
  }
} finally {
  await browser.close();
}
