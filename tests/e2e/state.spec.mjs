// The shared state, end to end: one partner link everywhere (modifier clicks open a new tab,
// on the map too), a link's ignored parts never written back, the view switch as links, and
// a list of hundreds that comes a page at a time while the map shows every match.
import { test, expect, shippedData, snapshot, Atlas } from "./fixtures.mjs";

const DATA = "**/data/start.json";

/** The shipped data with copies of its partners, `total` in all, each with its own id. */
function manyPartners(total) {
  const data = shippedData();
  const originals = data.partners;
  for (let n = 0; data.partners.length < total; n++) {
    const p = structuredClone(originals[n % originals.length]);
    const copy = Math.floor(n / originals.length) + 2;
    p.id = `${p.id}-${copy}`;
    p.name = { id: `${p.name.id} ${copy}`, en: `${p.name.en} ${copy}` };
    p.related = [];
    data.partners.push(p);
  }
  return data;
}

// [what, the link, where to click it]: a marker's link also holds its label, shown once it has
// the focus, so the pointer aims at its point.
for (const [what, locate, target] of [
  ["a marker", (atlas) => atlas.marker("buenos-aires").locator("a"), (link) => link.locator("circle.dot")],
  ["a card", (atlas) => atlas.card("buenos-aires").getByRole("link", { name: "Buenos Aires" }), (link) => link],
]) {
  test(`a ctrl-click on ${what} opens the partner in a new tab and leaves this page as it is`, async ({ page, context }) => {
    const atlas = new Atlas(page);
    await atlas.open("lang=en");
    const link = locate(atlas);
    await expect(link).toHaveAttribute("href", "/jakarta-sister-cities/en/partners/buenos-aires/");
    const [tab] = await Promise.all([context.waitForEvent("page"), target(link).click({ modifiers: ["Control"] })]);
    await tab.waitForLoadState();
    expect(new URL(tab.url()).pathname).toBe("/jakarta-sister-cities/en/partners/buenos-aires/");
    await expect(tab.getByRole("dialog", { name: "Buenos Aires" })).toBeVisible();
    await expect(page).toHaveURL(/\/jakarta-sister-cities\/en\/$/);
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await tab.close();
    // A plain click opens it here.
    await target(link).click();
    await expect(atlas.detail("Buenos Aires")).toBeVisible();
    await expect(page).toHaveURL(/\/en\/partners\/buenos-aires\/$/);
  });
}

test("a part of the opening link that was ignored is never written into a later URL", async ({ page }) => {
  const atlas = new Atlas(page);
  await atlas.open("lang=en&sector=nope,flood-river&partner=atlantis");
  await expect(page.locator(".link-notice")).toContainText("sector=nope, partner=atlantis");
  await atlas.card("rotterdam").getByRole("link").first().click();
  await expect(atlas.detail("Rotterdam")).toBeVisible();
  await expect(page).toHaveURL(/\/en\/partners\/rotterdam\/\?sector=flood-river$/);
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/\/en\/\?sector=flood-river$/);
  // Back to the opening entry, then on again: still clean.
  await page.goBack();
  await page.goBack();
  await atlas.card("rotterdam").getByRole("link").first().click();
  await expect(page).not.toHaveURL(/nope|atlantis/);
});

test("the view switch is a set of links, the current one marked", async ({ page }) => {
  const atlas = new Atlas(page);
  await atlas.open("lang=en&q=tokyo");
  // Shown on phones; a desktop shows the map and the list side by side and hides it.
  const views = page.getByRole("navigation", { name: "View", includeHidden: true });
  const map = views.getByRole("link", { name: "Map", includeHidden: true });
  const list = views.getByRole("link", { name: "List", includeHidden: true });
  await expect(map).toHaveAttribute("aria-current", "page");
  await expect(list).toHaveAttribute("href", "/jakarta-sister-cities/en/?q=tokyo&view=list");
  await expect(map).toHaveAttribute("href", "/jakarta-sister-cities/en/?q=tokyo");
  if (await list.isVisible()) {
    await list.click();
    await expect(page).toHaveURL(/view=list/);
    await expect(list).toHaveAttribute("aria-current", "page");
    await expect(atlas.map).toBeHidden();
  }
});

