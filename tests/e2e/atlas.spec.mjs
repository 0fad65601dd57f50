import { test, expect, shippedData, snapshot, Atlas } from "./fixtures.mjs";

const data = shippedData();
const byId = Object.fromEntries(data.partners.map((p) => [p.id, p]));
const total = data.partners.length;

test("a marker opens its partner's detail, which closes with Escape, the button and Back", async ({ page }, testInfo) => {
  const atlas = new Atlas(page);
  await atlas.open();
  await page.getByRole("link", { name: "Buenos Aires, Argentina" }).click();
  const detail = page.getByRole("dialog", { name: "Buenos Aires" });
  await expect(detail).toBeVisible();
  await expect(page).toHaveURL(/\/en\/partners\/buenos-aires\/$/);
  await expect(detail.getByRole("heading", { name: "Events" })).toBeVisible();
  await expect(detail.getByRole("heading", { name: "Sources", exact: true })).toBeVisible();
  const sourceLinks = detail.locator(".sources a");
  expect(await sourceLinks.count()).toBeGreaterThan(0);
  await expect(sourceLinks.first()).toHaveAttribute("target", "_blank");
  // The time there, with the zone's UTC offset and the place, not a raw zone id.
  await expect(detail.locator(".local-time")).toContainText(/GMT-3\b/);
  await expect(detail.locator(".local-time")).toContainText("Buenos Aires");
  await expect(detail.getByRole("heading", { name: "Buenos Aires" })).toBeFocused();
  await snapshot(page, testInfo, "detail-buenos-aires");

  await page.keyboard.press("Escape");
  await expect(detail).toHaveCount(0);
  await expect(page).not.toHaveURL(/partners\//);
  await page.goBack();
  await expect(detail).toBeVisible();
  await detail.getByRole("link", { name: "Close" }).click();
  await expect(detail).toHaveCount(0);
  await page.goBack();
  await expect(detail).toBeVisible();
  await page.goBack();
  await page.goBack();
  await expect(detail).toHaveCount(0);
});

test("the detail shows conflicts between sources side by side", async ({ page }, testInfo) => {
  await new Atlas(page).open("lang=en&partner=berlin");
  const detail = page.getByRole("dialog", { name: "Berlin" });
  const conflicts = detail.locator("section.conflicts");
  await expect(conflicts.getByRole("heading", { name: "Where sources disagree" })).toBeVisible();
  const claims = conflicts.locator(".claim");
  expect(await claims.count()).toBeGreaterThanOrEqual(2);
  await expect(conflicts.locator(".claim.shown")).toHaveCount(byId.berlin.conflicts.length);
  await snapshot(page, testInfo, "detail-berlin-conflicts");
});

test("a sector filter makes the map and the list agree", async ({ page }, testInfo) => {
  const atlas = new Atlas(page);
  await atlas.open();
  await atlas.openFilters();
  await atlas.chip("flood-river").click();
  await expect(atlas.chip("flood-river")).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/sector=flood-river/);
  const expected = data.partners.filter((p) => p.sectors.includes("flood-river")).map((p) => p.id);
  await expect(atlas.cards).toHaveCount(expected.length);
  await expect(page.getByRole("status").filter({ hasText: "partners" })).toHaveText(`${expected.length} of ${total} partners`);
  expect((await atlas.cardIds()).sort()).toEqual([...expected].sort());
  const withPoint = expected.filter((id) => byId[id].geo);
  expect((await atlas.markerIds()).sort()).toEqual(withPoint.sort());
  await snapshot(page, testInfo, "filter-flood");

  await page.getByRole("button", { name: "Clear all filters" }).first().click();
  await expect(atlas.cards).toHaveCount(total);
});

test("search finds names, people and sectors in both languages, and replaces the URL while typing", async ({ page }) => {
  const atlas = new Atlas(page);
  await atlas.open();
  const search = atlas.search;
  const before = await page.evaluate(() => history.length);
  await search.pressSequentially("Koike");
  await expect(page).toHaveURL(/q=Koike/);
  expect(await page.evaluate(() => history.length)).toBe(before);
  // A person named in an event: found once the whole data file, which holds the events, is in.
  await expect.poll(() => atlas.cardIds()).toContain("tokyo");

  for (const [text, id] of [["kuala", "kuala-lumpur"], ["banjir", "rotterdam"], ["flood", "kuala-lumpur"], ["ISTANBUL", "istanbul"]]) {
    await search.fill(text);
    await expect(atlas.cards.first()).toBeVisible();
    expect(await atlas.cardIds(), text).toContain(id);
  }
  await search.fill("zzzz-nothing");
  await expect(atlas.cards).toHaveCount(0);
  await expect(page.getByText("No partner matches these filters.")).toBeVisible();
  await page.locator(".empty").getByRole("button", { name: "Clear all filters" }).click();
  await expect(atlas.cards).toHaveCount(total);
});

