use leptos::prelude::*;

use crate::components::{PartnerFacts, PartnerLink};
use crate::model::PartnerId;
use crate::state::{tr, use_app, use_data};

/// One partner as a card: its name (a link that opens its details), its facts and its
/// sectors. Highlighted while it, or its marker, is hovered or focused, and while open.
#[component]
pub fn PartnerCard(
    /// The partner to show; renders nothing for an unknown id.
    id: PartnerId,
) -> impl IntoView {
    let state = use_app();
    let data = use_data();
    let partner = data.partner(&id)?.clone();
    let sectors: Vec<_> = partner
        .sectors
        .iter()
        .filter_map(|s| data.sector(s))
        .map(|s| (s.id.clone(), tr(&s.label)))
        .collect();
    let selected = {
        let id = id.clone();
        move || state.is_open(&id)
    };
    let hovered = {
        let id = id.clone();
        move || state.is_hovered(&id)
    };
    let hover = Callback::new({
        let id = id.clone();
        move |on: bool| state.hover(on.then(|| id.clone()))
    });
    Some(view! {
        <article
            class="partner-card"
            class:selected=selected
            class:hovered=hovered
            data-partner=id.to_string()
            on:mouseenter=move |_| hover.run(true)
            on:mouseleave=move |_| hover.run(false)
            on:focusin=move |_| hover.run(true)
            on:focusout=move |_| hover.run(false)
        >
            <h3>
                <PartnerLink id=id.clone() text=Signal::derive(tr(&partner.name)) />
            </h3>
            <PartnerFacts partner=partner />
            <ul class="sector-tags">
                {sectors
                    .into_iter()
                    .map(|(sid, label)| view! { <li data-sector=sid.to_string()>{label}</li> })
                    .collect_view()}
            </ul>
        </article>
    })
}
