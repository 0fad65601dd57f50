//! Component tests in headless Chromium (wasm-bindgen-test through chromedriver):
//! mount a component, act on it, and assert on what a person would see.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use jakarta_sister_cities::components::{ErrorPanel, PartnerList, WorldMap};
use jakarta_sister_cities::data::{parse, LoadError};
use jakarta_sister_cities::i18n::Lang;
use jakarta_sister_cities::model::Dataset;
use jakarta_sister_cities::url_state::Query;
use jakarta_sister_cities::{AppState, UiLang};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SHIPPED: &str = include_str!("../public/data/partners.json");

fn dataset() -> Arc<Dataset> {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("a date");
    Arc::new(
        parse(SHIPPED, today)
            .expect("the shipped file parses")
            .dataset,
    )
}

/// The contexts `App` provides, for a component mounted on its own.
fn provide_app(lang: Signal<Lang>) -> AppState {
    let state = AppState {
        query: RwSignal::new(Query::default()),
        hovered: RwSignal::new(None),
    };
    provide_context(state);
    provide_context(UiLang(lang));
    state
}

fn container() -> web_sys::HtmlElement {
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
    container
}

/// Mounts `view` in a fresh container with the app's contexts, and returns the container.
fn mount<V: IntoView + 'static>(
    lang: Lang,
    view: impl FnOnce() -> V + 'static,
) -> web_sys::HtmlElement {
    let container = container();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_app(Signal::stored(lang));
        view()
    });
    // The test ends before the page does; keep the view mounted for its assertions.
    handle.forget();
    container
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

#[wasm_bindgen_test]
async fn partner_list_shows_a_card_per_partner_with_country_and_date() {
    let data = dataset();
    let count = data.partners.len();
    let all: Vec<usize> = (0..count).collect();
    let container = mount(Lang::En, {
        let data = data.clone();
        move || view! { <PartnerList data=data filtered=Signal::stored(all) /> }
    });
    leptos::task::tick().await;
    let names = texts(&container, "article.partner-card h3");
    assert_eq!(names.len(), count);
    assert!(names.iter().any(|n| n == "Tokyo"), "{names:?}");
    let tokyo = texts(&container, "article[data-partner=tokyo]").join(" ");
    assert!(tokyo.contains("Japan"), "{tokyo}");
    assert!(tokyo.contains("Since 23 October 1989"), "{tokyo}");
}

#[wasm_bindgen_test]
async fn partner_list_follows_the_language() {
    let data = dataset();
    let lang = RwSignal::new(Lang::En);
    let container = container();
    let all: Vec<usize> = (0..data.partners.len()).collect();
    leptos::mount::mount_to(container.clone(), move || {
        provide_app(lang.into());
        view! { <PartnerList data=data filtered=Signal::stored(all) /> }
    })
    .forget();
    leptos::task::tick().await;
    assert!(texts(&container, "article[data-partner=tokyo]")
        .join(" ")
        .contains("Japan"));
    lang.set(Lang::Id);
    leptos::task::tick().await;
    let tokyo = texts(&container, "article[data-partner=tokyo]").join(" ");
    assert!(
        tokyo.contains("Jepang") && tokyo.contains("Sejak 23 Oktober 1989"),
        "{tokyo}"
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
    let container = mount(Lang::Id, move || {
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
async fn world_map_has_a_named_marker_per_filtered_partner_with_a_point() {
    let data = dataset();
    let tokyo = data
        .partners
        .iter()
        .position(|p| p.id == "tokyo")
        .expect("tokyo");
    let c40 = data
        .partners
        .iter()
        .position(|p| p.id == "c40")
        .expect("c40");
    let with_point = data.partners.iter().filter(|p| p.geo.is_some()).count();
    let filtered = RwSignal::new((0..data.partners.len()).collect::<Vec<_>>());
    let container = container();
    leptos::mount::mount_to(container.clone(), {
        let data = data.clone();
        move || {
            provide_app(Signal::stored(Lang::Id));
            view! { <WorldMap data=data filtered=filtered /> }
        }
    })
    .forget();
    leptos::task::tick().await;
    let markers = container
        .query_selector_all("g.markers a")
        .expect("selector");
    assert_eq!(
        markers.length() as usize,
        with_point,
        "one marker per partner with a point"
    );
    let tokyo_marker = container
        .query_selector("g.markers a[aria-label='Tokyo, Jepang']")
        .expect("selector");
    assert!(
        tokyo_marker.is_some(),
        "Tokyo's marker is named in Indonesian"
    );

    // Filtering to Tokyo and C40 (a network without a point) leaves one marker.
    filtered.set(vec![tokyo, c40]);
    leptos::task::tick().await;
    let markers = container
        .query_selector_all("g.markers a")
        .expect("selector");
    assert_eq!(markers.length(), 1);
}

#[wasm_bindgen_test]
async fn a_click_on_a_marker_selects_its_partner() {
    let data = dataset();
    let all: Vec<usize> = (0..data.partners.len()).collect();
    let container = container();
    let state = RwSignal::new(None::<AppState>);
    leptos::mount::mount_to(container.clone(), {
        let data = data.clone();
        move || {
            state.set(Some(provide_app(Signal::stored(Lang::En))));
            view! { <WorldMap data=data filtered=Signal::stored(all) /> }
        }
    })
    .forget();
    leptos::task::tick().await;
    let marker: web_sys::HtmlElement = container
        .query_selector("g.markers g[data-partner=rotterdam] circle.dot")
        .expect("selector")
        .expect("Rotterdam's marker")
        .unchecked_into();
    let click = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &{
        let init = web_sys::MouseEventInit::new();
        init.set_bubbles(true);
        init.set_cancelable(true);
        init
    })
    .expect("an event");
    marker.dispatch_event(&click).expect("dispatched");
    leptos::task::tick().await;
    let selected = state
        .get_untracked()
        .and_then(|s| s.query.get_untracked().partner);
    assert_eq!(selected.as_deref(), Some("rotterdam"));
}
