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

/// The path of the page (`/jakarta-sister-cities/partners/tokyo/`).
pub fn current_path() -> String {
    if !IN_BROWSER {
        return String::from("/");
    }
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| String::from("/"))
}

/// Calls `f` with the new path and query string whenever Back or Forward changes the URL,
/// for as long as the calling component lives.
pub fn on_popstate(f: impl Fn(String, String) + 'static) {
    if !IN_BROWSER {
        return;
    }
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        f(current_path(), current_search())
    });
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

/// The language of the page as loaded (`<html lang>`), before the app sets it.
pub fn page_lang() -> Option<String> {
    if !IN_BROWSER {
        return None;
    }
    document().document_element()?.get_attribute("lang")
}

/// Where the data could not be loaded over a pre-rendered page, which then stays: the
/// element (made once) that the app's error panel goes into, at the top of what the reader
/// sees: the open partner's detail (on a phone it covers the page), else `<main>`.
/// Marks the page `data-app="failed"` (tests and styles may wait for it).
pub fn failure_slot(page: &web_sys::Element) -> Option<web_sys::HtmlElement> {
    if !IN_BROWSER {
        return None;
    }
    // The page stays: it no longer waits for the reader, whose buttons the app cannot press.
    stop_waiting();
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-app", "failed");
    }
    if let Ok(Some(slot)) = page.query_selector(".load-failed") {
        return slot.dyn_into().ok();
    }
    let parent = match page.query_selector(".partner-detail").ok()? {
        Some(detail) => detail,
        None => page.query_selector("main").ok()??,
    };
    let slot: web_sys::HtmlElement = document().create_element("div").ok()?.dyn_into().ok()?;
    slot.set_class_name("load-failed");
    parent.prepend_with_node_1(&slot).ok()?;
    Some(slot)
}

/// Puts the page the app has drawn (`fresh`, out of sight) in place of the pre-rendered one
/// (`old`) in one step, keeping the scroll position and the focus: the control that had the
/// focus in the old page is found at the same place in the new one, whose markup is the same,
/// and so are the fields and lists the reader has changed, which get the same change.
/// Called once the app's page has written its fields' values (see `mount_over`): the caret
/// of the field the reader types in is put back against the text the app shows there.
pub fn take_over(old: &web_sys::Element, fresh: &web_sys::HtmlElement) {
    if !IN_BROWSER {
        return;
    }
    let clicks = stop_waiting();
    let Some(window) = web_sys::window() else {
        return;
    };
    let focused_el = document()
        .active_element()
        .filter(|el| old.contains(Some(el)) && el != old);
    let focused = focused_el.as_ref().and_then(|el| Place::of(old, el));
    // Where the caret was, or what was selected, in a focused text field, and its text.
    let caret = focused_el
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| {
            let start = input.selection_start().ok()??;
            let end = input.selection_end().ok()??;
            Some((input.value(), start, end))
        });
    let (x, y) = (window.scroll_x().ok(), window.scroll_y().ok());
    let in_sight = InSight::of(old, &window, y.is_some_and(|y| y > 0.0));
    let edits = changed_controls(old);
    if old.replace_with_with_node_1(fresh).is_err() {
        return;
    }
    // What the reader typed or chose before the app was ready goes to the same controls of
    // the app's page, which then act on it as they would on the reader's own input.
    for (place, edit) in edits {
        if let Some(target) = place.find(fresh) {
            edit.apply(target);
        }
    }
    // Says that the page is the app's now (tests and styles may wait for it).
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-app", "live");
    }
    if let (Some(x), Some(y)) = (x, y) {
        if window.scroll_x().ok() != Some(x) || window.scroll_y().ok() != Some(y) {
            window.scroll_to_with_x_and_y(x, y);
        }
    }
    // Blocks out of sight are laid out only when near it (`content-visibility: auto`), at a
    // size estimated until then: the same offset can show other content in the app's page.
    // What the reader was looking at stays where it was.
    in_sight.restore(fresh, &window);
    if let Some(place) = focused {
        if let Some(target) = place.find(fresh) {
            // Where the reader has scrolled wins over where the focused control is.
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            // Links on the map are SVG elements, which can take the focus too.
            match target.dyn_into::<web_sys::HtmlElement>() {
                Ok(html) => {
                    let _ = html.focus_with_options(&options);
                    if let (Some(caret), Ok(input)) =
                        (caret, html.dyn_into::<web_sys::HtmlInputElement>())
                    {
                        keep_caret(&input, caret);
                    }
                }
                Err(other) => {
                    if let Ok(svg) = other.dyn_into::<web_sys::SvgElement>() {
                        let _ = svg.focus_with_options(&options);
                    }
                }
            }
        }
    }
    // The buttons the reader pressed while the app was on its way, pressed again in its page.
    for place in clicks {
        if let Some(button) = place
            .find(fresh)
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            button.click();
        }
    }
}

