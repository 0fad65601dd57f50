//! The timeline's numbers: the partnerships shown, by the year they began, stacked by relation
//! and status; the dated events of those partnerships by year; and the anniversaries of their
//! start dates in a given year.
//!
//! Pure, with no DOM and `today` passed in, so that the chart and the anniversaries are tested
//! natively against any day, the year boundary and leap days included.

use chrono::{Datelike, NaiveDate};

use crate::model::{Dataset, Partner, PartnerId, Relation, Status};
use crate::time::{PartialDate, Precision};

/// The partnerships of one relation and one status that began in one year: a segment of that
/// year's bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub relation: Relation,
    pub status: Status,
    pub count: usize,
}

/// One year of the chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Year {
    pub year: i32,
    /// The bar, bottom up: by relation in the vocabulary's order, then by status.
    pub segments: Vec<Segment>,
    /// The partners that began this year, by start date (a year-only date counts as the
    /// year's first day), then in the order they are shown.
    pub partners: Vec<PartnerId>,
    /// Dated events of the partners shown that happened this year.
    pub events: usize,
}

impl Year {
    /// How many partnerships began this year.
    pub fn started(&self) -> usize {
        self.partners.len()
    }
}

/// The chart: every year from the first to the last, empty years included, so that the gaps
/// between partnerships are seen as gaps.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Timeline {
    pub years: Vec<Year>,
    /// Partners shown whose start date is unknown: not on the chart, but counted in words.
    pub undated: usize,
    /// The tallest bar and the most events in a year, for the two scales (at least 1).
    pub max_started: usize,
    pub max_events: usize,
}

/// The years the chart spans: from the earliest start or event in the whole dataset (not only
/// the partners shown, so that the axis stays still while the filters change) to this year.
pub fn year_span(data: &Dataset, today: NaiveDate) -> (i32, i32) {
    let last = today.year();
    let first = data
        .partners
        .iter()
        .flat_map(|p| p.since.iter().chain(p.events.iter().map(|e| &e.date)))
        .map(PartialDate::year)
        .min()
        .unwrap_or(last)
        .min(last);
    (first, last)
}

/// The chart of the partners `visible` (ids the dataset does not know are skipped).
pub fn timeline(data: &Dataset, visible: &[PartnerId], today: NaiveDate) -> Timeline {
    let (first, last) = year_span(data, today);
    let mut years: Vec<Year> = (first..=last)
        .map(|year| Year {
            year,
            segments: Vec::new(),
            partners: Vec::new(),
            events: 0,
        })
        .collect();
    let slot = |year: i32| usize::try_from(year - first).ok();
    let mut undated = 0;
    let mut dated: Vec<(PartialDate, usize, &Partner)> = Vec::new();
    for (order, partner) in visible.iter().filter_map(|id| data.partner(id)).enumerate() {
        match partner.since {
            Some(since) => dated.push((since, order, partner)),
            None => undated += 1,
        }
        for event in &partner.events {
            if let Some(year) = slot(event.date.year()).and_then(|i| years.get_mut(i)) {
                year.events += 1;
            }
        }
    }
    crate::order::sort_by_key(&mut dated, |(since, order, _)| (*since, *order));
    for (since, _, partner) in dated {
        let Some(year) = slot(since.year()).and_then(|i| years.get_mut(i)) else {
            continue;
        };
        year.partners.push(partner.id.clone());
        match year
            .segments
            .iter_mut()
            .find(|s| s.relation == partner.relation && s.status == partner.status)
        {
            Some(segment) => segment.count += 1,
            None => year.segments.push(Segment {
                relation: partner.relation,
                status: partner.status,
                count: 1,
            }),
        }
    }
    for year in &mut years {
        crate::order::sort_by_key(&mut year.segments, |s| (s.relation, s.status));
    }
    let max_started = years.iter().map(Year::started).max().unwrap_or(0).max(1);
    let max_events = years.iter().map(|y| y.events).max().unwrap_or(0).max(1);
    Timeline {
        years,
        undated,
        max_started,
        max_events,
    }
}

/// A partnership's anniversary in a given year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anniversary {
    pub partner: PartnerId,
    /// Whole years since it began.
    pub years: i32,
    /// When, at the precision of the start date: a day, a month, or only the year.
    pub date: PartialDate,
    /// True once the whole day, month or year of the anniversary lies before `today`.
    pub passed: bool,
}

impl Anniversary {
    /// A round number of years (5, 10, 15, …), which cities tend to mark.
    pub fn is_round(&self) -> bool {
        self.years % 5 == 0
    }
}

/// The anniversaries in `year` of the partners `visible` whose start date is known: at least
/// one year old by then. Dated ones first, by date; those known only to the year last, since
/// they could fall on any day of it; ties keep the order the partners are shown in.
pub fn anniversaries(
    data: &Dataset,
    visible: &[PartnerId],
    year: i32,
    today: NaiveDate,
) -> Vec<Anniversary> {
    let mut found: Vec<(bool, NaiveDate, usize, Anniversary)> = visible
        .iter()
        .filter_map(|id| data.partner(id))
        .enumerate()
        .filter_map(|(order, partner)| {
            let since = partner.since?;
            let years = year - since.year();
            if years < 1 {
                return None;
            }
            let date = since.in_year(year)?;
            let anniversary = Anniversary {
                partner: partner.id.clone(),
                years,
                date,
                passed: date.last_day() < today,
            };
            Some((
                date.precision() == Precision::Year,
                date.first_day(),
                order,
                anniversary,
            ))
        })
        .collect();
    crate::order::sort_by_key(&mut found, |(year_only, first_day, order, _)| {
        (*year_only, *first_day, *order)
    });
    found.into_iter().map(|(_, _, _, a)| a).collect()
}

/// The anniversaries of this year and of next year, each with its year, as of `today`.
pub fn anniversaries_ahead(
    data: &Dataset,
    visible: &[PartnerId],
    today: NaiveDate,
) -> [(i32, Vec<Anniversary>); 2] {
    let this = today.year();
    [this, this + 1].map(|year| (year, anniversaries(data, visible, year, today)))
}
