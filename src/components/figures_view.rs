//! The figures view (`view=figures`): the partners shown counted four ways as bar charts, the
//! official count of sister cities beside the atlas's own, and the headline figures.

use leptos::prelude::*;

use crate::components::{Citations, ConflictList, Figures, PartnerLink};
use crate::i18n::{
    format_atlas_sisters, format_count, format_date, format_int, format_number, format_reconciled,
    format_sisters_shown, format_unmatched_intro, Key, Label, Lang,
};
use crate::model::{Dataset, PartnerId};
use crate::state::{t, tr, use_app, use_data, use_lang};
use crate::tally::{official_count, reconcile, tally, Tally};

/// Live counts of the partners shown, the official count beside the atlas's, then the
/// headline figures with their dates and sources.
#[component]
pub fn FiguresView() -> impl IntoView {
    view! {
        <Tallies />
        <Reconciliation />
        <Figures />
    }
}

/// The partners shown by relation, status, region and sector: bar charts with the numbers
/// written on them, following the filters.
#[component]
fn Tallies() -> impl IntoView {
    let state = use_app();
    let data = use_data();
    let lang = use_lang();
    let visible = state.visible();
    let counts = {
        let data = data.clone();
        Memo::new(move |_| visible.with(|v| tally(&data, v)))
    };
    let total = data.partners.len();
    let charts = move || {
        let lang = lang.get();
        counts.with(|c| charts(&data, c, lang))
    };
    view! {
        <section id="tallies" class="tallies" aria-labelledby="tally-heading" tabindex="-1">
            <h2 id="tally-heading">{t(Key::TallyHeading)}</h2>
            <p class="view-intro">
                {move || format_count(counts.with(|c| c.total), total, lang.get())}
            </p>
            <div class="tally-grid">{charts}</div>
        </section>
    }
}

/// The four charts in one language.
fn charts(data: &Dataset, c: &Tally, lang: Lang) -> impl IntoView {
    let relations = c
        .relations
        .iter()
        .map(|(r, n)| (r.label(lang).to_owned(), *n))
        .collect();
    let statuses = c
        .statuses
        .iter()
        .map(|(s, n)| (s.label(lang).to_owned(), *n))
        .collect();
    let regions = c
        .regions
        .iter()
        .map(|(r, n)| {
            let label = match r {
                Some(region) => region.label(lang),
                None => Key::NoCountry.get(lang),
            };
            (label.to_owned(), *n)
        })
        .collect();
    let sectors = c
        .sectors
        .iter()
        .filter_map(|(id, n)| Some((lang.pick(&data.sector(id)?.label).to_owned(), *n)))
        .chain([(Key::NoSector.get(lang).to_owned(), c.no_sector)])
        .collect();
    view! {
        {bar_chart("relation", Key::RelationLabel.get(lang), relations, None)}
        {bar_chart("status", Key::StatusLabel.get(lang), statuses, None)}
        {bar_chart("region", Key::RegionLabel.get(lang), regions, None)}
        {bar_chart("sector", Key::Sectors.get(lang), sectors, Some(Key::SectorsNote.get(lang)))}
    }
}

