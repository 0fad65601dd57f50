use std::sync::Arc;

use leptos::prelude::*;

use crate::components::PartnerCard;
use crate::i18n::Key;
use crate::model::Dataset;
use crate::use_lang;

/// The partners as a list of cards, keyed by their stable ids.
#[component]
pub fn PartnerList(
    /// The loaded dataset.
    data: Arc<Dataset>,
) -> impl IntoView {
    let lang = use_lang();
    let ids: Vec<String> = data.partners.iter().map(|p| p.id.clone()).collect();
    let count = ids.len();
    view! {
        <section class="partner-list" aria-labelledby="partners-heading">
            <h2 id="partners-heading">{move || Key::PartnersHeading.get(lang.get())} " (" {count} ")"</h2>
            <ul class="cards">
                <For each=move || ids.clone() key=|id| id.clone() let:id>
                    <li><PartnerCard data=data.clone() id=id /></li>
                </For>
            </ul>
        </section>
    }
}
