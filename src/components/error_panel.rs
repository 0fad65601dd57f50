use leptos::prelude::*;

use crate::data::LoadError;
use crate::i18n::Key;
use crate::use_lang;

/// Says in words why the data could not be loaded, with the technical detail and a Retry button.
#[component]
pub fn ErrorPanel(
    /// The error to explain.
    error: LoadError,
    /// Called when the person asks to try again.
    on_retry: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let summary = match &error {
        LoadError::Network { .. } => Key::ErrorNetwork,
        LoadError::Http { .. } => Key::ErrorHttp,
        LoadError::Parse { .. } => Key::ErrorParse,
        LoadError::Schema { .. } | LoadError::UnknownSchema { .. } => Key::ErrorSchema,
    };
    let detail = error.to_string();
    view! {
        <section class="error-panel" role="alert" aria-labelledby="error-title">
            <h2 id="error-title">{move || Key::LoadFailed.get(lang.get())}</h2>
            <p>{move || summary.get(lang.get())}</p>
            <p class="error-detail"><code>{detail}</code></p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {move || Key::Retry.get(lang.get())}
            </button>
        </section>
    }
}
