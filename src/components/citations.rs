//! Short citation links ("[RMOL]") after a fact.

use leptos::prelude::*;

use crate::state::use_data;

/// The sources of a fact as short links, each opening its page in a new tab.
#[component]
pub fn Citations(
    /// Ids of the sources; unknown ids are skipped.
    ids: Vec<String>,
) -> impl IntoView {
    let data = use_data();
    ids.iter()
        .filter_map(|id| data.source(id))
        .map(|s| {
            view! {
                " "
                <a
                    class="cite"
                    href=s.url.clone()
                    target="_blank"
                    rel="noopener noreferrer"
                    title=s.title.clone()
                >
                    "["
                    {s.publisher.clone()}
                    "]"
                </a>
            }
        })
        .collect_view()
}
