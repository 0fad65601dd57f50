use leptos::prelude::*;

use crate::data::LoadError;
use crate::i18n::Key;
use crate::state::t;

/// Says in words why the data could not be loaded, with the technical detail and a Retry button.
#[component]
pub fn ErrorPanel(
    /// The error to explain.
    error: LoadError,
    /// Called when the person asks to try again.
    on_retry: Callback<()>,
) -> impl IntoView {
    let summary = match &error {
        LoadError::Network { .. } | LoadError::Checker { .. } => Key::ErrorNetwork,
        LoadError::Http { .. } => Key::ErrorHttp,
        LoadError::Parse { .. } => Key::ErrorParse,
        LoadError::Schema { .. } | LoadError::UnknownSchema { .. } => Key::ErrorSchema,
    };
    view! {
        <section class="error-panel" role="alert" aria-labelledby="error-title">
            <h2 id="error-title">{t(Key::LoadFailed)}</h2>
            <p>{t(summary)}</p>
            <p class="error-detail">
                <code>{error.to_string()}</code>
            </p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {t(Key::Retry)}
            </button>
        </section>
    }
}
