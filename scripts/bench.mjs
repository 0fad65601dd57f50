// Measures the release build in dist/ against references measured in the same run, and prints
// the figures; a benchmark, not a test: it asserts nothing.
//
//   node scripts/bench.mjs [--runs N] [--load-runs N] [--dir dist] [--search rotterdam] [--label text]
//
// - Sizes of what a first visit loads (raw, gzip -9 as GitHub Pages sends it, brotli q11),
//   against the budget: WebAssembly plus JS at most 220 KB gzip, everything at most 300 KB.
// - Load, against the limit (the same pre-rendered page with every script removed, so what a
//   browser needs at the least to show it): navigation start to the first partner card, to
//   the first 20 partner links, and, for the app, to the app's taking the page over; at the
//   desktop, at the phone with the CPU slowed 4x, and at that phone on slow 4G (150 ms,
//   1.6 Mbit/s). The app and its limit load in pairs, back to back, so that a machine busy with
//   other work slows both alike; the ratio is the median of the pairs' ratios, with their range.
// - Search: from typing a search (one input event with the whole word) to the list showing its
//   result, and from clearing it to the full list again; "shown" is the frame after the DOM
//   holds the result.
// - Memory after load: the JS heap that the page keeps (CDP, after a garbage collection) and the
//   WebAssembly memory; and again after the search, which loads the whole data file.
// Each at a 1280x800 desktop and at a 390x844 phone with the CPU slowed 4x (CDP), median of N
// runs with the cache disabled. The reference is scripts/reference/index.html: the same list and
// search as a plain page (no framework, no WebAssembly) over the same data file; its figures are
// what a browser needs at the least, and the app's are also given as a ratio to them.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

import { chromiumLaunch, BASE_PATH } from "../playwright.config.mjs";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "7" },
    // Pairs of loads for the time to content: on the desktop a first card comes in 50 to
    // 120 ms, and a single load of the same static page varies from 40 to 290 ms here, so a
    // ratio needs more pairs than the other figures need runs.
    "load-runs": { type: "string", default: "15" },
    dir: { type: "string", default: "dist" },
    port: { type: "string", default: "4174" },
    search: { type: "string", default: "rotterdam" },
    label: { type: "string", default: "" },
    timeout: { type: "string", default: "300000" },
  },
});
const runs = Number(values.runs);
const loadRuns = Number(values["load-runs"]);
const timeout = Number(values.timeout);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;

/** A file at the root that the start page does not load: fetched when the reader first needs
 *  it. world.svg: the map asks for the countries in full only once it is zoomed in
 *  (world-lite.svg until then). The parts of the app split out of its WebAssembly (lazy-*.wasm,
 *  scripts/split-wasm): each is fetched the first time its view, a partner's detail or an
 *  export is asked for. */
const onDemand = (f) => f === "world.svg" || /^lazy-.*\.wasm$/.test(f);
const atRoot = () => readdirSync(values.dir).filter((f) => /\.(css|js|wasm|svg)$/.test(f));

/** What the start page makes a browser load, in the order it asks: of the data, only the
 *  first view's file (data/start.json). */
const firstFiles = () => ["index.html", ...atRoot().filter((f) => !onDemand(f)), join("data", "start.json")];

/** What is loaded later, when first needed: the parts above, and the whole data file, which a
 *  partner's detail, the timeline, a search and the export read. */
const laterFiles = () => [...atRoot().filter(onDemand), join("data", "partners.json")];

