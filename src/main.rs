//! Entry point: set up panic reporting and start the app; nothing else lives here.

fn main() {
    console_error_panic_hook::set_once();
    jakarta_sister_cities::start();
}
