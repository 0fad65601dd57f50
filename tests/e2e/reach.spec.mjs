// Issue "Reach": axe-core on every main state in both languages and both colour schemes,
// keyboard-only flows, the language switch through the URL, and phone widths.
import { test, expect, shippedData, snapshot, Atlas, expectNoViolations } from "./fixtures.mjs";

const STATES = [
  ["start", "", async () => {}],
  [
    "filtered",
    "&sector=flood-river",
    async (page) => {
      await page.getByRole("button", { name: /^Filter/ }).click();
      await expect(page.locator("button.chip").first()).toBeVisible();
    },
  ],
  ["search with no result", "&q=zzzz-nothing", async (page) => expect(page.locator(".empty")).toBeVisible()],
  ["detail open", "&partner=berlin", async (page) => expect(page.getByRole("dialog")).toBeVisible()],
  ["link not understood", "&sector=nope,flood-river&foo=bar", async (page) => expect(page.locator(".link-notice")).toBeVisible()],
];

// Axe reads a page of some 2,000 elements in 10 to 20 s, so the four pairs of language and
// colour scheme are split between the two viewports: each pair runs at one of them, and every
// two of language, scheme and viewport still meet (a pairwise design). What language changes is
// text; what the scheme changes is colour; what the viewport changes is layout.
const PAIRS = [
  ["id", "light", "desktop"],
  ["en", "dark", "desktop"],
  ["en", "light", "phone"],
  ["id", "dark", "phone"],
];

for (const [lang, scheme, viewport] of PAIRS) {
  test.describe(`${lang}, ${scheme} scheme @${viewport}-only`, () => {
    test.use({ colorScheme: scheme });

    for (const [name, query, prepare] of STATES) {
      test(`axe finds nothing: ${name}`, async ({ page }, testInfo) => {
        await page.goto(`./?lang=${lang}${query}`);
        await expect(page.locator("article.partner-card:visible, .empty").first()).toBeVisible();
        await prepare(page);
        await expectNoViolations(page, `${name} (${lang}, ${scheme})`);
        if (name === "start" || name === "detail open") await snapshot(page, testInfo, `${name.replace(/ /g, "-")}-${lang}-${scheme}`);
      });
    }

    test("axe finds nothing: records left out", async ({ page }) => {
      const data = shippedData();
      data.partners[0].since = "1989-13-40";
      await page.route("**/data/start.json", (route) =>
        route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(data) }),
      );
      await page.goto(`./?lang=${lang}`);
      const notice = page.getByRole("note");
      await notice.locator("summary").click();
      await expect(notice.locator("li")).toHaveCount(1);
      await expectNoViolations(page, `records left out (${lang}, ${scheme})`);
    });

    test.describe("error panel", () => {
      test.use({ allowedConsoleErrors: [/status of 404/] });
      test("axe finds nothing: error panel", async ({ page }) => {
        await page.route("**/data/start.json", (route) => route.fulfill({ status: 404, body: "gone" }));
        await page.goto(`./?lang=${lang}`);
        await expect(page.getByRole("alert")).toBeVisible();
        await expectNoViolations(page, `error panel (${lang}, ${scheme})`);
      });
    });
  });
}

test("keyboard only: skip to the list, open a partner, close it and get focus back", async ({ page }) => {
  const atlas = new Atlas(page);
  await atlas.open();
  await expect(atlas.cards.first()).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip the map, go to the partner list" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#partner-list")).toBeFocused();
  await page.keyboard.press("Tab"); // the sort control
  await page.keyboard.press("Tab"); // the first card's link
  const first = shippedData().partners[0];
  const link = page.locator(`article[data-partner=${first.id}] a.partner-link`);
  await expect(link).toBeFocused();
  await page.keyboard.press("Enter");
  const detail = page.getByRole("dialog", { name: first.name.en });
  await expect(detail).toBeVisible();
  await expect(detail.getByRole("heading", { level: 2 })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(detail).toHaveCount(0);
  await expect(link).toBeFocused();
});

