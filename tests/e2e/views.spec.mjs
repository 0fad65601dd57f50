// The views a journalist and a researcher need: map, list, timeline and figures at both
// viewports (the config's desktop and phone projects) and in both languages, with axe on
// each; a year of the timeline that filters; CSV and JSON downloads of exactly what is shown;
// "cite this"; a partner's detail in print; short sector chips; a compact phone header.
import { test, expect, shippedData, snapshot, Atlas, expectNoViolations } from "./fixtures.mjs";

const data = shippedData();
const byId = Object.fromEntries(data.partners.map((p) => [p.id, p]));
const total = data.partners.length;
const CSV_COLUMNS = [
  "id", "name_id", "name_en", "country", "level", "relation", "status", "since", "years", "sectors",
  "latitude", "longitude", "sources", "permalink",
];

const NAMES = {
  map: { id: "Peta", en: "Map" },
  list: { id: "Daftar", en: "List" },
  timeline: { id: "Linimasa", en: "Timeline" },
  figures: { id: "Angka", en: "Figures" },
};
const HEADINGS = {
  timeline: { id: "Linimasa kemitraan", en: "Timeline of partnerships" },
  figures: { id: "Hitungan dari yang ditampilkan", en: "Counts of what is shown" },
};
// Where the tests serve the build (playwright.config.mjs).
const BASE_PATH = "/jakarta-sister-cities/";
/** The path of a language's pages: Bahasa Indonesia at the root, English under `en/`. */
const langRoot = (lang) => `${BASE_PATH}${lang === "en" ? "en/" : ""}`;
const COUNT = { id: (n) => `${n} dari ${total} mitra`, en: (n) => `${n} of ${total} partners` };

/** Years in which at least one of `partners` began: the years the chart links. */
function startYears(partners) {
  return [...new Set(partners.filter((p) => p.since).map((p) => Number(p.since.slice(0, 4))))];
}

/** Reads RFC 4180 text (after its byte-order mark) into rows of fields. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  expect(field === "" && row.length === 0, "the last row ends with CRLF").toBe(true);
  return rows;
}

for (const lang of ["id", "en"]) {
  for (const view of ["map", "list", "timeline", "figures"]) {
    test(`${view} view (${lang}): the switch offers all four as links, the view shows, axe finds nothing`, async ({ page }, testInfo) => {
      const atlas = new Atlas(page);
      await atlas.open(`lang=${lang}&view=${view}`);
      for (const [other, names] of Object.entries(NAMES)) {
        const link = atlas.viewLink(names[lang]);
        // On a phone too: every view is one tap away.
        await expect(link).toBeVisible();
        // The language in the path, the view in the query; the map is the default view.
        await expect(link, other).toHaveAttribute("href", langRoot(lang) + (other === "map" ? "" : `?view=${other}`));
        if (other === view) await expect(link).toHaveAttribute("aria-current", "page");
        else await expect(link).not.toHaveAttribute("aria-current", /.*/);
      }
      if (view === "map") {
        await expect(atlas.map).toBeVisible();
        await expect(atlas.cards.first()).toBeVisible();
      } else if (view === "list") {
        await expect(atlas.cards).toHaveCount(total);
        await expect(atlas.map).toBeHidden();
      } else {
        await expect(page.getByRole("heading", { level: 2, name: HEADINGS[view][lang] })).toBeVisible();
        await expect(atlas.cards).toHaveCount(0);
      }
      if (view === "timeline") {
        await expect(page.locator("svg.timeline-chart a[data-year]")).toHaveCount(startYears(data.partners).length);
        await expect(page.locator(".year-table")).toBeVisible();
        await expect(page.getByRole("heading", { name: lang === "id" ? "Ulang tahun kemitraan" : "Anniversaries" })).toBeVisible();
      }
      if (view === "figures") {
        const relation = page.locator('figure.bars[data-chart="relation"] li');
        await expect(relation).toHaveCount(7);
        const numbers = (await relation.locator(".bar-n").allTextContents()).map(Number);
        expect(numbers.reduce((a, b) => a + b, 0)).toBe(total);
        await expect(page.locator("section.reconcile .figure-value")).toHaveText(["23", "23"]);
        await expect(page.getByRole("region", { name: lang === "id" ? "Angka kunci" : "Key figures" })).toBeVisible();
      }
      await expectNoViolations(page, `${view} (${lang})`);
      await snapshot(page, testInfo, `view-${view}-${lang}`);
    });
  }
}

