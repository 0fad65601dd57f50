//! Jakarta Sister Cities Atlas: the app shell.
//!
//! Pure modules (`model`, `time`, `data` parsing, `validate`, `filter`, `url_state`,
//! `geo`, `map_input`, `i18n`) have no DOM and are tested natively; `state` owns the
//! shared state and the intents that change it; `components` holds one file per UI unit;
//! `browser` is the thin glue to the History API and `Intl`.

pub mod browser;
pub mod components;
pub mod data;
pub mod export;
pub mod filter;
pub mod geo;
pub mod i18n;
pub mod map_input;
pub mod model;
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
use i18n::{Key, Lang};
use state::{t, AppState, Catalog};
use url_state::Query;

/// The whole app in the browser: the state from the address bar, the header, then the
/// atlas once the data has loaded, or why it could not.
#[component]
pub fn App() -> impl IntoView {
    let search = browser::current_search();
    let browser_lang = browser::preferred_language();
    let fallback = Lang::for_visitor(None, browser_lang.as_deref());
    let state = AppState::new(Query::parse(&search), fallback);
    provide_context(state);
    state.sync_document_meta();
    browser::on_popstate(move |search| state.restore(&search));

    let data = LocalResource::new(|| data::load(data::DATA_URL));
    let retry = Callback::new(move |()| data.refetch());

    view! {
        <Header />
        <main id="main">
            <Transition fallback=|| {
                view! {
                    <p class="loading" role="status">
                        {t(Key::Loading)}
                    </p>
                }
            }>
                <ErrorBoundary fallback=move |errors| {
                    view! {
                        {move || {
                            errors
                                .get()
                                .into_iter()
                                .map(|(_, err)| match err.downcast_ref::<LoadError>() {
                                    Some(load) => {
                                        view! { <ErrorPanel error=load.clone() on_retry=retry /> }
                                            .into_any()
                                    }
                                    None => {
                                        view! { <p role="alert">{err.to_string()}</p> }.into_any()
                                    }
                                })
                                .collect_view()
                        }}
                    }
                }>
                    {move || {
                        let search = search.clone();
                        Suspend::new(async move {
                            data.await
                                .map(|loaded| {
                                    let catalog = Arc::new(Catalog::new(loaded.dataset));
                                    let ignored = url_state::ignored_params(&search, &catalog);
                                    view! {
                                        <DataNotice problems=loaded.problems />
                                        <Atlas catalog=catalog ignored=ignored />
                                    }
                                })
                        })
                    }}
                </ErrorBoundary>
            </Transition>
        </main>
    }
}

/// The skip link, the title and the language switch.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <a class="skip-link" href="#partner-list">
            {t(Key::SkipToList)}
        </a>
        <header class="site-header">
            <div class="site-title">
                <h1>{t(Key::AppTitle)}</h1>
                <p class="tagline">{t(Key::AppTagline)}</p>
            </div>
            <LanguageSwitch />
        </header>
    }
}