/// Puts the caret (or the selection) of the field the reader was typing in the pre-rendered
/// page, `(text, start, end)`, in the app's `input`. The reader goes on typing where they
/// were. A field whose text the app's page changes (a link's search, which the page as
/// written does not show) is selected whole: what they type replaces what they never saw, as
/// it would have in the field they saw.
fn keep_caret(input: &web_sys::HtmlInputElement, (text, start, end): (String, u32, u32)) {
    if input.value() == text {
        let _ = input.set_selection_range(start, end);
    } else {
        input.select();
    }
}

/// What the reader was looking at in the pre-rendered page: the panes they had scrolled (the
/// list beside the map on a wide window) and an element in sight in each, and one in the
/// window if they had scrolled it.
struct InSight {
    panes: Vec<(Place, i32, Option<Kept>)>,
    window: Option<Kept>,
}

/// An element and how far from the window's top it was.
struct Kept {
    place: Place,
    top: f64,
}

impl Kept {
    /// The element a third of the way down the box (in the middle, else a quarter from either
    /// side: on a wide page the middle may be a gap between columns), under `within`.
    fn at(
        old: &web_sys::Element,
        within: &web_sys::Element,
        (left, top, width, height): (f64, f64, f64, f64),
    ) -> Option<Kept> {
        let doc = document();
        [0.5, 0.25, 0.75].iter().find_map(|share| {
            let el = doc
                .element_from_point((left + width * share) as f32, (top + height / 3.0) as f32)
                .filter(|el| el != within && within.contains(Some(el)))?;
            Some(Kept {
                top: el.get_bounding_client_rect().top(),
                place: Place::of(old, &el)?,
            })
        })
    }

    /// How far the counterpart of the element is from where the element was.
    fn moved(&self, fresh: &web_sys::HtmlElement) -> Option<f64> {
        let el = self.place.find(fresh)?;
        Some(el.get_bounding_client_rect().top() - self.top).filter(|moved| moved.abs() >= 1.0)
    }
}

impl InSight {
    fn of(old: &web_sys::Element, window: &web_sys::Window, window_scrolled: bool) -> InSight {
        let size = (
            window.inner_width().ok().and_then(|w| w.as_f64()),
            window.inner_height().ok().and_then(|h| h.as_f64()),
        );
        let (Some(width), Some(height)) = size else {
            return InSight {
                panes: Vec::new(),
                window: None,
            };
        };
        // The scrolled panes in sight: those around the elements at a few points of the
        // window. (Not every element's offset: asking one inside a block that is not laid
        // out, see content-visibility in the style, lays it out.)
        let doc = document();
        let mut seen: Vec<web_sys::Element> = Vec::new();
        let mut panes = Vec::new();
        let points = [0.25, 0.5, 0.75]
            .into_iter()
            .flat_map(|x| [(x, 1.0 / 3.0), (x, 2.0 / 3.0)]);
        for (x, y) in points {
            let mut up = doc
                .element_from_point((width * x) as f32, (height * y) as f32)
                .filter(|el| old.contains(Some(el)));
            while let Some(pane) = up.filter(|pane| pane != old) {
                up = pane.parent_element();
                if pane.scroll_top() == 0 || seen.contains(&pane) {
                    continue;
                }
                seen.push(pane.clone());
                let Some(place) = Place::of(old, &pane) else {
                    continue;
                };
                let rect = pane.get_bounding_client_rect();
                let bounds = (
                    rect.left(),
                    rect.top().max(0.0),
                    rect.width(),
                    rect.height(),
                );
                let kept = Kept::at(old, &pane, bounds);
                panes.push((place, pane.scroll_top(), kept));
            }
        }
        let window = window_scrolled
            .then(|| Kept::at(old, old, (0.0, 0.0, width, height)))
            .flatten();
        InSight { panes, window }
    }

