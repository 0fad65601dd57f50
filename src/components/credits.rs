use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{format_date, Key};
use crate::model::Dataset;
use crate::use_lang;

/// The footer: where the coordinates, the map and the facts come from, and when the data was checked.
#[component]
pub fn Credits(
    /// The loaded dataset (its credits and check date).
    data: Arc<Dataset>,
) -> impl IntoView {
    let lang = use_lang();
    let credits = data.credits.clone();
    let checked = data.checked;
    view! {
        <footer class="credits">
            <h2>{move || Key::Credits.get(lang.get())}</h2>
            <ul>
                {credits
                    .into_iter()
                    .map(|c| view! { <li>{move || lang.get().pick(&c).to_owned()}</li> })
                    .collect_view()}
            </ul>
            <p>{move || format!("{}: {}", Key::DataChecked.get(lang.get()), format_date(&checked, lang.get()))}</p>
        </footer>
    }
}
