use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::{Conflict, Dataset};
use crate::use_lang;

/// Short citation links ("[RMOL]") for a list of source ids.
pub fn citations(data: &Dataset, ids: &[String]) -> impl IntoView {
    ids.iter()
        .filter_map(|id| data.source(id))
        .map(|s| {
            view! {
                " "
                <a class="cite" href=s.url.clone() target="_blank" rel="noopener noreferrer" title=s.title.clone()>
                    "[" {s.publisher.clone()} "]"
                </a>
            }
        })
        .collect_view()
}

/// Where sources disagree: each claim side by side with its sources, the one the app
/// shows marked, and why.
#[component]
pub fn ConflictList(
    /// The loaded dataset (to resolve source ids).
    data: Arc<Dataset>,
    /// The conflicts to show; renders nothing when empty.
    conflicts: Vec<Conflict>,
) -> impl IntoView {
    let lang = use_lang();
    (!conflicts.is_empty()).then(|| {
        view! {
            <section class="conflicts">
                <h3>{move || Key::Conflicts.get(lang.get())}</h3>
                {conflicts
                    .into_iter()
                    .map(|c| {
                        let reason = c.reason.clone();
                        view! {
                            <div class="conflict">
                                <ul class="claims">
                                    {c.claims.iter().map(|claim| {
                                        let value = claim.value.clone();
                                        let shown = claim.shown;
                                        view! {
                                            <li class="claim" class:shown=shown>
                                                <span>{move || lang.get().pick(&value).to_owned()}</span>
                                                {shown.then(|| view! { " " <span class="badge">{move || Key::ShownInApp.get(lang.get())}</span> })}
                                                <span class="citations">{citations(&data, &claim.sources)}</span>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                                <p class="reason"><strong>{move || Key::WhyShown.get(lang.get())} ": "</strong>{move || lang.get().pick(&reason).to_owned()}</p>
                            </div>
                        }
                    })
                    .collect_view()}
            </section>
        }
    })
}