    /// Scrolls the app's panes as the reader had, each so that its element in sight is where
    /// it was, and then the window likewise.
    fn restore(&self, fresh: &web_sys::HtmlElement, window: &web_sys::Window) {
        for (place, top, kept) in &self.panes {
            let Some(pane) = place.find(fresh) else {
                continue;
            };
            pane.set_scroll_top(*top);
            if let Some(moved) = kept.as_ref().and_then(|kept| kept.moved(fresh)) {
                pane.set_scroll_top(pane.scroll_top() + moved.round() as i32);
            }
        }
        if let Some(moved) = self.window.as_ref().and_then(|kept| kept.moved(fresh)) {
            window.scroll_by_with_x_and_y(0.0, moved);
        }
    }
}

/// Where an element of the pre-rendered page is, to find its counterpart in the app's page:
/// by its id where it has one (the app's page may differ above it: a notice, a filter that
/// the address turns on), else by the child indices that lead to it.
struct Place {
    id: Option<String>,
    path: Vec<u32>,
    tag: String,
}

impl Place {
    /// Where `el` is under `root`.
    fn of(root: &web_sys::Element, el: &web_sys::Element) -> Option<Place> {
        let (path, tag) = path_from(root, el)?;
        Some(Place {
            id: Some(el.id()).filter(|id| !id.is_empty()),
            path,
            tag,
        })
    }

    /// The element of the same kind at the same place under `root`, once `root` is in the
    /// document.
    fn find(&self, root: &web_sys::HtmlElement) -> Option<web_sys::Element> {
        let found = match &self.id {
            Some(id) => document()
                .get_element_by_id(id)
                .filter(|el| root.contains(Some(el))),
            None => self.path.iter().try_fold(
                root.clone().unchecked_into::<web_sys::Element>(),
                |el, &i| el.children().item(i),
            ),
        };
        found.filter(|el| el.tag_name() == self.tag)
    }
}

/// A change the reader made to a form control of the pre-rendered page.
enum Edit {
    /// A text, search or number field's new text.
    Text(String),
    /// A checkbox's or radio button's new state.
    Checked(bool),
    /// A list's newly chosen option.
    Chosen(String),
}

impl Edit {
    /// Makes the same change to the app's control (of the same kind), and says so with the
    /// events the reader's own change would have fired.
    fn apply(self, target: web_sys::Element) {
        match self {
            Edit::Text(text) => match target.dyn_ref::<web_sys::HtmlInputElement>() {
                Some(input) => input.set_value(&text),
                None => return,
            },
            Edit::Checked(on) => match target.dyn_ref::<web_sys::HtmlInputElement>() {
                Some(input) => input.set_checked(on),
                None => return,
            },
            Edit::Chosen(value) => match target.dyn_ref::<web_sys::HtmlSelectElement>() {
                Some(select) => select.set_value(&value),
                None => return,
            },
        }
        for kind in ["input", "change"] {
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = web_sys::Event::new_with_event_init_dict(kind, &init) {
                let _ = target.dispatch_event(&event);
            }
        }
    }
}

