// Offline and installable: after a first visit the service worker keeps the atlas, so a
// reload with no signal still shows every partner (and a partner's page never visited opens
// from its language's start page); when the network has newer data, the page says so and a
// reload shows it. Every page carries a strict security policy that the app keeps to.
import { statSync } from "node:fs";
import { test, expect, shippedData, wake } from "./fixtures.mjs";

const data = shippedData();

/** The first visit: the app is live, the service worker controls the page and has kept
 *  the data (once the page has loaded it, never at the same time): the first view's file and
 *  the whole one, which a partner's detail reads. Polled from here: `waitForFunction` does
 *  not await a promise (one is truthy), so an async check there passes at once, and a test
 *  that then went offline found the worker still copying the whole file (CI, stops 25-26). */
async function firstVisit(page, path = "./") {
  await page.goto(path);
  await wake(page);
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        if (registration.active === null || navigator.serviceWorker.controller === null) return false;
        for (const file of ["data/start.json", "data/partners.json"]) {
          if (!(await caches.match(new URL(file, registration.scope).href))) return false;
        }
        return true;
      }),
    )
    .toBe(true);
}

test.describe("with the service worker", () => {
  test.use({ serviceWorkers: "allow" });

  test.describe("with no signal", () => {
    // Chromium checks the worker's script for an update after a navigation, and when that
    // check fails, as it does with no signal, it writes this line into the page's console.
    // It is the browser's, not the app's: the check fails exactly when the reader has no
    // signal, and the kept worker goes on serving. Whether the check runs before the test
    // ends depends on timing: CI saw it once (stop 21), 60 runs here never.
    test.use({ allowedConsoleErrors: [/^An unknown error occurred when fetching the script\.$/] });

    test("a reload with no signal shows every partner, and an unvisited partner page opens", async ({ page, context }) => {
      await firstVisit(page);
      await context.setOffline(true);
      await page.reload();
      await wake(page);
      await expect(page.locator("article.partner-card:visible")).toHaveCount(data.partners.length);
      // Never visited: the English start page stands in, and the app opens the partner from
      // the address.
      await page.goto("en/partners/tokyo/");
      await expect(page.locator("html")).toHaveAttribute("data-app", "live");
      const tokyo = page.getByRole("dialog", { name: "Tokyo" });
      await expect(tokyo).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      // With what only the whole data file holds: the events and their sources.
      const event = data.partners.find((p) => p.id === "tokyo").events[0];
      await expect(tokyo).toContainText(event.title.en);
      await expect(tokyo.locator("a.cite").first()).toBeVisible();
    });
  });

  test("newer data on the network brings a notice, and its reload shows the new data", async ({ page, context }) => {
    await firstVisit(page, "en/");
    const newer = shippedData();
    newer.partners[0].name.en = "Renamed For The Test";
    newer.partners[0].name.id = "Renamed For The Test";
    // The worker's own fetch of the data (routes on the context reach a worker's requests):
    // both files, the first view's as a whole file (which the app reads as well).
    await context.route(/\/data\/(start|partners)\.json$/, (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(newer) }),
    );
    await page.reload();
    const notice = page.getByRole("complementary", { name: "Update" });
    await expect(notice).toContainText("A newer version of the data is available.");
    // The page shown came from the kept copy: the old name, until the reader reloads.
    await expect(page.locator(`article[data-partner="${newer.partners[0].id}"]`)).not.toContainText("Renamed For The Test");
    await notice.getByRole("button", { name: "Reload" }).click();
    await expect(page.locator(`article[data-partner="${newer.partners[0].id}"]`)).toContainText("Renamed For The Test");
  });

  test("a store too full to keep the data still serves it", async ({ page, context, baseURL }) => {
    await firstVisit(page, "en/");
    // Leave the origin less room than the smaller data file alone needs, so that no copy can
    // fit however the browser counts what the origin already holds (its usage estimate lags
    // behind deletions). The quota comes first: a copy the worker was still writing from the
    // first visit (its check of the data) then fails too, instead of landing after the
    // deletion below.
    const dataBytes = statSync(new URL("../../dist/data/start.json", import.meta.url)).size;
    const cdp = await context.newCDPSession(page);
    await cdp.send("Storage.overrideQuotaForOrigin", { origin: new URL(baseURL).origin, quotaSize: Math.floor(dataBytes / 2) });
    // Drop the kept data: the worker's next copy fails, as when a data file outgrows what
    // the browser lets the site keep.
    await page.evaluate(async () => {
      for (const key of await caches.keys()) {
        const cache = await caches.open(key);
        for (const request of await cache.keys()) if (/\/data\/(start|partners)\.json$/.test(request.url)) await cache.delete(request);
      }
    });
    await page.reload();
    await wake(page);
    await expect(page.locator("article.partner-card:visible")).toHaveCount(data.partners.length);
    await expect(page.getByText("The partner data could not be loaded.")).toHaveCount(0);
    // The worker served this page and its data (the full store did not drop it), and kept
    // nothing: the copy failed, and the reader never saw it.
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const keptData = await page.evaluate(async () =>
      Promise.all(["../data/start.json", "../data/partners.json"].map(async (file) => Boolean(await caches.match(new URL(file, location.href).href)))),
    );
    expect(keptData).toEqual([false, false]);
  });

  test("the manifest and its icons are reachable under the sub-path", async ({ page, request }) => {
    await page.goto("./");
    const href = await page.locator("link[rel=manifest]").getAttribute("href");
    expect(href).toBe("manifest.webmanifest");
    const manifest = await (await request.get(href)).json();
    expect(manifest.start_url).toBe("./");
    for (const icon of manifest.icons) {
      const response = await request.get(icon.src);
      expect(response.ok(), icon.src).toBe(true);
      expect(response.headers()["content-type"]).toBe("image/png");
    }
  });
});

test("every page carries a strict security policy, with the hash of its one inline script", async ({ page, request }) => {
  for (const path of ["./", "en/", "partners/tokyo/", `en/partners/${data.partners[1].id}/`]) {
    const html = await (await request.get(path)).text();
    const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
    expect(policy, path).not.toBeNull();
    const directives = Object.fromEntries(
      policy[1].split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
    );
    expect(directives["default-src"]).toEqual(["'self'"]);
    expect(directives["style-src"]).toEqual(["'self'"]);
    expect(directives["img-src"]).toEqual(["'self'", "data:"]);
    expect(directives["connect-src"]).toEqual(["'self'"]);
    expect(directives["object-src"]).toEqual(["'none'"]);
    expect(directives["base-uri"]).toEqual(["'self'"]);
    expect(directives["form-action"]).toEqual(["'none'"]);
    expect(directives["script-src"].slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy[1]).not.toContain("unsafe-inline");
    // The policy comes before any script, and each inline script is allowed by its hash.
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<script"));
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline.length, path).toBeGreaterThan(0);
    const { createHash } = await import("node:crypto");
    for (const text of inline) {
      const hash = `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
      expect(directives["script-src"], path).toContain(hash);
    }
    // No style attributes in what the build wrote (the policy would block them).
    expect(html).not.toMatch(/\sstyle="/);
  }
  // And the app runs under it: the fixtures fail the test on any violation.
  await page.goto("partners/tokyo/");
  await wake(page);
  await expect(page.getByRole("dialog", { name: "Tokyo" })).toBeVisible();
});
