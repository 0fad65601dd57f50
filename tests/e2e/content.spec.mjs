// Content first: the pages made at build time are readable with JavaScript off, each
// partner has its own page with share tags and image, the app takes a page over without a
// visible jump, and it all works under the GitHub Pages sub-path the suite serves.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { test, expect, shippedData, Atlas, wake, expectNoViolations } from "./fixtures.mjs";

const data = shippedData();
const byId = Object.fromEntries(data.partners.map((p) => [p.id, p]));

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(buffer) {
  expect(buffer.subarray(1, 4).toString("latin1")).toBe("PNG");
  return [buffer.readUInt32BE(16), buffer.readUInt32BE(20)];
}

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the start page lists every partner with a link to its page, and the map shows them", async ({ page }) => {
    await page.goto("./");
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Atlas Kota Kembar Jakarta");
    const cards = page.locator("article.partner-card");
    await expect(cards).toHaveCount(data.partners.length);
    for (const p of data.partners) {
      await expect(page.locator(`article[data-partner="${p.id}"] a.partner-link`)).toHaveAttribute("href", `partners/${p.id}/`);
    }
    const placed = data.partners.filter((p) => p.geo).length;
    await expect(page.locator("g.markers g.marker:visible a")).toHaveCount(placed);
  });

  test("a link leads to a partner's page, which shows its detail, in both languages", async ({ page }) => {
    await page.goto("./");
    await page.locator("article[data-partner=tokyo] a.partner-link").click();
    await expect(page).toHaveURL(/\/jakarta-sister-cities\/partners\/tokyo\/$/);
    const detail = page.getByRole("dialog", { name: "Tokyo" });
    await expect(detail).toContainText(byId.tokyo.summary.id);
    await expect(detail.getByRole("heading", { name: "Sumber" })).toBeVisible();
    expect(await detail.locator(".sources a").count()).toBeGreaterThan(0);
    // The language switch leads to the same partner's English page.
    await detail.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/jakarta-sister-cities\/en\/partners\/tokyo\/$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("dialog", { name: "Tokyo" })).toContainText(byId.tokyo.summary.en);
    // Close leads back to the English start page.
    await page.getByRole("dialog").getByRole("link", { name: "Close" }).click();
    await expect(page).toHaveURL(/\/jakarta-sister-cities\/en\/$/);
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page.locator("article.partner-card")).toHaveCount(data.partners.length);
  });

  test("the page's styles, icon and map load from the sub-path", async ({ page }) => {
    const failed = [];
    page.on("response", (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    await page.goto("./en/partners/kinshasa/");
    await expect(page.getByRole("dialog", { name: "Kinshasa" })).toBeVisible();
    // The countries come from world-lite.svg, drawn by the map's <use>.
    await expect(page.locator("svg.map-base use.lite")).toHaveAttribute("href", "../../../world-lite.svg#countries");
    expect(failed).toEqual([]);
  });
});

test("every partner page has its own title, description, canonical link and share tags", async ({ page, request }) => {
  for (const [path, lang, id] of [["partners/tokyo/", "id", "tokyo"], ["en/partners/kuala-lumpur/", "en", "kuala-lumpur"], ["en/", "en", null]]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const html = await response.text();
    const meta = (attr, name) => html.match(new RegExp(`<meta ${attr}="${name}" content="([^"]*)"`))?.[1];
    const name = id ? byId[id].name[lang] : null;
    const title = html.match(/<title>([^<]*)<\/title>/)[1];
    if (name) expect(title.startsWith(name), `${path}: ${title}`).toBe(true);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(meta("name", "description")?.length, path).toBeGreaterThan(20);
    for (const tag of ["og:title", "og:description", "og:image", "og:url"]) expect(meta("property", tag), `${path} ${tag}`).toBeTruthy();
    expect(meta("name", "twitter:card")).toBe("summary_large_image");
    expect(html).toMatch(/<link rel="canonical" href="[^"]+"/);
    // The share image exists and is 1200x630.
    const image = new URL(meta("property", "og:image"), new URL(path, page.url() === "about:blank" ? "http://127.0.0.1/" : page.url()));
    const imagePath = image.pathname.replace(/^.*?\/share\//, "share/");
    const png = await request.get(imagePath);
    expect(png.status(), imagePath).toBe(200);
    expect(pngSize(await png.body())).toEqual([1200, 630]);
  }
});

test("an older ?partner= link still opens the partner", async ({ page }) => {
  await page.goto("./?partner=seoul&lang=en");
  await expect(page.getByRole("dialog", { name: "Seoul" })).toBeVisible();
  // The next address the app writes is the partner's page.
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/\/jakarta-sister-cities\/en\/$/);
});

