//! The timeline's numbers (`timeline`): bars by start year, stacked by relation and status,
//! events by year, the filters applied; and anniversaries at the precision of each start date,
//! leap days and the turn of the year included.

mod common;

use std::sync::Arc;

use chrono::NaiveDate;
use jakarta_sister_cities::i18n::{format_anniversary, Lang};
use jakarta_sister_cities::model::{Dataset, Partner, PartnerId};
use jakarta_sister_cities::time::{PartialDate, Precision};
use jakarta_sister_cities::timeline::{
    anniversaries, anniversaries_ahead, timeline, year_span, Anniversary,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid test date")
}

fn date(text: &str) -> PartialDate {
    PartialDate::parse(text).unwrap_or_else(|e| panic!("{e}"))
}

fn ids(list: &[&str]) -> Vec<PartnerId> {
    list.iter().map(|&id| PartnerId::from(id)).collect()
}

fn all_ids(data: &Dataset) -> Vec<PartnerId> {
    data.partners.iter().map(|p| p.id.clone()).collect()
}

/// The shipped data plus partners made from Tokyo's record with other ids and start dates.
fn with_starts(starts: &[(&str, Option<&str>)]) -> Dataset {
    let mut data = common::shipped();
    let base: Partner = data
        .partner("tokyo")
        .map(|p| (**p).clone())
        .expect("Tokyo is in the shipped data");
    for (id, since) in starts {
        let mut p = base.clone();
        p.id = PartnerId::from(*id);
        p.since = since.map(date);
        p.events.clear();
        data.partners.push(Arc::new(p));
    }
    data.reindex();
    data
}

const TODAY: (i32, u32, u32) = (2026, 11, 30);

fn today() -> NaiveDate {
    day(TODAY.0, TODAY.1, TODAY.2)
}

#[test]
fn the_axis_runs_from_the_first_start_to_this_year_every_year_included() {
    let data = common::shipped();
    assert_eq!(year_span(&data, today()), (1979, 2026));
    let chart = timeline(&data, &all_ids(&data), today());
    let years: Vec<i32> = chart.years.iter().map(|y| y.year).collect();
    assert_eq!(years, (1979..=2026).collect::<Vec<_>>());
    // Jakarta's first sister city began in 1979; years with nothing are still on the axis.
    assert_eq!(chart.years[0].partners, ids(&["jeddah"]));
    assert!(chart
        .years
        .iter()
        .any(|y| y.started() == 0 && y.events == 0));
    // The axis does not move with the filters.
    let narrowed = timeline(&data, &ids(&["tokyo"]), today());
    assert_eq!(narrowed.years.len(), chart.years.len());
}

#[test]
fn every_dated_partner_shown_is_in_the_bar_of_its_start_year_once() {
    let data = common::shipped();
    let visible = all_ids(&data);
    let chart = timeline(&data, &visible, today());
    let undated = data.partners.iter().filter(|p| p.since.is_none()).count();
    assert!(
        undated > 0,
        "the shipped data has partners with no start date"
    );
    assert_eq!(chart.undated, undated);
    let on_chart: usize = chart.years.iter().map(|y| y.started()).sum();
    assert_eq!(on_chart + undated, visible.len());
    for year in &chart.years {
        for id in &year.partners {
            let since = data.partner(id).and_then(|p| p.since).expect("dated");
            assert_eq!(since.year(), year.year, "{id}");
        }
        // The segments add up to the bar and are stacked by relation, then status.
        assert_eq!(
            year.segments.iter().map(|s| s.count).sum::<usize>(),
            year.started()
        );
        let keys: Vec<_> = year
            .segments
            .iter()
            .map(|s| (s.relation, s.status))
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(keys, sorted, "{}", year.year);
        for s in &year.segments {
            let matching = year
                .partners
                .iter()
                .filter_map(|id| data.partner(id))
                .filter(|p| p.relation == s.relation && p.status == s.status)
                .count();
            assert_eq!(
                matching, s.count,
                "{} {:?} {:?}",
                year.year, s.relation, s.status
            );
        }
    }
    assert_eq!(
        chart.max_started,
        chart.years.iter().map(|y| y.started()).max().unwrap_or(0)
    );
}

#[test]
fn within_a_year_partners_come_by_start_date_a_year_only_date_first() {
    let data = common::shipped();
    let chart = timeline(&data, &all_ids(&data), today());
    for year in &chart.years {
        let dates: Vec<PartialDate> = year
            .partners
            .iter()
            .filter_map(|id| data.partner(id).and_then(|p| p.since))
            .collect();
        let mut sorted = dates.clone();
        sorted.sort();
        assert_eq!(dates, sorted, "{}", year.year);
    }
}