function sizesOf(files) {
  const rows = [];
  for (const file of files) {
    const raw = readFileSync(join(values.dir, file));
    const gz = gzipSync(raw, { level: 9 }).length;
    const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    rows.push({ file: file.replace(/-[0-9a-f]{12,16}(?=[._-])/g, ""), raw: raw.length, gzip: gz, brotli: br });
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
  // The document, not its root element: an init script runs before <html> exists.
  new MutationObserver((_, observer) => {
    if (document.documentElement?.dataset.app === "live") {
      performance.mark("live");
      observer.disconnect();
    }
  }).observe(document, { attributes: true, attributeFilter: ["data-app"], subtree: true });
  addEventListener("TrunkApplicationStarted", (e) => {
    window.__benchWasm = e.detail && e.detail.wasm;
    // A pre-rendered page waits for the reader's first act: act as soon as the app can
    // hear it (the search box focused, as from the keyboard), so that "live" is the soonest
    // the app can take over, as before it waited.
    performance.mark("acted");
    document.getElementById("search")?.focus({ preventScroll: true });
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

async function withPage(browser, url, { viewport, cpuSlowdown, network }, body) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (network) await cdp.send("Network.emulateNetworkConditions", { offline: false, ...network });
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

/** One load: first card, first 20 links and (for the app) the take-over and the reader's act. */
async function loadOnce(browser, url, setting) {
  return withPage(browser, url, setting, async (page) => {
    await page.waitForFunction(
      () => performance.getEntriesByName("twenty-links").length > 0 || document.querySelectorAll("article.partner-card a.partner-link").length > 0,
      null,
      { timeout },
    );
    const wantsLive = await page.evaluate(() => !!document.getElementById("app") && !!document.querySelector("script[type=module]"));
    if (wantsLive) await page.waitForFunction(() => performance.getEntriesByName("live").length > 0, null, { timeout });
    return page.evaluate(() => ({
      first: performance.getEntriesByName("first-card")[0]?.startTime ?? NaN,
      twenty: performance.getEntriesByName("twenty-links")[0]?.startTime ?? NaN,
      live: performance.getEntriesByName("live")[0]?.startTime ?? NaN,
      acted: performance.getEntriesByName("acted")[0]?.startTime ?? NaN,
    }));
  });
}

/**
 * The app's load against its limit's, in pairs: each run loads both, one right after the other,
 * the app first in even runs and the limit first in odd ones. A machine whose load drifts (other
 * work on its cores) then slows both sides of a pair alike, where two blocks of runs could each
 * catch a different phase. The ratio is the median of the pairs' ratios, with their range.
 */
async function measureLoadPairs(browser, appUrl, limitUrl, setting) {
  const app = [];
  const limit = [];
  for (let i = 0; i < loadRuns; i++) {
    if (i % 2) {
      limit.push(await loadOnce(browser, limitUrl, setting));
      app.push(await loadOnce(browser, appUrl, setting));
    } else {
      app.push(await loadOnce(browser, appUrl, setting));
      limit.push(await loadOnce(browser, limitUrl, setting));
    }
  }
  const pick = (xs, k) => median(xs.map((x) => x[k]));
  const ratios = app.map((a, i) => a.first / limit[i].first).filter((r) => Number.isFinite(r) && r > 0);
  return {
    app: { first: pick(app, "first"), twenty: pick(app, "twenty"), live: pick(app, "live"), afterAct: median(app.map((x) => x.live - x.acted)) },
    limit: { first: pick(limit, "first") },
    ratio: median(ratios),
    low: Math.min(...ratios),
    high: Math.max(...ratios),
  };
}

/** What the page keeps, not the garbage it has yet to collect (which depends on when the
 *  collector last ran: the map's projection, for one, leaves a number object per call to the
 *  browser's Math): the JS heap after a collection, and the WebAssembly's memory. */
async function memoryNow(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const wasm = await page.evaluate(() => window.__benchWasm?.memory?.buffer?.byteLength ?? 0);
  return { heap: heap.usedSize, wasm };
}

async function measure(browser, url, setting) {
  const load = [];
  const search = [];
  const clear = [];
  const memory = [];
  const memoryAfter = [];
  for (let i = 0; i < runs; i++) {
    await withPage(browser, url, setting, async (page, cdp) => {
      await page.waitForFunction(() => performance.getEntriesByName("twenty-links").length > 0 || document.querySelectorAll("article.partner-card a.partner-link").length > 0, null, { timeout });
      // Type only once the app has taken the pre-rendered page over.
      if (await page.evaluate(() => !!document.getElementById("app") && !!document.querySelector("script[type=module]"))) {
        await page.waitForFunction(() => performance.getEntriesByName("live").length > 0, null, { timeout });
      }
      const full = await quiet(page);
      load.push(
        await page.evaluate(() => ({
          first: performance.getEntriesByName("first-card")[0]?.startTime ?? NaN,
          twenty: performance.getEntriesByName("twenty-links")[0]?.startTime ?? NaN,
          live: performance.getEntriesByName("live")[0]?.startTime ?? NaN,
        })),
      );
      memory.push(await memoryNow(page, cdp));
      // Learn what the search shows, untimed, then time typing it and clearing it.
      await page.evaluate(([text]) => {
        const input = document.querySelector("#search");
        input.value = text;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }, [values.search]);
      // The app's search reads the whole data file once it has text (the first view reads
      // data/start.json): learn what it shows once that file is read, or the timed search would
      // wait for a list that the file's arrival then changes.
      await page.waitForFunction(
        () => !document.querySelector("script[type=module]") || performance.getEntriesByType("resource").some((e) => e.name.endsWith("/data/partners.json") && e.responseEnd > 0),
        null,
        { timeout },
      );
      const result = await quiet(page);
      await page.evaluate(() => {
        const input = document.querySelector("#search");
        input.value = "";
        input.dispatchEvent(new Event("input", { bubbles: true }));
      });
      await quiet(page);
      search.push(await page.evaluate(([t, w, ms]) => window.__benchType(t, w, ms), [values.search, result, timeout]));
      clear.push(await page.evaluate(([w, ms]) => window.__benchType("", w, ms), [full, timeout]));
      // A search loads the whole data file (the first view reads data/start.json).
      memoryAfter.push(await memoryNow(page, cdp));
    });
  }
  const pick = (xs, k) => median(xs.map((x) => x[k]));
  return {
    first: pick(load, "first"),
    twenty: pick(load, "twenty"),
    live: pick(load, "live"),
    search: pick(search, "frame"),
    searchDom: pick(search, "dom"),
    clear: pick(clear, "frame"),
    heap: pick(memory, "heap"),
    wasm: pick(memory, "wasm"),
    heapAfter: pick(memoryAfter, "heap"),
    wasmAfter: pick(memoryAfter, "wasm"),
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
// The limit: the English start page as built (which the load timings open), with every
// script and preload removed, beside it so that its relative addresses hold.
writeFileSync(
  join(values.dir, "en", "limit.html"),
  readFileSync(join(values.dir, "en", "index.html"), "utf8")
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "")
    .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, ""),
);
const server = spawn(process.execPath, ["tests/e2e/serve.mjs", "--port", values.port, "--dir", values.dir], {
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise((resolve) => server.stdout.once("data", resolve));
try {
  const data = JSON.parse(readFileSync(join(values.dir, "data", "partners.json"), "utf8"));
  console.log(`Bench ${values.label} ${new Date().toISOString()}: ${data.partners.length} partners, ` +
    `${data.partners.reduce((n, p) => n + (p.events?.length ?? 0), 0)} events, search "${values.search}", median of ${runs} run(s)`);
  console.log(`\nA first visit to the start page loads (gzip -9, brotli q11):`);
  const rows = sizesOf(firstFiles());
  for (const r of rows) {
    console.log(`  ${r.file.padEnd(30)} raw ${kb(r.raw).padStart(10)}   gzip ${kb(r.gzip).padStart(9)}   brotli ${kb(r.brotli).padStart(9)}`);
  }
  const code = rows.filter((r) => /\.(wasm|js)$/.test(r.file)).reduce((n, r) => n + r.gzip, 0);
  const all = rows.reduce((n, r) => n + r.gzip, 0);
  console.log(`  WebAssembly + JS ${kb(code)} gzip (budget 220 KB); everything ${kb(all)} gzip (budget 300 KB)`);
  const later = sizesOf(laterFiles());
  console.log(`  and later, when first needed: ${later.map((r) => `${r.file} ${kb(r.gzip)}`).join(", ")}`);
  const base = `http://127.0.0.1:${values.port}${BASE_PATH}`;
  const browser = await chromium.launch(chromiumLaunch);
  const slow4g = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
  const settings = [
    ["desktop 1280x800", { viewport: { width: 1280, height: 800 }, cpuSlowdown: 1 }],
    ["phone 390x844, CPU 4x", { viewport: { width: 390, height: 844 }, cpuSlowdown: 4 }],
    ["phone, CPU 4x, slow 4G", { viewport: { width: 390, height: 844 }, cpuSlowdown: 4, network: slow4g }],
  ];
  console.log(`\nTime to content: navigation start to the first partner card, app against its limit\n(medians of ${loadRuns} runs; each run loads both back to back, and the ratio is the median of the runs' ratios):`);
  // A synthetic file of many megabytes takes minutes to preload on slow 4G (the test server
  // sends it uncompressed): that setting is for the shipped data only.
  const dataBytes = statSync(join(values.dir, "data", "start.json")).size;
  const loadSettings = dataBytes > 5e6 ? settings.slice(0, 2) : settings;
  if (loadSettings.length < settings.length) console.log(`  (slow 4G left out: the data file is ${(dataBytes / 1e6).toFixed(1)} MB)`);
  for (const [name, setting] of loadSettings) {
    const { app, limit, ratio: r, low, high } = await measureLoadPairs(browser, `${base}en/`, `${base}en/limit.html`, setting);
    const x = (v) => (Number.isFinite(v) ? `${v.toFixed(1)}x` : "n/a");
    console.log(
      `  ${name.padEnd(24)} app ${ms(app.first)}  limit ${ms(limit.first)}  ratio ${x(r).padStart(6)} (pairs ${x(low)} to ${x(high)})` +
        `   (20 links: ${ms(app.twenty).trim()}; app takes over at ${ms(app.live).trim()}, ` +
        `${ms(app.afterAct).trim()} after the reader's act)`,
    );
  }
  for (const [name, setting] of settings.slice(0, 2)) {
    const app = await measure(browser, `${base}en/`, setting);
    const ref = await measure(browser, `${base}reference/`, setting);
    console.log(`\n${name}              app   reference   ratio`);
    console.log(`  first card          ${ms(app.first)}  ${ms(ref.first)}  ${ratio(app.first, ref.first)}`);
    console.log(`  first 20 links      ${ms(app.twenty)}  ${ms(ref.twenty)}  ${ratio(app.twenty, ref.twenty)}`);
    console.log(`  app takes over      ${ms(app.live)}`);
    console.log(`  search shown        ${ms(app.search)}  ${ms(ref.search)}  ${ratio(app.search, ref.search)}   (DOM ready: app ${ms(app.searchDom).trim()}, reference ${ms(ref.searchDom).trim()})`);
    console.log(`  cleared, all shown  ${ms(app.clear)}  ${ms(ref.clear)}  ${ratio(app.clear, ref.clear)}`);
    console.log(`  JS heap             ${mb(app.heap).padStart(9)}  ${mb(ref.heap).padStart(9)}`);
    console.log(`  WebAssembly memory  ${mb(app.wasm).padStart(9)}          -`);
    console.log(`  heap + WebAssembly  ${mb(app.heap + app.wasm).padStart(9)}   (after a search, which loads the whole data: ${mb(app.heapAfter + app.wasmAfter)})`);
    if (app.timedOut || ref.timedOut) console.log(`  (some runs timed out after ${timeout} ms)`);
  }
  await browser.close();
} finally {
  server.kill();
}
