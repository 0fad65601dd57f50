//! A partner's key facts as both the card and the detail show them.

use leptos::prelude::*;

use crate::i18n::{format_date, format_km, format_years, Key, Label, Lang};
use crate::model::{Dataset, Partner, Relation, Status};
use crate::time::today;

/// Country (with its code as a badge), the relation and status, when it began with its
/// years, and the distance from the home city, in one language.
///
/// Static markup: a card or detail shows it inside one closure that follows the language,
/// so a card costs one reactive node for its text, not one per fact.
pub fn partner_facts(
    data: &Dataset,
    partner: &Partner,
    lang: Lang,
    with_level: bool,
) -> impl IntoView {
    let country = match data.country_text(partner) {
        Some(text) => lang.pick(&text).to_owned(),
        None => Key::NoCountry.get(lang).to_owned(),
    };
    let since = match (
        partner.since,
        partner.since.and_then(|d| d.whole_years_until(today())),
    ) {
        (Some(date), Some(years)) => format!(
            "{} {} · {}",
            Key::Since.get(lang),
            format_date(&date, lang),
            format_years(years, lang),
        ),
        (Some(date), None) => format!("{} {}", Key::Since.get(lang), format_date(&date, lang)),
        (None, _) => Key::SinceUnknown.get(lang).to_owned(),
    };
    let distance = data.distance_km(partner).map(|km| {
        format!(
            "{} {}: {}",
            Key::DistanceFrom.get(lang),
            lang.pick(&data.home.name),
            format_km(km, lang),
        )
    });
    let checked = format!(
        "{} {}",
        Key::Checked.get(lang),
        format_date(&partner.checked, lang)
    );
    let (relation, status) = (partner.relation, partner.status);
    view! {
        <p class="country">
            {partner
                .country
                .clone()
                .map(|code| {
                    view! {
                        <span class="cc" aria-hidden="true">
                            {code}
                        </span>
                        " "
                    }
                })} {country}
        </p>
        <p class="badges">
            {with_level
                .then(|| {
                    view! {
                        <span class="badge">{partner.level.label(lang)}</span>
                        " "
                    }
                })}
            <span class="badge relation" class:in-progress=relation == Relation::LetterOfIntent>
                {relation.label(lang)}
            </span> " "
            <span
                class="badge status"
                class:in-progress=status == Status::InProgress
                class:dormant=matches!(status, Status::Dormant | Status::Ended)
            >
                {status.label(lang)}
            </span>
        </p>
        <p class="since">{since}</p>
        {distance.map(|text| view! { <p class="distance">{text}</p> })}
        <p class="checked">{checked}</p>
    }
}