#[test]
fn the_filters_apply_and_unknown_ids_are_skipped() {
    let data = common::shipped();
    let chart = timeline(&data, &ids(&["tokyo", "berlin", "atlantis"]), today());
    let with_bars: Vec<(i32, Vec<PartnerId>)> = chart
        .years
        .iter()
        .filter(|y| y.started() > 0)
        .map(|y| (y.year, y.partners.clone()))
        .collect();
    assert_eq!(
        with_bars,
        vec![(1989, ids(&["tokyo"])), (1994, ids(&["berlin"]))]
    );
    assert_eq!(chart.undated, 0);

    let empty = timeline(&data, &[], today());
    assert!(empty
        .years
        .iter()
        .all(|y| y.started() == 0 && y.events == 0));
    // Scales never divide by zero.
    assert_eq!((empty.max_started, empty.max_events), (1, 1));
}

#[test]
fn events_are_counted_in_the_year_they_happened_for_the_partners_shown() {
    let data = common::shipped();
    let tokyo = data.partner("tokyo").expect("Tokyo");
    assert!(!tokyo.events.is_empty());
    let chart = timeline(&data, &ids(&["tokyo"]), today());
    for year in &chart.years {
        let expected = tokyo
            .events
            .iter()
            .filter(|e| e.date.year() == year.year)
            .count();
        assert_eq!(year.events, expected, "{}", year.year);
    }
    let all = timeline(&data, &all_ids(&data), today());
    let events: usize = data.partners.iter().map(|p| p.events.len()).sum();
    assert_eq!(all.years.iter().map(|y| y.events).sum::<usize>(), events);
}

fn find<'a>(list: &'a [Anniversary], id: &str) -> Option<&'a Anniversary> {
    list.iter().find(|a| a.partner == id)
}

#[test]
fn an_anniversary_known_to_the_day_falls_on_that_day() {
    let data = common::shipped();
    let visible = ids(&["tokyo"]);
    let this_year = anniversaries(&data, &visible, 2026, today());
    let tokyo = find(&this_year, "tokyo").expect("Tokyo's 37th");
    assert_eq!(tokyo.years, 37);
    assert_eq!(tokyo.date, date("2026-10-23"));
    assert!(tokyo.passed, "23 October is before 30 November");
    assert_eq!(
        format_anniversary(tokyo.years, &tokyo.date, Lang::En),
        "37 years on 23 October 2026"
    );
    assert_eq!(
        format_anniversary(tokyo.years, &tokyo.date, Lang::Id),
        "37 tahun pada 23 Oktober 2026"
    );
    let next = anniversaries(&data, &visible, 2027, today());
    let tokyo = find(&next, "tokyo").expect("Tokyo's 38th");
    assert_eq!(
        (tokyo.years, tokyo.date, tokyo.passed),
        (38, date("2027-10-23"), false)
    );
    // On the day itself it has not passed.
    let on_the_day = anniversaries(&data, &visible, 2026, day(2026, 10, 23));
    assert!(!on_the_day[0].passed);
}

#[test]
fn a_29_february_start_falls_on_28_february_in_a_common_year() {
    let data = with_starts(&[("leap", Some("2016-02-29"))]);
    let visible = ids(&["leap"]);
    let common_year = anniversaries(&data, &visible, 2027, today());
    assert_eq!(common_year[0].date, date("2027-02-28"));
    assert_eq!(common_year[0].years, 11);
    let leap_year = anniversaries(&data, &visible, 2028, today());
    assert_eq!(leap_year[0].date, date("2028-02-29"));
    assert_eq!(leap_year[0].years, 12);
}

#[test]
fn a_month_or_a_year_is_said_at_its_precision() {
    let data = with_starts(&[("monthly", Some("2014-09")), ("yearly", Some("2007"))]);
    let visible = ids(&["yearly", "monthly"]);
    let list = anniversaries(&data, &visible, 2026, today());
    // Dated ones first: a year-only date could fall on any day of the year.
    let order: Vec<&str> = list.iter().map(|a| a.partner.as_str()).collect();
    assert_eq!(order, ["monthly", "yearly"]);
    let monthly = &list[0];
    assert_eq!(monthly.date.precision(), Precision::Month);
    assert_eq!(
        format_anniversary(monthly.years, &monthly.date, Lang::En),
        "12 years in September 2026"
    );
    assert_eq!(
        format_anniversary(monthly.years, &monthly.date, Lang::Id),
        "12 tahun pada September 2026"
    );
    assert!(monthly.passed);
    // A month has not passed while it lasts.
    let mid_month = anniversaries(&data, &ids(&["monthly"]), 2026, day(2026, 9, 30));
    assert!(!mid_month[0].passed);
    let yearly = &list[1];
    assert_eq!(
        format_anniversary(yearly.years, &yearly.date, Lang::En),
        "19 years in 2026"
    );
    assert_eq!(
        format_anniversary(yearly.years, &yearly.date, Lang::Id),
        "19 tahun pada 2026"
    );
    // Only the year is known: it has not passed until the year has.
    assert!(!yearly.passed);
    assert!(
        anniversaries(&data, &ids(&["yearly"]), 2025, today())[0].passed,
        "2025 is over"
    );
    assert_eq!(
        format_anniversary(1, &date("2027"), Lang::En),
        "1 year in 2027"
    );
}