test.describe("with hundreds of partners", () => {
  const data = manyPartners(260);
  const byId = Object.fromEntries(data.partners.map((p) => [p.id, p]));
  const total = data.partners.length;
  const placed = data.partners.filter((p) => p.geo).length;
  test.beforeEach(async ({ page }) => {
    await page.route(DATA, (route) => route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(data) }));
  });

  test("the list comes a hundred at a time, by keyboard too, while the map shows every match", async ({ page }, testInfo) => {
    const atlas = new Atlas(page);
    await atlas.open("lang=en");
    await expect(atlas.count).toHaveText(`100 of ${total} partners`.replace("100", String(total)));
    await expect(atlas.cards).toHaveCount(100);
    // Past a hundred, the map draws every match as one path of dots (no link each).
    await expect(atlas.markers).toHaveCount(0);
    const dots = page.locator("svg.map-svg path.dots");
    expect(((await dots.getAttribute("d")) ?? "").match(/M/g)?.length).toBe(placed);
    await expect(page.locator(".more")).toContainText(`Showing 100 of ${total}`);
    await snapshot(page, testInfo, "many-partners");
    const more = page.getByRole("button", { name: "Show more" });
    await more.focus();
    await page.keyboard.press("Enter");
    await expect(atlas.cards).toHaveCount(200);
    // The focus goes on to the first card that was added.
    const ids = await atlas.cardIds();
    await expect(atlas.card(ids[100]).locator("a.partner-link")).toBeFocused();
    await more.click();
    await expect(atlas.cards).toHaveCount(total);
    await expect(page.locator(".more")).toHaveCount(0);

    // A search narrows the map and the list alike.
    await atlas.search.fill("Tokyo");
    await expect(atlas.count).not.toHaveText(new RegExp(`^${total} of`));
    const cards = await atlas.cardIds();
    expect(cards.length).toBeGreaterThan(5);
    expect(cards.length).toBeLessThan(100);
    expect((await atlas.markerIds()).sort()).toEqual(cards.filter((id) => byId[id].geo).sort());
  });

  test("a click on a dot of the dense map opens the partner nearest to it", async ({ page }) => {
    const atlas = new Atlas(page);
    await atlas.open("lang=en");
    await expect(atlas.markers).toHaveCount(0);
    // The first dot is the first placed partner in list order; the copies that share its
    // point come later, and the nearest-point search keeps the first.
    const first = (await atlas.cardIds()).find((id) => byId[id].geo);
    const at = await page.locator("svg.map-svg path.dots").evaluate((path) => {
      const [, x, y] = path.getAttribute("d").match(/^M(-?[\d.]+) (-?[\d.]+)/).map(Number);
      const point = new DOMPoint(x, y).matrixTransform(path.getScreenCTM());
      return { x: point.x, y: point.y };
    });
    await page.mouse.click(at.x, at.y);
    await expect(atlas.detail(byId[first].name.en)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/en/partners/${first}/$`));
    // Far from every dot, a click opens nothing.
    await page.goBack();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    const far = await page.locator("svg.map-svg path.dots").evaluate((path) => {
      const box = path.ownerSVGElement.getBoundingClientRect();
      const spot = { x: box.left + 6, y: box.top + 6 };
      const matrix = path.getScreenCTM();
      const gap = Math.min(
        ...[...path.getAttribute("d").matchAll(/M(-?[\d.]+) (-?[\d.]+)/g)].map(([, x, y]) => {
          const p = new DOMPoint(Number(x), Number(y)).matrixTransform(matrix);
          return Math.hypot(p.x - spot.x, p.y - spot.y);
        }),
      );
      return { ...spot, gap };
    });
    expect(far.gap).toBeGreaterThan(40);
    await page.mouse.click(far.x, far.y);
    await page.waitForTimeout(300);
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page).toHaveURL(/\/en\/$/);
  });
});
