use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{citations, ConflictList};
use crate::i18n::{format_date, format_int, Key};
use crate::model::Dataset;
use crate::use_lang;

/// The headline numbers (23 sister cities, 102 agreements, ...), each with its date,
/// its sources and, where sources disagree, every value they give.
#[component]
pub fn Figures(
    /// The loaded dataset.
    data: Arc<Dataset>,
) -> impl IntoView {
    let lang = use_lang();
    let figures = data.figures.clone();
    view! {
        <section class="figures" aria-labelledby="figures-heading">
            <h2 id="figures-heading">{move || Key::FiguresHeading.get(lang.get())}</h2>
            <ul class="figure-list">
                {figures
                    .into_iter()
                    .map(|f| {
                        let label = f.label.clone();
                        let note = f.note.clone();
                        let date = f.date;
                        let value = f.value;
                        view! {
                            <li class="figure" data-figure=f.id.clone()>
                                <p class="figure-value">
                                    {move || if value.fract() == 0.0 { format_int(value as i64, lang.get()) } else { value.to_string() }}
                                </p>
                                <p class="figure-label">{move || lang.get().pick(&label).to_owned()}</p>
                                <p class="figure-date">{move || format_date(&date, lang.get())}</p>
                                {note.map(|n| view! { <p class="figure-note">{move || lang.get().pick(&n).to_owned()}</p> })}
                                <p class="citations">{citations(&data, &f.sources)}</p>
                                <ConflictList data=data.clone() conflicts=f.conflicts.clone() />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
