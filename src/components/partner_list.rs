use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::{choices, ChoiceSelect, PartnerCard};
use crate::i18n::{format_showing, Key};
use crate::model::Vocabulary;
use crate::state::{t, use_app, use_lang};
use crate::url_state::Sort;

/// Cards shown at first and added by each "show more": enough to scroll through, few enough
/// that a list of thousands renders at once.
pub const PAGE_SIZE: usize = 100;

/// The visible partners as cards, keyed by their ids, with a sort control; past
/// [`PAGE_SIZE`] the rest come a page at a time. Says so, and offers to clear, when
/// nothing matches.
#[component]
pub fn PartnerList() -> impl IntoView {
    let state = use_app();
    let lang = use_lang();
    let visible = state.visible();
    let limit = RwSignal::new(PAGE_SIZE);
    let shown = Memo::new(move |_| visible.with(|v| v[..v.len().min(limit.get())].to_vec()));
    let more = move || {
        let total = visible.with(|v| v.len());
        let count = shown.with(Vec::len);
        (count < total).then_some((count, total))
    };
    let show_more = move |_| {
        let first_new = shown.with_untracked(Vec::len);
        limit.update(|l| *l += PAGE_SIZE);
        // The reader goes on where the new cards begin, by keyboard and screen reader too.
        request_animation_frame(move || focus_card_link(first_new));
    };
    view! {
        <section
            id="partner-list"
            class="partner-list"
            aria-labelledby="partners-heading"
            tabindex="-1"
        >
            <div class="list-head">
                <h2 id="partners-heading">{t(Key::PartnersHeading)}</h2>
                <ChoiceSelect
                    id="sort"
                    class="sort"
                    label=Key::SortBy
                    choices={choices::<Sort>()}
                    selected=Signal::derive(move || Some(state.sort().get().id()))
                    on_change=Callback::new(move |id: String| {
                        state.set_sort(Sort::parse(&id).unwrap_or_default())
                    })
                />
            </div>
            <Show when=move || visible.with(|v| v.is_empty())>
                <div class="empty">
                    <p>{t(Key::NoResults)}</p>
                    <button type="button" class="button" on:click=move |_| state.clear_filters()>
                        {t(Key::ClearAll)}
                    </button>
                </div>
            </Show>
            <ul class="cards">
                <For each=move || shown.get() key=|id| id.clone() let:id>
                    <li>
                        <PartnerCard id=id />
                    </li>
                </For>
            </ul>
            {move || {
                more()
                    .map(|(count, total)| {
                        let lang = lang.get();
                        view! {
                            <p class="more">
                                <span>{format_showing(count, total, lang)}</span>
                                " "
                                <button type="button" class="button secondary" on:click=show_more>
                                    {Key::ShowMore.get(lang)}
                                </button>
                            </p>
                        }
                    })
            }}
        </section>
    }
}

/// Moves the focus to the link of the n-th card (0-based), if it is there.
fn focus_card_link(n: usize) {
    let selector = format!("#partner-list li:nth-child({}) a.partner-link", n + 1);
    if let Some(link) = document()
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = link.focus();
    }
}
