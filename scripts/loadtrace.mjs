// Dev-only: a Chrome trace of a page load up to the app's take-over, summed by event name,
// and the long tasks (> 50 ms) on the main thread, to see where the load's time goes.
//   node scripts/loadtrace.mjs [--dir dist] [--path en/] [--cpu 4] [--width 390] [--out trace.json]
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { writeFileSync } from "node:fs";
import { chromiumLaunch, BASE_PATH } from "../playwright.config.mjs";

const { values } = parseArgs({
  options: {
    dir: { type: "string", default: "dist" },
    path: { type: "string", default: "" },
    cpu: { type: "string", default: "4" },
    port: { type: "string", default: "4177" },
    width: { type: "string", default: "390" },
    out: { type: "string", default: "" },
  },
});
const server = spawn(process.execPath, ["tests/e2e/serve.mjs", "--port", values.port, "--dir", values.dir], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((r) => server.stdout.once("data", r));
const browser = await chromium.launch(chromiumLaunch);
try {
  const page = await browser.newPage({ viewport: { width: Number(values.width), height: 844 } });
  const cdp = await page.context().newCDPSession(page);
  if (Number(values.cpu) > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: Number(values.cpu) });
  const events = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
  await cdp.send("Tracing.start", { categories: "devtools.timeline,v8.execute,v8,blink.user_timing,disabled-by-default-devtools.timeline,disabled-by-default-v8.cpu_profiler", transferMode: "ReportEvents" });
  const t0 = Date.now();
  await page.goto(`http://127.0.0.1:${values.port}${BASE_PATH}${values.path}`);
  await page.waitForSelector("html[data-app=live]", { timeout: 120000 });
  const live = Date.now() - t0;
  await page.waitForTimeout(500);
  await cdp.send("Tracing.end");
  await done;
  if (values.out) writeFileSync(values.out, JSON.stringify(events));
  const sums = new Map();
  for (const e of events) {
    if (e.ph !== "X" || !e.dur) continue;
    sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur / 1000);
  }
  const top = [...sums.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([n, d]) => `${n} ${d.toFixed(1)}`);
  console.log(`live after ${live} ms\n${top.join("\n")}`);
  const mainTid = events.find((e) => e.name === "ParseHTML")?.tid;
  const blocking = events
    .filter((e) => e.name === "RunTask" && e.tid === mainTid && e.dur > 50000)
    .reduce((n, e) => n + (e.dur / 1000 - 50), 0);
  console.log(`blocking (sum of each main-thread task's time past 50 ms): ${blocking.toFixed(0)} ms`);
  const start = Math.min(...events.filter((e) => e.name === "RunTask").map((e) => e.ts));
  for (const e of events) {
    if (e.name === "RunTask" && e.tid === mainTid && e.dur > 50000) console.log(`long task at ${((e.ts - start) / 1000).toFixed(0)} ms: ${(e.dur / 1000).toFixed(0)} ms`);
  }
} finally {
  await browser.close();
  server.kill();
}