/** Holds the page's WebAssembly back until the returned function is called: the reader
 * meanwhile has the pre-rendered page alone. */
async function holdWebAssembly(page) {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route("**/*_bg.wasm", async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Sums the page's layout shifts not caused by input, from its start, into `window.__shifts`. */
async function countLayoutShifts(page) {
  await page.addInitScript(() => {
    window.__shifts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
}

test("the page stays as written until the reader acts; a button pressed then is pressed in the app's page", async ({ page }, testInfo) => {
  const atlas = new Atlas(page);
  await page.goto("./en/");
  // The WebAssembly has started, and the data has come: the app could draw its page, and
  // does not while the reader only reads.
  await page.waitForFunction(() => window.wasmBindings !== undefined);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  expect(await page.locator("html").getAttribute("data-app")).toBeNull();
  // Links need no app: they lead to the partner's own page.
  await expect(page.locator("article[data-partner=rotterdam] a.partner-link")).toHaveAttribute("href", /(^|\/)en\/partners\/rotterdam\/$/);
  const start = await atlas.viewBox();
  // Tapped on the phone: there the focus comes before the click, which must still count.
  const zoomIn = page.getByRole("button", { name: "Zoom in" });
  await (testInfo.project.name === "phone" ? zoomIn.tap() : zoomIn.click());
  await expect(page.locator("html")).toHaveAttribute("data-app", "live");
  await expect.poll(async () => (await atlas.viewBox())[2]).toBeLessThan(start[2]);
  await expect(page.getByRole("button", { name: "Zoom in" })).toBeFocused();
});

for (const [path, scheme] of [["./", "light"], ["./en/", "dark"], ["./partners/tokyo/", "dark"], ["./en/partners/jeddah/", "light"]]) {
  test(`${path} as a reader who only reads has it (the app started, waiting) passes axe, ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(path);
    await page.waitForFunction(() => window.wasmBindings !== undefined);
    await expectNoViolations(page, `${path} (${scheme}), as written`);
    expect(await page.locator("html").getAttribute("data-app")).toBeNull();
  });
}

test("the markers of the page as written are the size the app gives them", async ({ page }) => {
  // The app scales them by the map's units per pixel; the page as written has only CSS.
  const scale = () =>
    page.evaluate(() => {
      const map = document.querySelector("svg.map-svg");
      const m = getComputedStyle(map.querySelector(".marker-body")).transform.match(/matrix\(([^,]+)/);
      return { drawn: m ? Number(m[1]) : 1, wanted: Number(map.getAttribute("viewBox").split(/[ ,]+/)[2]) / map.getBoundingClientRect().width };
    });
  await page.goto("./");
  const written = await scale();
  expect(Math.abs(written.drawn / written.wanted - 1)).toBeLessThan(0.02);
  await wake(page);
  const live = await scale();
  expect(Math.abs(live.drawn / written.drawn - 1)).toBeLessThan(0.02);
});

test("data newer than the page's brings the app at once, which shows it", async ({ page }) => {
  const newer = shippedData();
  newer.partners[0].name.en = "Renamed For The Test";
  await page.route("**/data/start.json", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(newer) }),
  );
  await page.goto("./en/");
  await expect(page.locator("html")).toHaveAttribute("data-app", "live");
  await expect(page.locator(`article[data-partner="${newer.partners[0].id}"]`)).toContainText("Renamed For The Test");
});

test("the app takes the page over at the reader's first act without a layout shift, keeping the scroll and the focus", async ({ page }) => {
  // Hold the WebAssembly back so that the reader can scroll and act first.
  const release = await holdWebAssembly(page);
  await countLayoutShifts(page);
  await page.goto("./en/");
  await page.evaluate(() => window.scrollTo(0, 300));
  const before = await page.evaluate(() => window.scrollY);
  // The reader goes to the search box from the keyboard (the window stays where it is).
  await page.evaluate(() => document.getElementById("search").focus({ preventScroll: true }));
  release();
  await expect(page.locator("html")).toHaveAttribute("data-app", "live");
  expect(await page.evaluate(() => window.scrollY)).toBe(before);
  await expect(page.locator("#search")).toBeFocused();
  expect(await page.evaluate(() => window.__shifts)).toBe(0);
  // It is the app now: Enter on a partner's link opens the detail in place.
  await page.locator("article[data-partner=rotterdam] a.partner-link").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Rotterdam" })).toBeVisible();
  await expect(page).toHaveURL(/\/en\/partners\/rotterdam\/$/);
});

test("the app draws every marker and arc exactly where the page as written has them", async ({ page }) => {
  // The page is drawn natively at build time; the app draws the map again with the browser's
  // own sines and arctangents. Both must put each point on the same tenth of a unit.
  const geometry = () =>
    page.evaluate(() =>
      [
        ...[...document.querySelectorAll("g.arcs path")].map((p) => `${p.dataset.partner} ${p.getAttribute("d")}`),
        ...[...document.querySelectorAll("g.markers g.marker")].map((g) => `${g.dataset.partner} ${g.getAttribute("transform")}`),
      ].sort(),
    );
  const release = await holdWebAssembly(page);
  await page.goto("./en/");
  const written = await geometry();
  expect(written.length).toBeGreaterThan(60);
  await page.evaluate(() => document.getElementById("search").focus({ preventScroll: true }));
  release();
  await expect(page.locator("html")).toHaveAttribute("data-app", "live");
  expect(await geometry()).toEqual(written);
});

test("a reader deep in the list keeps the same card in the same place through the take-over", async ({ page }) => {
  // Before the take-over, cards far from the window are not laid out and count as an estimate
  // (content-visibility); the app's page lays them all out, so the same offset would show
  // another card. The card in sight must stay where it was, with no layout shift.
  const release = await holdWebAssembly(page);
  await countLayoutShifts(page);
  await page.goto("./en/");
  const ids = await page.locator("article.partner-card").evaluateAll((els) => els.map((e) => e.dataset.partner));
  const id = ids[30];
  // Jump there at once (the cards between stay estimates), then let it settle.
  await page.evaluate((id) => document.querySelector(`article[data-partner="${id}"]`).scrollIntoView({ block: "center" }), id);
  await page.waitForTimeout(300);
  const top = () => page.evaluate((id) => document.querySelector(`article[data-partner="${id}"]`).getBoundingClientRect().top, id);
  const before = await top();
  // How far the window and the panes around the card (the list beside the map on a desktop)
  // are scrolled, all told.
  const scrolled = () =>
    page.evaluate((id) => {
      let sum = window.scrollY;
      for (let el = document.querySelector(`article[data-partner="${id}"]`).parentElement; el; el = el.parentElement) sum += el.scrollTop;
      return sum;
    }, id);
  const scrolledBefore = await scrolled();
  // The reader's act: the search box, from the keyboard (the window stays where it is).
  await page.evaluate(() => document.getElementById("search").focus({ preventScroll: true }));
  release();
  await expect(page.locator("html")).toHaveAttribute("data-app", "live");
  await page.waitForTimeout(300);
  expect(Math.abs((await top()) - before), `card ${id} moved`).toBeLessThan(1.5);
  // The check is not empty: the app's page is laid out differently above the card.
  expect(await scrolled()).not.toBe(scrolledBefore);
  expect(await page.evaluate(() => window.__shifts)).toBe(0);
});

// The second address (found by hostile.spec) turns filters on and has parts the app ignores
// and says so: the app's page then differs above the search box from the page written for
// the start view.
for (const [name, address, afresh] of [
  ["the start page", "./en/", "./en/?q=Tokyo&sort=name"],
  [
    "an address with filters and ignored parts",
    "./?foo&sector=%%E2%80%8B&to=1990&status=dormant,active&status=%ED%A0%80javascript:alert(1),&to=1990",
    "./?q=Tokyo&sort=name&status=active,dormant&to=1990",
  ],
]) {
  test(`what the reader typed or chose in the pre-rendered page before the take-over is kept and applied: ${name}`, async ({ page }) => {
    const release = await holdWebAssembly(page);
    // A search reads the whole data file once it is in, and may then find more (a partner
    // whose events name Tokyo): each list is read once the page has it.
    let whole = wholeData(page);
    await page.goto(address);
    await page.locator("#search").fill("Tokyo");
    await page.locator("#sort").selectOption("name");
    await expect(page.locator("html")).not.toHaveAttribute("data-app", "live");
    release();
    await expect(page.locator("html")).toHaveAttribute("data-app", "live");
    await expect(page.locator("#search")).toHaveValue("Tokyo");
    await expect(page.locator("#sort")).toHaveValue("name");
    await expect(page).toHaveURL(/[?&]q=Tokyo/);
    await expect(page).toHaveURL(/[?&]sort=name/);
    for (const pair of new URL(afresh, page.url()).searchParams) expect(new URL(page.url()).searchParams.get(pair[0])).toBe(pair[1]);
    // The same list as the app shows for that address opened afresh.
    const atlas = new Atlas(page);
    await whole();
    await expect(atlas.card("tokyo")).toBeVisible();
    const shown = await atlas.cardIds();
    expect(shown.length).toBeLessThan(data.partners.length);
    whole = wholeData(page);
    await page.goto(afresh);
    await expect(page.locator("html")).toHaveAttribute("data-app", "live");
    await whole();
    await expect.poll(() => atlas.cardIds()).toEqual(shown);
  });
}

/** Waits, once called, until the page has the whole data file (its response is complete)
 *  and has drawn what it finds in it. Made before the page asks for the file. */
function wholeData(page) {
  const response = page.waitForResponse((r) => r.url().endsWith("/data/partners.json"));
  return async () => {
    expect(await (await response).finished()).toBeNull();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  };
}

// A reader typing as the app takes over goes on where they were. Where the app's page shows
// words the page as written did not (a link's search), the reader saw an empty box: what they
// type replaces those words rather than adding to them.
for (const [name, address, act, selected, typed, value] of [
  [
    "the caret in the middle of what they typed is kept",
    "./en/",
    async (search) => {
      await search.fill("Toko");
      await search.evaluate((el) => el.setSelectionRange(3, 3));
    },
    ["Toko", 3, 3],
    "y",
    "Tokyo",
  ],
  [
    "a link's search they never saw is replaced",
    "./en/?q=Seoul",
    async (search) => {
      await search.focus();
      await expect(search).toHaveValue("");
    },
    ["Seoul", 0, 5],
    "Jeddah",
    "Jeddah",
  ],
]) {
  test(`a reader typing through the take-over: ${name}`, async ({ page }) => {
    const release = await holdWebAssembly(page);
    const search = page.locator("#search");
    await page.goto(address);
    await act(search);
    release();
    await expect(page.locator("html")).toHaveAttribute("data-app", "live");
    await expect(search).toBeFocused();
    expect(await search.evaluate((el) => [el.value, el.selectionStart, el.selectionEnd])).toEqual(selected);
    await page.keyboard.type(typed);
    await expect(search).toHaveValue(value);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${value}(&|$)`));
  });
}

test("the data is requested beside the WebAssembly, not after it, and each file travels once", async ({ page }) => {
  // What came over the network, and not from the browser's cache (CDP sees both).
  const network = [];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  cdp.on("Network.responseReceived", (e) => {
    if (!e.response.fromDiskCache && !e.response.fromPrefetchCache) network.push(e.response.url);
  });
  await page.goto("./");
  await wake(page);
  await page.waitForTimeout(300);
  const timing = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd, bytes: e.transferSize })),
  );
  const data = timing.find((e) => e.name.endsWith("data/start.json"));
  const wasm = timing.find((e) => e.name.endsWith(".wasm"));
  expect(data.start).toBeLessThan(wasm.end);
  for (const file of ["data/start.json", ".wasm", "/world-lite.svg"]) {
    expect(network.filter((url) => url.endsWith(file)), file).toHaveLength(1);
  }
  // The countries in full wait for the map to be zoomed in.
  expect(network.filter((url) => url.endsWith("/world.svg"))).toEqual([]);
  // So do the parts of the app split out of its WebAssembly: a detail, a view, the export;
  // and the whole data file, which they and a search read.
  expect(network.filter((url) => /\/lazy-[^/]*\.wasm$/.test(url))).toEqual([]);
  expect(network.filter((url) => url.endsWith("/data/partners.json"))).toEqual([]);
});