test("nothing overflows horizontally at 320 px, in each view and language", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  const atlas = new Atlas(page);
  for (const lang of ["id", "en"]) {
    for (const view of ["map", "list", "timeline", "figures"]) {
      await atlas.open(`lang=${lang}&view=${view}`);
      await expect(atlas.viewLink(NAMES[view][lang])).toHaveAttribute("aria-current", "page");
      await expect(page.locator(".partner-card, .timeline-chart, .tallies").first()).toBeVisible();
      expect(await atlas.overflow(), `${view} (${lang})`).toBeLessThanOrEqual(0);
    }
  }
  await atlas.open("lang=id&view=timeline&partner=tokyo");
  await expect(atlas.detail("Tokyo")).toBeVisible();
  expect(await atlas.overflow(), "timeline with a detail open").toBeLessThanOrEqual(0);
});

test("a year of the timeline is a link that sets the period, and Back undoes it", async ({ page, context }, testInfo) => {
  const atlas = new Atlas(page);
  await atlas.open("lang=en&view=timeline");
  const began1989 = data.partners.filter((p) => p.since?.startsWith("1989"));
  const year = atlas.yearLink(1989);
  await expect(year).toHaveAttribute("href", `${BASE_PATH}en/?from=1989&to=1989&view=timeline`);
  await expect(year).toHaveAttribute("aria-label", new RegExp(`^1989: ${began1989.length} partnerships? began`));
  // A ctrl-click is the browser's (a new tab); this page stays as it is.
  const [tab] = await Promise.all([context.waitForEvent("page"), year.click({ modifiers: ["Control"] })]);
  await tab.close();
  await expect(atlas.count).toHaveText(COUNT.en(total));

  await year.click();
  await expect(page).toHaveURL(/\/en\/\?from=1989&to=1989&view=timeline$/);
  await expect(atlas.count).toHaveText(COUNT.en(began1989.length));
  await expect(year).toHaveAttribute("aria-current", "true");
  // The chart, its table and the anniversaries follow the filter.
  await expect(page.locator("svg.timeline-chart a[data-year]")).toHaveCount(1);
  await expect(page.locator(".year-table a.year-link")).toHaveText(["1989"]);
  await expect(page.locator(".year-table .year-partners a")).toHaveText(began1989.map((p) => p.name.en));
  await expect(page.locator(".anniversary-list a")).toHaveText([...began1989, ...began1989].map((p) => p.name.en));
  await snapshot(page, testInfo, "timeline-1989");

  await page.goBack();
  await expect(atlas.count).toHaveText(COUNT.en(total));
  // The table's year links do the same.
  const began2025 = data.partners.filter((p) => p.since?.startsWith("2025"));
  await page.locator(".year-table a.year-link", { hasText: "2025" }).click();
  await expect(page).toHaveURL(/from=2025&to=2025/);
  await expect(atlas.count).toHaveText(COUNT.en(began2025.length));
});

test("the figures follow the filters", async ({ page }) => {
  const atlas = new Atlas(page);
  await atlas.open("lang=en&view=figures&region=europe");
  const europe = data.partners.filter((p) => data.countries.find((c) => c.code === p.country)?.region === "europe");
  await expect(atlas.count).toHaveText(COUNT.en(europe.length));
  const region = page.locator('figure.bars[data-chart="region"] li');
  await expect(region.filter({ hasText: "Europe" }).locator(".bar-n")).toHaveText(String(europe.length));
  await expect(region.filter({ hasText: "Asia" }).locator(".bar-n")).toHaveText("0");
  const sisters = europe.filter((p) => p.relation === "sister-city" || p.relation === "sister-province").length;
  await expect(page.locator("section.reconcile")).toContainText(`With the current filters, ${sisters} of the 23 are shown.`);
  // The reconciliation in words: the official list against the atlas's records, and why.
  await expect(page.locator("section.reconcile")).toContainText("20 sister cities and 3 sister provinces, 23 in all");
  const official = data.figures.find((f) => f.id === "sister-cities-2024");
  await expect(page.locator("section.reconcile .figure-note")).toHaveText(official.note.en);
  await expect(page.locator("section.reconcile .claim")).toHaveCount(official.conflicts.flatMap((c) => c.claims).length);
});

