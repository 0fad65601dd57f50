//! Jakarta Sister Cities Atlas: the app shell.
//!
//! Pure modules (`model`, `time`, `data` parsing, `validate`, `i18n`) have no DOM
//! and are tested natively; `components` holds one file per UI unit.

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

use components::{DataNotice, ErrorPanel, PartnerList};
use data::LoadError;
use i18n::{Key, Lang};

/// The interface language, shared by every component.
#[derive(Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

/// Reads the interface language; every component sits under `App`, which provides it.
pub fn use_lang() -> RwSignal<Lang> {
    use_context::<UiLang>()
        .map(|UiLang(lang)| lang)
        .expect("UiLang is provided by App")
}

/// The language from `?lang=` or else the browser's preference.
fn initial_lang() -> Lang {
    let window = web_sys::window();
    let param = window
        .as_ref()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| {
            search
                .trim_start_matches('?')
                .split('&')
                .find_map(|pair| pair.strip_prefix("lang=").map(str::to_owned))
        });
    let browser = window.and_then(|w| w.navigator().language());
    Lang::choose(param.as_deref(), browser.as_deref())
}

/// The whole app: header, then the partner data once loaded, or why it could not be.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(initial_lang());
    provide_context(UiLang(lang));

    // Keeps <html lang> in step with the interface language for screen readers.
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.get().tag());
        }
    });

    let data = LocalResource::new(|| data::load(None));
    let retry = Callback::new(move |()| data.refetch());

    view! {
        <header class="site-header">
            <h1>{move || Key::AppTitle.get(lang.get())}</h1>
            <p class="tagline">{move || Key::AppTagline.get(lang.get())}</p>
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
                                    Some(load) => view! { <ErrorPanel error=load.clone() on_retry=retry /> }.into_any(),
                                    None => view! { <p role="alert">{err.to_string()}</p> }.into_any(),
                                })
                                .collect_view()
                        }}
                    }
                }>
                    {move || Suspend::new(async move {
                        data.await.map(|loaded| {
                            let dataset = Arc::new(loaded.dataset);
                            view! {
                                <DataNotice problems=loaded.problems />
                                <PartnerList data=dataset />
                            }
                        })
                    })}
                </ErrorBoundary>
            </Transition>
        </main>
    }
}
