//! "Cite this": a partner's record as a citation in words, with its permalink and a button
//! that copies it.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use crate::browser;
use crate::i18n::{format_partner_citation, Key};
use crate::model::Partner;
use crate::state::{t, use_app, use_lang};
use crate::time::{today, PartialDate};

/// The citation of a partner's record (name, atlas, when it was checked, permalink, the day
/// retrieved) and a Copy button. Where the clipboard cannot be written (an insecure origin, a
/// refused permission) the citation is selected instead, for the keyboard to copy; a status
/// line says which happened.
#[component]
pub fn CiteThis(
    /// The partner whose record to cite.
    partner: Arc<Partner>,
) -> impl IntoView {
    let state = use_app();
    let lang = use_lang();
    let status = RwSignal::new(None::<Key>);
    let text_ref = NodeRef::<html::P>::new();
    let today = PartialDate::from(today());
    let (id, checked) = (partner.id.clone(), partner.checked);
    let citation = move || {
        let lang = lang.get();
        let url = state.partner_permalink(&id, lang);
        let text = format_partner_citation(lang.pick(&partner.name), &checked, &url, &today, lang);
        (text, url)
    };
    let copy = {
        let citation = citation.clone();
        move |_| {
            let (text, _) = citation();
            leptos::task::spawn_local(async move {
                let outcome = browser::copy_text(&text).await;
                if outcome.is_err() {
                    if let Some(p) = text_ref.get_untracked() {
                        browser::select_contents(&p);
                    }
                }
                status.set(Some(if outcome.is_ok() {
                    Key::Copied
                } else {
                    Key::CopySelected
                }));
            });
        }
    };
    let body = move || {
        let (text, url) = citation();
        // The permalink inside the words is a link; the rest is plain text.
        let (before, after) = text.split_once(url.as_str()).map_or_else(
            || (text.clone(), String::new()),
            |(b, a)| (b.to_owned(), a.to_owned()),
        );
        view! {
            {before}
            <a class="permalink" href=url.clone()>
                {url.clone()}
            </a>
            {after}
        }
    };
    view! {
        <section class="cite-this" aria-labelledby="cite-heading">
            <h3 id="cite-heading">{t(Key::CiteHeading)}</h3>
            <p class="citation" node_ref=text_ref>
                {body}
            </p>
            <button type="button" class="button secondary copy" on:click=copy>
                {t(Key::CopyCitation)}
            </button>
            <p class="copy-status" role="status">
                {move || status.get().map(|key| key.get(lang.get()))}
            </p>
        </section>
    }
}
