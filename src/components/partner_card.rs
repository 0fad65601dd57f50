use leptos::prelude::*;

use crate::components::partner_facts;
use crate::model::PartnerId;
use crate::state::{use_app, use_data, use_lang};

/// One partner as a card: its name (a link that opens its details), its facts and its
/// sectors. Highlighted while it, or its marker, is hovered or focused, and while open.
///
/// Cheap to make, since a list may make a hundred at a keystroke: the text is static markup
/// rebuilt when the language changes; the link's clicks and the card's hover and focus are
/// handled once for the whole list (`PartnerList`); only "open" and "hovered" follow the
/// state, through its selectors.
#[component]
pub fn PartnerCard(
    /// The partner to show; renders nothing for an unknown id.
    id: PartnerId,
) -> impl IntoView {
    let state = use_app();
    let data = use_data();
    let lang = use_lang();
    data.partner(&id)?;
    let body = {
        let id = id.clone();
        move || {
            let lang = lang.get();
            let data = data.clone();
            let partner = data.partner(&id)?.clone();
            let href = state.partner_href_in(&id, lang);
            let sectors: Vec<_> = partner
                .sectors
                .iter()
                .filter_map(|s| data.sector(s))
                .map(|s| view! { <li data-sector=s.id.to_string()>{lang.pick(&s.label).to_owned()}</li> })
                .collect();
            Some(view! {
                <h3>
                    <a href=href class="partner-link">
                        {lang.pick(&partner.name).to_owned()}
                    </a>
                </h3>
                {partner_facts(&data, &partner, lang, false)}
                <ul class="sector-tags">{sectors}</ul>
            })
        }
    };
    let selected = {
        let id = id.clone();
        move || state.is_open(&id)
    };
    let hovered = {
        let id = id.clone();
        move || state.is_hovered(&id)
    };
    Some(view! {
        <article
            class="partner-card"
            class:selected=selected
            class:hovered=hovered
            data-partner=id.to_string()
        >
            {body}
        </article>
    })
}
