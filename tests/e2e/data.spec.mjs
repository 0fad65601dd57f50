// The data's third pass as a reader meets it: the new partners on the map and in the list,
// found by search; when each record was checked; and what changed, newest first, in both
// languages.
import { test, expect, shippedData, snapshot, Atlas } from "./fixtures.mjs";

const data = shippedData();
const byId = Object.fromEntries(data.partners.map((p) => [p.id, p]));

test("Nonsan is on the map and in the list", async ({ page }) => {
  const atlas = new Atlas(page);
  await atlas.open("lang=en");
  await expect(atlas.card("nonsan")).toContainText("Nonsan");
  await expect(atlas.card("nonsan")).toContainText("South Korea");
  await expect(page.getByRole("link", { name: "Nonsan, South Korea" })).toHaveCount(1);
  await expect(atlas.marker("nonsan")).toHaveCount(1);
});

test("MGMAC is found by search, by its name and by what it is", async ({ page }) => {
  const atlas = new Atlas(page);
  await atlas.open("lang=en");
  for (const text of ["MGMAC", "mgmac"]) {
    await atlas.search.fill(text);
    await expect(atlas.card("mgmac")).toBeVisible();
  }
  await atlas.search.fill("ASEAN capitals");
  expect(await atlas.cardIds()).toContain("mgmac");
  await atlas.card("mgmac").getByRole("link").first().click();
  const detail = atlas.detail(byId.mgmac.name.en);
  // Only one outlet reports the permanent secretariat, and the record says so.
  await expect(detail).toContainText(/one outlet|only one/i);
});

test("each card and detail says when the record was last checked", async ({ page }) => {
  const atlas = new Atlas(page);
  await atlas.open("lang=en&partner=nonsan");
  const checked = byId.nonsan.checked; // YYYY-MM-DD
  const [y, m, d] = checked.split("-").map(Number);
  const month = new Date(Date.UTC(y, m - 1, d)).toLocaleString("en-GB", { month: "long", timeZone: "UTC" });
  await expect(atlas.card("nonsan").locator(".checked")).toHaveText(`Checked ${d} ${month} ${y}`);
  await expect(atlas.detail("Nonsan").locator(".checked")).toHaveText(`Checked ${d} ${month} ${y}`);
});

for (const [lang, heading] of [["id", "Apa yang berubah"], ["en", "What changed"]]) {
  test(`"What changed" lists the change log newest first (${lang})`, async ({ page }, testInfo) => {
    const atlas = new Atlas(page);
    await atlas.open(`lang=${lang}`);
    const section = page.getByRole("region", { name: heading });
    await expect(section).toBeVisible();
    const entries = section.locator("li.change");
    await expect(entries).toHaveCount(data.changes.length);
    const dates = await entries.locator("time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime")));
    expect(dates).toEqual([...dates].sort().reverse());
    await expect(entries.first()).toContainText(data.changes[0].text[lang]);
    // A change about a partner links to it.
    const first = data.changes.find((c) => byId[c.record]);
    await expect(section.locator(`li.change[data-record=${first.record}] a.partner-link`).first()).toHaveAttribute(
      "href",
      `/jakarta-sister-cities/${lang === "en" ? "en/" : ""}partners/${first.record}/`,
    );
    await section.scrollIntoViewIfNeeded();
    await snapshot(page, testInfo, `what-changed-${lang}`);
  });
}
