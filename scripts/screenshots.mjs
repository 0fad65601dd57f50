// Takes screenshots of the release build in dist/ for a person to look at (dev-only).
//   node scripts/screenshots.mjs '[["name", width, height, "?query", "light|dark"], ...]'
// Writes test-results/screenshots/NAME.png and prints console errors.
import { chromium } from "@playwright/test";
import { chromiumLaunch, BASE_PATH } from "../playwright.config.mjs";
import { spawn } from "node:child_process";
const server = spawn(process.execPath, ["tests/e2e/serve.mjs", "--port", "4199"], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((r) => server.stdout.once("data", r));
const browser = await chromium.launch(chromiumLaunch);
const shots = JSON.parse(process.argv[2]);
for (const [name, w, h, query, scheme] of shots) {
  const page = await browser.newPage({ viewport: { width: w, height: h }, colorScheme: scheme ?? "light", deviceScaleFactor: 1 });
  page.on("console", (m) => m.type() === "error" && console.log("console:", m.text()));
  page.on("pageerror", (e) => console.log("pageerror:", e.message));
  await page.goto(`http://127.0.0.1:4199${BASE_PATH}${query}`);
  await page.waitForSelector("article.partner-card, [role=alert], .empty", { timeout: 10000 }).catch(() => console.log("no content"));
  await page.waitForTimeout(300);
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
  await page.close();
}
await browser.close();
server.kill();