test.describe("the parts of the app loaded on demand", () => {
  // The part held back below fails as a lost connection would: Chromium and the loader each
  // say so in the console.
  test.use({ allowedConsoleErrors: [/net::ERR_FAILED|TypeError: Failed to fetch/] });

  test("load when first asked for; one that cannot be loaded is said in words, and asking again loads it", async ({ page }) => {
    const atlas = new Atlas(page);
    const asked = [];
    page.on("request", (r) => /\/lazy-[^/]*\.wasm$/.test(r.url()) && asked.push(r.url().replace(/.*\/lazy-(.*)-[0-9a-f]{16}\.wasm$/, "$1")));
    let offline = true;
    await page.route(/\/lazy-split_detail_page-[0-9a-f]{16}\.wasm$/, (route) => (offline ? route.abort() : route.continue()));
    await page.goto("./en/");
    await wake(page);
    const tokyo = atlas.card("tokyo").getByRole("link", { name: "Tokyo" });
    // A partner's detail: its part fails to load. The page says so, and can be closed.
    await tokyo.click();
    const failed = page.getByRole("alert").filter({ hasText: "This part of the atlas could not be loaded. Check the connection, then try again." });
    await expect(failed).toBeVisible();
    await expect(atlas.detail("Tokyo")).toHaveCount(0);
    await page.getByRole("button", { name: "Close" }).click();
    await expect(failed).toHaveCount(0);
    await expect(page).not.toHaveURL(/partner=/);
    // The rest of the app works meanwhile: the timeline's part loads and is drawn.
    await atlas.viewLink("Timeline").click();
    await expect(page.locator("svg.timeline-chart")).toBeVisible();
    await atlas.viewLink("List").click();
    // Back online, the same link loads the part and opens the detail.
    offline = false;
    await tokyo.click();
    await expect(atlas.detail("Tokyo")).toBeVisible();
    await expect(failed).toHaveCount(0);
    expect(asked.filter((name) => name === "split_detail_page")).toHaveLength(2);
    expect(asked.filter((name) => name === "split_timeline_page")).toHaveLength(1);
    expect(asked.filter((name) => name === "split_figures_page")).toEqual([]);
  });

  test("the checks of a data file load only for a file the build did not check, and say in words when they cannot", async ({ page }) => {
    const atlas = new Atlas(page);
    const asked = [];
    page.on("request", (r) => /\/lazy-[^/]*\.wasm$/.test(r.url()) && asked.push(r.url().replace(/.*\/lazy-(.*)-[0-9a-f]{16}\.wasm$/, "$1")));
    // The build's own files, the first view's and the whole one, are read unchecked: the page
    // lists both as checked.
    await page.goto("./en/");
    const checked = (await page.locator("#app").getAttribute("data-checked")).split(" ");
    expect(checked).toHaveLength(2);
    await wake(page);
    const whole = page.waitForResponse((r) => r.url().endsWith("/data/partners.json"));
    await atlas.search.fill("Koike");
    await (await whole).finished();
    await expect(atlas.card("tokyo")).toBeVisible();
    expect(asked.filter((name) => name === "split_checks")).toEqual([]);

    // The first view's file edited on the server: a date no reading catches, only the checks.
    const start = JSON.parse(readFileSync(new URL("../../dist/data/start.json", import.meta.url), "utf8"));
    const edited = start.partners.find((p) => p.id === "seoul");
    edited.since = "2999-01-01";
    await page.route("**/data/start.json", (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(start) }));
    let offline = true;
    await page.route(/\/lazy-split_checks-[0-9a-f]{16}\.wasm$/, (route) => (offline ? route.abort() : route.continue()));
    await page.goto("./en/");
    const failed = page.getByRole("alert");
    await expect(failed).toContainText("The partner data could not be loaded.");
    await expect(failed).toContainText(/could not load the code that checks \S*\/data\/start\.json/);
    offline = false;
    await failed.getByRole("button", { name: "Retry" }).click();
    const notice = page.getByRole("note").filter({ hasText: "Some records in the data file are invalid and are not shown:" });
    await expect(notice).toBeVisible();
    await notice.locator("summary").click();
    await expect(notice).toContainText("seoul");
    await expect(atlas.card("seoul")).toHaveCount(0);
    await expect(atlas.card("tokyo")).toBeVisible();
    expect(asked.filter((name) => name === "split_checks")).toHaveLength(2);
  });

  test("a partner's page loads its detail's part while it waits for the reader, once", async ({ page }) => {
    const asked = [];
    page.on("request", (r) => /\/lazy-[^/]*\.wasm$/.test(r.url()) && asked.push(r.url().replace(/.*\/lazy-(.*)-[0-9a-f]{16}\.wasm$/, "$1")));
    await page.goto("./en/partners/tokyo/");
    await expect.poll(() => asked).toContain("split_detail_page");
    await expect(page.locator("html")).not.toHaveAttribute("data-app", "live");
    await wake(page);
    await expect(new Atlas(page).detail("Tokyo")).toBeVisible();
    expect(asked.filter((name) => name === "split_detail_page")).toHaveLength(1);
    expect(asked.filter((name) => /^split_(timeline|figures)_page$/.test(name))).toEqual([]);
  });
});

