// Lighthouse (mobile: a mid-range phone on slow 4G, simulated) on the release build in dist/,
// served under the GitHub Pages sub-path; prints the four scores per page. Dev-only.
//   node scripts/lighthouse.mjs [--pages "./,en/partners/tokyo/"]
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { BASE_PATH, chromiumLaunch } from "../playwright.config.mjs";

const { values } = parseArgs({
  options: {
    pages: { type: "string", default: "./,en/,partners/tokyo/" },
    port: { type: "string", default: "4178" },
  },
});
const server = spawn(process.execPath, ["tests/e2e/serve.mjs", "--port", values.port], { stdio: ["ignore", "pipe", "inherit"] });
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