test("a permalink restores the same view, and garbage parameters are ignored", async ({ page }) => {
  const atlas = new Atlas(page);
  await atlas.open("lang=id&sector=culture-tourism&region=europe&sort=name&partner=berlin");
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expect(page.getByRole("dialog", { name: "Berlin" })).toBeVisible();
  const expected = data.partners.filter(
    (p) => p.sectors.includes("culture-tourism") && p.country && data.countries.find((c) => c.code === p.country)?.region === "europe",
  );
  await expect(atlas.cards).toHaveCount(expected.length);
  const names = await page.locator("article.partner-card:visible h3").allTextContents();
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  await expect(page.locator("#filter-region")).toHaveValue("europe");
  await expect(atlas.chip("culture-tourism")).toHaveAttribute("aria-pressed", "true");

  await atlas.open("lang=en&sector=nope,%zz&from=abc&to=99999&view=moon&partner=atlantis&foo=bar");
  await expect(atlas.cards).toHaveCount(total);
  await expect(page.getByRole("dialog")).toHaveCount(0);
  const notice = page.locator(".link-notice");
  await expect(notice).toContainText("Part of this link was not understood and is ignored:");
  await expect(notice).toContainText("sector=nope, sector=%zz, from=abc, to=99999, view=moon, partner=atlantis, foo=bar");
});

test("keyboard and buttons zoom and pan the map; the wheel does not scroll the page", async ({ page }) => {
  const atlas = new Atlas(page);
  await atlas.open();
  const map = atlas.map;
  await expect(atlas.markers.first()).toBeVisible();
  const start = await atlas.viewBox();
  await map.focus();
  await page.keyboard.press("+");
  const zoomed = await atlas.viewBox();
  expect(zoomed[2]).toBeLessThan(start[2]);
  await page.keyboard.press("ArrowRight");
  expect((await atlas.viewBox())[0]).toBeGreaterThan(zoomed[0]);
  await page.keyboard.press("0");
  expect((await atlas.viewBox())[2]).toBeCloseTo(start[2], 3);
  await page.getByRole("button", { name: "Zoom in" }).click();
  expect((await atlas.viewBox())[2]).toBeLessThan(start[2]);
  await page.getByRole("button", { name: "Reset map" }).click();
  expect((await atlas.viewBox())[2]).toBeCloseTo(start[2], 3);

  const box = await map.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const scrollBefore = await page.evaluate(() => window.scrollY);
  await page.mouse.wheel(0, -400);
  await expect.poll(async () => (await atlas.viewBox())[2]).toBeLessThan(start[2]);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
});

test("a drag pans the map, and a drag that starts on a marker does not open it", async ({ page }) => {
  const atlas = new Atlas(page);
  await atlas.open();
  const map = atlas.map;
  await page.getByRole("button", { name: "Zoom in" }).click();
  await page.getByRole("button", { name: "Zoom in" }).click();
  const before = await atlas.viewBox();
  const marker = await atlas.marker("kuala-lumpur").locator("circle.dot").boundingBox();
  const x = marker.x + marker.width / 2;
  const y = marker.y + marker.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x - 40, y - 10, { steps: 5 });
  await page.mouse.up();
  const after = await atlas.viewBox();
  expect(after[0]).toBeGreaterThan(before[0]);
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(map).toBeVisible();
});

// Runs in the phone project only (see playwright.config.mjs): a desktop has no touch screen.
test("two fingers pinch the map in @touch", async ({ page }) => {
  const atlas = new Atlas(page);
  await atlas.open();
  const box = await atlas.map.boundingBox();
  const before = await atlas.viewBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, d) =>
    cdp.send("Input.dispatchTouchEvent", {
      type,
      touchPoints: type === "touchEnd" ? [] : [{ x: cx - d, y: cy, id: 1 }, { x: cx + d, y: cy, id: 2 }],
    });
  await touch("touchStart", 20);
  for (const d of [30, 45, 60, 80]) await touch("touchMove", d);
  await touch("touchEnd", 0);
  await expect.poll(async () => (await atlas.viewBox())[2]).toBeLessThan(before[2] * 0.6);
});

test("nothing overflows the screen with the filters and a detail open", async ({ page }, testInfo) => {
  const atlas = new Atlas(page);
  await atlas.open("lang=id");
  await atlas.openFilters();
  await snapshot(page, testInfo, "filters-open-id");
  expect(await atlas.overflow()).toBeLessThanOrEqual(0);
  await atlas.open("lang=id&partner=tokyo");
  await expect(atlas.detail("Tokyo")).toBeVisible();
  expect(await atlas.overflow()).toBeLessThanOrEqual(0);
  await snapshot(page, testInfo, "detail-tokyo-id");
});

test("key figures show each number with its date, sources and the sources' disagreements", async ({ page }) => {
  await new Atlas(page).open("lang=id");
  const figures = page.getByRole("region", { name: "Angka kunci" });
  await expect(figures.locator("li.figure")).toHaveCount(data.figures.length);
  const sisterCities = data.figures.find((f) => f.value === 23);
  const card = figures.locator(`li.figure[data-figure=${sisterCities.id}]`);
  await expect(card.locator(".figure-value")).toHaveText("23");
  await expect(card.locator(".figure-label")).toHaveText(sisterCities.label.id);
  expect(await card.locator(".citations a").count()).toBeGreaterThan(0);
  const claims = sisterCities.conflicts.flatMap((c) => c.claims);
  await expect(card.locator(".claim")).toHaveCount(claims.length);
  await expect(card.locator(".claim.shown")).toHaveCount(sisterCities.conflicts.length);
  const agreements = figures.locator(`li.figure[data-figure=${data.figures.find((f) => f.value === 102).id}]`);
  await expect(agreements.locator(".figure-value")).toHaveText("102");
});
