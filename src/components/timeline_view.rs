//! The timeline view (`view=timeline`): partnerships by the year they began, the dated events
//! of each year, a table of the same for reading and listening, and the anniversaries of this
//! year and next.

use std::fmt::Write as _;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::{is_plain_click, PartnerLink};
use crate::i18n::{
    format_anniversary, format_anniversary_year, format_int, format_undated, format_year_link, Key,
    Label, Lang,
};
use crate::markup::escape;
use crate::model::{Relation, Status, Vocabulary};
use crate::num::Fixed;
use crate::state::{t, use_app, use_data, use_lang};
use crate::time::today;
use crate::timeline::{anniversaries_ahead, timeline, Timeline};

/// The timeline of the partners shown (the filters apply), its legend, a table with the same
/// numbers, and beside it the anniversaries to come.
#[component]
pub fn TimelineView() -> impl IntoView {
    let state = use_app();
    let data = use_data();
    let visible = state.visible();
    let today = today();
    let chart = Memo::new(move |_| visible.with(|v| timeline(&data, v, today)));
    view! {
        <section
            id="timeline-view"
            class="timeline-view"
            aria-labelledby="timeline-heading"
            tabindex="-1"
        >
            <h2 id="timeline-heading">{t(Key::TimelineHeading)}</h2>
            <p class="view-intro">{t(Key::TimelineIntro)}</p>
            <div class="timeline-layout">
                <div class="timeline-main">
                    <Legend />
                    <TimelineChart chart=chart />
                    <YearTable chart=chart />
                </div>
                <Anniversaries />
            </div>
        </section>
    }
}

/// Which relations and statuses the colours and patterns stand for, and the two series.
#[component]
fn Legend() -> impl IntoView {
    let lang = use_lang();
    let swatch = |class: String, pattern: Option<&'static str>| {
        view! {
            <svg class="swatch" viewBox="0 0 14 14" width="14" height="14" aria-hidden="true">
                <rect class=class width="14" height="14" />
                {pattern.map(|p| view! { <rect class="pat" width="14" height="14" fill=p /> })}
            </svg>
        }
    };
    let relations = Relation::ALL
        .iter()
        .map(|&r| {
            view! { <li>{swatch(format!("seg rel-{}", r.id()), None)} {move || r.label(lang.get())}</li> }
        })
        .collect_view();
    let statuses = Status::ALL
        .iter()
        .map(|&s| {
            view! {
                <li>
                    {swatch(String::from("seg neutral"), pattern_fill(s))}
                    {move || s.label(lang.get())}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="legend">
            <p class="legend-title">{t(Key::RelationLabel)}</p>
            <ul class="legend-list">{relations}</ul>
            <p class="legend-title">{t(Key::StatusLabel)}</p>
            <ul class="legend-list">{statuses}</ul>
            <ul class="legend-list series">
                <li>{swatch(String::from("seg neutral"), None)} {t(Key::SeriesStarted)}</li>
                <li>{swatch(String::from("ev-bar"), None)} {t(Key::SeriesEvents)}</li>
            </ul>
        </div>
    }
}

/// The pattern that marks a status over a bar's colour; none for active partnerships, so that
/// a plain colour means "active" and every other status is seen without telling colours apart.
fn pattern_fill(status: Status) -> Option<&'static str> {
    match status {
        Status::Active => None,
        Status::InProgress => Some("url(#pat-in-progress)"),
        Status::Dormant => Some("url(#pat-dormant)"),
        Status::Ended => Some("url(#pat-ended)"),
    }
}

