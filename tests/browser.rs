//! Component tests in headless Chromium (wasm-bindgen-test through chromedriver):
//! mount a component, act on it, and assert on what a person would see.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use jakarta_sister_cities::components::{
    ErrorPanel, FiguresView, PartnerList, TimelineView, WorldMap,
};
use jakarta_sister_cities::data::LoadError;
use jakarta_sister_cities::i18n::Lang;
use jakarta_sister_cities::state::{AppState, Catalog, DataContext};
use jakarta_sister_cities::url_state::Query;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;

fn catalog() -> Arc<Catalog> {
    Arc::new(Catalog::new(common::shipped()))
}

/// The contexts the app provides, for a component mounted on its own: the state opened at
/// `search` in `lang`, with the shipped data attached.
fn provide_app(search: &str, lang: Lang) -> AppState {
    let mut query = Query::parse(search);
    query.lang = query.lang.or(Some(lang));
    let state = AppState::new(query, String::from("/"));
    provide_context(state);
    let catalog = catalog();
    state.attach(catalog.clone());
    provide_context(DataContext(catalog));
    state
}

/// Mounts `view` in a fresh container with the app's contexts; returns the container and
/// the state (to act as the app would: through its intents).
fn mount<V: IntoView + 'static>(
    search: &'static str,
    lang: Lang,
    view: impl FnOnce() -> V + 'static,
) -> (web_sys::HtmlElement, AppState) {
    let document = document();
    let container: web_sys::HtmlElement = document
        .create_element("div")
        .expect("a div")
        .dyn_into()
        .expect("an HTML element");
    document
        .body()
        .expect("a body")
        .append_child(&container)
        .expect("appended");
    let state = StoredValue::new(None::<AppState>);
    let handle = leptos::mount::mount_to(container.clone(), move || {
        state.set_value(Some(provide_app(search, lang)));
        view()
    });
    // The test ends before the page does; keep the view mounted for its assertions.
    handle.forget();
    let state = state.get_value().expect("the state was provided");
    (container, state)
}

fn texts(container: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let nodes = container
        .query_selector_all(selector)
        .expect("a valid selector");
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|n| n.text_content())
        .collect()
}

fn count(container: &web_sys::HtmlElement, selector: &str) -> u32 {
    container
        .query_selector_all(selector)
        .expect("a valid selector")
        .length()
}

#[wasm_bindgen_test]
async fn partner_list_shows_a_card_per_partner_with_country_and_date() {
    let total = catalog().partners.len();
    let (container, _) = mount("", Lang::En, || view! { <PartnerList /> });
    leptos::task::tick().await;
    let names = texts(&container, "article.partner-card h3");
    assert_eq!(names.len(), total);
    assert!(names.iter().any(|n| n == "Tokyo"), "{names:?}");
    let tokyo = texts(&container, "article[data-partner=tokyo]").join(" ");
    assert!(tokyo.contains("Japan"), "{tokyo}");
    assert!(tokyo.contains("Since 23 October 1989"), "{tokyo}");
}

#[wasm_bindgen_test]
async fn partner_list_follows_the_language() {
    let (container, state) = mount("", Lang::En, || view! { <PartnerList /> });
    leptos::task::tick().await;
    assert!(texts(&container, "article[data-partner=tokyo]")
        .join(" ")
        .contains("Japan"));
    state.set_lang(Lang::Id);
    leptos::task::tick().await;
    let tokyo = texts(&container, "article[data-partner=tokyo]").join(" ");
    assert!(
        tokyo.contains("Jepang") && tokyo.contains("Sejak 23 Oktober 1989"),
        "{tokyo}"
    );
}

#[wasm_bindgen_test]
async fn partner_list_marks_the_open_and_the_hovered_card_only() {
    let (container, state) = mount(
        "?lang=en&partner=tokyo",
        Lang::En,
        || view! { <PartnerList /> },
    );
    leptos::task::tick().await;
    assert_eq!(count(&container, "article.partner-card.selected"), 1);
    assert_eq!(count(&container, "article[data-partner=tokyo].selected"), 1);
    state.hover(Some("seoul".into()));
    leptos::task::tick().await;
    assert_eq!(count(&container, "article.partner-card.hovered"), 1);
    assert_eq!(count(&container, "article[data-partner=seoul].hovered"), 1);
    state.open_partner("berlin".into());
    leptos::task::tick().await;
    assert_eq!(count(&container, "article.partner-card.selected"), 1);
    assert_eq!(
        count(&container, "article[data-partner=berlin].selected"),
        1
    );
}

