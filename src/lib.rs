//! Jakarta Sister Cities Atlas: the app shell.
//!
//! Pure modules (`model`, `time`, `data` parsing, `validate`, `filter`, `url_state`, `route`,
//! `geo`, `map_input`, `i18n`) have no DOM and are tested natively; `state` owns the shared
//! state and the intents that change it; `components` holds one file per UI unit; `browser`
//! is the thin glue to the History API and `Intl`.
//!
//! The same components render twice: at build time, natively (the `ssr` feature), into a
//! page per language and partner that is readable before any script runs ([`render_page`]);
//! and in the browser ([`App`]), which draws the same page and then takes the place of the
//! pre-rendered one in a single step ([`take_over`]).

// The pre-renderer's native build keeps every view's full type (the WebAssembly erases them,
// see .cargo/config.toml); the timeline view's nested SVG, table and lists take rustc's
// layout queries past the default depth of 128.
#![recursion_limit = "256"]

pub mod browser;
pub mod components;
pub mod data;
pub mod export;
pub mod filter;
pub mod geo;
pub mod i18n;
pub mod json;
pub mod map_input;
pub mod markup;
pub mod model;
pub mod num;
pub mod order;
pub mod route;
pub mod state;
pub mod tally;
pub mod time;
pub mod timeline;
pub mod url_state;
pub mod validate;

use std::sync::Arc;

use leptos::prelude::*;

use components::{Atlas, DataNotice, ErrorPanel, LanguageSwitch};
use data::LoadError;
use i18n::Key;
use state::{t, AppState, Catalog};

/// The id of the element that holds the page, pre-rendered or drawn by the app.
pub const APP_ID: &str = "app";

/// The whole app in the browser: the state from the address bar, the header, then the
/// atlas once the data has loaded, or why it could not.
#[component]
pub fn App(
    /// Called once the page is drawn (the atlas, or the error that stopped it), so that it
    /// can take the place of the pre-rendered one.
    #[prop(optional)]
    on_drawn: Option<Callback<()>>,
    /// The pre-rendered page being taken over. Where the data cannot be loaded, that page
    /// stays (everything in it can still be read and followed) with the error above its
    /// content, so long as it is in the language asked for; else the error takes its place.
    #[prop(optional)]
    prerendered: Option<Prerendered>,
) -> impl IntoView {
    let path = route::parse_path(&browser::current_path());
    let search = browser::current_search();
    let state = AppState::new(path.query(&search), path.root.clone());
    provide_context(state);
    let keep_page =
        prerendered.filter(|page| page.lang.as_deref() == Some(state.lang().get_untracked().tag()));
    state.sync_document_meta();
    browser::on_popstate(move |path, search| state.restore(&path, &search));

    // The data, once loaded (with the catalog made from it) or once it failed; none while
    // the first load runs. A retry keeps what is shown until its own answer comes.
    let data: RwSignal<Option<Result<Ready, LoadError>>> = RwSignal::new(None);
    let data_url = format!("{}{}", path.root, data::START_URL);
    // Which load is the latest: only its answer is shown (Retry pressed twice, the first
    // answered last, must not take the place of the second's).
    let latest = StoredValue::new(0_u32);
    let load = move || {
        let url = data_url.clone();
        let ticket = latest.get_value().wrapping_add(1);
        latest.set_value(ticket);
        leptos::task::spawn_local(async move {
            let outcome = data::load(url).await.map(|loaded| Ready {
                catalog: Arc::new(Catalog::new(loaded.dataset)),
                problems: loaded.problems,
            });
            // Nothing to do when a later load has started, or the app is gone meanwhile.
            if latest.try_get_value() == Some(ticket) {
                let _ = data.try_set(Some(outcome));
            }
        });
    };
    load();
    let retry = Callback::new(move |()| load());
    let drawn = move || on_drawn.map(|done| view! { <Drawn on_drawn=done /> });

    let content = move || {
        data.with(|data| match data {
            None => view! {
                <p class="loading" role="status">
                    {t(Key::Loading)}
                </p>
            }
            .into_any(),
            Some(Ok(ready)) => {
                let ignored = url_state::ignored_params(&search, &ready.catalog);
                view! {
                    <DataNotice problems=ready.problems.clone() />
                    <Atlas catalog=ready.catalog.clone() ignored=ignored />
                    {drawn}
                }
                .into_any()
            }
            Some(Err(error)) => {
                let slot = keep_page
                    .as_ref()
                    .and_then(|page| browser::failure_slot(&page.host));
                match slot {
                    Some(slot) => {
                        // The panel goes into the kept page. `mount_to` makes its owner a
                        // child of this one, so the panel has the app's contexts, and it is
                        // taken out of the page with this view (Retry's answer replaces it).
                        let error = error.clone();
                        let panel = leptos::mount::mount_to(slot, move || {
                            view! { <ErrorPanel error=error on_retry=retry /> }
                        });
                        let panel = send_wrapper::SendWrapper::new(panel);
                        on_cleanup(move || drop(panel));
                        ().into_any()
                    }
                    None => view! {
                        <ErrorPanel error=error.clone() on_retry=retry />
                        {drawn}
                    }
                    .into_any(),
                }
            }
        })
    };

    view! {
        <Header />
        <main id="main">{content}</main>
    }
}

