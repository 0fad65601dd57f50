// Measures the release build: sizes of the .wasm and .js (raw, gzip -9, brotli q11) and the
// time from navigation start to the partner list rendered, median of several runs, on a
// desktop and at a 390x844 phone viewport with the CPU slowed 4x (Chrome DevTools Protocol).
// A benchmark, not a test: it prints figures and asserts nothing.
//
//   node scripts/bench.mjs [--runs 7] [--dir dist]
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

import { chromiumLaunch, BASE_PATH } from "../playwright.config.mjs";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "7" },
    dir: { type: "string", default: "dist" },
    port: { type: "string", default: "4174" },
  },
});
const runs = Number(values.runs);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function sizes() {
  const rows = [];
  const files = readdirSync(values.dir).filter((f) => /\.(wasm|js|css)$/.test(f));
  files.push(...readdirSync(join(values.dir, "data")).map((f) => join("data", f)));
  for (const file of files) {
    const raw = readFileSync(join(values.dir, file));
    const gz = gzipSync(raw, { level: 9 }).length;
    const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    rows.push({ file: file.replace(/-[0-9a-f]{16}(?=[._])/, ""), raw: raw.length, gzip: gz, brotli: br });
  }
  return rows;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// Records when the first partner card appears, measured in the page's own clock
// (milliseconds since navigation start), so no round trip to the test process is counted.
const observeFirstCard = () => {
  new MutationObserver((_, observer) => {
    if (document.querySelector("article.partner-card")) {
      performance.mark("list-rendered");
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

async function timeRuns(browser, url, { viewport, cpuSlowdown }) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    if (cpuSlowdown > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
    await page.addInitScript(observeFirstCard);
    await page.goto(url);
    await page.waitForSelector("article.partner-card");
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      const wasm = performance.getEntriesByType("resource").find((r) => r.name.endsWith(".wasm"));
      return {
        list: performance.getEntriesByName("list-rendered")[0].startTime,
        fcp: fcp ? fcp.startTime : NaN,
        domContentLoaded: nav.domContentLoadedEventEnd,
        wasmDone: wasm ? wasm.responseEnd : NaN,
      };
    });
    results.push(t);
    await context.close();
  }
  const pick = (k) => median(results.map((r) => r[k])).toFixed(0);
  return { list: pick("list"), fcp: pick("fcp"), dcl: pick("domContentLoaded"), wasm: pick("wasmDone") };
}

const server = spawn(process.execPath, ["tests/e2e/serve.mjs", "--port", values.port, "--dir", values.dir], {
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise((resolve) => server.stdout.once("data", resolve));
try {
  console.log(`Sizes of ${values.dir}/ (gzip -9, brotli q11):`);
  for (const r of sizes()) {
    console.log(`  ${r.file.padEnd(30)} raw ${kb(r.raw).padStart(9)}   gzip ${kb(r.gzip).padStart(9)}   brotli ${kb(r.brotli).padStart(9)}`);
  }
  const url = `http://127.0.0.1:${values.port}${BASE_PATH}?lang=en`;
  const browser = await chromium.launch(chromiumLaunch);
  console.log(`\nNavigation start to first partner card, median of ${runs} runs, cache disabled, served from 127.0.0.1:`);
  const desktop = await timeRuns(browser, url, { viewport: { width: 1280, height: 800 }, cpuSlowdown: 1 });
  console.log(`  desktop 1280x800:        list ${desktop.list} ms  (FCP ${desktop.fcp} ms, wasm loaded ${desktop.wasm} ms)`);
  const phone = await timeRuns(browser, url, { viewport: { width: 390, height: 844 }, cpuSlowdown: 4 });
  console.log(`  phone 390x844, CPU 4x:   list ${phone.list} ms  (FCP ${phone.fcp} ms, wasm loaded ${phone.wasm} ms)`);
  await browser.close();
} finally {
  server.kill();
}
