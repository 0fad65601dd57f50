use std::sync::Arc;

use leptos::prelude::*;

use crate::filter;
use crate::i18n::{format_active, format_count, region_label, relation_label, status_label, Key};
use crate::model::{Dataset, Region, Relation, Status};
use crate::url_state::{Query, REGIONS, RELATIONS, STATUSES};
use crate::{use_app, use_lang, Nav};

/// Search, sector chips with counts, relation, status, region and period, the
/// "N of M partners" count and Clear all. Folds into a panel on narrow screens.
#[component]
pub fn FilterBar(
    /// The loaded dataset (sectors, totals).
    data: Arc<Dataset>,
    /// The current query, with ids the dataset doesn't know already dropped.
    #[prop(into)]
    query: Signal<Query>,
    /// Indices of the partners that match the query.
    #[prop(into)]
    filtered: Signal<Vec<usize>>,
) -> impl IntoView {
    let state = use_app();
    let lang = use_lang();
    let total = data.partners.len();
    let open = RwSignal::new(false);
    let active = Memo::new(move |_| query.with(Query::active_filters));

    let counts = Memo::new({
        let data = data.clone();
        move |_| query.with(|q| filter::sector_counts(&data, q))
    });
    let sectors = data.sectors.clone();

    let on_search = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        state.update(Nav::Replace, |q| q.q = text);
    };
    let year = move |text: String| {
        text.trim()
            .parse::<i32>()
            .ok()
            .filter(|y| (1000..=9999).contains(y))
    };

    view! {
        <section class="filter-bar" aria-labelledby="filters-heading">
            <div class="search-row">
                <label class="search" for="search">
                    <span class="label">{move || Key::SearchLabel.get(lang.get())}</span>
                    <input
                        id="search"
                        type="search"
                        autocomplete="off"
                        placeholder=move || Key::SearchPlaceholder.get(lang.get())
                        prop:value=move || query.with(|q| q.q.clone())
                        on:input=on_search
                    />
                </label>
                <button
                    type="button"
                    class="button filters-toggle"
                    aria-controls="filter-panel"
                    aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    <span id="filters-heading">{move || Key::Filters.get(lang.get())}</span>
                    {move || {
                        let n = active.get();
                        (n > 0).then(|| view! { " " <span class="badge">{format_active(n, lang.get())}</span> })
                    }}
                </button>
            </div>
            <div id="filter-panel" class="filter-panel" class:open=move || open.get()>
                <fieldset class="sector-chips">
                    <legend>{move || Key::Sectors.get(lang.get())}</legend>
                    <For each=move || sectors.clone() key=|s| s.id.clone() let:sector>
                        {
                            let id = sector.id.clone();
                            let pressed = {
                                let id = id.clone();
                                move || query.with(|q| q.sectors.contains(&id))
                            };
                            let count = {
                                let id = id.clone();
                                move || counts.with(|c| c.iter().find(|(s, _)| *s == id).map_or(0, |(_, n)| *n))
                            };
                            let label = sector.label.clone();
                            view! {
                                <button
                                    type="button"
                                    class="chip"
                                    data-sector=id.clone()
                                    aria-pressed=move || pressed().to_string()
                                    on:click=move |_| { let id = id.clone(); state.update(Nav::Push, move |q| q.toggle_sector(&id)) }
                                >
                                    <span>{move || lang.get().pick(&label).to_owned()}</span>
                                    " "
                                    <span class="count">{count}</span>
                                </button>
                            }
                        }
                    </For>
                </fieldset>
                <div class="selects">
                    <EnumSelect
                        id="filter-relation"
                        label=Key::RelationLabel
                        options=RELATIONS.iter().map(|r| (crate::url_state::relation_id(*r), *r)).collect()
                        selected=Signal::derive(move || query.with(|q| q.relations.first().copied()))
                        label_of=relation_label
                        on_change=Callback::new(move |r: Option<Relation>| state.update(Nav::Push, |q| q.relations = r.into_iter().collect()))
                    />
                    <EnumSelect
                        id="filter-status"
                        label=Key::StatusLabel
                        options=STATUSES.iter().map(|s| (crate::url_state::status_id(*s), *s)).collect()
                        selected=Signal::derive(move || query.with(|q| q.statuses.first().copied()))
                        label_of=status_label
                        on_change=Callback::new(move |s: Option<Status>| state.update(Nav::Push, |q| q.statuses = s.into_iter().collect()))
                    />
                    <EnumSelect
                        id="filter-region"
                        label=Key::RegionLabel
                        options=REGIONS.iter().map(|r| (crate::url_state::region_id(*r), *r)).collect()
                        selected=Signal::derive(move || query.with(|q| q.regions.first().copied()))
                        label_of=region_label
                        on_change=Callback::new(move |r: Option<Region>| state.update(Nav::Push, |q| q.regions = r.into_iter().collect()))
                    />
                    <fieldset class="period">
                        <legend>{move || Key::Period.get(lang.get())}</legend>
                        <label>
                            <span class="label">{move || Key::FromYear.get(lang.get())}</span>
                            <input
                                type="number"
                                inputmode="numeric"
                                min="1900"
                                max="2100"
                                prop:value=move || query.with(|q| q.from.map(|y| y.to_string()).unwrap_or_default())
                                on:change=move |ev| { let y = year(event_target_value(&ev)); state.update(Nav::Push, |q| q.from = y) }
                            />
                        </label>
                        <label>
                            <span class="label">{move || Key::ToYear.get(lang.get())}</span>
                            <input
                                type="number"
                                inputmode="numeric"
                                min="1900"
                                max="2100"
                                prop:value=move || query.with(|q| q.to.map(|y| y.to_string()).unwrap_or_default())
                                on:change=move |ev| { let y = year(event_target_value(&ev)); state.update(Nav::Push, |q| q.to = y) }
                            />
                        </label>
                    </fieldset>
                </div>
            </div>
            <div class="result-row">
                <p class="result-count" role="status" aria-live="polite" aria-atomic="true">
                    {move || format_count(filtered.with(Vec::len), total, lang.get())}
                </p>
                <button
                    type="button"
                    class="button secondary"
                    disabled=move || active.get() == 0
                    on:click=move |_| { let cleared = state.query.get_untracked().cleared(); state.navigate(cleared, Nav::Push) }
                >
                    {move || Key::ClearAll.get(lang.get())}
                </button>
            </div>
        </section>
    }
}

/// A labelled `<select>` over an enum, with "All" as the empty choice.
#[component]
fn EnumSelect<T: Copy + PartialEq + Send + Sync + 'static>(
    /// The element id (for the label).
    id: &'static str,
    /// The label's text.
    label: Key,
    /// (URL id, value) of each option, in display order.
    options: Vec<(&'static str, T)>,
    /// The value chosen now, if any.
    #[prop(into)]
    selected: Signal<Option<T>>,
    /// The option's text in a language.
    label_of: fn(T, crate::i18n::Lang) -> &'static str,
    /// Called with the new choice (None for All).
    on_change: Callback<Option<T>>,
) -> impl IntoView {
    let lang = use_lang();
    let lookup = options.clone();
    view! {
        <label class="select" for=id>
            <span class="label">{move || label.get(lang.get())}</span>
            <select
                id=id
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    on_change.run(lookup.iter().find(|(k, _)| *k == value).map(|(_, v)| *v));
                }
            >
                <option value="" selected=move || selected.get().is_none()>{move || Key::All.get(lang.get())}</option>
                {options
                    .into_iter()
                    .map(|(key, value)| {
                        view! {
                            <option value=key selected=move || selected.get() == Some(value)>
                                {move || label_of(value, lang.get())}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