#[test]
fn this_year_and_next_follow_the_turn_of_the_year() {
    let data = with_starts(&[
        ("eve", Some("2020-12-31")),
        ("new", Some("2026-03-15")),
        ("unknown", None),
    ]);
    let visible = ids(&["eve", "new", "unknown"]);

    let [(this, now), (next, later)] = anniversaries_ahead(&data, &visible, day(2026, 12, 31));
    assert_eq!((this, next), (2026, 2027));
    // Begun this year: no anniversary until next year.
    assert!(find(&now, "new").is_none());
    let eve = find(&now, "eve").expect("eve's 6th, today");
    assert_eq!((eve.years, eve.passed), (6, false));
    assert_eq!(find(&later, "new").map(|a| a.years), Some(1));
    assert!(find(&now, "unknown").is_none() && find(&later, "unknown").is_none());

    // A day later the years move on: "this year" is 2027.
    let [(this, now), (next, later)] = anniversaries_ahead(&data, &visible, day(2027, 1, 1));
    assert_eq!((this, next), (2027, 2028));
    let new = find(&now, "new").expect("new's 1st");
    assert_eq!(
        (new.years, new.date, new.passed),
        (1, date("2027-03-15"), false)
    );
    assert_eq!(find(&later, "eve").map(|a| a.years), Some(8));
}

#[test]
fn the_shipped_data_has_anniversaries_this_year_and_next() {
    let data = common::shipped();
    let [(_, now), (_, later)] = anniversaries_ahead(&data, &all_ids(&data), today());
    let dated = data.partners.iter().filter(|p| p.since.is_some()).count();
    // Every dated partnership begun before this year has one this year, and next year too.
    assert!(now.len() <= dated && later.len() <= dated);
    assert!(later.len() >= now.len());
    assert!(now.iter().all(|a| a.years >= 1));
    let round: Vec<&str> = later
        .iter()
        .filter(|a| a.is_round())
        .map(|a| a.partner.as_str())
        .collect();
    assert!(round.iter().all(|id| {
        data.partner(id)
            .and_then(|p| p.since)
            .is_some_and(|s| (2027 - s.year()) % 5 == 0)
    }));
}

#[test]
fn the_chart_links_each_year_with_a_start_and_marks_status_by_pattern() {
    use jakarta_sister_cities::components::timeline_view::chart_svg;
    let data = common::shipped();
    let chart = timeline(&data, &all_ids(&data), today());
    let svg = chart_svg(&chart, Lang::En, Some(1989), &|y| {
        format!("?from={y}&to={y}")
    });
    let with_starts: Vec<i32> = chart
        .years
        .iter()
        .filter(|y| y.started() > 0)
        .map(|y| y.year)
        .collect();
    assert_eq!(svg.matches("<a ").count(), with_starts.len());
    for year in &with_starts {
        assert!(
            svg.contains(&format!(
                "href=\"?from={year}&amp;to={year}\" data-year=\"{year}\""
            )),
            "{year}"
        );
    }
    assert!(svg.contains("aria-label=\"1989: 1 partnership began, "));
    assert_eq!(svg.matches("aria-current=\"true\"").count(), 1);
    // Every segment of a status other than active carries its pattern: never colour alone.
    let patterned = chart
        .years
        .iter()
        .flat_map(|y| &y.segments)
        .filter(|s| s.status != jakarta_sister_cities::model::Status::Active)
        .count();
    assert!(patterned > 0);
    assert_eq!(svg.matches("class=\"pat\"").count(), patterned);
    assert!(!svg.contains("NaN") && !svg.contains("inf"));
    for label in [">1979<", ">2026<", ">1989<", ">1995<"] {
        assert!(svg.contains(label), "{label}");
    }
}

#[test]
fn year_labels_never_run_into_each_other() {
    use jakarta_sister_cities::components::timeline_view::chart_svg;
    let data = common::shipped();
    let chart = timeline(&data, &ids(&["tokyo"]), today());
    for selected in [None, Some(1979), Some(1989), Some(2025), Some(2026)] {
        let svg = chart_svg(&chart, Lang::Id, selected, &|y| y.to_string());
        let mut years: Vec<i32> = svg
            .split("class=\"year-label")
            .skip(1)
            .filter_map(|rest| rest.split('>').nth(1)?.split('<').next()?.parse().ok())
            .collect();
        years.sort();
        assert!(
            years.windows(2).all(|w| w[1] - w[0] >= 3),
            "{selected:?}: {years:?}"
        );
        if let Some(year) = selected {
            assert!(years.contains(&year), "the selected year {year} is written");
        }
    }
}