test.describe("the whole data, loaded when first needed", () => {
  // The whole file held back below fails as a lost connection would.
  test.use({ allowedConsoleErrors: [/net::ERR_FAILED|TypeError: Failed to fetch/] });
  const whole = shippedData();
  const tokyo = whole.partners.find((p) => p.id === "tokyo");

  test("a detail waits for it, says so in words when it cannot come, and loads it once it can", async ({ page }) => {
    const atlas = new Atlas(page);
    let asked = 0;
    let offline = true;
    await page.route("**/data/partners.json", (route) => {
      asked += 1;
      return offline ? route.abort() : route.continue();
    });
    await page.goto("./en/");
    await wake(page);
    expect(asked).toBe(0);
    const link = atlas.card("tokyo").getByRole("link", { name: "Tokyo" });
    await link.click();
    const failed = page.getByRole("alert").filter({ hasText: "This part of the atlas could not be loaded. Check the connection, then try again." });
    await expect(failed).toBeVisible();
    await expect(atlas.detail("Tokyo")).toHaveCount(0);
    await page.getByRole("button", { name: "Close" }).click();
    await expect(failed).toHaveCount(0);
    // The cards, the map and the filters work on meanwhile.
    await atlas.search.fill("seoul");
    await expect(atlas.card("seoul")).toBeVisible();
    await atlas.search.fill("");
    offline = false;
    await link.click();
    const detail = atlas.detail("Tokyo");
    await expect(detail).toBeVisible();
    // What only the whole file holds: the events, and the sources of the record.
    await expect(detail).toContainText(tokyo.events[0].title.en);
    await expect(detail.locator("a.cite").first()).toBeVisible();
    // Opening another detail reads the file already loaded.
    const before = asked;
    await detail.getByRole("link", { name: "Close" }).click();
    await expect(detail).toHaveCount(0);
    await atlas.card("seoul").getByRole("link", { name: "Seoul" }).click();
    await expect(atlas.detail("Seoul")).toBeVisible();
    expect(asked).toBe(before);
  });

  test("a search finds the partners by the people and events only the whole file holds", async ({ page }) => {
    const atlas = new Atlas(page);
    // A person named in an event, and in no partner's name, country or sector.
    const person = whole.partners
      .flatMap((p) => (p.events ?? []).flatMap((e) => (e.people ?? []).map((x) => ({ partner: p.id, name: x.name }))))
      .find((x) => !/jakarta|tokyo|seoul/i.test(x.name));
    const having = whole.partners
      .filter((p) => (p.events ?? []).some((e) => (e.people ?? []).some((x) => x.name === person.name)))
      .map((p) => p.id);
    const asked = page.waitForRequest((r) => r.url().endsWith("/data/partners.json"));
    await page.goto("./en/");
    await wake(page);
    await atlas.search.fill(person.name);
    await asked;
    for (const id of having) await expect(atlas.card(id)).toBeVisible();
    await expect(page.locator("article.partner-card:visible")).toHaveCount(having.length);
  });

  test("a partner's page loads it while it waits for the reader, and its detail is whole at the take-over", async ({ page }) => {
    const asked = [];
    page.on("request", (r) => r.url().includes("/data/") && asked.push(r.url().replace(/.*\/data\//, "")));
    await page.goto("./en/partners/tokyo/");
    await expect.poll(() => asked).toContain("partners.json");
    await expect(page.locator("html")).not.toHaveAttribute("data-app", "live");
    await wake(page);
    await expect(new Atlas(page).detail("Tokyo")).toContainText(tokyo.events[0].title.en);
    expect(asked.sort()).toEqual(["partners.json", "start.json"]);
  });
});

test("zoomed in, the map draws the countries in full, loaded once; zoomed out, the light ones again", async ({ page }, testInfo) => {
  const asked = [];
  page.on("request", (r) => /\/world(-lite)?\.svg$/.test(r.url()) && asked.push(r.url().replace(/.*\//, "")));
  // The full file held back until released, as on a slow signal.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\/world\.svg$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("./en/");
  await wake(page);
  const countries = page.locator("svg.map-base g.countries");
  const lite = countries.locator("use.lite");
  const full = countries.locator("use.full");
  await expect(lite).toBeVisible();
  await expect(full).not.toHaveAttribute("href");
  const zoomIn = page.getByRole("button", { name: "Zoom in" });
  const press = (button) => (testInfo.project.name === "phone" ? button.tap() : button.click());
  // 1.5x: the full file is asked for, and drawn hidden.
  await press(zoomIn);
  await expect(full).toHaveAttribute("href", /(^|\/)world\.svg#countries$/);
  await expect(full).toBeHidden();
  await expect(countries).not.toHaveClass(/\bfine\b/);
  await expect(lite).toBeVisible();
  // 2.25x: while the full file is on its way, the light outlines stay; once it has come,
  // the full ones take their place.
  await press(zoomIn);
  await expect.poll(async () => (await new Atlas(page).viewBox())[2]).toBeLessThan(1000 / 2);
  await page.waitForTimeout(300);
  await expect(countries).not.toHaveClass(/\bfine\b/);
  await expect(lite).toBeVisible();
  release();
  await expect(countries).toHaveClass(/\bfine\b/);
  await expect(full).toBeVisible();
  await expect(lite).toBeHidden();
  // Its shapes are there: the group inside the <use> has the 177 countries.
  expect(await full.evaluate((u) => u.getBBox().width)).toBeGreaterThan(900);
  // Back to 1x: the light ones again, and nothing asked for twice.
  await press(page.getByRole("button", { name: "Reset map" }));
  await expect(countries).not.toHaveClass(/\bfine\b/);
  await expect(lite).toBeVisible();
  await press(zoomIn);
  await press(zoomIn);
  await expect(countries).toHaveClass(/\bfine\b/);
  expect(asked.sort()).toEqual(["world-lite.svg", "world.svg"]);
});

test("where a <use> sends no load event (Firefox), the full countries show from the next zoom after they have come", async ({ page }, testInfo) => {
  // Chromium's load events for <use> stopped on their way down, before the element hears them.
  await page.addInitScript(() => {
    window.stoppedLoads = 0;
    document.addEventListener(
      "load",
      (e) => {
        if (e.target instanceof SVGUseElement) {
          e.stopImmediatePropagation();
          if (e.target.classList.contains("full")) window.stoppedLoads += 1;
        }
      },
      true,
    );
  });
  await page.goto("./en/");
  await wake(page);
  const countries = page.locator("svg.map-base g.countries");
  const full = countries.locator("use.full");
  const zoomIn = page.getByRole("button", { name: "Zoom in" });
  const press = (button) => (testInfo.project.name === "phone" ? button.tap() : button.click());
  const came = page.waitForResponse(/\/world\.svg$/);
  await press(zoomIn);
  await came;
  // Drawn, hidden: its shapes have a size.
  await expect.poll(() => full.evaluate((u) => u.getBoundingClientRect().width)).toBeGreaterThan(0);
  await expect.poll(() => page.evaluate(() => window.stoppedLoads)).toBeGreaterThan(0);
  await expect(countries).not.toHaveClass(/\bfine\b/);
  await press(zoomIn);
  await expect(countries).toHaveClass(/\bfine\b/);
  await expect(full).toBeVisible();
  await expect(countries.locator("use.lite")).toBeHidden();
});

test("the minified stylesheet and scripts load: each integrity hash a page names is the file's", async ({ page, request }) => {
  const failed = [];
  page.on("console", (m) => m.type() === "error" && failed.push(m.text()));
  for (const path of ["./", "en/partners/tokyo/"]) {
    await page.goto(path);
    const named = await page.evaluate(() =>
      [...document.querySelectorAll("[integrity]")].map((e) => [e.href || e.src, e.getAttribute("integrity")]),
    );
    expect(named.some(([url]) => url.endsWith(".css")), "the stylesheet carries a hash").toBe(true);
    for (const [url, integrity] of named) {
      const body = await (await request.get(url)).body();
      expect(integrity, url).toBe(`sha384-${createHash("sha384").update(body).digest("base64")}`);
    }
    // The stylesheet applied: the page's own rules are in force.
    expect(await page.evaluate(() => [...document.styleSheets].some((s) => s.cssRules.length > 50))).toBe(true);
  }
  // The app runs from the minified glue: it takes over at the reader's first act.
  await wake(page);
  expect(failed).toEqual([]);
});

test("the countries drawn from world.svg take the page's colours, in both schemes", async ({ page }) => {
  // The shapes live in world.svg behind <use>, where the page's selectors cannot reach:
  // only what the group sets is inherited. Unstyled, they would be black.
  for (const [scheme, fill] of [
    ["light", "rgb(201, 211, 205)"],
    ["dark", "rgb(59, 74, 68)"],
  ]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("./");
    await wake(page);
    const used = page.locator("g.countries use.lite");
    await expect(used).toHaveCount(1);
    expect(await used.evaluate((el) => getComputedStyle(el).fill), scheme).toBe(fill);
  }
});
