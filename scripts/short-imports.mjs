// Gives the WebAssembly's imports from its JS glue short names, in both files:
//   node scripts/short-imports.mjs MODULE.wasm GLUE.js
// Run by scripts/split-wasm on wasm-bindgen's output, before wasm-opt and the minifier.
//
// wasm-bindgen names each import after the browser API it calls and a hash of its signature
// (`__wbg_querySelectorAll_6c1bd81d448fb480`), and the same name is written twice: in the
// module's import section and as a key of the glue's import object. Sixteen hex digits per
// name do not compress: over the app's ~220 imports they were 4.6 KB of the gzip WebAssembly
// and 2.8 KB of the gzip glue (measured at stop 28). Nothing else reads these names: the
// module asks the glue for each import by its (module, name) pair, once, at instantiation.
//
// The names become `a`, `b`, ... `Z`, `aa`, ... and the glue's module name becomes `w`; the
// closures' entry points the module exports (`_ZN12wasm_bindgen7convert8closures1_6invoke17h
// ...E`, which the glue calls as `wasm.NAME`) become `Xa`, `Xb`, ... Each old import name must
// occur exactly once in the glue, as a key, and no export's name may be quoted there; else the
// glue is not the shape this script knows, and it stops with a message rather than write a
// build that cannot start.
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";

const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath || !gluePath) {
  console.error("usage: node scripts/short-imports.mjs MODULE.wasm GLUE.js");
  process.exit(2);
}
const fail = (message) => {
  console.error(`short-imports: ${message}`);
  process.exit(1);
};

const bytes = readFileSync(wasmPath);
let glue = readFileSync(gluePath, "utf8");
// The module wasm-bindgen's glue stands for: "./NAME_bg.js" for NAME.wasm's NAME_bg.wasm.
const glueModule = `./${basename(wasmPath).replace(/\.wasm$/, "")}.js`;
const SHORT_MODULE = "w";

function readU32(at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at.pos++];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return value;
    shift += 7;
  }
}
function writeU32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}
const name = (text) => {
  const raw = Buffer.from(text, "utf8");
  return Buffer.concat([writeU32(raw.length), raw]);
};
function readName(at) {
  const length = readU32(at);
  const value = bytes.toString("utf8", at.pos, at.pos + length);
  at.pos += length;
  return value;
}
const section = (id, items) => {
  const body = Buffer.concat(items);
  return Buffer.concat([Buffer.from([id]), writeU32(body.length), body]);
};

const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
function shortName(index) {
  let text = "";
  for (let k = index; ; k = Math.floor(k / LETTERS.length) - 1) {
    text = LETTERS[k % LETTERS.length] + text;
    if (k < LETTERS.length) return text;
  }
}

if (bytes.readUInt32LE(0) !== 0x6d736100) fail(`${wasmPath} is not a WebAssembly module`);
const parts = [bytes.subarray(0, 8)];
const renamed = new Map();
const exported = new Map();
const at = { pos: 8 };
while (at.pos < bytes.length) {
  const from = at.pos;
  const id = bytes[at.pos++];
  const end = readU32(at) + at.pos;
  if (id === 2) parts.push(section(2, importSection()));
  else if (id === 7) parts.push(section(7, exportSection()));
  else {
    parts.push(bytes.subarray(from, end));
    at.pos = end;
  }
  if (at.pos !== end) fail(`section ${id} has bytes this script did not read`);
}
if (renamed.size === 0) fail(`${wasmPath} imports nothing from ${glueModule}`);

/** The import section's items, (module, name, description) for each import, with the glue's
 * renamed. */
function importSection() {
  const count = readU32(at);
  const items = [writeU32(count)];
  for (let i = 0; i < count; i++) {
    const module = readName(at);
    const field = readName(at);
    const describedFrom = at.pos;
    const kind = bytes[at.pos++];
    if (kind === 0) readU32(at); // a function: its type index
    else if (kind === 1) {
      at.pos++; // a table: its element type, then limits
      const flags = bytes[at.pos++];
      readU32(at);
      if (flags & 1) readU32(at);
    } else if (kind === 2) {
      const flags = bytes[at.pos++]; // a memory: limits
      readU32(at);
      if (flags & 1) readU32(at);
    } else if (kind === 3) at.pos += 2; // a global: its type and mutability
    else fail(`import ${module}.${field} has an unknown kind ${kind}`);
    const description = bytes.subarray(describedFrom, at.pos);
    if (module === glueModule) {
      if (renamed.has(field)) fail(`${field} is imported twice`);
      const short = shortName(renamed.size);
      renamed.set(field, short);
      items.push(name(SHORT_MODULE), name(short), description);
    } else {
      items.push(name(module), name(field), description);
    }
  }
  return items;
}

/** The export section's items, (name, description) for each export, with the closures' entry
 * points renamed. */
function exportSection() {
  const count = readU32(at);
  const exports = [];
  for (let i = 0; i < count; i++) {
    const field = readName(at);
    const describedFrom = at.pos;
    at.pos++; // its kind
    readU32(at); // its index
    exports.push([field, bytes.subarray(describedFrom, at.pos)]);
  }
  const taken = new Set(exports.map(([field]) => field));
  const items = [writeU32(count)];
  for (const [field, description] of exports) {
    let short = field;
    if (/^_ZN\w+E$/.test(field)) {
      short = `X${shortName(exported.size)}`;
      if (taken.has(short)) fail(`an export is already named ${short}`);
      exported.set(field, short);
    }
    items.push(name(short), description);
  }
  return items;
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
for (const [field, short] of renamed) {
  const pattern = new RegExp(`(?<![\\w$])${escape(field)}(?![\\w$])`, "g");
  const found = glue.match(pattern)?.length ?? 0;
  if (found !== 1) fail(`${field} occurs ${found} times in ${gluePath}, not once`);
  const key = new RegExp(`(?<![\\w$])${escape(field)}(?=\\s*:)`);
  if (!key.test(glue)) fail(`${field} is not a key of the import object in ${gluePath}`);
  glue = glue.replace(key, short);
}
for (const [field, short] of exported) {
  // The glue's JS function of the same name is its own, which the minifier renames.
  const call = `wasm.${field}`;
  if (!glue.includes(call)) fail(`${gluePath} never calls ${call}`);
  if (new RegExp(`["'\`\\[]${field}|${field}["'\`]`).test(glue)) fail(`${field} is quoted in ${gluePath}`);
  glue = glue.replaceAll(call, `wasm.${short}`);
}
const moduleKey = `"${glueModule}":`;
if (glue.split(moduleKey).length !== 2) fail(`${moduleKey} does not occur once in ${gluePath}`);
glue = glue.replace(moduleKey, `${SHORT_MODULE}:`);

writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(gluePath, glue);
console.log(`short-imports: ${renamed.size} imports and ${exported.size} exports renamed`);
