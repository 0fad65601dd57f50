import { test, expect, shippedData, snapshot, Atlas } from "./fixtures.mjs";

const DATA = "**/data/start.json";

test("the list renders every partner of the shipped JSON", async ({ page }, testInfo) => {
  const atlas = new Atlas(page);
  await atlas.open();
  await expect(atlas.partnersHeading).toBeVisible();
  const data = shippedData();
  await expect(atlas.cards).toHaveCount(data.partners.length);
  const tokyo = atlas.cards.filter({ has: page.getByRole("heading", { name: "Tokyo", exact: true }) });
  await expect(tokyo).toContainText("Japan");
  await expect(tokyo).toContainText("Since 23 October 1989");
  await snapshot(page, testInfo, "list-en");
});

test("Indonesian is used when the URL asks for it", async ({ page }, testInfo) => {
  const atlas = new Atlas(page);
  await atlas.open("lang=id");
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  const tokyo = atlas.cards.filter({ has: page.getByRole("heading", { name: "Tokyo", exact: true }) });
  await expect(tokyo).toContainText("Jepang");
  await expect(tokyo).toContainText("Sejak 23 Oktober 1989");
  await snapshot(page, testInfo, "list-id");
});

test.describe("when the data file is missing", () => {
  test.use({ allowedConsoleErrors: [/status of 404/] });

  test("an error says so in words, and Retry works once the file is back", async ({ page }, testInfo) => {
    const atlas = new Atlas(page);
    await page.route(DATA, (route) => route.fulfill({ status: 404, contentType: "text/plain", body: "gone" }));
    await atlas.open();
    await expect(atlas.alert).toContainText("The partner data could not be loaded.");
    await expect(atlas.alert).toContainText("HTTP 404");
    await expect(atlas.cards).toHaveCount(0);
    await snapshot(page, testInfo, "error-404");

    await page.unroute(DATA);
    await atlas.retry.click();
    await expect(atlas.cards).toHaveCount(shippedData().partners.length);
    await expect(atlas.alert).toHaveCount(0);
  });

  test("Retry pressed twice shows the second answer, even when the first comes after it", async ({ page }) => {
    const atlas = new Atlas(page);
    // "gone" until the reader retries; then one slow error, then the file.
    let mode = "gone";
    const answered = [];
    await page.route(DATA, async (route) => {
      const now = mode;
      if (mode === "slow") mode = "back";
      if (now === "back") return route.continue();
      if (now === "slow") await new Promise((r) => setTimeout(r, 1500));
      answered.push(now);
      return route.fulfill({ status: 404, contentType: "text/plain", body: "gone" });
    });
    await atlas.open();
    await expect(atlas.alert).toContainText("HTTP 404");
    mode = "slow";
    await atlas.retry.click();
    await atlas.retry.click();
    await expect(atlas.cards).toHaveCount(shippedData().partners.length);
    // The first retry's error comes now, and must change nothing.
    await expect.poll(() => answered.includes("slow"), { timeout: 5000 }).toBe(true);
    await page.waitForTimeout(500);
    await expect(atlas.cards).toHaveCount(shippedData().partners.length);
    await expect(atlas.alert).toHaveCount(0);
  });

  // A phone that got the page but not the data keeps what it can read: the pre-rendered
  // page stays, every partner's link still leads to its page, and the error is above it.
  for (const [path, lang, said] of [
    ["en/", "en", "The partner data could not be loaded."],
    ["partners/tokyo/", "id", "Data mitra tidak dapat dimuat."],
  ]) {
    test(`over the pre-rendered ${path}, the page stays readable under the error, and Retry takes it over`, async ({ page }, testInfo) => {
      const atlas = new Atlas(page);
      const data = shippedData();
      await page.route(DATA, (route) => route.fulfill({ status: 404, contentType: "text/plain", body: "gone" }));
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("data-app", "failed");
      await expect(atlas.alert).toContainText(said);
      await expect(atlas.alert).toContainText("HTTP 404");
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      // The error comes first in what the reader sees: the open partner's detail (on a
      // phone it covers the page), else the main content, before the map and the list.
      const holder = page.locator(path.includes("partners/") ? ".partner-detail" : "main");
      await expect(holder.locator("> .load-failed")).toHaveCount(1);
      expect(await holder.evaluate((el) => el.firstElementChild.className)).toBe("load-failed");
      await expect(atlas.retry).toBeInViewport();
      await expect(atlas.cards).toHaveCount(data.partners.length);
      const prefix = lang === "en" ? "en/" : "";
      await expect(atlas.card("jeddah").locator("a.partner-link").first()).toHaveAttribute(
        "href",
        new RegExp(`(^|/)${prefix}partners/jeddah/$`),
      );
      if (path.includes("tokyo")) await expect(page.getByRole("heading", { level: 2, name: "Tokyo" }).first()).toBeVisible();
      await snapshot(page, testInfo, `error-over-${lang}`);

      // A Retry that fails again puts its own error in the place of the first: one panel.
      const again = page.waitForResponse((response) => response.url().endsWith("/data/start.json"));
      await atlas.retry.click();
      await again;
      await page.waitForTimeout(200);
      await expect(page.locator("html")).toHaveAttribute("data-app", "failed");
      await expect(atlas.alert).toHaveCount(1);
      await expect(atlas.alert).toContainText("HTTP 404");
      await expect(page.locator(".load-failed")).toHaveCount(1);
      await expect(page.locator(".load-failed > *")).toHaveCount(1);
      await expect(atlas.cards).toHaveCount(data.partners.length);

      await page.unroute(DATA);
      await atlas.retry.click();
      await expect(page.locator("html")).toHaveAttribute("data-app", "live");
      await expect(atlas.alert).toHaveCount(0);
      await expect(page.locator(".load-failed")).toHaveCount(0);
      await expect(atlas.cards).toHaveCount(data.partners.length);
    });
  }
});