/// One chart: a row per value with its label, a bar as long as its share of the largest, and
/// its number written at the bar's end. A list, so that it reads as "Sister city 20".
fn bar_chart(
    name: &'static str,
    title: &'static str,
    rows: Vec<(String, usize)>,
    note: Option<&'static str>,
) -> impl IntoView {
    let max = rows.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let items = rows
        .into_iter()
        .map(|(label, n)| {
            // One length for the bar and for where its number starts.
            // In tenths of a percent, in whole numbers: formatting a float to a fixed
            // precision would bring its own code into the WebAssembly.
            let tenths = n * 1000 / max;
            // Set through the CSSOM (`style:`), which the pages' security policy allows; a
            // `style` attribute it would block.
            let share = format!("{}.{}%", tenths / 10, tenths % 10);
            view! {
                <li class="bar-row">
                    <span class="bar-label">{label}</span>
                    <span class="bar-track">
                        <span class="bar-scale" style:--share=share>
                            <span class="bar-fill"></span>
                            <span class="bar-n">{n}</span>
                        </span>
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <figure class="bars" data-chart=name>
            <figcaption>{title}</figcaption>
            <ul class="bar-list">{items}</ul>
            {note.map(|n| view! { <p class="bars-note">{n}</p> })}
        </figure>
    }
}

/// The newest official count of sister cities beside the atlas's own count of sister cities
/// and provinces, which partners are in one and not the other, and the figure's own note and
/// conflicting sources: the reconciliation the data holds, in words. Nothing when the data has
/// no such count.
#[component]
fn Reconciliation() -> impl IntoView {
    let state = use_app();
    let data = use_data();
    let lang = use_lang();
    let visible = state.visible();
    let figure = official_count(&data)?.clone();
    let numbers = {
        let data = data.clone();
        Memo::new(move |_| visible.with(|v| reconcile(&data, v)))
    };
    let names = move |ids: &[PartnerId]| {
        ids.iter()
            .filter_map(|id| data.partner(id))
            .map(|p| {
                view! {
                    " "
                    <PartnerLink id=p.id.clone() text=Signal::derive(tr(&p.name)) />
                }
            })
            .collect_view()
    };
    let (value, date) = (figure.value, figure.date);
    Some(view! {
        <section
            class="reconcile"
            aria-labelledby="reconcile-heading"
            data-figure=figure.id.clone()
        >
            <h2 id="reconcile-heading">{t(Key::ReconcileHeading)}</h2>
            <div class="reconcile-numbers">
                <div class="count-box official">
                    <p class="count-label">{t(Key::OfficialCount)}</p>
                    <p class="figure-value">{move || format_number(value, lang.get())}</p>
                    <p class="figure-label">{tr(&figure.label)}</p>
                    <p class="figure-date">{move || format_date(&date, lang.get())}</p>
                    <p class="citations">
                        <Citations ids=figure.sources.clone() />
                    </p>
                </div>
                <div class="count-box ours">
                    <p class="count-label">{t(Key::AtlasCount)}</p>
                    <p class="figure-value">
                        {move || {
                            numbers
                                .with(|r| {
                                    r.as_ref()
                                        .map(|r| format_int(
                                            (r.cities + r.provinces) as i64,
                                            lang.get(),
                                        ))
                                })
                        }}
                    </p>
                    <p class="figure-label">
                        {move || {
                            numbers
                                .with(|r| {
                                    r.as_ref()
                                        .map(|r| format_atlas_sisters(
                                            r.cities,
                                            r.provinces,
                                            lang.get(),
                                        ))
                                })
                        }}
                    </p>
                </div>
            </div>
            {move || {
                let lang = lang.get();
                numbers
                    .with(|r| {
                        r.as_ref()
                            .map(|r| {
                                let sisters = r.cities + r.provinces;
                                let in_both = r.listed - r.only_listed.len();
                                view! {
                                    <p class="reconciled">
                                        {format_reconciled(r.listed, in_both, lang)}
                                    </p>
                                    {(!r.only_listed.is_empty())
                                        .then(|| {
                                            view! {
                                                <p>
                                                    {format_unmatched_intro(false, lang)}
                                                    {names(&r.only_listed)}
                                                </p>
                                            }
                                        })}
                                    {(!r.only_atlas.is_empty())
                                        .then(|| {
                                            view! {
                                                <p>
                                                    {format_unmatched_intro(true, lang)} {names(&r.only_atlas)}
                                                </p>
                                            }
                                        })}
                                    {(r.shown < sisters)
                                        .then(|| {
                                            view! {
                                                <p>{format_sisters_shown(r.shown, sisters, lang)}</p>
                                            }
                                        })}
                                }
                            })
                    })
            }}
            {figure
                .note
                .as_ref()
                .map(|note| {
                    view! {
                        <h3>{t(Key::HowCounted)}</h3>
                        <p class="figure-note">{tr(note)}</p>
                    }
                })}
            <ConflictList conflicts=figure.conflicts.clone() />
        </section>
    })
}
