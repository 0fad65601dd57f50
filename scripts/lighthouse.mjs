// Lighthouse (mobile: a mid-range phone on slow 4G) on the release build in dist/,
// served under the GitHub Pages sub-path; prints the four scores per page. Dev-only.
//   node scripts/lighthouse.mjs [--pages "./,en/partners/tokyo/"] [--dir dist] [--port 4178]
//                               [--throttling devtools|simulate]
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { BASE_PATH, chromiumLaunch } from "../playwright.config.mjs";

const { values } = parseArgs({
  options: {
    pages: { type: "string", default: "./,en/,partners/tokyo/" },
    port: { type: "string", default: "4178" },
    dir: { type: "string", default: "dist" },
    throttling: { type: "string", default: "devtools" },
  },
});
const server = spawn(process.execPath, ["tests/e2e/serve.mjs", "--port", values.port, "--dir", values.dir], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((r) => server.stdout.once("data", r));
const chrome = await chromeLauncher.launch({
  chromePath: chromiumLaunch.executablePath,
  chromeFlags: ["--headless=new", ...chromiumLaunch.args],
});
try {
  for (const path of values.pages.split(",")) {
    const url = new URL(path, `http://127.0.0.1:${values.port}${BASE_PATH}`).href;
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      // Applied throttling (slow 4G, CPU x4, as scripts/bench), not Lantern's simulation:
      // with this Chromium the simulation cannot find the LCP element (its TraceElements
      // gatherer fails) and estimates LCP at 9 s where the trace shows about 2 s.
      throttlingMethod: values.throttling,
    });
    const c = result.lhr.categories;
    const score = (k) => Math.round(c[k].score * 100);
    const a = result.lhr.audits;
    console.log(
      `${path.padEnd(22)} performance ${score("performance")}, accessibility ${score("accessibility")}, ` +
        `best practices ${score("best-practices")}, SEO ${score("seo")}   ` +
        `(FCP ${a["first-contentful-paint"].displayValue}, LCP ${a["largest-contentful-paint"].displayValue}, ` +
        `TBT ${a["total-blocking-time"].displayValue}, CLS ${a["cumulative-layout-shift"].displayValue})`,
    );
    // Which element the LCP is, and when: a late LCP is often the app redrawing a large node.
    if (process.env.LIGHTHOUSE_DUMP) (await import("node:fs")).writeFileSync(process.env.LIGHTHOUSE_DUMP, JSON.stringify(result.lhr));
    const lcp = a["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node;
    if (lcp) console.log(`    LCP element: ${lcp.selector} (${(lcp.snippet ?? "").slice(0, 80)})`);
    for (const k of ["accessibility", "best-practices", "seo"]) {
      for (const ref of c[k].auditRefs) {
        const audit = a[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) console.log(`    ${k}: ${ref.id} — ${audit.title}`);
      }
    }
  }
} finally {
  await chrome.kill();
  server.kill();
}