/// The form controls under `root` that differ from how the page was written, with where
/// they are.
fn changed_controls(root: &web_sys::Element) -> Vec<(Place, Edit)> {
    let Ok(controls) = root.query_selector_all("input, select") else {
        return Vec::new();
    };
    let mut edits = Vec::new();
    for i in 0..controls.length() {
        let Some(el) = controls
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let edit = if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            match input.type_().as_str() {
                "checkbox" | "radio" if input.checked() != input.default_checked() => {
                    Some(Edit::Checked(input.checked()))
                }
                "checkbox" | "radio" => None,
                _ if input.value() != input.default_value() => Some(Edit::Text(input.value())),
                _ => None,
            }
        } else if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
            // The option the page was written with: the one marked `selected`, else the first.
            let written = select
                .query_selector("option[selected]")
                .ok()
                .flatten()
                .or_else(|| select.query_selector("option").ok().flatten())
                .map(|option| option.get_attribute("value").unwrap_or_default());
            (written.as_deref() != Some(select.value().as_str()))
                .then(|| Edit::Chosen(select.value()))
        } else {
            None
        };
        if let Some(edit) = edit.and_then(|edit| Place::of(root, &el).map(|place| (place, edit))) {
            edits.push(edit);
        }
    }
    edits
}

/// The child indices that lead from `root` down to `el`, and `el`'s tag name.
fn path_from(root: &web_sys::Element, el: &web_sys::Element) -> Option<(Vec<u32>, String)> {
    let mut path = Vec::new();
    let mut node = el.clone();
    while &node != root {
        let parent = node.parent_element()?;
        let siblings = parent.children();
        let index = (0..siblings.length()).find(|&i| siblings.item(i).as_ref() == Some(&node))?;
        path.push(index);
        node = parent;
    }
    path.reverse();
    Some((path, el.tag_name()))
}

/// Makes the address of the page's icon absolute. A page built for any sub-path writes it
/// relative to itself (`../favicon.svg`); once the app moves to another page's address with
/// the History API, the browser asks for the icon again from there, and would miss. (Only
/// the icon: setting a preload's address again would fetch its file twice.)
pub fn pin_head_links() {
    if !IN_BROWSER {
        return;
    }
    let Ok(links) = document().query_selector_all("head link[rel~=icon][href]") else {
        return;
    };
    for i in 0..links.length() {
        if let Some(link) = links
            .item(i)
            .and_then(|node| node.dyn_into::<web_sys::HtmlLinkElement>().ok())
        {
            let absolute = link.href();
            if !absolute.is_empty() {
                link.set_href(&absolute);
            }
        }
    }
}

/// Whether the pre-rendered page `host` shows what the address asks for: the page it was
/// written for (its `data-page`, the directory under the root), with no query, and drawn from
/// the data as the browser now has it (`data_fingerprint`, its `data-data`). A page that does
/// not (an older link's `?partner=`, a filter in the query, the start page a service worker
/// stood in with for a partner's page, newer data kept for a reload) needs the app at once.
pub fn page_shows(host: &web_sys::Element, page_dir: &str) -> bool {
    IN_BROWSER
        && current_search().is_empty()
        && host.get_attribute("data-page").as_deref() == Some(page_dir)
}

/// The data's fingerprint the pre-rendered page was drawn from (`data-data`).
pub fn page_data(host: &web_sys::Element) -> Option<String> {
    host.get_attribute("data-data")
}

/// The fingerprints of the data files the build checked and found whole, as the pre-rendered
/// page lists them (`data-checked`, separated by spaces; see `data::trust_checked`).
pub fn page_checked(host: &web_sys::Element) -> String {
    host.get_attribute("data-checked").unwrap_or_default()
}

thread_local! {
    /// The pre-rendered page while it waits for the reader's first act that needs the app.
    static WAITING: std::cell::RefCell<Option<Waiting>> = const { std::cell::RefCell::new(None) };
}

/// The events the pre-rendered page listens to (in the capture phase) while it waits.
const WAKING_EVENTS: [&str; 8] = [
    "pointerdown",
    "pointercancel",
    "focusin",
    "keydown",
    "input",
    "change",
    "click",
    "wheel",
];

struct Waiting {
    page: web_sys::Element,
    /// Starts the app; `None` once called.
    wake: Option<Box<dyn FnOnce()>>,
    /// A pointer went down and its click has not come: the focus it gives a control is not
    /// yet an act (a list would open; a button's act is its click, which on a touch screen
    /// comes after the focus, and must find the same button in the page).
    pressed: bool,
    /// The buttons pressed before the app took over, to press again in its page.
    clicks: Vec<Place>,
    listener: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>,
}

