// Minifies files of a build in place with esbuild, and mends the Subresource Integrity hashes
// that name them in the directory's index.html (Trunk writes one on the stylesheet's link).
//   node scripts/minify.mjs DIR FILE...    FILE: a name in DIR: .js, .css, or the app's .wasm
// Given the app's WebAssembly (`*_bg.wasm`), it first takes out of it and of the glue the
// classes of UNUSED_CLASSES (see there), then runs wasm-opt again, which drops their code.
// A file whose name starts with the app's crate name is Trunk's wasm-bindgen glue, an ES
// module, whose top-level names may be shortened. Any other script (the service worker, the
// script that registers it) is a classic script: its top-level names are globals, kept.
// Run by scripts/prerender (see there) on release builds. Trunk 0.21's own `minify` would
// also minify the HTML template, whose markup the pre-renderer fills, and leaves the glue as
// it is.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { transformSync } from 'esbuild';

// Classes that the wasm-streams crate exports to JS, for JS code that reads a Rust stream.
// Leptos always depends on server_fn, which depends on wasm-streams; this app has no such
// stream, so they are code that nothing calls: 1.6 KB of the WebAssembly and 0.5 KB of the
// glue, gzip. The glue is wasm-bindgen 0.2.130's (pinned in Cargo.toml); if its form
// changes, this script stops the build rather than leave half a class.
const UNUSED_CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

/** The glue without UNUSED_CLASSES: each class, its disposer line and its finalizer. */
function withoutUnusedClasses(glue, path) {
  for (const name of UNUSED_CLASSES) {
    const parts = [
      new RegExp(`^export class ${name} \\{\\n[\\s\\S]*?\\n\\}\\n`, 'm'),
      new RegExp(`^if \\(Symbol\\.dispose\\) ${name}\\.prototype.*\\n`, 'm'),
      new RegExp(`^const ${name}Finalization = [\\s\\S]*?;\\n`, 'm'),
    ];
    const found = parts.filter((re) => re.test(glue)).length;
    if (found === 0) continue;
    if (found !== parts.length) {
      console.error(`minify: ${path}: the class ${name} is not in the form this script knows`);
      process.exit(1);
    }
    for (const re of parts) glue = glue.replace(re, '');
  }
  if (/intounderlying/i.test(glue)) {
    console.error(`minify: ${path}: the glue still names a class it was to lose`);
    process.exit(1);
  }
  return glue;
}

/** The module's export section without the exports of UNUSED_CLASSES. */
function withoutUnusedExports(wasm) {
  const prefixes = UNUSED_CLASSES.map((name) => name.toLowerCase());
  const unused = (name) => prefixes.some((p) => name.startsWith(`${p}_`) || name === `__wbg_${p}_free`);
  let p = 8;
  const leb = () => {
    let value = 0, shift = 0, byte;
    do { byte = wasm[p++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    return value;
  };
  const encode = (n) => {
    const out = [];
    do { let byte = n & 0x7f; n = Math.floor(n / 128); if (n) byte |= 0x80; out.push(byte); } while (n);
    return Buffer.from(out);
  };
  const parts = [wasm.subarray(0, 8)];
  let dropped = 0;
  while (p < wasm.length) {
    const start = p;
    const id = wasm[p++];
    const size = leb();
    const end = p + size;
    if (id === 7) {
      const count = leb();
      const kept = [];
      for (let i = 0; i < count; i++) {
        const entry = p;
        const length = leb();
        const name = wasm.subarray(p, p + length).toString();
        p += length + 1; // the name, then the kind
        leb(); // the index
        if (unused(name)) dropped++;
        else kept.push(wasm.subarray(entry, p));
      }
      const body = Buffer.concat([encode(kept.length), ...kept]);
      parts.push(Buffer.from([7]), encode(body.length), body);
    } else {
      parts.push(wasm.subarray(start, end));
    }
    p = end;
  }
  return [Buffer.concat(parts), dropped];
}

const [dir, ...names] = process.argv.slice(2);
if (!dir || names.length === 0) {
  console.error('usage: node scripts/minify.mjs DIR FILE...');
  process.exit(2);
}

const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const changed = [];
const wasmName = names.find((name) => name.endsWith('_bg.wasm'));
if (wasmName) {
  const path = join(dir, wasmName);
  const [wasm, dropped] = withoutUnusedExports(readFileSync(path));
  if (dropped > 0) {
    writeFileSync(path, wasm);
    const run = spawnSync('wasm-opt', ['-Oz', path, '-o', path], { stdio: 'inherit' });
    if (run.status !== 0) {
      console.error(`minify: wasm-opt failed on ${path}`);
      process.exit(1);
    }
  }
  console.log(`minify: ${wasmName}: ${dropped} unused exports dropped`);
}
for (const name of names.filter((name) => !name.endsWith('.wasm'))) {
  const path = join(dir, name);
  const css = name.endsWith('.css');
  const module = name.startsWith('jakarta-sister-cities');
  let source = readFileSync(path, 'utf8');
  if (wasmName && module) source = withoutUnusedClasses(source, path);
  let code;
  try {
    ({ code } = transformSync(source, {
      loader: css ? 'css' : 'js',
      minify: true,
      format: module ? 'esm' : undefined,
      legalComments: 'none',
      charset: 'utf8',
    }));
  } catch (err) {
    console.error(`minify: ${path}: ${err.message}`);
    process.exit(1);
  }
  writeFileSync(path, code);
  console.log(`minify: ${name}: ${source.length} -> ${code.length} bytes`);
  changed.push([name, code]);
}

const page = join(dir, 'index.html');
if (existsSync(page)) {
  let html = readFileSync(page, 'utf8');
  for (const [name, code] of changed) {
    const tag = new RegExp(`(<[^>]*href="[^"]*${escape(name)}"[^>]*integrity=")sha384-[^"]*"`, 'g');
    html = html.replace(tag, `$1${integrity(code)}"`);
  }
  writeFileSync(page, html);
}
