// Measures the release build in dist/ against a reference measured in the same run, and prints
// the figures; a benchmark, not a test: it asserts nothing.
//
//   node scripts/bench.mjs [--runs N] [--dir dist] [--search rotterdam] [--label text]
//
// - Sizes of the .wasm, .js, .css and data (raw, gzip -9, brotli q11).
// - Load: navigation start to the first partner card and to the first 20 partner links.
// - Search: from typing a search (one input event with the whole word) to the list showing its
//   result, and from clearing it to the full list again; "shown" is the frame after the DOM
//   holds the result.
// - Memory after load: the JS heap (CDP) and the WebAssembly memory.
// Each at a 1280x800 desktop and at a 390x844 phone with the CPU slowed 4x (CDP), median of N
// runs with the cache disabled. The reference is scripts/reference/index.html: the same list and
// search as a plain page (no framework, no WebAssembly) over the same data file; its figures are
// what a browser needs at the least, and the app's are also given as a ratio to them.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

import { chromiumLaunch, BASE_PATH } from "../playwright.config.mjs";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "7" },
    dir: { type: "string", default: "dist" },
    port: { type: "string", default: "4174" },
    search: { type: "string", default: "rotterdam" },
    label: { type: "string", default: "" },
    timeout: { type: "string", default: "300000" },
  },
});
const runs = Number(values.runs);
const timeout = Number(values.timeout);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;

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
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// Runs in the page before its own scripts: marks the first card and the 20th partner link in
// the page's own clock, and keeps the WebAssembly instance Trunk announces (for its memory).
const instrument = () => {
  new MutationObserver((_, observer) => {
    const cards = document.querySelectorAll("article.partner-card");
    if (cards.length && !performance.getEntriesByName("first-card").length) performance.mark("first-card");
    if (document.querySelectorAll("article.partner-card a.partner-link").length >= 20) {
      performance.mark("twenty-links");
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  addEventListener("TrunkApplicationStarted", (e) => {
    window.__benchWasm = e.detail && e.detail.wasm;
  });

  /** What the list shows now, as one string to compare. */
  const shown = () => {
    // Cards a filter hides may stay in the page, hidden: only those shown count.
    const cards = [...document.querySelectorAll("article.partner-card")].filter((c) => !c.closest("[hidden]"));
    return `${document.querySelector(".result-count")?.textContent ?? ""}|${cards.length}|${cards[0]?.dataset.partner ?? ""}`;
  };
  window.__benchShown = shown;
  /** Sets the search box to `text` as one input event; resolves with the time until the list shows `want`. */
  window.__benchType = (text, want, timeoutMs) =>
    new Promise((resolve) => {
      const input = document.querySelector("#search");
      const t0 = performance.now();
      let finished = false;
      const finish = (ok) => {
        if (finished) return;
        finished = true;
        observer.disconnect();
        const dom = performance.now() - t0;
        if (!ok) return resolve({ dom: NaN, frame: NaN, timedOut: true });
        // The frame that paints the result: after the next animation frame's work.
        requestAnimationFrame(() => setTimeout(() => resolve({ dom, frame: performance.now() - t0 }), 0));
      };
      const observer = new MutationObserver(() => shown() === want && finish(true));
      observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      setTimeout(() => finish(false), timeoutMs);
      input.value = text;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      if (shown() === want) finish(true);
    });
};

async function withPage(browser, url, { viewport, cpuSlowdown }, body) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (cpuSlowdown > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
  await page.addInitScript(instrument);
  try {
    await page.goto(url);
    await page.waitForSelector("article.partner-card", { timeout });
    return await body(page, cdp);
  } finally {
    await context.close();
  }
}

/** Waits until the page stops changing what it shows (for the untimed warm-up). */
async function quiet(page) {
  let last = "";
  for (let i = 0; i < 600; i++) {
    await page.waitForTimeout(i < 5 ? 100 : 250);
    const now = await page.evaluate(() => window.__benchShown());
    if (now === last) return now;
    last = now;
  }
  return last;
}

async function measure(browser, url, setting) {
  const load = [];
  const search = [];
  const clear = [];
  const memory = [];
  for (let i = 0; i < runs; i++) {
    await withPage(browser, url, setting, async (page, cdp) => {
      await page.waitForFunction(() => performance.getEntriesByName("twenty-links").length > 0 || document.querySelectorAll("article.partner-card a.partner-link").length > 0, null, { timeout });
      const full = await quiet(page);
      load.push(
        await page.evaluate(() => ({
          first: performance.getEntriesByName("first-card")[0]?.startTime ?? NaN,
          twenty: performance.getEntriesByName("twenty-links")[0]?.startTime ?? NaN,
        })),
      );
      const heap = await cdp.send("Runtime.getHeapUsage");
      const wasm = await page.evaluate(() => window.__benchWasm?.memory?.buffer?.byteLength ?? 0);
      memory.push({ heap: heap.usedSize, wasm });
      // Learn what the search shows, untimed, then time typing it and clearing it.
      await page.evaluate(([text]) => {
        const input = document.querySelector("#search");
        input.value = text;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }, [values.search]);
      const result = await quiet(page);
      await page.evaluate(() => {
        const input = document.querySelector("#search");
        input.value = "";
        input.dispatchEvent(new Event("input", { bubbles: true }));
      });
      await quiet(page);
      search.push(await page.evaluate(([t, w, ms]) => window.__benchType(t, w, ms), [values.search, result, timeout]));
      clear.push(await page.evaluate(([w, ms]) => window.__benchType("", w, ms), [full, timeout]));
    });
  }
  const pick = (xs, k) => median(xs.map((x) => x[k]));
  return {
    first: pick(load, "first"),
    twenty: pick(load, "twenty"),
    search: pick(search, "frame"),
    searchDom: pick(search, "dom"),
    clear: pick(clear, "frame"),
    heap: pick(memory, "heap"),
    wasm: pick(memory, "wasm"),
    timedOut: [...search, ...clear].some((r) => r.timedOut),
  };
}

const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : "n/a").padStart(9);
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(1)}x` : "n/a").padStart(6);

// The reference gets the app's own stylesheet, so both lay out the same cards.
const css = readdirSync(values.dir).find((f) => /\.css$/.test(f));
mkdirSync(join(values.dir, "reference"), { recursive: true });
writeFileSync(
  join(values.dir, "reference", "index.html"),
  readFileSync("scripts/reference/index.html", "utf8").replace("../style/main.css", `../${css}`),
);
const server = spawn(process.execPath, ["tests/e2e/serve.mjs", "--port", values.port, "--dir", values.dir], {
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise((resolve) => server.stdout.once("data", resolve));
try {
  const data = JSON.parse(readFileSync(join(values.dir, "data", "partners.json"), "utf8"));
  console.log(`Bench ${values.label} ${new Date().toISOString()}: ${data.partners.length} partners, ` +
    `${data.partners.reduce((n, p) => n + (p.events?.length ?? 0), 0)} events, search "${values.search}", median of ${runs} run(s)`);
  console.log(`\nSizes of ${values.dir}/ (gzip -9, brotli q11):`);
  for (const r of sizes()) {
    console.log(`  ${r.file.padEnd(30)} raw ${kb(r.raw).padStart(10)}   gzip ${kb(r.gzip).padStart(9)}   brotli ${kb(r.brotli).padStart(9)}`);
  }
  const base = `http://127.0.0.1:${values.port}${BASE_PATH}`;
  const browser = await chromium.launch(chromiumLaunch);
  const settings = [
    ["desktop 1280x800", { viewport: { width: 1280, height: 800 }, cpuSlowdown: 1 }],
    ["phone 390x844, CPU 4x", { viewport: { width: 390, height: 844 }, cpuSlowdown: 4 }],
  ];
  for (const [name, setting] of settings) {
    const app = await measure(browser, `${base}?lang=en`, setting);
    const ref = await measure(browser, `${base}reference/`, setting);
    console.log(`\n${name}              app   reference   ratio`);
    console.log(`  first card          ${ms(app.first)}  ${ms(ref.first)}  ${ratio(app.first, ref.first)}`);
    console.log(`  first 20 links      ${ms(app.twenty)}  ${ms(ref.twenty)}  ${ratio(app.twenty, ref.twenty)}`);
    console.log(`  search shown        ${ms(app.search)}  ${ms(ref.search)}  ${ratio(app.search, ref.search)}   (DOM ready: app ${ms(app.searchDom).trim()}, reference ${ms(ref.searchDom).trim()})`);
    console.log(`  cleared, all shown  ${ms(app.clear)}  ${ms(ref.clear)}  ${ratio(app.clear, ref.clear)}`);
    console.log(`  JS heap             ${mb(app.heap).padStart(9)}  ${mb(ref.heap).padStart(9)}`);
    console.log(`  WebAssembly memory  ${mb(app.wasm).padStart(9)}          -`);
    console.log(`  heap + WebAssembly  ${mb(app.heap + app.wasm).padStart(9)}`);
    if (app.timedOut || ref.timedOut) console.log(`  (some runs timed out after ${timeout} ms)`);
  }
  await browser.close();
} finally {
  server.kill();
}