/// Leaves the pre-rendered `page` as it is, every link working, until the reader's first act
/// that needs the app, and then calls `wake` (once): a control focused from the keyboard, a
/// key pressed, a field typed in or a list changed, a control clicked or tapped, the map
/// pressed or scrolled over. Following a link is not such an act: each partner has its page.
/// The buttons clicked until the app takes over are pressed again in its page
/// ([`take_over`]), and what was typed or chosen is carried over.
pub fn wait_for_reader(page: &web_sys::Element, wake: impl FnOnce() + 'static) {
    if !IN_BROWSER {
        return;
    }
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(
        |event: web_sys::Event| {
            let wake = WAITING.with(|waiting| {
                let mut waiting = waiting.borrow_mut();
                let waiting = waiting.as_mut()?;
                if !waiting.is_act(&event) {
                    return None;
                }
                waiting.wake.take()
            });
            // Outside the borrow: starting the app may look at the waiting page.
            if let Some(wake) = wake {
                wake();
            }
        },
    );
    let document = document();
    for kind in WAKING_EVENTS {
        let _ = document.add_event_listener_with_callback_and_bool(
            kind,
            listener.as_ref().unchecked_ref(),
            true,
        );
    }
    WAITING.with(|waiting| {
        *waiting.borrow_mut() = Some(Waiting {
            page: page.clone(),
            wake: Some(Box::new(wake)),
            pressed: false,
            clicks: Vec::new(),
            listener,
        });
    });
    // The reader may have acted before the WebAssembly came: a control has the focus, or
    // what they typed or chose is in the page.
    let focused = document.active_element().is_some_and(|el| {
        page.contains(Some(&el)) && el.matches("button, input, select, textarea") == Ok(true)
    });
    if focused || !changed_controls(page).is_empty() {
        wake_now();
    }
}

/// Starts the app now if the page is still waiting for the reader (the data turned out to
/// differ from the page's, or could not be read).
pub fn wake_now() {
    let wake = WAITING.with(|waiting| waiting.borrow_mut().as_mut().and_then(|w| w.wake.take()));
    if let Some(wake) = wake {
        wake();
    }
}

/// Ends the wait: stops listening, and gives the buttons the reader pressed meanwhile.
fn stop_waiting() -> Vec<Place> {
    let Some(waiting) = WAITING.with(|waiting| waiting.borrow_mut().take()) else {
        return Vec::new();
    };
    let document = document();
    for kind in WAKING_EVENTS {
        let _ = document.remove_event_listener_with_callback_and_bool(
            kind,
            waiting.listener.as_ref().unchecked_ref(),
            true,
        );
    }
    waiting.clicks
}

impl Waiting {
    /// Whether `event` is an act that needs the app; keeps the buttons clicked.
    fn is_act(&mut self, event: &web_sys::Event) -> bool {
        let kind = event.type_();
        let pressed = self.pressed;
        match kind.as_str() {
            "pointerdown" => self.pressed = true,
            "pointercancel" | "click" | "keydown" => self.pressed = false,
            _ => {}
        }
        let Some(target) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .filter(|el| self.page.contains(Some(el)))
        else {
            return false;
        };
        let closest = |selector: &str| target.closest(selector).ok().flatten();
        // Links lead to pages of their own, which work without the app.
        if closest("a[href]").is_some() {
            return false;
        }
        let control = closest("button, input, select, textarea");
        let on_map = closest(".map-svg").is_some();
        match kind.as_str() {
            "pointerdown" | "wheel" => on_map,
            "focusin" => control.is_some() && !pressed,
            "keydown" => control.is_some() || on_map,
            "input" | "change" => control.is_some(),
            "click" => match control {
                Some(button) if button.tag_name() == "BUTTON" => {
                    if let Some(place) = Place::of(&self.page, &button) {
                        self.clicks.push(place);
                    }
                    true
                }
                // A list opens on its click; the act is the choice (`change`).
                Some(other) => other.tag_name() != "SELECT",
                None => false,
            },
            _ => false,
        }
    }
}
