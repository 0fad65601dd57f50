//! Jakarta Sister Cities Atlas: the app shell.
//!
//! Pure modules (`model`, `time`, `data` parsing, `validate`, `filter`, `url_state`,
//! `geo`, `i18n`) have no DOM and are tested natively; `components` holds one file
//! per UI unit; `browser` is the thin glue to the History API.

pub mod browser;
pub mod components;
pub mod data;
pub mod filter;
pub mod geo;
pub mod i18n;
pub mod model;
pub mod time;
pub mod url_state;
pub mod validate;

use std::sync::Arc;

use leptos::prelude::*;

use components::{Atlas, DataNotice, ErrorPanel};
use data::LoadError;
use i18n::{Key, Lang};
use url_state::Query;

/// The interface language, shared by every component.
#[derive(Clone, Copy)]
pub struct UiLang(pub Signal<Lang>);

/// Reads the interface language; every component sits under `App`, which provides it.
pub fn use_lang() -> Signal<Lang> {
    use_context::<UiLang>()
        .map(|UiLang(lang)| lang)
        .expect("UiLang is provided by App")
}

/// How a change of state reaches the browser's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    /// A new entry: Back returns to the previous state (selections, filters).
    Push,
    /// The same entry: typing in the search box must not flood the history.
    Replace,
}

/// The state every view shares. The URL is its source of truth: it is read at start
/// and on Back/Forward, and written on every change through [`AppState::navigate`].
#[derive(Clone, Copy)]
pub struct AppState {
    pub query: RwSignal<Query>,
    /// The partner hovered or focused in the list or on the map, highlighted in both.
    pub hovered: RwSignal<Option<String>>,
}

impl AppState {
    /// Changes the state and records it in the address bar.
    pub fn navigate(&self, query: Query, nav: Nav) {
        browser::write_url(&query.to_search(), nav);
        self.query.set(query);
    }

    /// Applies `change` to a copy of the current query and navigates to it.
    pub fn update(&self, nav: Nav, change: impl FnOnce(&mut Query)) {
        let mut query = self.query.get_untracked();
        change(&mut query);
        self.navigate(query, nav);
    }
}

/// Reads the shared state; every component sits under `App`, which provides it.
pub fn use_app() -> AppState {
    use_context::<AppState>().expect("AppState is provided by App")
}

/// The whole app: header, then the atlas once the data has loaded, or why it could not.
#[component]
pub fn App() -> impl IntoView {
    let query = RwSignal::new(Query::parse(&browser::current_search()));
    let state = AppState {
        query,
        hovered: RwSignal::new(None),
    };
    provide_context(state);
    let browser_lang = browser::preferred_language();
    let lang = Signal::derive(move || {
        query
            .with(|q| q.lang)
            .unwrap_or_else(|| Lang::choose(None, browser_lang.as_deref()))
    });
    provide_context(UiLang(lang));

    // Back and Forward restore the state the URL describes.
    browser::on_popstate(move |search| query.set(Query::parse(&search)));

    // Keeps <html lang>, the title and the description in step with the language (the
    // atlas refines them for a selected partner once the data is there).
    Effect::new(move |_| {
        let lang = lang.get();
        browser::set_document_meta(
            lang.tag(),
            Key::AppTitle.get(lang),
            Key::AppTagline.get(lang),
        );
    });

    let data = LocalResource::new(|| data::load(None));
    let retry = Callback::new(move |()| data.refetch());

    view! {
        <a class="skip-link" href="#partner-list">{move || Key::SkipToList.get(lang.get())}</a>
        <header class="site-header">
            <div class="site-title">
                <h1>{move || Key::AppTitle.get(lang.get())}</h1>
                <p class="tagline">{move || Key::AppTagline.get(lang.get())}</p>
            </div>
            <components::LanguageSwitch />
        </header>
        <main id="main">
            <Transition fallback=move || {
                view! { <p class="loading" role="status">{move || Key::Loading.get(lang.get())}</p> }
            }>
                <ErrorBoundary fallback=move |errors| {
                    view! {
                        {move || {
                            errors
                                .get()
                                .into_iter()
                                .map(|(_, err)| match err.downcast_ref::<LoadError>() {
                                    Some(load) => {
                                        view! { <ErrorPanel error=load.clone() on_retry=retry /> }.into_any()
                                    }
                                    None => view! { <p role="alert">{err.to_string()}</p> }.into_any(),
                                })
                                .collect_view()
                        }}
                    }
                }>
                    {move || Suspend::new(async move {
                        data.await
                            .map(|loaded| {
                                let dataset = Arc::new(loaded.dataset);
                                view! {
                                    <DataNotice problems=loaded.problems />
                                    <Atlas data=dataset />
                                }
                            })
                    })}
                </ErrorBoundary>
            </Transition>
        </main>
    }
}
