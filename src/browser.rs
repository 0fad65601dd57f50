//! The few browser APIs the app needs beyond Leptos: the address bar and history,
//! the document's language and title, and clock time in another time zone.
//!
//! Every call tolerates a missing `window` or a throwing API: the app keeps working
//! with less (no history entry, no local time) rather than failing. Outside a browser
//! (native tests, the pre-renderer) each is a no-op, since `web_sys` would panic there.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::state::HistoryMode;

/// Whether this build runs in a browser, where `web_sys` works.
const IN_BROWSER: bool = cfg!(target_arch = "wasm32");

/// The query string of the page, with its leading `?` (empty when there is none).
pub fn current_search() -> String {
    if !IN_BROWSER {
        return String::new();
    }
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The browser's preferred language tag, e.g. `id-ID`.
pub fn preferred_language() -> Option<String> {
    if !IN_BROWSER {
        return None;
    }
    web_sys::window().and_then(|w| w.navigator().language())
}

/// Writes `url` (relative to the page, as `AppState` makes them) to the address bar.
pub fn write_url(url: &str, mode: HistoryMode) {
    if !IN_BROWSER {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let _ = match mode {
        HistoryMode::Push => history.push_state_with_url(&JsValue::NULL, "", Some(url)),
        HistoryMode::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(url)),
    };
}

/// Calls `f` with the new query string whenever Back or Forward changes the URL, for as
/// long as the calling component lives.
pub fn on_popstate(f: impl Fn(String) + 'static) {
    if !IN_BROWSER {
        return;
    }
    let handle = window_event_listener(leptos::ev::popstate, move |_| f(current_search()));
    on_cleanup(move || handle.remove());
}

/// Sets `<html lang>`, the document title and the meta description.
pub fn set_document_meta(tag: &str, title: &str, description: &str) {
    if !IN_BROWSER {
        return;
    }
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
/// (`"Sen 14.05"` in Indonesian, `"Mon 2:05 pm"` in English), with the zone's UTC offset
/// (`"GMT+9"`); `None` if the browser does not know the zone.
pub fn local_time(time_zone: &str, locale: &str) -> Option<String> {
    if !IN_BROWSER {
        return None;
    }
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"timeZone".into(), &time_zone.into()).ok()?;
    js_sys::Reflect::set(&options, &"hour".into(), &"numeric".into()).ok()?;
    js_sys::Reflect::set(&options, &"minute".into(), &"2-digit".into()).ok()?;
    js_sys::Reflect::set(&options, &"weekday".into(), &"short".into()).ok()?;
    js_sys::Reflect::set(&options, &"timeZoneName".into(), &"shortOffset".into()).ok()?;
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
