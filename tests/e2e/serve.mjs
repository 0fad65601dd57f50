// A static file server for dist/ under a sub-path, the way GitHub Pages serves a project
// site (https://owner.github.io/jakarta-sister-cities/). Dev-only; used by the end-to-end
// tests and the bench. Anything outside the sub-path is a 404, so an absolute asset URL
// in the build fails the tests instead of passing by accident. Caching is GitHub Pages'
// (max-age=600); each test and bench run starts with an empty browser cache. Text and
// WebAssembly travel gzip-compressed to a browser that accepts it, as GitHub Pages sends them
// (each file compressed once per version and kept in memory).
//
//   node tests/e2e/serve.mjs [--port 4173] [--dir dist] [--base /jakarta-sister-cities/]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "4173" },
    dir: { type: "string", default: "dist" },
    base: { type: "string", default: "/jakarta-sister-cities/" },
  },
});
const root = resolve(values.dir);
const base = values.base.endsWith("/") ? values.base : `${values.base}/`;
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

// What GitHub Pages compresses: text and WebAssembly, not PNG.
const compressible = new Set([".html", ".js", ".wasm", ".css", ".json", ".svg", ".webmanifest", ".txt", ".xml"]);
/** file -> { mtime, body }: the gzip copy of a file's current version. */
const gzipped = new Map();
function gzipOf(file, mtime, raw) {
  const kept = gzipped.get(file);
  if (kept && kept.mtime === mtime) return kept.body;
  const body = gzipSync(raw, { level: 6 });
  gzipped.set(file, { mtime, body });
  return body;
}

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
  if (path === base.slice(0, -1)) {
    res.writeHead(301, { location: base }).end();
    return;
  }
  if (!path.startsWith(base)) {
    res.writeHead(404, { "content-type": "text/plain" }).end("not under the base path");
    return;
  }
  let file = normalize(join(root, path.slice(base.length)));
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  try {
    let info = await stat(file);
    if (info.isDirectory()) {
      file = join(file, "index.html");
      info = await stat(file);
    }
    let body = await readFile(file);
    const headers = {
      "content-type": types[extname(file)] ?? "application/octet-stream",
      // What GitHub Pages sends: a file asked for twice in ten minutes travels once.
      "cache-control": "max-age=600",
    };
    if (compressible.has(extname(file))) {
      headers.vary = "Accept-Encoding";
      if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
        body = gzipOf(file, info.mtimeMs, body);
        headers["content-encoding"] = "gzip";
      }
    }
    headers["content-length"] = body.length;
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  }
});
server.listen(Number(values.port), "127.0.0.1", () => {
  console.log(`serving ${root} at http://127.0.0.1:${values.port}${base}`);
});
