//! A partner's key facts as both the card and the detail show them.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{format_date, format_km, format_years, Key, Label};
use crate::model::{Partner, Relation, Status};
use crate::state::{t, use_data, use_lang};
use crate::time::today;

/// Country (with its code as a badge), the relation and status, when it began with its
/// years, and the distance from the home city.
#[component]
pub fn PartnerFacts(
    /// The partner.
    partner: Arc<Partner>,
    /// Also name the kind of body (city, province, network, …), as the detail does.
    #[prop(optional)]
    with_level: bool,
) -> impl IntoView {
    let data = use_data();
    let lang = use_lang();
    let country = data.country_text(&partner);
    let code = partner.country.clone();
    let (level, relation, status, since) = (
        partner.level,
        partner.relation,
        partner.status,
        partner.since,
    );
    let years = since.and_then(|d| d.whole_years_until(today()));
    let distance = data.distance_km(&partner);
    let home = data.home.name.clone();
    view! {
        <p class="country">
            {code.map(|code| view! { <span class="cc" aria-hidden="true">{code}</span> " " })}
            {move || match &country {
                Some(text) => lang.get().pick(text).to_owned(),
                None => Key::NoCountry.get(lang.get()).to_owned(),
            }}
        </p>
        <p class="badges">
            {with_level.then(|| view! { <span class="badge">{move || level.label(lang.get())}</span> " " })}
            <span class="badge relation" class:in-progress=relation == Relation::LetterOfIntent>
                {move || relation.label(lang.get())}
            </span>
            " "
            <span
                class="badge status"
                class:in-progress=status == Status::InProgress
                class:dormant=status == Status::Dormant
            >
                {move || status.label(lang.get())}
            </span>
        </p>
        <p class="since">
            {move || {
                let lang = lang.get();
                match (&since, years) {
                    (Some(date), Some(y)) => {
                        format!(
                            "{} {} · {}",
                            Key::Since.get(lang),
                            format_date(date, lang),
                            format_years(y, lang),
                        )
                    }
                    (Some(date), None) => format!("{} {}", Key::Since.get(lang), format_date(date, lang)),
                    (None, _) => Key::SinceUnknown.get(lang).to_owned(),
                }
            }}
        </p>
        {distance
            .map(|km| {
                let distance_from = t(Key::DistanceFrom);
                view! {
                    <p class="distance">
                        {move || {
                            format!(
                                "{} {}: {}",
                                distance_from(),
                                lang.get().pick(&home),
                                format_km(km, lang.get()),
                            )
                        }}
                    </p>
                }
            })}
    }
}
