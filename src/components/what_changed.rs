use leptos::prelude::*;

use crate::components::{Citations, PartnerLink};
use crate::i18n::{format_date, Key, Label};
use crate::model::PartnerId;
use crate::state::{t, tr, use_data, use_lang};

/// The data's change log, newest first, so that a returning reader sees what is new: when,
/// which partner or figure, what kind of change, in words, and on which sources.
#[component]
pub fn WhatChanged() -> impl IntoView {
    let data = use_data();
    let lang = use_lang();
    (!data.changes.is_empty()).then(|| {
        let entries = data
            .changes
            .iter()
            .map(|change| {
                let date = change.date;
                let kind = change.kind;
                // A partner's name is a link to it; a figure is named by its label.
                let about = match data.partner(&change.record) {
                    Some(p) => {
                        let id = PartnerId::from(change.record.as_str());
                        view! { <PartnerLink id=id text=Signal::derive(tr(&p.name)) /> }.into_any()
                    }
                    None => {
                        let label = data.figure(&change.record).map(|f| tr(&f.label));
                        view! { <span class="record">{label}</span> }.into_any()
                    }
                };
                view! {
                    <li class="change" data-record=change.record.clone()>
                        <p class="change-head">
                            <time datetime=date
                                .to_string()>{move || format_date(&date, lang.get())}</time>
                            " · "
                            <span class="badge">{move || kind.label(lang.get())}</span>
                            " · "
                            {about}
                        </p>
                        <p>{tr(&change.text)} <Citations ids=change.sources.clone() /></p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="what-changed" aria-labelledby="what-changed-heading">
                <h2 id="what-changed-heading">{t(Key::WhatChanged)}</h2>
                <p class="intro">{t(Key::WhatChangedIntro)}</p>
                <ol class="changes">{entries}</ol>
            </section>
        }
    })
}
