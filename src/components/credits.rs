use leptos::prelude::*;

use crate::i18n::{format_date, Key};
use crate::state::{t, tr, use_data, use_lang};

/// The footer: where the coordinates, the map and the facts come from, and when the data was checked.
#[component]
pub fn Credits() -> impl IntoView {
    let data = use_data();
    let lang = use_lang();
    let checked = data.checked;
    let data_checked = t(Key::DataChecked);
    view! {
        <footer class="credits">
            <h2>{t(Key::Credits)}</h2>
            <ul>{data.credits.iter().map(|c| view! { <li>{tr(c)}</li> }).collect_view()}</ul>
            <p>{move || format!("{}: {}", data_checked(), format_date(&checked, lang.get()))}</p>
        </footer>
    }
}
