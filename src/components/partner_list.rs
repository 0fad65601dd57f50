use std::sync::Arc;

use leptos::prelude::*;

use crate::components::PartnerCard;
use crate::i18n::Key;
use crate::model::Dataset;
use crate::url_state::Sort;
use crate::{use_app, use_lang, Nav};

/// The filtered partners as cards, keyed by their stable ids, with a sort control;
/// says so, and offers to clear, when nothing matches.
#[component]
pub fn PartnerList(
    /// The loaded dataset.
    data: Arc<Dataset>,
    /// Indices of the partners to show, already sorted.
    #[prop(into)]
    filtered: Signal<Vec<usize>>,
) -> impl IntoView {
    let state = use_app();
    let lang = use_lang();
    let ids = {
        let data = data.clone();
        move || {
            filtered.with(|f| {
                f.iter()
                    .filter_map(|&i| data.partners.get(i))
                    .map(|p| p.id.clone())
                    .collect::<Vec<_>>()
            })
        }
    };
    let sort = move || state.query.with(|q| q.sort.unwrap_or_default());
    let sort_option = move |value: Sort, key: Key| {
        view! {
            <option value=value.id() selected=move || sort() == value>
                {move || key.get(lang.get())}
            </option>
        }
    };
    view! {
        <section id="partner-list" class="partner-list" aria-labelledby="partners-heading" tabindex="-1">
            <div class="list-head">
                <h2 id="partners-heading">{move || Key::PartnersHeading.get(lang.get())}</h2>
                <label class="select sort">
                    <span class="label">{move || Key::SortBy.get(lang.get())}</span>
                    <select on:change=move |ev| {
                        let value = Sort::parse(&event_target_value(&ev));
                        state.update(Nav::Push, |q| q.sort = value.filter(|s| *s != Sort::default()));
                    }>
                        {sort_option(Sort::Since, Key::SortSince)}
                        {sort_option(Sort::Name, Key::SortName)}
                        {sort_option(Sort::Distance, Key::SortDistance)}
                    </select>
                </label>
            </div>
            <Show when=move || filtered.with(Vec::is_empty)>
                <div class="empty">
                    <p>{move || Key::NoResults.get(lang.get())}</p>
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| { let cleared = state.query.get_untracked().cleared(); state.navigate(cleared, Nav::Push) }
                    >
                        {move || Key::ClearAll.get(lang.get())}
                    </button>
                </div>
            </Show>
            <ul class="cards">
                <For each=ids key=|id| id.clone() let:id>
                    <li><PartnerCard data=data.clone() id=id /></li>
                </For>
            </ul>
        </section>
    }
}
