//! The few browser APIs the app needs beyond Leptos: the address bar and history,
//! the document's language and title, and clock time in another time zone.
//!
//! Every call tolerates a missing `window` or a throwing API: the app keeps working
//! with less (no history entry, no local time) rather than failing.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::Nav;

/// The query string of the page, with its leading `?` (empty when there is none).
pub fn current_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The browser's preferred language tag, e.g. `id-ID`.
pub fn preferred_language() -> Option<String> {
    web_sys::window().and_then(|w| w.navigator().language())
}

/// Writes `search` (as made by `Query::to_search`) to the address bar.
pub fn write_url(search: &str, nav: Nav) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    // An empty search must still drop the old query string, so fall back to the path.
    let url = if search.is_empty() {
        window
            .location()
            .pathname()
            .unwrap_or_else(|_| String::from("./"))
    } else {
        search.to_owned()
    };
    if window.location().search().ok().as_deref() == Some(search) {
        return;
    }
    let _ = match nav {
        Nav::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
        Nav::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
    };
}

/// Calls `f` with the new query string whenever Back or Forward changes the URL.
pub fn on_popstate(f: impl Fn(String) + 'static) {
    let handle = window_event_listener(leptos::ev::popstate, move |_| f(current_search()));
    // The listener lives as long as the page.
    std::mem::forget(handle);
}

/// Sets `<html lang>`, the document title and the meta description.
pub fn set_document_meta(tag: &str, title: &str, description: &str) {
    let document = document();
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", tag);
    }
    document.set_title(title);
    if let Ok(Some(meta)) = document.query_selector("meta[name=description]") {
        let _ = meta.set_attribute("content", description);
    }
}

/// The current time of day in an IANA time zone, formatted for `locale`
/// (`"14.05"` in Indonesian, `"2:05 PM"` in English); `None` if the browser
/// does not know the zone.
pub fn local_time(time_zone: &str, locale: &str) -> Option<String> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"timeZone".into(), &time_zone.into()).ok()?;
    js_sys::Reflect::set(&options, &"hour".into(), &"numeric".into()).ok()?;
    js_sys::Reflect::set(&options, &"minute".into(), &"2-digit".into()).ok()?;
    js_sys::Reflect::set(&options, &"weekday".into(), &"short".into()).ok()?;
    let args = js_sys::Array::of2(&locale.into(), &options);
    // Constructed through Reflect so that an unknown zone is an Err, not a thrown exception.
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: js_sys::Function = js_sys::Reflect::get(&intl, &"DateTimeFormat".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let format = js_sys::Reflect::construct(&constructor, &args).ok()?;
    let format: js_sys::Intl::DateTimeFormat = format.unchecked_into();
    format
        .format()
        .call1(&JsValue::UNDEFINED, &js_sys::Date::new_0())
        .ok()?
        .as_string()
}
