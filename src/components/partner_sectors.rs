//! A partner's sectors of cooperation, by their full labels.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::Partner;
use crate::state::{t, tr, use_data};

/// The sectors the partner's record names, each by its full label (the filter chips show the
/// short one); nothing when it names none.
#[component]
pub fn PartnerSectors(
    /// The partner whose sectors to list.
    partner: Arc<Partner>,
) -> impl IntoView {
    let data = use_data();
    let labels: Vec<_> = partner
        .sectors
        .iter()
        .filter_map(|id| data.sector(id))
        .map(|s| view! { <li data-sector=s.id.to_string()>{tr(&s.label)}</li> })
        .collect();
    (!labels.is_empty()).then(|| {
        view! {
            <section class="partner-sectors" aria-labelledby="detail-sectors-heading">
                <h3 id="detail-sectors-heading">{t(Key::Sectors)}</h3>
                <ul class="sector-tags">{labels}</ul>
            </section>
        }
    })
}