for (const [name, query] of [
  ["a sector", "sector=flood-river"],
  ["a relation and a region, sorted by name", "relation=sister-city&region=europe&sort=name"],
]) {
  test(`CSV and JSON downloads hold exactly the partners shown: ${name}`, async ({ page }) => {
    const atlas = new Atlas(page);
    await atlas.open(`lang=en&view=list&${query}`);
    await expect(atlas.cards.first()).toBeVisible();
    const shown = await atlas.cardIds();
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.length).toBeLessThan(total);

    const csv = await atlas.download("Download CSV");
    expect(csv.name).toBe(`jakarta-partners-${data.checked}.csv`);
    expect([...csv.bytes.subarray(0, 3)], "a UTF-8 byte-order mark").toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(csv.text.replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual(CSV_COLUMNS);
    expect(rows.slice(1).map((r) => r[0])).toEqual(shown);
    for (const row of rows.slice(1)) {
      const p = byId[row[0]];
      expect(row.length).toBe(CSV_COLUMNS.length);
      expect([row[1], row[2], row[5], row[6], row[7], row[9]]).toEqual([
        p.name.id, p.name.en, p.relation, p.status, p.since ?? "", p.sectors.join("; "),
      ]);
      // The partner's own page, as an absolute address.
      expect(row[13]).toBe(new URL(`${BASE_PATH}en/partners/${p.id}/`, page.url()).href);
    }
    await expect(page.locator(".export-status")).toHaveText(`Downloaded ${csv.name} (${shown.length} partners).`);
    // A permalink from the file opens that partner.
    const first = rows[1];
    await page.goto(first[13]);
    await expect(atlas.detail(byId[first[0]].name.en)).toBeVisible();
    await page.goBack();
    await expect(atlas.cards.first()).toBeVisible();

    const json = await atlas.download("Download JSON");
    expect(json.name).toBe(`jakarta-partners-${data.checked}.json`);
    const file = JSON.parse(json.text);
    expect(file.partners.map((p) => p.id)).toEqual(shown);
    // The data file's own shape: each record as the file has it.
    for (const p of file.partners) expect(p).toEqual(byId[p.id]);
    expect([file.schema, file.checked]).toEqual([data.schema, data.checked]);
    expect(file.citation).toContain(`${shown.length} of ${total} partners shown`);
    // The address of this very view, as the app writes it.
    const here = new URL(await atlas.viewLink("List").getAttribute("href"), page.url()).href;
    expect(file.citation).toContain(` ${here} `);
    const cited = new Set(file.partners.flatMap((p) => p.sources));
    expect(file.sources.map((s) => s.id)).toEqual(expect.arrayContaining([...cited]));
  });
}

test("a partner's detail cites the record in words with its permalink, and copies it", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const atlas = new Atlas(page);
  await atlas.open("lang=en&partner=tokyo");
  const detail = atlas.detail("Tokyo");
  const cite = detail.getByRole("region", { name: "Cite this" });
  const [y, m, d] = byId.tokyo.checked.split("-").map(Number);
  const month = new Date(Date.UTC(y, m - 1, d)).toLocaleString("en-GB", { month: "long", timeZone: "UTC" });
  await expect(cite).toContainText(`\u201cTokyo\u201d, in Jakarta Sister Cities Atlas, record checked ${d} ${month} ${y}.`);
  const permalink = cite.getByRole("link");
  const href = await permalink.getAttribute("href");
  expect(new URL(href).origin).toBe(new URL(page.url()).origin);
  await expect(permalink).toHaveText(href);
  await cite.getByRole("button", { name: "Copy citation" }).click();
  await expect(cite.getByRole("status")).toHaveText("Citation copied.");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe((await cite.locator(".citation").textContent()).trim());
  expect(copied).toContain(href);
  // The detail names its sectors by their full labels.
  const full = byId.tokyo.sectors.map((s) => data.sectors.find((x) => x.id === s).label.en);
  await expect(detail.locator(".partner-sectors li")).toHaveText(full);
});

