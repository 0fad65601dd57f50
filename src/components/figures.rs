use leptos::prelude::*;

use crate::components::{Citations, ConflictList};
use crate::i18n::{format_date, format_number, Key};
use crate::state::{t, tr, use_data, use_lang};

/// The headline numbers (23 sister cities, 102 agreements, ...), each with its date,
/// its sources and, where sources disagree, every value they give.
#[component]
pub fn Figures() -> impl IntoView {
    let data = use_data();
    let lang = use_lang();
    view! {
        <section class="figures" aria-labelledby="figures-heading">
            <h2 id="figures-heading">{t(Key::FiguresHeading)}</h2>
            <ul class="figure-list">
                {data
                    .figures
                    .iter()
                    .map(|f| {
                        let (date, value) = (f.date, f.value);
                        view! {
                            <li class="figure" data-figure=f.id.clone()>
                                <p class="figure-value">
                                    {move || format_number(value, lang.get())}
                                </p>
                                <p class="figure-label">{tr(&f.label)}</p>
                                <p class="figure-date">{move || format_date(&date, lang.get())}</p>
                                {f
                                    .note
                                    .as_ref()
                                    .map(|n| view! { <p class="figure-note">{tr(n)}</p> })}
                                <p class="citations">
                                    <Citations ids=f.sources.clone() />
                                </p>
                                <ConflictList conflicts=f.conflicts.clone() />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
