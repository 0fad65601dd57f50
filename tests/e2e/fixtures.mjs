// Shared fixtures: every test fails on a console error, an uncaught exception, a
// security policy violation, or a request to any host but 127.0.0.1 (the app must need no
// network beyond its own files).
import { test as base, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";

export const test = base.extend({
  // Console errors a test expects (e.g. Chromium's own line for a 404 it provoked).
  allowedConsoleErrors: [[], { option: true }],
  guard: [
    async ({ page, allowedConsoleErrors }, use) => {
      const problems = [];
      page.on("console", (msg) => {
        if (msg.type() !== "error") return;
        const text = msg.text();
        if (!allowedConsoleErrors.some((pattern) => pattern.test(text))) problems.push(`console error: ${text}`);
      });
      page.on("pageerror", (err) => problems.push(`uncaught: ${err.message}`));
      // Anything the page's security policy blocks is a fault, whatever the console says.
      await page.exposeFunction("__reportPolicyViolation", (text) => problems.push(text));
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          window.__reportPolicyViolation(
            `security policy violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
          );
        });
      });
      await page.route("**/*", (route) => {
        const url = new URL(route.request().url());
        if (url.hostname !== "127.0.0.1" && url.protocol !== "data:" && url.protocol !== "blob:") {
          problems.push(`request left 127.0.0.1: ${url.href}`);
          return route.abort();
        }
        return route.fallback();
      });
      await use(problems);
      expect(problems, "console errors, page errors and outside requests").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** The reader's first act that needs the app on a pre-rendered page, which until then stays
 * as it was written: the search box focused as from the keyboard. Waits for the app. */
export async function wake(page) {
  await page.locator("#search").focus();
  await expect(page.locator("html")).toHaveAttribute("data-app", "live");
}

/** The shipped dataset, read from the build under test. */
export function shippedData() {
  return JSON.parse(readFileSync(new URL("../../dist/data/partners.json", import.meta.url), "utf8"));
}

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** Fails with a readable list when axe finds any violation. */
export async function expectNoViolations(page, label) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const report = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`,
  );
  expect(report, `axe violations in ${label}`).toEqual([]);
}

/** Saves a screenshot as a test artefact under test-results/screenshots/. */
export async function snapshot(page, testInfo, name) {
  await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-${name}.png`, fullPage: false });
}

/** Page object for the atlas: it owns the locators, finding things by role and label as a
 * person would where a person could, and by the data attributes the app writes otherwise. */
export class Atlas {
  constructor(page) {
    this.page = page;
    this.partnersHeading = page.getByRole("heading", { level: 2, name: /^(Mitra|Partners)\b/ });
    // Cards a filter hides stay in the page, hidden, so that they come back at no cost.
    this.cards = page.locator("article.partner-card:visible");
    this.alert = page.getByRole("alert");
    this.retry = page.getByRole("button", { name: /^(Coba lagi|Retry)$/ });
    this.map = page.locator("svg.map-svg");
    // Markers, like cards, stay in the page hidden (display="none") when a filter hides them.
    this.markers = page.locator("g.markers g.marker:visible");
    this.search = page.getByRole("searchbox");
    this.count = page.locator(".result-count");
  }

  async open(query = "lang=en") {
    await this.page.goto(query ? `./?${query}` : "./");
  }

  /** The toggle button of a sector. */
  chip(sector) {
    return this.page.locator(`button.chip[data-sector=${sector}]`);
  }

  /** A partner's card. */
  card(id) {
    return this.page.locator(`article.partner-card[data-partner="${id}"]:visible`);
  }

  /** A partner's marker on the map (its group; the link is inside). */
  marker(id) {
    return this.page.locator(`g.markers g.marker[data-partner="${id}"]:visible`);
  }

  /** A partner's open detail panel, by the name in its heading. */
  detail(name) {
    return this.page.getByRole("dialog", { name });
  }

  /** Opens the folded filter panel (the button reads "Filter" or "Filters"). */
  async openFilters() {
    await this.page.getByRole("button", { name: /^Filter/ }).click();
    await expect(this.page.locator("button.chip").first()).toBeVisible();
  }

  /** The ids of the markers on the map, in document order. */
  async markerIds() {
    return this.markers.evaluateAll((els) => els.map((e) => e.dataset.partner));
  }

  /** The ids of the cards in the list, in order. */
  async cardIds() {
    return this.cards.evaluateAll((els) => els.map((e) => e.dataset.partner));
  }

  /** The map's viewBox as numbers [x, y, w, h]. */
  async viewBox() {
    const attr = await this.map.getAttribute("viewBox");
    return attr.split(/[ ,]+/).map(Number);
  }

  /** The link to a view in the view switch ("Map", "Linimasa", ...). */
  viewLink(name) {
    return this.page.getByRole("navigation", { name: /^(Tampilan|View)$/ }).getByRole("link", { name, exact: true });
  }

  /** A year's link in the timeline's chart. */
  yearLink(year) {
    return this.page.locator(`svg.timeline-chart a[data-year="${year}"]`);
  }

  /** Clicks a download button (by its name) and returns the file: its name, bytes and text. */
  async download(name) {
    const [file] = await Promise.all([this.page.waitForEvent("download"), this.page.getByRole("button", { name }).click()]);
    const bytes = readFileSync(await file.path());
    return { name: file.suggestedFilename(), bytes, text: bytes.toString("utf8") };
  }

  /** How many pixels the page is wider than the window (0 or less: no horizontal scroll). */
  async overflow() {
    return this.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }
}