/// The chart as SVG: a column per year, a link for each year in which a partnership began.
///
/// Drawn as one piece of markup (one DOM write per change of the filters or the language, no
/// reactive node per bar); a plain click on a year is caught once for the whole chart and
/// sets the period, any other click follows the link's `href`.
#[component]
fn TimelineChart(
    /// The chart's numbers, following the filters.
    chart: Memo<Timeline>,
) -> impl IntoView {
    let state = use_app();
    let lang = use_lang();
    let filters = state.filters();
    let markup = move || {
        let selected = filters.with(|f| match (f.from, f.to) {
            (Some(from), Some(to)) if from == to => Some(from),
            _ => None,
        });
        let lang = lang.get();
        chart.with(|c| {
            chart_svg(c, lang, selected, &|year| {
                state.period_href(Some(year), Some(year))
            })
        })
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let year = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[data-year]").ok().flatten())
            .and_then(|a| a.get_attribute("data-year"))
            .and_then(|y| y.parse::<i32>().ok());
        if let Some(year) = year {
            if is_plain_click(&ev) {
                ev.prevent_default();
                state.set_period(Some(year), Some(year));
            }
        }
    };
    view! {
        // A scrolling box on narrow screens: the years keep a width a finger can aim at.
        <div class="chart-scroll">
            <svg
                class="timeline-chart"
                role="group"
                aria-label=t(Key::ChartLabel)
                viewBox=move || {
                    chart.with(|c| format!("0 0 {} {}", Fixed(chart_width(c), 0), Fixed(HEIGHT, 0)))
                }
                inner_html=markup
                on:click=on_click
            ></svg>
        </div>
    }
}

// The chart's geometry, in SVG units (the SVG scales to its box).
const COLUMN: f64 = 16.0;
const PAD_X: f64 = 10.0;
/// Room above the tallest bar for its number.
const TOP: f64 = 22.0;
const BARS: f64 = 140.0;
const AXIS: f64 = TOP + BARS;
const EVENTS_TOP: f64 = AXIS + 24.0;
const EVENTS: f64 = 56.0;
const HEIGHT: f64 = EVENTS_TOP + EVENTS + 18.0;

fn chart_width(chart: &Timeline) -> f64 {
    2.0 * PAD_X + COLUMN * chart.years.len() as f64
}