/// The data as the atlas takes it: the catalog made from the loaded records, and the records
/// left out, with why.
struct Ready {
    catalog: Arc<Catalog>,
    problems: Vec<validate::Problem>,
}

/// The pre-rendered page the app is to take the place of, and its language.
#[derive(Clone)]
pub struct Prerendered {
    host: send_wrapper::SendWrapper<web_sys::Element>,
    lang: Option<String>,
}

/// Says once, after it is in the page, that the page is drawn.
#[component]
fn Drawn(on_drawn: Callback<()>) -> impl IntoView {
    let mut done = false;
    state::effect(move || {
        if !std::mem::replace(&mut done, true) {
            on_drawn.run(());
        }
    });
}

/// The skip link, the title and the language switch.
#[component]
pub fn Header() -> impl IntoView {
    // The skip link leads past the map and the filters to what the view shows; only once
    // the data is in: loading, or when the data failed, there is nothing to skip to, and a
    // link to a missing target fails axe's `skip-link` rule (and its `region` rule).
    let state = state::use_app();
    let view = state.view();
    let lang = state::use_lang();
    let skip = move || match view.get() {
        url_state::View::Map | url_state::View::List => ("#partner-list", Key::SkipToList),
        url_state::View::Timeline => ("#timeline-view", Key::SkipToTimeline),
        url_state::View::Figures => ("#tallies", Key::SkipToFigures),
    };
    view! {
        {move || {
            state
                .has_data()
                .then(|| {
                    view! {
                        <a class="skip-link" href=move || skip().0>
                            {move || skip().1.get(lang.get())}
                        </a>
                    }
                })
        }}
        <header class="site-header">
            <div class="site-title">
                <h1>{t(Key::AppTitle)}</h1>
                <p class="tagline">{t(Key::AppTagline)}</p>
            </div>
            <LanguageSwitch />
        </header>
    }
}