#[wasm_bindgen_test]
async fn error_panel_explains_and_retries() {
    let retried = RwSignal::new(0);
    let error = LoadError::Http {
        url: "data/partners.json".into(),
        status: 404,
        status_text: "Not Found".into(),
    };
    let (container, _) = mount("", Lang::Id, move || {
        view! { <ErrorPanel error=error on_retry=Callback::new(move |()| retried.update(|n| *n += 1)) /> }
    });
    leptos::task::tick().await;
    let alert = texts(&container, "[role=alert]").join(" ");
    assert!(alert.contains("Data mitra tidak dapat dimuat."), "{alert}");
    assert!(alert.contains("HTTP 404"), "{alert}");
    let button: web_sys::HtmlElement = container
        .query_selector("button")
        .expect("a valid selector")
        .expect("a Retry button")
        .dyn_into()
        .expect("an HTML element");
    assert_eq!(button.text_content().as_deref(), Some("Coba lagi"));
    button.click();
    button.click();
    assert_eq!(retried.get_untracked(), 2);
}

#[wasm_bindgen_test]
async fn world_map_has_a_named_marker_per_visible_partner_with_a_point() {
    let data = catalog();
    let with_point = data.partners.iter().filter(|p| p.geo.is_some()).count();
    let (container, state) = mount("", Lang::Id, || view! { <WorldMap /> });
    leptos::task::tick().await;
    assert_eq!(
        count(&container, "g.markers a") as usize,
        with_point,
        "one marker per partner with a point"
    );
    assert!(
        container
            .query_selector("g.markers a[aria-label='Tokyo, Jepang']")
            .expect("selector")
            .is_some(),
        "Tokyo's marker is named in Indonesian"
    );

    // A search that finds Tokyo's partners only leaves theirs: networks have no point.
    state.search("Koike".into());
    leptos::task::tick().await;
    let shown = state.visible().get_untracked();
    let placed = shown
        .iter()
        .filter(|id| data.partner(id).is_some_and(|p| p.geo.is_some()))
        .count();
    assert!(placed >= 1 && placed < with_point);
    let shown_markers = "g.markers g.marker:not([display=none]) a";
    assert_eq!(count(&container, shown_markers) as usize, placed);
    assert_eq!(
        count(&container, "g.arcs path.arc:not([display=none])") as usize,
        placed,
        "an arc per marker shown"
    );

    // The language draws the markers afresh: those hidden stay hidden.
    state.set_lang(Lang::En);
    leptos::task::tick().await;
    assert_eq!(count(&container, shown_markers) as usize, placed);
    assert_eq!(
        count(&container, "g.markers a[aria-label='Tokyo, Japan']"),
        1,
        "Tokyo's marker is named in English"
    );

    // Cleared, every marker is back, and those hidden were kept, not drawn again.
    let jeddah = |c: &web_sys::HtmlElement| {
        c.query_selector("g.markers g.marker[data-partner=jeddah]")
            .ok()
            .flatten()
    };
    let hidden_jeddah = jeddah(&container).expect("Jeddah's marker kept in the page");
    assert_eq!(
        hidden_jeddah.get_attribute("display").as_deref(),
        Some("none")
    );
    state.search(String::new());
    leptos::task::tick().await;
    assert_eq!(count(&container, shown_markers) as usize, with_point);
    assert_eq!(count(&container, "g.markers g.marker") as usize, with_point);
    assert!(
        jeddah(&container).is_some_and(|el| el == hidden_jeddah),
        "Jeddah's marker is the same element"
    );
}

/// Dispatches a click with the given modifiers on the element at `selector`; returns
/// whether the page's handler prevented the browser's default (following the link). The
/// container then prevents it in any case, so that the test page never navigates away.
fn click(container: &web_sys::HtmlElement, selector: &str, ctrl: bool) -> bool {
    use wasm_bindgen::closure::Closure;
    let target: web_sys::Element = container
        .query_selector(selector)
        .expect("selector")
        .expect("the element");
    let handled = std::rc::Rc::new(std::cell::Cell::new(false));
    let seen = handled.clone();
    let guard = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        seen.set(e.default_prevented());
        e.prevent_default();
    });
    container
        .add_event_listener_with_callback("click", guard.as_ref().unchecked_ref())
        .expect("listening");
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_ctrl_key(ctrl);
    let event =
        web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).expect("an event");
    target.dispatch_event(&event).expect("dispatched");
    container
        .remove_event_listener_with_callback("click", guard.as_ref().unchecked_ref())
        .expect("removed");
    handled.get()
}

#[wasm_bindgen_test]
async fn a_plain_click_on_a_marker_opens_its_partner_and_a_ctrl_click_is_the_browsers() {
    let (container, state) = mount("", Lang::En, || view! { <WorldMap /> });
    leptos::task::tick().await;
    let marker = "g.markers g[data-partner=rotterdam] circle.dot";
    // A ctrl-click opens the link in a new tab: the page leaves it to the browser.
    let handled = click(&container, marker, true);
    assert!(!handled, "a ctrl-click must not be handled in place");
    assert_eq!(state.open().get_untracked(), None);
    let handled = click(&container, marker, false);
    assert!(handled, "a plain click is handled in place");
    assert_eq!(state.open().get_untracked().as_deref(), Some("rotterdam"));
    leptos::task::tick().await;
    // The open partner is drawn over the rest, named.
    let highlighted = texts(&container, "g.highlights text").join(" ");
    assert!(highlighted.contains("Rotterdam"), "{highlighted}");
}

