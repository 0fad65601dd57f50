// Dev-only: Chrome traces summed by event name (script, style, layout, paint, GC, ...), to see
// where the time goes: of one search and one clear, or with --load of a page load up to the
// app's take-over, with the main thread's long tasks and their blocking time.
//   node scripts/trace.mjs [--dir dist] [--path en/] [--cpu 4] [--width 390] [--search rotterdam]
//   node scripts/trace.mjs --load [--dir dist] [--path en/] [--cpu 4] [--width 390] [--out trace.json]
//                                [--no-wasm]   (the pre-rendered page alone: its WebAssembly refused)
//                                [--no-act]    (nobody acts: the app starts and waits, as for a reader)
// A load with no query (--query "") opens a pre-rendered page, which the app takes over only at
// the reader's first act: --load acts (the search box focused) as soon as the app has started.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { chromiumLaunch, BASE_PATH } from "../playwright.config.mjs";

const { values } = parseArgs({
  options: {
    dir: { type: "string", default: "dist" },
    query: { type: "string", default: "lang=en" },
    path: { type: "string", default: "" },
    cpu: { type: "string", default: "4" },
    search: { type: "string", default: "rotterdam" },
    port: { type: "string", default: "4177" },
    width: { type: "string", default: "390" },
    load: { type: "boolean", default: false },
    "no-wasm": { type: "boolean", default: false },
    "no-act": { type: "boolean", default: false },
    out: { type: "string", default: "" },
  },
});
const server = spawn(process.execPath, ["tests/e2e/serve.mjs", "--port", values.port, "--dir", values.dir], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((r) => server.stdout.once("data", r));
const browser = await chromium.launch(chromiumLaunch);

/** The events of a trace of whatever `work` does. */
async function traced(cdp, categories, work) {
  const events = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
  await cdp.send("Tracing.start", { categories, transferMode: "ReportEvents" });
  const result = await work();
  await cdp.send("Tracing.end");
  await done;
  cdp.removeAllListeners("Tracing.dataCollected");
  return { events, result };
}

/** The `count` event names that took the most time, with their sums in ms. */
function top(events, count) {
  const sums = new Map();
  for (const e of events) {
    if (e.ph !== "X" || !e.dur) continue;
    sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur / 1000);
  }
  return [...sums.entries()].sort((a, b) => b[1] - a[1]).slice(0, count).map(([n, d]) => `${n} ${d.toFixed(1)}`);
}

try {
  const page = await browser.newPage({ viewport: { width: Number(values.width), height: 844 } });
  const cdp = await page.context().newCDPSession(page);
  const url = `http://127.0.0.1:${values.port}${BASE_PATH}${values.path}?${values.query}`;
  if (values.load) {
    if (Number(values.cpu) > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: Number(values.cpu) });
    const categories = "devtools.timeline,v8.execute,v8,blink.user_timing,disabled-by-default-devtools.timeline";
    const { events, result: live } = await traced(cdp, categories, async () => {
      const t0 = Date.now();
      if (values["no-wasm"]) {
        await page.route("**/*.wasm", (route) => route.abort());
        await page.goto(url, { waitUntil: "load" });
      } else {
        await page.goto(url);
        await page.waitForFunction(() => window.wasmBindings !== undefined, null, { timeout: 120000 });
        if (values["no-act"]) {
          await page.waitForTimeout(2000);
        } else {
          await page.evaluate(() => document.getElementById("search")?.focus({ preventScroll: true }));
          await page.waitForSelector("html[data-app=live]", { timeout: 120000 });
        }
      }
      const live = Date.now() - t0;
      await page.waitForTimeout(500);
      return live;
    });
    if (values.out) writeFileSync(values.out, JSON.stringify(events));

    // The main thread's long tasks, and the sum of each one's time past 50 ms (as
    // Lighthouse's total blocking time counts it).
    // The page's main thread: the one that parsed its HTML (the browser's own pages, such as
    // the omnibox popup, parse HTML in processes of their own).
    const parse = events.find((e) => e.name === "ParseHTML" && (e.args?.beginData?.url ?? "").startsWith(url.split("?")[0]));
    const tasks = events.filter((e) => e.name === "RunTask" && e.pid === parse?.pid && e.tid === parse?.tid);
    console.log(`${values["no-wasm"] ? "loaded" : values["no-act"] ? "started, waiting," : "live"} after ${live} ms\n${top(events.filter((e) => e.pid === parse?.pid), 20).join("\n")}`);
    const start = Math.min(...tasks.map((e) => e.ts));
    const long = tasks.filter((e) => e.dur > 50000);
    console.log(`blocking (sum of each main-thread task's time past 50 ms): ${long.reduce((n, e) => n + e.dur / 1000 - 50, 0).toFixed(0)} ms`);
    for (const e of long) console.log(`long task at ${((e.ts - start) / 1000).toFixed(0)} ms: ${(e.dur / 1000).toFixed(0)} ms`);
  } else {
    await page.goto(url);
    // Pre-rendered cards are there at once: wait for the app to take the page over.
    await page.waitForSelector("html[data-app=live] article.partner-card", { timeout: 120000 });
    await page.waitForTimeout(1500);
    const type = (text) => page.evaluate(async (text) => {
      const input = document.querySelector("#search");
      const t0 = performance.now();
      input.value = text;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - t0;
    }, text);
    await type(values.search);
    await type("");
    await page.waitForTimeout(300);
    if (Number(values.cpu) > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: Number(values.cpu) });
    for (const [label, text] of [["search", values.search], ["clear", ""]]) {
      const categories = "devtools.timeline,v8.execute,blink.user_timing,disabled-by-default-devtools.timeline";
      const { events, result: ms } = await traced(cdp, categories, async () => {
        const ms = await type(text);
        await page.waitForTimeout(200);
        return ms;
      });
      console.log(`${label}: ${ms.toFixed(0)} ms | ${top(events, 14).join(" | ")}`);
      await page.waitForTimeout(300);
    }
  }
} finally {
  await browser.close();
  server.kill();
}