/// Starts the app in the page. Where the page was pre-rendered, the app draws the same page
/// out of sight and then puts it in place of the pre-rendered one in one step, so that
/// nothing moves, the scroll stays where it is, and the focus stays on the same control.
/// Elsewhere (a page without pre-rendered content) it simply draws into the body.
///
/// A pre-rendered page that shows what the address asks for stays as it is, every link
/// working, until the reader first does something that needs the app (see
/// [`browser::wait_for_reader`]): a reader who only reads and follows links never pays for
/// drawing the page again. Meanwhile the data is fetched; when it is not what the page was
/// drawn from (newer data a service worker kept), or cannot be read, the app starts at once.
pub fn start() {
    browser::pin_head_links();
    let Some(host) = document().get_element_by_id(APP_ID) else {
        leptos::mount::mount_to_body(|| view! { <App /> });
        return;
    };
    data::trust_checked(&browser::page_checked(&host));
    let path = route::parse_path(&browser::current_path());
    if !browser::page_shows(&host, &route::page_dir(path.lang, path.partner.as_ref())) {
        take_over_page(host);
        return;
    }
    // The parts of the app that the address shows (a partner's detail, a view) load
    // meanwhile, beside the data, so that the take-over at the reader's first act does not
    // wait for them.
    let (query, root) = (path.query(&browser::current_search()), path.root.clone());
    wasm_bindgen_futures::spawn_local(
        async move { components::atlas::lazy_ready(&query, &root).await },
    );
    let drawn_from = browser::page_data(&host);
    let page = host.clone();
    let host = std::cell::RefCell::new(Some(host));
    // Once the reader has acted and the data is in: draws the app's page (once).
    let go = std::rc::Rc::new(move || {
        if let Some(host) = host.borrow_mut().take() {
            take_over_page(host);
        }
    });
    let fetched = std::rc::Rc::new(std::cell::Cell::new(false));
    let acted = std::rc::Rc::new(std::cell::Cell::new(false));
    {
        let (go, fetched, acted) = (go.clone(), fetched.clone(), acted.clone());
        browser::wait_for_reader(&page, move || {
            acted.set(true);
            if fetched.get() {
                go();
            }
        });
    }
    let data_url = format!("{}{}", path.root, data::START_URL);
    // Not Leptos's executor: it starts with the app.
    wasm_bindgen_futures::spawn_local(async move {
        let text = data::fetch_text(&data_url).await;
        let same = match text {
            Ok(text) => {
                let print = data::fingerprint(&text);
                let same = drawn_from.as_deref() == Some(print.as_str());
                data::keep_fetched(text, print);
                same
            }
            // The app fetches it again, and says what went wrong.
            Err(_) => false,
        };
        fetched.set(true);
        if !same {
            browser::wake_now();
        }
        if acted.get() {
            go();
        }
    });
}

/// Draws the app's page out of sight and puts it in place of the pre-rendered `host`, once
/// the files of the parts its address shows are in (a partner's detail, the timeline, the
/// figures: see `components::lazy_part`), so that the page is whole when it takes the place.
fn take_over_page(host: web_sys::Element) {
    let path = route::parse_path(&browser::current_path());
    let query = path.query(&browser::current_search());
    wasm_bindgen_futures::spawn_local(async move {
        components::atlas::lazy_ready(&query, &path.root).await;
        mount_over(host);
    });
}

/// Draws the app's page out of sight and puts it in place of the pre-rendered `host`.
fn mount_over(host: web_sys::Element) {
    let fresh = match document()
        .create_element("div")
        .ok()
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok())
    {
        Some(fresh) => fresh,
        None => {
            leptos::mount::mount_to_body(|| view! { <App /> });
            return;
        }
    };
    fresh.set_id(APP_ID);
    let target = fresh.clone();
    let prerendered = Prerendered {
        host: send_wrapper::SendWrapper::new(host.clone()),
        lang: browser::page_lang(),
    };
    let old = send_wrapper::SendWrapper::new(host);
    let new = send_wrapper::SendWrapper::new(target);
    // Once the work that follows the drawing is done too: the app's page writes its fields'
    // values there, and each write would put the caret of the field the reader types in at
    // its end (`browser::take_over` puts it back where it was).
    let done = Callback::new(move |()| {
        let (old, new) = (old.clone(), new.clone());
        set_timeout(
            move || browser::take_over(&old, &new),
            std::time::Duration::ZERO,
        );
    });
    leptos::mount::mount_to(fresh, move || {
        view! { <App on_drawn=done prerendered=prerendered.clone() /> }
    })
    .forget();
}

/// Renders one page of the site as HTML, natively, at build time: the header, then the
/// atlas in `lang` with `partner`'s detail open, its links starting with `base` (the way
/// from the page back to the root), its permalinks absolute under `site_url` when it is
/// known (else empty, and they stay relative).
#[cfg(feature = "ssr")]
pub fn render_page(
    catalog: Arc<Catalog>,
    lang: i18n::Lang,
    partner: Option<model::PartnerId>,
    base: &str,
    site_url: &str,
) -> String {
    let owner = Owner::new();
    owner.with(|| {
        let query = url_state::Query {
            lang: Some(lang),
            partner,
            ..url_state::Query::default()
        };
        let state = AppState::new(query, base.to_owned());
        state.set_site_url(site_url);
        provide_context(state);
        view! {
            <Header />
            <main id="main">
                <Atlas catalog=catalog />
            </main>
        }
        .to_html()
    })
}
