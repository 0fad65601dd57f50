// The atlas's service worker, written by tools/prerender (do not edit dist/sw.js): after a
// first visit the atlas opens with no signal. Its version is a hash of the files it keeps,
// so each build with any changed file installs afresh and drops the old copy.
//  - the shell (the two start pages, scripts, WebAssembly, styles, icons, world.svg): from
//    the copy, else the network;
//  - pages: from the network, kept as they pass; with no signal, the kept page, else for a
//    partner's page the start page of its language with `?partner=` (the app opens it);
//  - the data (what the first view reads, and the whole file that a partner's detail, the
//    timeline, a search and the export load when first needed): from the copy at once; once
//    a page has loaded it asks ("check-data"), the worker fetches both files again (a
//    revalidation, which the HTTP cache mostly answers) and keeps them; when one differs from
//    a kept copy it answers "data-updated" (the page offers a reload). Not in the install:
//    that would fetch the first file while the first page does.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = `atlas-${VERSION}`;
const scope = self.registration.scope;
const at = (path) => new URL(path, scope).href;
const DATA = __DATA__.map(at);

async function sameBody(a, b) {
  return (await a.clone().text()) === (await b.clone().text());
}

/** Keeps a copy, if storage allows: a full or ephemeral store (a private window's quota is
 *  small) must never cost the reader the response itself. */
async function keep(key, response) {
  try {
    await (await caches.open(CACHE)).put(key, response);
    return true;
  } catch {
    return false;
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map(at)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("atlas-") && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

// A page asks once it is ready to listen (offline.js): the data is checked against the
// network, and the page told if the network had a newer file, now kept for its reload.
self.addEventListener("message", (event) => {
  if (!event.data || event.data.type !== "check-data" || !event.source) return;
  event.waitUntil(
    revalidate().then((newer) => {
      if (newer) event.source.postMessage({ type: "data-updated" });
    }),
  );
});

/** Fetches each data file; keeps those that differ from their kept copies. True if one
 *  replaced a kept copy. */
async function revalidate() {
  let newer = false;
  for (const key of DATA) newer = (await revalidateFile(key)) || newer;
  return newer;
}

async function revalidateFile(key) {
  const cache = await caches.open(CACHE);
  let response;
  try {
    response = await fetch(key, { cache: "no-cache" });
  } catch {
    return false;
  }
  if (!response.ok) return false;
  const kept = await cache.match(key);
  if (kept && (await sameBody(kept, response))) return false;
  return (await keep(key, response.clone())) && Boolean(kept);
}

// The response goes to the page at once; its copy is written beside it (waitUntil), so the
// page never waits for the cache, nor fails with it.
async function data(event, key) {
  const kept = await caches.match(key);
  if (kept) return kept;
  const response = await fetch(key);
  if (response.ok) event.waitUntil(keep(key, response.clone()));
  return response;
}

async function page(event) {
  const request = event.request;
  const cache = await caches.open(CACHE);
  const address = request.url.split("?")[0];
  try {
    const response = await fetch(request);
    if (response.ok) event.waitUntil(keep(address, response.clone()));
    return response;
  } catch (err) {
    const kept = await cache.match(address);
    if (kept) return kept;
    // A partner's page never visited: its language's start page, which opens the partner
    // from an old-style `?partner=` link (and writes the path back).
    const url = new URL(request.url);
    const rest = url.pathname.slice(new URL(scope).pathname.length);
    const partner = rest.match(/^(en\/)?partners\/([^/]+)\/?$/);
    if (partner) {
      url.pathname = new URL(partner[1] ?? "./", scope).pathname;
      url.searchParams.set("partner", decodeURIComponent(partner[2]));
      return Response.redirect(url.href, 302);
    }
    throw err;
  }
}

async function file(request) {
  const kept = await caches.match(request, { ignoreSearch: true });
  return kept ?? fetch(request);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(scope)) return;
  const address = request.url.split("?")[0];
  if (DATA.includes(address)) event.respondWith(data(event, address));
  else if (request.mode === "navigate") event.respondWith(page(event));
  else event.respondWith(file(request));
});
