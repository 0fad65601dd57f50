// Dev-only: a Chrome trace of one search and one clear, summed by event name (script, style,
// layout, paint, GC, ...), to see where an interaction's time goes.
//   node scripts/trace.mjs [--dir dist] [--cpu 4] [--search rotterdam]
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
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
  },
});
const server = spawn(process.execPath, ["tests/e2e/serve.mjs", "--port", values.port, "--dir", values.dir], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((r) => server.stdout.once("data", r));
const browser = await chromium.launch(chromiumLaunch);
try {
  const page = await browser.newPage({ viewport: { width: Number(values.width), height: 844 } });
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`http://127.0.0.1:${values.port}${BASE_PATH}${values.path}?${values.query}`);
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
    const events = [];
    cdp.on("Tracing.dataCollected", (e) => events.push(...e.value));
    const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
    await cdp.send("Tracing.start", { categories: "devtools.timeline,v8.execute,blink.user_timing,disabled-by-default-devtools.timeline", transferMode: "ReportEvents" });
    const ms = await type(text);
    await page.waitForTimeout(200);
    await cdp.send("Tracing.end");
    await done;
    cdp.removeAllListeners("Tracing.dataCollected");
    const sums = new Map();
    for (const e of events) {
      if (e.ph !== "X" || !e.dur) continue;
      sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur / 1000);
    }
    const top = [...sums.entries()].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([n, d]) => `${n} ${d.toFixed(1)}`);
    console.log(`${label}: ${ms.toFixed(0)} ms | ${top.join(" | ")}`);
    await page.waitForTimeout(300);
  }
} finally {
  await browser.close();
  server.kill();
}