#[wasm_bindgen_test]
async fn a_plain_click_on_a_year_of_the_timeline_sets_the_period_and_a_ctrl_click_does_not() {
    let (container, state) = mount("?lang=en&view=timeline", Lang::En, || {
        view! { <TimelineView /> }
    });
    leptos::task::tick().await;
    let year = "svg.timeline-chart a[data-year='1989'] rect.hit";
    assert!(
        !click(&container, year, true),
        "a ctrl-click is the browser's"
    );
    assert_eq!(state.filters().get_untracked().from, None);
    assert!(
        click(&container, year, false),
        "a plain click is handled in place"
    );
    let filters = state.filters().get_untracked();
    assert_eq!((filters.from, filters.to), (Some(1989), Some(1989)));
    leptos::task::tick().await;
    // The chart and its table now hold 1989 alone.
    assert_eq!(count(&container, "svg.timeline-chart a[data-year]"), 1);
    assert_eq!(texts(&container, ".year-table a.year-link"), ["1989"]);
}

#[wasm_bindgen_test]
async fn the_figures_count_what_is_shown_and_follow_the_filters() {
    let (container, state) = mount("?lang=en&view=figures", Lang::En, || {
        view! { <FiguresView /> }
    });
    leptos::task::tick().await;
    let total = catalog().partners.len();
    let relation: u32 = texts(&container, "figure[data-chart=relation] .bar-n")
        .iter()
        .filter_map(|n| n.parse::<u32>().ok())
        .sum();
    assert_eq!(relation as usize, total);
    state.set_relation(Some(jakarta_sister_cities::model::Relation::SisterCity));
    leptos::task::tick().await;
    let sister = texts(&container, "figure[data-chart=relation] li")
        .into_iter()
        .find(|t| t.starts_with("Sister city"))
        .unwrap_or_default();
    assert!(sister.ends_with("20"), "{sister}");
    let reconcile = texts(&container, "section.reconcile").join(" ");
    assert!(
        reconcile.contains("With the current filters, 20 of the 23 are shown."),
        "{reconcile}"
    );
}

/// The exports' numbers in the WebAssembly come from the browser's `Number.toString`: the same
/// text as Rust's within the data's range, and every text reads back as the same number.
#[wasm_bindgen_test]
fn shortest_numbers_are_the_browsers_and_read_back() {
    use jakarta_sister_cities::num::shortest;
    assert_eq!(shortest(23.0), "23");
    assert_eq!(shortest(-6.2146), "-6.2146");
    assert_eq!(shortest(106.8451), "106.8451");
    assert_eq!(shortest(0.1 + 0.2), "0.30000000000000004");
    // Outside 1e-7 ..= 1e21 the browser writes an exponent, as JSON allows.
    assert_eq!(shortest(1e-7), "1e-7");
    for x in [1.5, -180.0, 89.999_999, 1e21, 5e-324, f64::MAX] {
        assert_eq!(shortest(x).parse::<f64>(), Ok(x), "{x}");
    }
    for p in common::shipped()
        .partners
        .iter()
        .filter_map(|p| p.geo.as_ref())
    {
        assert_eq!(shortest(p.lat), p.lat.to_string());
        assert_eq!(shortest(p.lon), p.lon.to_string());
    }
}

/// The search's lowercasing outside ASCII is the browser's in the WebAssembly: it must give
/// what core's own tables give, letter by letter, over the scripts a partner's name may use.
#[wasm_bindgen_test]
fn search_lowercases_other_scripts_as_rust_does() {
    use jakarta_sister_cities::filter::normalize;
    assert_eq!(normalize("東京 Αθήνα"), "東京 αθήνα");
    assert_eq!(normalize("МОСКВА Kyïv ẞ"), "москва kyiv ss");
    let ranges = [
        0x0370..=0x03FF, // Greek and Coptic
        0x0400..=0x052F, // Cyrillic and its supplement
        0x0531..=0x0556, // Armenian capitals
        0x10A0..=0x10C5, // Georgian capitals
        0x1E00..=0x1E9D, // Latin Extended Additional (U+1E9E lowercases to ß, folded to "ss")
        0x1EA0..=0x1EFF,
        0x1F00..=0x1FFF, // Greek Extended
        0x2C00..=0x2C2F, // Glagolitic
        0x2C80..=0x2CE3, // Coptic
        0xA640..=0xA66D, // Cyrillic Extended-B
        0xFF21..=0xFF3A, // fullwidth capitals
    ];
    let mut checked = 0;
    for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
        let expected: String = c
            .to_lowercase()
            .filter(|l| !('\u{300}'..='\u{36f}').contains(l))
            .collect();
        assert_eq!(
            normalize(&c.to_string()),
            expected,
            "U+{:04X}",
            u32::from(c)
        );
        checked += 1;
    }
    assert!(checked > 1200, "{checked} letters checked");
}
