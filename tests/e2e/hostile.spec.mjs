// Hostile input, end to end: hundreds of seeded random links (reloads, Back and Forward
// among them), and data files with markup in every text field, unsafe source links,
// duplicate ids, a megabyte-long field and an HTML error page where the JSON should be.
// The fixtures fail every test on a console error (a Rust panic logs one) or an uncaught
// exception; each test here also says what the page shows instead.
import { test, expect, shippedData, Atlas } from "./fixtures.mjs";

const DATA = "**/data/start.json";
const data = shippedData();
const total = data.partners.length;

/** Serves `body` (an object: as JSON; a string: as is) in place of the data file. */
async function serveData(page, body, { status = 200, contentType = "application/json" } = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  await page.route(DATA, (route) => route.fulfill({ status, contentType, body: text }));
}

/** Fails the test if the page ever opens an alert, confirm or prompt dialog. */
function forbidDialogs(page) {
  const fired = [];
  page.on("dialog", (dialog) => {
    fired.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  return fired;
}

/** The page shows partners or says that none match, or shows the timeline or the figures
 * view the link asked for: never nothing. */
async function expectCardsOrEmpty(page) {
  await expect(page.locator("article.partner-card:visible, .empty, #timeline-view, #tallies").first()).toBeVisible();
}

// ---------------------------------------------------------------------------------------
// Random links.

/** mulberry32: a small seeded PRNG, so a failing link can be found again from its seed. */
function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ["lang", "q", "sector", "relation", "status", "region", "from", "to", "partner", "view", "sort"];
const LISTS = new Set(["sector", "relation", "status", "region"]);
const VALUES = {
  lang: ["id", "en", "EN", " en ", "fr", "in"],
  q: ["tokyo", "banjir", "jakarta", "Koike", "zzzz", "a", " ", "<b>x</b>"],
  sector: data.sectors.map((s) => s.id).concat(["nope", "Flood-River", "flood_river"]),
  relation: ["sister-city", "sister-province", "memorandum", "programme", "network-membership", "nope"],
  status: ["active", "in-progress", "dormant", "ended", "ACTIVE", "nope"],
  region: ["asia", "europe", "africa", "americas", "oceania", "atlantis"],
  from: ["1950", "1989", "2010", "abc", "99999", "-1", "+1990", "0999", " 2000 "],
  to: ["1990", "2024", "9999", "10000", "2024-01", ""],
  partner: data.partners.map((p) => p.id).concat(["atlantis", "Tokyo", "-x", "tokyo--2"]),
  view: ["map", "list", "timeline", "figures", "Map", "moon"],
  sort: ["since", "name", "distance", "NAME", "random"],
};
// Text no link was meant to hold: escapes good and broken (a lone byte, a cut UTF-8
// sequence, an overlong form, a surrogate), and characters from every corner of Unicode.
const GARBAGE = [
  "%", "%z", "%zz", "%2", "%41", "%2C", "%26", "%3D", "%23", "%25", "%00", "%FF", "%C0%AF", "%E2%82", "%E2%82%AC",
  "%ED%A0%80", "%F0%9F%98%80", "+", "++", "&", "&&", "=", "==", ",", ",,", "#", "?", ";", "'", '"', "<", ">",
  "\\", "/", "..", "😀", "👩🏽‍💻", "مرحبا", "שלום", "e\u0301", "\u200b", "\u202e", "東京", "ё", "\ufeff", " ",
  "\t", "x".repeat(300), "%E0%A4%A", "javascript:alert(1)", "<script>alert(1)</script>",
];

/** A seed from a name (FNV-1a), so each project and batch has its own fixed links. */
function seedOf(name) {
  let h = 0x811c9dc5;
  for (const c of name) h = Math.imul(h ^ c.codePointAt(0), 0x01000193) >>> 0;
  return h;
}

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

function garbage(random) {
  let out = "";
  const n = 1 + Math.floor(random() * 3);
  for (let i = 0; i < n; i++) out += pick(random, GARBAGE);
  return out;
}

/** One random query string (without its `?`): real names and values, garbage, repeats. */
function randomQuery(random) {
  const parts = [];
  if (random() < 0.5) parts.push(`lang=${random() < 0.5 ? "en" : "id"}`);
  const count = 1 + Math.floor(random() * 6);
  for (let i = 0; i < count; i++) {
    const roll = random();
    if (roll < 0.1 && parts.length) {
      parts.push(pick(random, parts)); // a repeated parameter
      continue;
    }
    const name = roll < 0.8 ? pick(random, NAMES) : roll < 0.9 ? pick(random, ["Sector", "LANG", "foo", "", "q "]) : garbage(random);
    let value;
    const kind = random();
    if (kind < 0.55) {
      value = pick(random, VALUES[name] ?? ["x"]);
      if (LISTS.has(name) && random() < 0.4) value += `,${pick(random, VALUES[name])}`;
    } else if (kind < 0.8) {
      value = garbage(random);
    } else if (kind < 0.9) {
      value = pick(random, VALUES[name] ?? ["x"]) + garbage(random);
    } else {
      value = encodeURIComponent(pick(random, VALUES[name] ?? ["x"]));
    }
    parts.push(random() < 0.05 ? name : `${name}=${value}`);
  }
  return parts.join(random() < 0.1 ? "&&" : "&");
}

/** The `key=item` pairs of a query string as the app reads them (list values one by one). */
function pairsOf(search) {
  const out = [];
  for (const [key, value] of new URLSearchParams(search)) {
    for (const item of LISTS.has(key) ? value.split(",") : [value]) out.push(`${key}=${item}`);
  }
  return out;
}

// 10 batches of 10 links in each project, each project with seeds of its own: 200 distinct
// links in a run of the suite (the desktop and the phone lay the page out differently, so
// each gets links of its own rather than the same ones again). A batch is one test, so
// that a failure names its batch and each test keeps a time limit.
const BATCHES = 10;
const PER_BATCH = 10;
const SEED = 20261130;

for (let batch = 0; batch < BATCHES; batch++) {
  test(`random links ${batch * PER_BATCH + 1}-${(batch + 1) * PER_BATCH}: no panic, cards or the empty state, no ignored part written back`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(90_000);
    const random = prng(seedOf(`${SEED}/${testInfo.project.name}/${batch}`));
    const atlas = new Atlas(page);
    for (let n = 0; n < PER_BATCH; n++) {
      const query = randomQuery(random);
      const step = `link ${batch * PER_BATCH + n + 1}: ?${query}`;
      await test.step(step, async () => {
        await page.goto(`./?${query}`);
        await expectCardsOrEmpty(page);
        const ignored = await page.locator(".link-notice code").allTextContents();

        // One intent: a search typed into the box rewrites the URL.
        const words = pick(random, ["a", "jak", "Tokyo", "zzzz", "ü"]);
        await atlas.search.fill(words);
        await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(words)}(&|$)`));
        await expectCardsOrEmpty(page);
        const written = new URL(page.url()).search;
        const pairs = pairsOf(written);
        for (const piece of ignored) expect(pairs, `${step}: "${piece}" was ignored, then written`).not.toContain(piece);
        for (const [key] of new URLSearchParams(written)) expect(NAMES, `${step}: wrote ${written}`).toContain(key);

        // The app's own URL is understood whole: reloaded, it shows the same and ignores nothing.
        if (n % 3 === 0) {
          await page.reload();
          await expectCardsOrEmpty(page);
          await expect(page.locator(".link-notice")).toHaveCount(0);
          await expect(atlas.search).toHaveValue(words);
        }
        // Back and Forward across whole pages and within this one.
        if (n % 4 === 1) {
          // An open detail may cover the list (on a phone it is a full-screen sheet).
          if (await page.getByRole("dialog").count()) {
            await page.keyboard.press("Escape");
            await expect(page.getByRole("dialog")).toHaveCount(0);
          }
          const firstCard = page.locator("article.partner-card:visible a.partner-link").first();
          if (await firstCard.count()) {
            await firstCard.click();
            await expect(page).toHaveURL(/\/partners\/[^/?]+\/(\?|$)/);
            await expect(page.getByRole("dialog")).toBeVisible();
            await page.goBack();
            await expect(page).not.toHaveURL(/\/partners\//);
            await expectCardsOrEmpty(page);
            await page.goForward();
            await expect(page.getByRole("dialog")).toBeVisible();
          }
          if (n > 0) {
            await page.goBack();
            await expectCardsOrEmpty(page);
            await page.goForward();
            await expectCardsOrEmpty(page);
          }
        }
      });
    }
  });
}

// ---------------------------------------------------------------------------------------
// Hostile data.

const PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)"];

/** Nothing in the page came from markup in the data: no script with an alert, no element
 * with an inline handler, no image of `x`, no link to `javascript:`. */
async function expectNoInjectedElements(page) {
  const found = await page.evaluate(() => ({
    scripts: [...document.querySelectorAll("script")].filter((s) => s.textContent.includes("alert")).length,
    handlers: document.querySelectorAll("[onerror], [onload], [onclick]").length,
    images: document.querySelectorAll("img[src=x], img[src$='/x']").length,
    links: document.querySelectorAll("a[href^='javascript:' i], [src^='javascript:' i]").length,
  }));
  expect(found).toEqual({ scripts: 0, handlers: 0, images: 0, links: 0 });
}

test("markup and script in every text field of a partner are shown as text", async ({ page }) => {
  const dialogs = forbidDialogs(page);
  const hostile = structuredClone(data);
  const partner = hostile.partners.find(
    (p) => p.note && p.conflicts?.length && p.events?.some((e) => e.people?.length && e.place && e.summary),
  );
  expect(partner, "a partner with a note, conflicts and events with people").toBeTruthy();
  // Each field gets a payload and a tag of its own, so each can be found on the page.
  const texts = [];
  let n = 0;
  const taint = (label) => {
    const text = `${PAYLOADS[n++ % PAYLOADS.length]} ${label}`;
    texts.push(text);
    return text;
  };
  const both = (label) => {
    const text = taint(label);
    return { id: text, en: text };
  };
  partner.name = both("name");
  partner.summary = both("summary");
  partner.note = both("note");
  for (const [i, event] of partner.events.entries()) {
    event.title = both(`event ${i} title`);
    if (event.summary) event.summary = both(`event ${i} summary`);
    if (event.place) event.place = both(`event ${i} place`);
    for (const [j, person] of (event.people ?? []).entries()) {
      person.name = taint(`event ${i} person ${j}`);
      person.role = both(`event ${i} role ${j}`);
    }
  }
  for (const [i, conflict] of partner.conflicts.entries()) {
    conflict.reason = both(`conflict ${i} reason`);
    for (const [j, claim] of conflict.claims.entries()) claim.value = both(`conflict ${i} claim ${j}`);
  }
  const cited = new Set([...partner.sources, ...partner.events.flatMap((e) => e.sources)]);
  for (const source of hostile.sources.filter((s) => cited.has(s.id))) {
    source.title = taint(`source ${source.id} title`);
    source.publisher = taint(`source ${source.id} publisher`);
  }
  await serveData(page, hostile);

  const atlas = new Atlas(page);
  await atlas.open(`lang=en&partner=${partner.id}`);
  const detail = page.getByRole("dialog");
  await expect(detail.getByRole("heading", { level: 2 })).toHaveText(partner.name.en);
  for (const text of texts) {
    // Source publishers also appear in short citations; the first of each is enough.
    await expect(page.getByText(text, { exact: false }).first(), text).toBeAttached();
  }
  await expect(atlas.card(partner.id).getByRole("link", { name: partner.name.en })).toBeVisible();
  await expect(detail.locator(".summary")).toHaveText(partner.summary.en);
  await expect(detail.locator(".note")).toContainText(partner.note.en);
  await expect(page).toHaveTitle(new RegExp(`^${partner.name.en.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  // Found by search, as text.
  await atlas.search.fill("<script>");
  await expect(atlas.card(partner.id)).toBeVisible();
  await expectNoInjectedElements(page);
  expect(dialogs).toEqual([]);
});

/** Every partner, figure and change that cites one of these sources. */
function citing(dataset, ids) {
  const bad = (list) => (list ?? []).some((s) => ids.includes(s));
  const claims = (conflicts) => (conflicts ?? []).some((c) => c.claims.some((cl) => bad(cl.sources)));
  return {
    partners: dataset.partners.filter((p) => bad(p.sources) || p.events?.some((e) => bad(e.sources)) || claims(p.conflicts)),
    figures: dataset.figures.filter((f) => bad(f.sources) || claims(f.conflicts)),
  };
}

for (const [scheme, url] of [
  ["javascript:", "javascript:alert(document.domain)"],
  ["http:", "http://example.org/insecure"],
]) {
  test(`a ${scheme} source URL is refused and named, and the rest is shown`, async ({ page }) => {
    const dialogs = forbidDialogs(page);
    const hostile = structuredClone(data);
    const source = hostile.sources.find((s) => citing(hostile, [s.id]).partners.length === 1);
    source.url = url;
    const affected = citing(hostile, [source.id]);
    await serveData(page, hostile);

    const atlas = new Atlas(page);
    await atlas.open("lang=en");
    await expect(atlas.cards).toHaveCount(total - affected.partners.length);
    const notice = page.getByRole("note");
    await expect(notice).toContainText("Some records in the data file are invalid and are not shown:");
    await notice.locator("summary").click();
    await expect(notice).toContainText(`source "${source.id}", field \`url\`: "${url}" is not an https URL`);
    // What cited it is left out and named too: a fact without its source is not shown.
    for (const p of affected.partners) await expect(notice).toContainText(`partner "${p.id}"`);
    for (const f of affected.figures) await expect(notice).toContainText(`figure "${f.id}"`);
    await expect(page.locator(`a[href="${url}"]`)).toHaveCount(0);
    await expect(page.locator("a[href^='http:']")).toHaveCount(0);
    await expectNoInjectedElements(page);
    expect(dialogs).toEqual([]);
  });
}

test("a second partner with the same id is named and left out; the first is shown", async ({ page }) => {
  const hostile = structuredClone(data);
  const original = hostile.partners.find((p) => p.id === "tokyo");
  const copy = structuredClone(original);
  copy.name = { id: "Tokyo Duplikat", en: "Tokyo Duplicate" };
  hostile.partners.push(copy);
  await serveData(page, hostile);

  const atlas = new Atlas(page);
  await atlas.open("lang=en");
  await expect(atlas.cards).toHaveCount(total);
  await expect(atlas.card("tokyo")).toHaveCount(1);
  await expect(atlas.card("tokyo").getByRole("heading")).toHaveText("Tokyo");
  await expect(page.getByText("Tokyo Duplicate")).toHaveCount(0);
  const notice = page.getByRole("note");
  await notice.locator("summary").click();
  await expect(notice).toContainText('partner "tokyo", field `id`: this id is used by an earlier record');
});

test("fields of a megabyte load, show, and keep search quick", async ({ page }) => {
  // Limits well above what this takes (a few seconds on a busy two-core machine) and well
  // below a hang.
  const LOAD_MS = 15_000;
  const SEARCH_MS = 5_000;
  test.setTimeout(60_000);
  const hostile = structuredClone(data);
  const partner = hostile.partners.find((p) => p.id === "tokyo");
  // A long summary (shown in the detail) and a long event title (shown, and searched).
  const start = "A megabyte of summary begins here.";
  partner.summary.en = `${start} ${"lorem ipsum dolor sit amet ".repeat(40_000)}The end.`;
  const title = "A megabyte of title begins here.";
  partner.events[0].title.en = `${title} ${"consectetur adipiscing elit ".repeat(40_000)}The end.`;
  expect(partner.summary.en.length).toBeGreaterThan(1_000_000);
  expect(partner.events[0].title.en.length).toBeGreaterThan(1_000_000);
  await serveData(page, hostile);

  const atlas = new Atlas(page);
  const began = Date.now();
  await atlas.open("lang=en&partner=tokyo");
  await expect(atlas.cards).toHaveCount(total, { timeout: LOAD_MS });
  const detail = page.getByRole("dialog");
  await expect(detail.locator(".summary")).toContainText(start);
  await expect(detail.locator(".events")).toContainText(title);
  expect(Date.now() - began, "load and show megabyte-long fields").toBeLessThan(LOAD_MS);
  // A word from the long title finds its partner, a word from nowhere finds nothing, each
  // within the time a keystroke may take here.
  for (const [words, expected] of [["adipiscing elit", ["tokyo"]], ["zzzz-nothing", []]]) {
    const typed = Date.now();
    await atlas.search.fill(words);
    await expect.poll(() => atlas.cardIds(), { timeout: SEARCH_MS }).toEqual(expected);
    expect(Date.now() - typed, `search for "${words}"`).toBeLessThan(SEARCH_MS);
  }
  await expect(page.locator(".empty")).toBeVisible();
});

test.describe("when the server answers with an HTML page", () => {
  test("the error says the file is not valid JSON, and Retry loads the data once it is back", async ({ page }) => {
    const html = "<!doctype html><html><head><title>Not found</title></head><body><h1>404</h1><script>alert(1)</script></body></html>";
    const dialogs = forbidDialogs(page);
    await serveData(page, html, { contentType: "text/html" });
    const atlas = new Atlas(page);
    await atlas.open("lang=en");
    await expect(atlas.alert).toContainText("The partner data could not be loaded.");
    await expect(atlas.alert).toContainText("The data file is damaged (not valid JSON).");
    await expect(atlas.alert).toContainText("not valid JSON at line 1, column 1");
    await expect(atlas.retry).toBeVisible();
    await expect(atlas.cards).toHaveCount(0);
    await expectNoInjectedElements(page);

    await page.unroute(DATA);
    await atlas.retry.click();
    await expect(atlas.cards).toHaveCount(total);
    await expect(atlas.alert).toHaveCount(0);
    expect(dialogs).toEqual([]);
  });
});
