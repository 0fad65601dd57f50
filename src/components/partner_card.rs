use std::sync::Arc;

use leptos::prelude::*;

use crate::components::partner_link;
use crate::filter::distance_from_home;
use crate::i18n::{flag, format_date, format_km, format_years, relation_label, status_label, Key};
use crate::model::{Dataset, Relation, Status};
use crate::{data, use_app, use_lang};

/// One partner as a card: name (a link that opens its details), country with flag,
/// relation and status, start date and years of partnership, sectors, distance.
#[component]
pub fn PartnerCard(
    /// The dataset the partner belongs to.
    data: Arc<Dataset>,
    /// Id of the partner to show.
    id: String,
) -> impl IntoView {
    let state = use_app();
    let lang = use_lang();
    let partner = data.partner(&id).cloned()?;
    let country_text = data.country_text(&partner);
    let flag = partner.country.as_deref().map(flag).unwrap_or_default();
    let since = partner.since;
    let years = since.and_then(|d| d.whole_years_until(data::today()));
    let distance = distance_from_home(&data, &partner);
    let sector_labels: Vec<_> = partner
        .sectors
        .iter()
        .filter_map(|s| data.sector(s))
        .map(|s| (s.id.clone(), s.label.clone()))
        .collect();
    let relation = partner.relation;
    let status = partner.status;
    let name = partner.name.clone();
    let selected = {
        let id = id.clone();
        move || {
            state
                .query
                .with(|q| q.partner.as_deref() == Some(id.as_str()))
        }
    };
    let hovered = {
        let id = id.clone();
        move || state.hovered.with(|h| h.as_deref() == Some(id.as_str()))
    };
    let (enter, leave) = {
        let id = id.clone();
        (
            move || state.hovered.set(Some(id.clone())),
            move || state.hovered.set(None),
        )
    };
    let (enter2, leave2) = (enter.clone(), leave);
    Some(view! {
        <article
            class="partner-card"
            class:selected=selected
            class:hovered=hovered
            data-partner=id.clone()
            on:mouseenter=move |_| enter()
            on:mouseleave=move |_| leave()
            on:focusin=move |_| enter2()
            on:focusout=move |_| leave2()
        >
            <h3>{partner_link(id.clone(), Signal::derive(move || lang.get().pick(&name).to_owned()))}</h3>
            <p class="country">
                <span aria-hidden="true">{flag}</span>
                " "
                {move || match &country_text {
                    Some(text) => lang.get().pick(text).to_owned(),
                    None => Key::NoCountry.get(lang.get()).to_owned(),
                }}
            </p>
            <p class="badges">
                <span class="badge relation" class:in-progress=relation == Relation::LetterOfIntent>
                    {move || relation_label(relation, lang.get())}
                </span>
                " "
                <span class="badge status" class:in-progress=status == Status::InProgress class:dormant=status == Status::Dormant>
                    {move || status_label(status, lang.get())}
                </span>
            </p>
            <p class="since">
                {move || {
                    let lang = lang.get();
                    match (&since, years) {
                        (Some(date), Some(y)) => format!("{} {} · {}", Key::Since.get(lang), format_date(date, lang), format_years(y, lang)),
                        (Some(date), None) => format!("{} {}", Key::Since.get(lang), format_date(date, lang)),
                        (None, _) => Key::SinceUnknown.get(lang).to_owned(),
                    }
                }}
            </p>
            {distance.map(|km| view! { <p class="distance">{move || format!("{}: {}", Key::DistanceLabel.get(lang.get()), format_km(km, lang.get()))}</p> })}
            <ul class="sector-tags">
                {sector_labels
                    .into_iter()
                    .map(|(sid, label)| view! { <li data-sector=sid>{move || lang.get().pick(&label).to_owned()}</li> })
                    .collect_view()}
            </ul>
        </article>
    })
}