test("keyboard only: reach a filter, apply it, and hear the new count", async ({ page }) => {
  const atlas = new Atlas(page);
  await atlas.open();
  await expect(atlas.cards.first()).toBeVisible();
  const toggle = page.getByRole("button", { name: /^Filters/ });
  for (let i = 0; i < 8 && !(await toggle.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(toggle).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Tab");
  const chip = page.locator("button.chip").first();
  await expect(chip).toBeFocused();
  await page.keyboard.press("Space");
  await expect(chip).toHaveAttribute("aria-pressed", "true");
  const sector = await chip.getAttribute("data-sector");
  const expected = shippedData().partners.filter((p) => p.sectors.includes(sector)).length;
  await expect(page.locator(".result-count")).toHaveText(`${expected} of ${shippedData().partners.length} partners`);
  await expect(page.locator(".result-count")).toHaveAttribute("aria-live", "polite");
  await expect(toggle).toContainText("1 active");
});

test("the language switch changes the page in place and round-trips through the URL", async ({ page }) => {
  await page.goto("./?partner=tokyo&lang=id");
  await expect(page).toHaveTitle("Tokyo · Atlas Kota Kembar Jakarta");
  const summary = shippedData().partners.find((p) => p.id === "tokyo").summary;
  await expect(page.locator("meta[name=description]")).toHaveAttribute("content", summary.id);
  const dialog = page.getByRole("dialog", { name: "Tokyo" });
  // The switch is a pair of links to the same page in each language, followed in place.
  const english = dialog.getByRole("link", { name: "English" });
  await expect(english).toHaveAttribute("href", /\/en\/partners\/tokyo\/$/);
  await english.click();
  await expect(page).toHaveURL(/\/en\/partners\/tokyo\/$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveTitle("Tokyo · Jakarta Sister Cities Atlas");
  await expect(page.locator("meta[name=description]")).toHaveAttribute("content", summary.en);
  await expect(dialog).toContainText("23 October 1989");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(dialog.getByRole("link", { name: "English" })).toHaveAttribute("aria-current", "true");
  await dialog.getByRole("link", { name: "Bahasa Indonesia" }).click();
  await expect(page).toHaveURL(/\/jakarta-sister-cities\/partners\/tokyo\/$/);
  await expect(dialog).toContainText("23 Oktober 1989");
});

test.describe("without a lang parameter", () => {
  test.use({ locale: "id-ID" });
  test("an Indonesian browser gets Indonesian", async ({ page }) => {
    await page.goto("./");
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Atlas Kota Kembar Jakarta");
  });
});

for (const width of [320, 390, 430]) {
  test(`nothing overflows horizontally at ${width} px, in every main state @phone-widths`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const atlas = new Atlas(page);
    const overflow = () => atlas.overflow();
    for (const query of ["lang=id", "lang=en&partner=al-quds-al-sharif", "lang=id&view=list", "lang=id&q=zzzz"]) {
      await page.goto(`./?${query}`);
      await expect(page.locator("article.partner-card:visible, .empty").first()).toBeVisible();
      expect(await overflow(), query).toBeLessThanOrEqual(0);
    }
    await atlas.open("lang=id");
    await atlas.openFilters();
    expect(await overflow(), "filters open").toBeLessThanOrEqual(0);
  });
}

test("the header's language switch changes the whole page in place", async ({ page }) => {
  await page.goto("./?lang=id");
  await expect(page.locator("article.partner-card").first()).toBeVisible();
  await page.getByRole("group", { name: "Bahasa" }).getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/jakarta-sister-cities\/en\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jakarta Sister Cities Atlas");
  await expect(page.locator("article[data-partner=tokyo]")).toContainText("Japan");
  await expect(page).toHaveTitle("Jakarta Sister Cities Atlas");
});

test("controls, card links and map markers are at least 44x44 px", async ({ page }) => {
  await page.goto("./?lang=id&partner=berlin");
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: /^Filter/ }).click();
  await expect(page.locator("button.chip").first()).toBeVisible();
  // Inline citation and source links inside running text are the exception WCAG 2.5.8 allows.
  const selector =
    "button:visible, select:visible, input:visible, a.partner-link:visible, a.lang-option:visible, a.view-option:visible, g.markers circle.hit";
  const small = await page.locator(selector).evaluateAll((els) =>
    els
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.width < 43.5 || r.height < 43.5))
      .map(({ el, r }) => `${el.tagName.toLowerCase()}.${el.getAttribute("class")} "${el.textContent.trim().slice(0, 30)}" ${r.width.toFixed(0)}x${r.height.toFixed(0)}`),
  );
  expect(small).toEqual([]);
});
