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

/// The absolute address of `href` (one of `AppState`'s relative links) as the page resolves
/// it, for links that leave the page: a citation, an exported file. Outside a browser, or if
/// the browser cannot resolve it, `href` as it is.
pub fn absolute_url(href: &str) -> String {
    if !IN_BROWSER {
        return href.to_owned();
    }
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    base.and_then(|base| web_sys::Url::new_with_base(href, &base).ok())
        .map(|url| url.href())
        .unwrap_or_else(|| href.to_owned())
}

/// Offers `text` as a file named `file_name` of type `mime`: a Blob behind an object URL,
/// followed by a link with `download`. The URL is revoked a minute later, well after the
/// browser has read it. Says in words what failed.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    if !IN_BROWSER {
        return Err(String::from("no browser"));
    }
    let say = |what: &str, err: JsValue| format!("{what}: {err:?}");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| say("the file could not be made", e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|e| say("the browser gave the file no address", e))?;
    let link = document
        .create_element("a")
        .map_err(|e| say("no link", e))?
        .dyn_into::<web_sys::HtmlElement>()
        .map_err(|_| String::from("the link is not an HTML element"))?;
    link.set_attribute("href", &url)
        .and_then(|()| link.set_attribute("download", file_name))
        .map_err(|e| say("the link could not be set up", e))?;
    link.click();
    let revoke = url.clone();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&revoke);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}

/// Writes `text` to the clipboard; `Err` when the Clipboard API is missing (an insecure
/// origin, an old browser) or refused (no permission, the page not focused).
pub async fn copy_text(text: &str) -> Result<(), ()> {
    if !IN_BROWSER {
        return Err(());
    }
    let navigator = web_sys::window().ok_or(())?.navigator();
    // Looked up at run time: `navigator.clipboard` is undefined outside secure contexts.
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).map_err(|_| ())?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err(());
    }
    let write: js_sys::Function = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .map_err(|_| ())?
        .dyn_into()
        .map_err(|_| ())?;
    let promise: js_sys::Promise = write
        .call1(&clipboard, &JsValue::from_str(text))
        .map_err(|_| ())?
        .dyn_into()
        .map_err(|_| ())?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| ())
}

/// Selects the text of `element`, so that the reader can copy it with the keyboard when the
/// clipboard cannot be written.
pub fn select_contents(element: &web_sys::Element) {
    if !IN_BROWSER {
        return;
    }
    if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = selection.select_all_children(element);
    }
}
