use rustc_hash::FxHashSet as HashSet;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::{choices, follow_partner_link, ChoiceSelect, PartnerCard};
use crate::i18n::{format_showing, Key};
use crate::model::PartnerId;
use crate::model::Vocabulary;
use crate::state::{effect, t, use_app, use_lang};
use crate::url_state::Sort;

/// Cards shown at first and added by each "show more": enough to scroll through, few enough
/// that a list of thousands renders at once.
pub const PAGE_SIZE: usize = 100;
/// Cards kept in the page, hidden, after a filter hides them, so that clearing the filter
/// shows them again without making them anew.
const KEPT_CARDS: usize = 3 * PAGE_SIZE;

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
    // The cards in the page: those shown, in order, then (hidden) those shown before.
    let mounted = Memo::new(move |previous: Option<&Vec<PartnerId>>| {
        shown.with(|shown| shown_then_kept(shown, previous, KEPT_CARDS))
    });
    // Drawn again only when the list becomes empty or stops being so, not at every change.
    let empty = Memo::new(move |_| visible.with(|v| v.is_empty()));
    let cards_ref = NodeRef::<html::Ul>::new();
    // Hides the kept cards and shows the shown ones: the page's DOM follows the state.
    effect(move || {
        let shown: HashSet<PartnerId> = shown.with(|s| s.iter().cloned().collect());
        mounted.track();
        if let Some(list) = cards_ref.get() {
            show_only(&list, &shown);
        }
    });
    let more = move || {
        let total = visible.with(|v| v.len());
        let count = shown.with(Vec::len);
        (count < total).then_some((count, total))
    };
    // The cards' links and hover, handled once for the list rather than once per card.
    let card_of = |target: Option<web_sys::EventTarget>| -> Option<(web_sys::Element, PartnerId)> {
        let el = target?.dyn_into::<web_sys::Element>().ok()?;
        let card = el.closest("article.partner-card[data-partner]").ok()??;
        let id = card.get_attribute("data-partner")?;
        Some((el, PartnerId::from(id)))
    };
    let on_click = move |e: leptos::ev::MouseEvent| {
        if let Some((el, id)) = card_of(e.target()) {
            if el.closest("a.partner-link").ok().flatten().is_some() {
                follow_partner_link(state, &e, id);
            }
        }
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
            {move || {
                empty
                    .get()
                    .then(|| {
                        view! {
                            <div class="empty">
                                <p>{t(Key::NoResults)}</p>
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| state.clear_filters()
                                >
                                    {t(Key::ClearAll)}
                                </button>
                            </div>
                        }
                    })
            }}
            <ul
                class="cards"
                node_ref=cards_ref
                on:click=on_click
                on:mouseover=move |e| state.hover(card_of(e.target()).map(|(_, id)| id))
                on:mouseleave=move |_| state.hover(None)
                on:focusin=move |e| state.hover(card_of(e.target()).map(|(_, id)| id))
                on:focusout=move |_| state.hover(None)
            >
                <For each=move || mounted.get() key=|id| id.clone() let:id>
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

/// What a list of elements per partner holds: those `shown`, in order, then those it held
/// before (`previous`) and no longer shows, to be hidden, up to `max` in all. A partner that
/// comes back then costs an attribute rather than new elements.
pub(crate) fn shown_then_kept(
    shown: &[PartnerId],
    previous: Option<&Vec<PartnerId>>,
    max: usize,
) -> Vec<PartnerId> {
    let now: HashSet<&PartnerId> = shown.iter().collect();
    let kept = previous
        .into_iter()
        .flatten()
        .filter(|id| !now.contains(id))
        .take(max.saturating_sub(shown.len()))
        .cloned();
    shown.iter().cloned().chain(kept).collect()
}

/// Sets `hidden` on each item of the list whose card is not in `shown`, and clears it on the others.
fn show_only(list: &web_sys::HtmlElement, shown: &HashSet<PartnerId>) {
    let items = list.children();
    for i in 0..items.length() {
        let Some(item) = items
            .item(i)
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        let id = item
            .first_element_child()
            .and_then(|card| card.get_attribute("data-partner"));
        let hide = id.is_none_or(|id| !shown.contains(id.as_str()));
        if item.hidden() != hide {
            item.set_hidden(hide);
        }
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
