use leptos::prelude::*;

use crate::components::{choices, ChoiceSelect};
use crate::i18n::{format_active, format_count, Key};
use crate::model::{Region, Relation, Status, Vocabulary};
use crate::state::{t, tr, use_app, use_data, use_lang};
use crate::url_state::{parse_year, YEARS};

/// Search, sector chips with counts, relation, status, region and period, the
/// "N of M partners" count and Clear all. Folds into a panel on narrow screens; on a desktop
/// it is a column beside the view whose chips always show and whose selects fold.
#[component]
pub fn FilterBar() -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <section class="filter-bar" aria-labelledby="filters-heading">
            <div class="search-row">
                <SearchBox />
                <FiltersToggle open=open />
            </div>
            <div id="filter-panel" class="filter-panel" class:open=move || open.get()>
                <SectorChips />
                <div class="selects">
                    <EnumFilters />
                    <PeriodInputs />
                </div>
            </div>
            <ResultRow />
        </section>
    }
}

/// The search box; every keystroke filters (and replaces the history entry).
#[component]
fn SearchBox() -> impl IntoView {
    let state = use_app();
    let filters = state.filters();
    view! {
        <label class="search" for="search">
            <span class="label">{t(Key::SearchLabel)}</span>
            <input
                id="search"
                type="search"
                autocomplete="off"
                placeholder=t(Key::SearchPlaceholder)
                prop:value=move || filters.with(|f| f.q.clone())
                on:input=move |ev| state.search(event_target_value(&ev))
            />
        </label>
    }
}

/// Shows and hides the filter panel (on a desktop, its selects: the chips stay), saying how
/// many filters are on.
#[component]
fn FiltersToggle(
    /// Whether the panel is open.
    open: RwSignal<bool>,
) -> impl IntoView {
    let state = use_app();
    let lang = use_lang();
    let active = Memo::new(move |_| state.filters().with(|f| f.active()));
    view! {
        <button
            type="button"
            class="button filters-toggle"
            aria-controls="filter-panel"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)
        >
            <span id="filters-heading">{t(Key::Filters)}</span>
            {move || {
                let n = active.get();
                (n > 0)
                    .then(|| {
                        view! {
                            " "
                            <span class="badge">{format_active(n, lang.get())}</span>
                        }
                    })
            }}
        </button>
    }
}

/// A toggle button per sector, with how many partners it alone would show.
#[component]
fn SectorChips() -> impl IntoView {
    let state = use_app();
    let data = use_data();
    let counts = state.sector_counts();
    let filters = state.filters();
    view! {
        <fieldset class="sector-chips">
            <legend>{t(Key::Sectors)}</legend>
            {data
                .sectors
                .iter()
                .enumerate()
                .map(|(i, sector)| {
                    let id = sector.id.clone();
                    let pressed = {
                        let id = id.clone();
                        move || filters.with(|f| f.sectors.contains(&id)).to_string()
                    };
                    view! {
                        <button
                            type="button"
                            class="chip"
                            data-sector=id.to_string()
                            aria-pressed=pressed
                            // The full label as the chip's description (and a pointer's
                            // tooltip); the name stays the words seen, for speech input.
                            title=tr(&sector.label)
                            on:click=move |_| state.toggle_sector(&id)
                        >
                            <span>{tr(sector.short_label())}</span>
                            " "
                            <span class="count">
                                {move || counts.with(|c| c.get(i).copied().unwrap_or(0))}
                            </span>
                        </button>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// Relation, status and region, each one choice or All.
#[component]
fn EnumFilters() -> impl IntoView {
    let state = use_app();
    let filters = state.filters();
    view! {
        <ChoiceSelect
            id="filter-relation"
            label=Key::RelationLabel
            choices={choices::<Relation>()}
            with_all=true
            selected=Signal::derive(move || filters.with(|f| f.relations.first().map(|r| r.id())))
            on_change=Callback::new(move |id: String| state.set_relation(Relation::parse(&id)))
        />
        <ChoiceSelect
            id="filter-status"
            label=Key::StatusLabel
            choices={choices::<Status>()}
            with_all=true
            selected=Signal::derive(move || filters.with(|f| f.statuses.first().map(|s| s.id())))
            on_change=Callback::new(move |id: String| state.set_status(Status::parse(&id)))
        />
        <ChoiceSelect
            id="filter-region"
            label=Key::RegionLabel
            choices={choices::<Region>()}
            with_all=true
            selected=Signal::derive(move || filters.with(|f| f.regions.first().map(|r| r.id())))
            on_change=Callback::new(move |id: String| state.set_region(Region::parse(&id)))
        />
    }
}

/// The period: partnerships that began from one year to another (either end may be open).
#[component]
fn PeriodInputs() -> impl IntoView {
    let state = use_app();
    let filters = state.filters();
    let year_input = move |label: Key, is_from: bool| {
        let value = move || {
            filters
                .with(|f| if is_from { f.from } else { f.to })
                .map(|y| y.to_string())
                .unwrap_or_default()
        };
        view! {
            <label>
                <span class="label">{t(label)}</span>
                <input
                    type="number"
                    inputmode="numeric"
                    min=*YEARS.start()
                    max=*YEARS.end()
                    prop:value=value
                    on:change=move |ev| {
                        let year = parse_year(&event_target_value(&ev));
                        let (from, to) = filters.with_untracked(|f| (f.from, f.to));
                        if is_from {
                            state.set_period(year, to)
                        } else {
                            state.set_period(from, year)
                        }
                    }
                />
            </label>
        }
    };
    view! {
        <fieldset class="period">
            <legend>{t(Key::Period)}</legend>
            {year_input(Key::FromYear, true)}
            {year_input(Key::ToYear, false)}
        </fieldset>
    }
}

/// "N of M partners", announced as it changes, and Clear all.
#[component]
fn ResultRow() -> impl IntoView {
    let state = use_app();
    let lang = use_lang();
    let total = use_data().partners.len();
    let visible = state.visible();
    let active = Memo::new(move |_| state.filters().with(|f| f.active()));
    view! {
        <div class="result-row">
            <p class="result-count" role="status" aria-live="polite" aria-atomic="true">
                {move || format_count(visible.with(|v| v.len()), total, lang.get())}
            </p>
            <button
                type="button"
                class="button secondary"
                disabled=move || active.get() == 0
                on:click=move |_| state.clear_filters()
            >
                {t(Key::ClearAll)}
            </button>
        </div>
    }
}
