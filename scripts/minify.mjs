// Minifies files of a build in place with esbuild, and mends the Subresource Integrity hashes
// that name them in the directory's index.html (Trunk writes one on the stylesheet's link).
//   node scripts/minify.mjs DIR FILE...    FILE: a name in DIR, .js or .css
// A file whose name starts with the app's crate name is Trunk's wasm-bindgen glue, an ES
// module, whose top-level names may be shortened. Any other script (the service worker, the
// script that registers it) is a classic script: its top-level names are globals, kept.
// Run by scripts/prerender (see there) on release builds. Trunk 0.21's own `minify` would
// also minify the HTML template, whose markup the pre-renderer fills, and leaves the glue as
// it is.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

const [dir, ...names] = process.argv.slice(2);
if (!dir || names.length === 0) {
  console.error('usage: node scripts/minify.mjs DIR FILE...');
  process.exit(2);
}

const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const changed = [];
for (const name of names) {
  const path = join(dir, name);
  const source = readFileSync(path, 'utf8');
  const css = name.endsWith('.css');
  const module = name.startsWith('jakarta-sister-cities');
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
