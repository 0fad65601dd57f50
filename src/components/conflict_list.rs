use leptos::prelude::*;

use crate::components::Citations;
use crate::i18n::Key;
use crate::model::Conflict;
use crate::state::{t, tr};

/// Where sources disagree: each claim side by side with its sources, the one the app
/// shows marked, and why.
#[component]
pub fn ConflictList(
    /// The conflicts to show; renders nothing when empty.
    conflicts: Vec<Conflict>,
) -> impl IntoView {
    (!conflicts.is_empty())
        .then(|| {
            view! {
                <section class="conflicts">
                    <h3>{t(Key::Conflicts)}</h3>
                    {conflicts
                        .into_iter()
                        .map(|c| {
                            view! {
                                <div class="conflict">
                                    <ul class="claims">
                                        {c
                                            .claims
                                            .iter()
                                            .map(|claim| {
                                                view! {
                                                    <li class="claim" class:shown=claim.shown>
                                                        <span>{tr(&claim.value)}</span>
                                                        {claim
                                                            .shown
                                                            .then(|| {
                                                                view! {
                                                                    " "
                                                                    <span class="badge">{t(Key::ShownInApp)}</span>
                                                                }
                                                            })}
                                                        <span class="citations">
                                                            <Citations ids=claim.sources.clone() />
                                                        </span>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                    <p class="reason">
                                        <strong>{t(Key::WhyShown)} ": "</strong>
                                        {tr(&c.reason)}
                                    </p>
                                </div>
                            }
                        })
                        .collect_view()}
                </section>
            }
        })
}
