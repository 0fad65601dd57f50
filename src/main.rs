//! Entry point: the allocator, panic reporting in debug builds, and the start of the app;
//! nothing else lives here.

// talc in place of the standard library's dlmalloc: 0.6 KB less WebAssembly gzip. At 5,000
// partners (scripts/bench --scale 5000, alternated with a dlmalloc build) the timings and the
// memory are the same within this machine's noise.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    // Panic messages in the console for debug builds only: the hook and the formatting it
    // pulls in cost the release build 1.3 KB gzip (291.1 against 292.3 KB of WebAssembly). A
    // release panic still stops with "unreachable" in the console.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    jakarta_sister_cities::start();
}