/// The inside of the chart's `<svg>`: the status patterns, the axis with its year labels, and
/// a column per year (bars up for partnerships begun, stacked by relation with a pattern per
/// status; bars down for events), each year with a partnership a link named in words to
/// `href(year)`. `selected` is the year the period filter is set to, if any. Text that only
/// repeats what a link's name says is hidden from screen readers.
pub fn chart_svg(
    chart: &Timeline,
    lang: Lang,
    selected: Option<i32>,
    href: &dyn Fn(i32) -> String,
) -> String {
    let mut out = String::with_capacity(8_000 + 600 * chart.years.len());
    out.push_str(
        "<defs>\
         <pattern id=\"pat-in-progress\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(45)\"><rect class=\"pat-ink\" width=\"2.4\" height=\"6\"/></pattern>\
         <pattern id=\"pat-dormant\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">\
         <circle class=\"pat-ink\" cx=\"2.5\" cy=\"2.5\" r=\"1.4\"/></pattern>\
         <pattern id=\"pat-ended\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">\
         <path class=\"pat-line\" d=\"M0 0L6 6M6 0L0 6\"/></pattern>\
         </defs>",
    );
    let width = chart_width(chart);
    let axis = Fixed(AXIS, 0);
    let _ = write!(
        out,
        "<line class=\"axis\" x1=\"{}\" y1=\"{axis}\" x2=\"{}\" y2=\"{axis}\" aria-hidden=\"true\"/>",
        Fixed(PAD_X, 0),
        Fixed(width - PAD_X, 1),
    );
    let unit = BARS / chart.max_started as f64;
    let event_unit = EVENTS / chart.max_events as f64;
    let (first, last) = match (chart.years.first(), chart.years.last()) {
        (Some(f), Some(l)) => (f.year, l.year),
        _ => return out,
    };
    // The numbers and years are drawn apart from the links, over them: text inside a link
    // would have to be part of its name, and the names say it better in words.
    let mut labels = String::with_capacity(120 * chart.years.len());
    let labelled = labelled_years(first, last, selected);
    for (i, year) in chart.years.iter().enumerate() {
        let x = PAD_X + COLUMN * i as f64;
        let current = selected == Some(year.year);
        let link = year.started() > 0;
        if link {
            let name = format_year_link(year.year, year.started(), year.events, lang);
            let _ = write!(
                out,
                "<a class=\"year{}\" href=\"{}\" data-year=\"{}\" aria-label=\"{}\"{}>",
                if current { " current" } else { "" },
                escape(&href(year.year)),
                year.year,
                escape(&name),
                if current {
                    " aria-current=\"true\""
                } else {
                    ""
                },
            );
            let _ = write!(
                out,
                "<rect class=\"hit\" x=\"{}\" y=\"0\" width=\"{}\" height=\"{}\"/>",
                Fixed(x, 1),
                Fixed(COLUMN, 0),
                Fixed(HEIGHT, 0),
            );
        } else {
            out.push_str("<g class=\"year\" aria-hidden=\"true\">");
        }
        let mut top = AXIS;
        for segment in &year.segments {
            let h = segment.count as f64 * unit;
            top -= h;
            let _ = write!(
                out,
                "<rect class=\"seg rel-{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                segment.relation.id(),
                Fixed(x + 2.0, 1),
                Fixed(top, 1),
                Fixed(COLUMN - 4.0, 1),
                Fixed(h, 1),
            );
            if let Some(fill) = pattern_fill(segment.status) {
                let _ = write!(
                    out,
                    "<rect class=\"pat\" fill=\"{fill}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                    Fixed(x + 2.0, 1),
                    Fixed(top, 1),
                    Fixed(COLUMN - 4.0, 1),
                    Fixed(h, 1),
                );
            }
        }
        let centre = Fixed(x + COLUMN / 2.0, 1);
        if link {
            let _ = write!(
                labels,
                "<text class=\"n\" x=\"{centre}\" y=\"{}\">{}</text>",
                Fixed(top - 5.0, 1),
                format_int(year.started() as i64, lang)
            );
        }
        if year.events > 0 {
            let h = year.events as f64 * event_unit;
            let _ = write!(
                out,
                "<rect class=\"ev-bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                Fixed(x + 4.0, 1),
                Fixed(EVENTS_TOP, 0),
                Fixed(COLUMN - 8.0, 1),
                Fixed(h, 1),
            );
            let _ = write!(
                labels,
                "<text class=\"n ev\" x=\"{centre}\" y=\"{}\">{}</text>",
                Fixed(EVENTS_TOP + h + 12.0, 1),
                format_int(year.events as i64, lang)
            );
        }
        // A tick for every year, longer every fifth.
        let _ = write!(
            labels,
            "<line class=\"tick\" x1=\"{centre}\" y1=\"{axis}\" x2=\"{centre}\" y2=\"{}\"/>",
            Fixed(AXIS + if year.year % 5 == 0 { 6.0 } else { 3.0 }, 1)
        );
        if labelled.contains(&year.year) {
            let _ = write!(
                labels,
                "<text class=\"year-label{}\" x=\"{centre}\" y=\"{}\">{}</text>",
                if current { " current" } else { "" },
                Fixed(AXIS + 18.0, 1),
                year.year
            );
        }
        out.push_str(if link { "</a>" } else { "</g>" });
    }
    let _ = write!(out, "<g class=\"labels\" aria-hidden=\"true\">{labels}</g>");
    out
}

/// The years written under the axis: the selected one, the first and the last, and every
/// fifth, each only if it keeps three columns from those before it (four digits are wider
/// than a column).
fn labelled_years(first: i32, last: i32, selected: Option<i32>) -> Vec<i32> {
    let mut years: Vec<i32> = Vec::new();
    let fifths = (first..=last).filter(|y| y % 5 == 0);
    for year in selected.into_iter().chain([first, last]).chain(fifths) {
        if (first..=last).contains(&year) && years.iter().all(|y| (y - year).abs() >= 3) {
            years.push(year);
        }
    }
    years
}

