//! Entry point: set up panic reporting and mount the app; nothing else lives here.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(jakarta_sister_cities::App);
}