test.describe("where the clipboard cannot be written", () => {
  test("the citation is selected for the keyboard, and the page says so", async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined }));
    const atlas = new Atlas(page);
    await atlas.open("lang=id&partner=tokyo");
    const cite = atlas.detail("Tokyo").getByRole("region", { name: "Kutip catatan ini" });
    await cite.getByRole("button", { name: "Salin kutipan" }).click();
    await expect(cite.getByRole("status")).toHaveText("Kutipan sudah dipilih: tekan Ctrl+C (atau ⌘+C) untuk menyalinnya.");
    const selected = await page.evaluate(() => window.getSelection().toString());
    expect(selected).toContain("\u201cTokyo\u201d, dalam Atlas Kota Kembar Jakarta");
  });
});

test("a partner's detail prints alone, without controls, its links followed by their address", async ({ page }, testInfo) => {
  const atlas = new Atlas(page);
  await atlas.open("lang=en&partner=berlin");
  const detail = atlas.detail("Berlin");
  await expect(detail).toBeVisible();
  await page.emulateMedia({ media: "print" });
  for (const hidden of [".filter-bar", ".atlas-toolbar", ".world-map", ".partner-list", ".what-changed", ".site-header .language-switch"]) {
    await expect(page.locator(hidden).first(), hidden).toBeHidden();
  }
  await expect(detail.getByRole("link", { name: "Close" })).toBeHidden();
  await expect(detail.getByRole("button", { name: "Copy citation" })).toBeHidden();
  await expect(detail.getByRole("heading", { name: "Berlin", exact: true })).toBeVisible();
  // In the flow of the page, so that a long detail runs over several sheets.
  expect(await detail.evaluate((el) => getComputedStyle(el).position)).toBe("static");
  const source = detail.locator(".sources a").first();
  const after = await source.evaluate((a) => getComputedStyle(a, "::after").content);
  expect(after).toContain(await source.getAttribute("href"));
  await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-print-detail-berlin.png`, fullPage: true });
});

test("sector chips show a short label on one line and keep the full label as their description", async ({ page }, testInfo) => {
  const atlas = new Atlas(page);
  await atlas.open("lang=id");
  const desktop = testInfo.project.name === "desktop";
  // A desktop shows them beside the view from the start; a phone folds them away.
  if (desktop) await expect(atlas.chip("capacity-building")).toBeVisible();
  else {
    await expect(atlas.chip("capacity-building")).toBeHidden();
    await atlas.openFilters();
  }
  const sector = data.sectors.find((s) => s.id === "capacity-building");
  const chip = atlas.chip("capacity-building");
  await expect(chip).toHaveAccessibleName(new RegExp(`^${sector.short.id} \\d+$`));
  await expect(chip).toHaveAccessibleDescription(sector.label.id);
  const heights = await page.locator("button.chip").evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
  expect(Math.max(...heights), "no chip wraps onto a second line").toBeLessThan(50);
  await snapshot(page, testInfo, "chips-id");
});

test("the phone header leaves the first screen to the atlas", async ({ page }, testInfo) => {
  const atlas = new Atlas(page);
  await atlas.open("lang=id");
  await expect(atlas.cards.first()).toBeVisible();
  const header = await page.locator(".site-header").boundingBox();
  const viewport = page.viewportSize();
  if (testInfo.project.name === "phone") expect(header.height, "header height").toBeLessThanOrEqual(viewport.height * 0.12);
  const map = await atlas.map.boundingBox();
  expect(map.y, "the map starts on the first screen").toBeLessThan(viewport.height / 2);
});