/// The chart's numbers as a table: the years in which something happened, newest first, each
/// with its link (as in the chart), the partnerships begun (a list, so a screen reader says how
/// many; relation and status in words) and the number of events.
#[component]
fn YearTable(
    /// The chart's numbers, following the filters.
    chart: Memo<Timeline>,
) -> impl IntoView {
    let state = use_app();
    let data = use_data();
    let lang = use_lang();
    let rows = move || {
        let lang = lang.get();
        chart.with(|c| {
            c.years
                .iter()
                .rev()
                .filter(|y| y.started() > 0 || y.events > 0)
                .map(|y| {
                    let year = y.year;
                    let year_cell = if y.started() > 0 {
                        view! {
                            <a
                                class="year-link"
                                href=state.period_href(Some(year), Some(year))
                                on:click=move |ev| {
                                    if is_plain_click(&ev) {
                                        ev.prevent_default();
                                        state.set_period(Some(year), Some(year));
                                    }
                                }
                            >
                                {year}
                            </a>
                        }
                        .into_any()
                    } else {
                        view! { <span>{year}</span> }.into_any()
                    };
                    let partners = y
                        .partners
                        .iter()
                        .filter_map(|id| data.partner(id))
                        .map(|p| {
                            let kind =
                                format!("{} · {}", p.relation.label(lang), p.status.label(lang));
                            let name = lang.pick(&p.name).to_owned();
                            view! {
                                <li>
                                    <PartnerLink id=p.id.clone() text=name />
                                    " "
                                    <span class="year-partner-kind">{kind}</span>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row">{year_cell}</th>
                            <td>
                                <ul class="year-partners">{partners}</ul>
                            </td>
                            <td class="num">{format_int(y.events as i64, lang)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let undated = move || {
        let n = chart.with(|c| c.undated);
        (n > 0).then(|| view! { <p class="undated">{format_undated(n, lang.get())}</p> })
    };
    view! {
        <div class="table-scroll">
            <table class="year-table">
                <caption>{t(Key::TableCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(Key::Year)}</th>
                        <th scope="col">{t(Key::Began)}</th>
                        <th scope="col" class="num">
                            {t(Key::Events)}
                        </th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {undated}
    }
}

/// The anniversaries of the partnerships shown, this year and next, each at the precision of
/// its start date; round numbers stand out, and those already passed are said to be.
#[component]
fn Anniversaries() -> impl IntoView {
    let state = use_app();
    let data = use_data();
    let lang = use_lang();
    let visible = state.visible();
    let today = today();
    let lists = move || {
        let lang = lang.get();
        let groups = visible.with(|v| anniversaries_ahead(&data, v, today));
        if groups.iter().all(|(_, list)| list.is_empty()) {
            return view! { <p>{Key::NoAnniversaries.get(lang)}</p> }.into_any();
        }
        groups
            .into_iter()
            .enumerate()
            .filter(|(_, (_, list))| !list.is_empty())
            .map(|(i, (year, list))| {
                let items = list
                    .into_iter()
                    .filter_map(|a| {
                        let partner = data.partner(&a.partner)?;
                        let name = lang.pick(&partner.name).to_owned();
                        let text = format_anniversary(a.years, &a.date, lang);
                        Some(view! {
                            <li class:round=a.is_round() class:passed=a.passed>
                                <PartnerLink id=a.partner.clone() text=name />
                                ": "
                                {text}
                                {a
                                    .passed
                                    .then(|| {
                                        view! {
                                            <span class="passed-note">
                                                " · " {Key::Passed.get(lang)}
                                            </span>
                                        }
                                    })}
                            </li>
                        })
                    })
                    .collect_view();
                view! {
                    <h4>{format_anniversary_year(year, i == 1, lang)}</h4>
                    <ul class="anniversary-list">{items}</ul>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="anniversaries" aria-labelledby="anniversaries-heading">
            <h3 id="anniversaries-heading">{t(Key::AnniversariesHeading)}</h3>
            {lists}
        </section>
    }
}