test.describe("when the request for the data fails outright", () => {
  test.use({ allowedConsoleErrors: [/net::ERR_FAILED/] });

  test("the error names the address and the browser's own words, and Retry loads it", async ({ page }) => {
    const atlas = new Atlas(page);
    await page.route(DATA, (route) => route.abort("failed"));
    await atlas.open();
    await expect(atlas.alert).toContainText("The partner data could not be loaded.");
    // The technical line: where, then what the browser said (Chromium: "Failed to fetch").
    await expect(atlas.alert).toContainText(/could not reach \S*data\/start\.json: TypeError: Failed to fetch/);
    await page.unroute(DATA);
    await atlas.retry.click();
    await expect(atlas.cards).toHaveCount(shippedData().partners.length);
  });
});

test("a malformed data file is reported with its line and column", async ({ page }) => {
  const atlas = new Atlas(page);
  await page.route(DATA, (route) => route.fulfill({ status: 200, contentType: "application/json", body: '{\n "schema": 1,,\n}' }));
  await atlas.open();
  await expect(atlas.alert).toContainText("not valid JSON");
  await expect(atlas.alert).toContainText("line 2, column 14");
  await expect(atlas.retry).toBeVisible();
});

test("a bad record is reported and left out while the rest is shown", async ({ page }) => {
  const atlas = new Atlas(page);
  const data = shippedData();
  data.partners[0].since = "1989-13-40";
  data.partners[1].sources = ["no-such-source"];
  await page.route(DATA, (route) => route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(data) }));
  await atlas.open();
  await expect(atlas.cards).toHaveCount(data.partners.length - 2);
  const notice = page.getByRole("note");
  await expect(notice).toContainText("2");
  await notice.locator("summary").click();
  await expect(notice).toContainText(`partner "${data.partners[0].id}", field \`since\``);
  await expect(notice).toContainText(`partner "${data.partners[1].id}", field \`sources[0]\``);
});

test("nothing overflows the viewport horizontally", async ({ page }) => {
  const atlas = new Atlas(page);
  await atlas.open();
  await expect(atlas.cards.first()).toBeVisible();
  expect(await atlas.overflow()).toBeLessThanOrEqual(0);
});
