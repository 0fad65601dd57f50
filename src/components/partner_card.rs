use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{format_date, Key};
use crate::model::Dataset;
use crate::use_lang;

/// One partner as a card: name, country and the date the relation began.
#[component]
pub fn PartnerCard(
    /// The dataset the partner belongs to (for country names).
    data: Arc<Dataset>,
    /// Id of the partner to show.
    id: String,
) -> impl IntoView {
    let lang = use_lang();
    let partner = data.partner(&id).cloned();
    partner.map(|partner| {
        let country = partner.country.as_deref().and_then(|code| data.country(code)).map(|c| c.name.clone());
        let country_label = partner.country_label.clone();
        let since = partner.since;
        let name = partner.name.clone();
        view! {
            <article class="partner-card" data-partner=partner.id.clone()>
                <h3>{move || lang.get().pick(&name).to_owned()}</h3>
                <p class="country">
                    {move || {
                        let lang = lang.get();
                        match (&country, &country_label) {
                            (Some(name), _) | (None, Some(name)) => lang.pick(name).to_owned(),
                            (None, None) => Key::NoCountry.get(lang).to_owned(),
                        }
                    }}
                </p>
                <p class="since">
                    {move || {
                        let lang = lang.get();
                        match &since {
                            Some(date) => format!("{} {}", Key::Since.get(lang), format_date(date, lang)),
                            None => Key::SinceUnknown.get(lang).to_owned(),
                        }
                    }}
                </p>
            </article>
        }
    })
}
