//! Component tests in headless Chromium (wasm-bindgen-test through chromedriver):
//! mount a component, act on it, and assert on what a person would see.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use jakarta_sister_cities::components::{ErrorPanel, PartnerList};
use jakarta_sister_cities::data::{parse, LoadError};
use jakarta_sister_cities::i18n::Lang;
use jakarta_sister_cities::model::Dataset;
use jakarta_sister_cities::UiLang;
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

/// Mounts `view` in a fresh container with the interface language set, and returns the container.
fn mount<V: IntoView + 'static>(
    lang: Lang,
    view: impl FnOnce() -> V + 'static,
) -> web_sys::HtmlElement {
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
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(UiLang(RwSignal::new(lang)));
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
    let container = mount(Lang::En, {
        let data = data.clone();
        move || view! { <PartnerList data=data /> }
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
    let document = document();
    let container: web_sys::HtmlElement = document
        .create_element("div")
        .expect("div")
        .dyn_into()
        .expect("html");
    document
        .body()
        .expect("body")
        .append_child(&container)
        .expect("appended");
    leptos::mount::mount_to(container.clone(), move || {
        provide_context(UiLang(lang));
        view! { <PartnerList data=data /> }
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
