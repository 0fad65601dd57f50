//! Dates known to a year, a month or a day, as the sources give them.
//!
//! In the JSON a date is a string whose shape states its precision: `1989`,
//! `1989-10` or `1989-10-23`. Each shape is parsed with chrono, so `1989-02-30`
//! is rejected rather than rounded.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A calendar date at the precision its source gives.
///
/// Ordering compares the first day of the period, then the precision, so that
/// `1994` sorts before `1994-04-13`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    start: NaiveDate,
    precision: Precision,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{text}\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")]
pub struct DateError {
    pub text: String,
}

impl PartialDate {
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let err = || DateError {
            text: text.to_owned(),
        };
        let number = |part: &str, len: usize| {
            (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse::<u32>().ok())
                .flatten()
        };
        let parts: Vec<&str> = text.split('-').collect();
        let (year, month, day, precision) = match parts.as_slice() {
            [y] => (number(y, 4), Some(1), Some(1), Precision::Year),
            [y, m] => (number(y, 4), number(m, 2), Some(1), Precision::Month),
            [y, m, d] => (number(y, 4), number(m, 2), number(d, 2), Precision::Day),
            _ => return Err(err()),
        };
        // from_ymd_opt rejects impossible days (1989-02-30) rather than rolling them over.
        let start = match (year, month, day) {
            (Some(y), Some(m), Some(d)) => {
                NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(err)?
            }
            _ => return Err(err()),
        };
        Ok(Self { start, precision })
    }

    pub fn precision(&self) -> Precision {
        self.precision
    }

    pub fn year(&self) -> i32 {
        self.start.year()
    }

    /// Month 1..=12, when known.
    pub fn month(&self) -> Option<u32> {
        (self.precision >= Precision::Month).then(|| self.start.month())
    }

    /// Day of the month, when known.
    pub fn day(&self) -> Option<u32> {
        (self.precision == Precision::Day).then(|| self.start.day())
    }

    /// The first day the date could mean.
    pub fn first_day(&self) -> NaiveDate {
        self.start
    }

    /// The last day the date could mean: the 31 December of a year, the last day of a month.
    pub fn last_day(&self) -> NaiveDate {
        let next = match self.precision {
            Precision::Day => return self.start,
            Precision::Month => self.start.checked_add_months(chrono::Months::new(1)),
            Precision::Year => self.start.checked_add_months(chrono::Months::new(12)),
        };
        // Only the last representable period has no successor; its start is the best answer.
        next.and_then(|d| d.pred_opt()).unwrap_or(self.start)
    }

    /// The same day or month in another year, at the same precision: the date's anniversary.
    ///
    /// A 29 February falls on 28 February in a common year, the last day of the same month:
    /// moving it into March would put the anniversary in a month the partnership did not
    /// begin in, and a month-precision reader would see the wrong month. `None` only for a
    /// year outside chrono's range.
    pub fn in_year(&self, year: i32) -> Option<PartialDate> {
        let (month, day) = (self.start.month(), self.start.day());
        let start = NaiveDate::from_ymd_opt(year, month, day)
            .or_else(|| NaiveDate::from_ymd_opt(year, month, day.saturating_sub(1)))?;
        Some(PartialDate {
            start,
            precision: self.precision,
        })
    }

    /// True when even the first day of the period lies after `today`.
    pub fn is_after(&self, today: NaiveDate) -> bool {
        self.start > today
    }

    /// Whole years from this date to `today`, counted at the date's precision:
    /// a date known only to the year counts from that year's anniversary of today.
    pub fn whole_years_until(&self, today: NaiveDate) -> Option<i32> {
        if self.is_after(today) {
            return None;
        }
        let mut years = today.year() - self.start.year();
        let not_reached = match self.precision {
            Precision::Year => false,
            Precision::Month => today.month() < self.start.month(),
            Precision::Day => (today.month(), today.day()) < (self.start.month(), self.start.day()),
        };
        if not_reached {
            years -= 1;
        }
        Some(years)
    }
}

/// Today's date as the device's clock gives it (the browser's, in the app).
///
/// In the browser from a JS `Date`'s local fields, not chrono's `Local`: its time zone code
/// (offsets, the checks of a local time that does not exist) is not needed to know the day,
/// and cost the WebAssembly its bytes.
pub fn today() -> NaiveDate {
    #[cfg(target_arch = "wasm32")]
    {
        // A `Date` made now always holds a day; were it not, the epoch (1970) is a day too.
        let now = js_sys::Date::new_0();
        NaiveDate::from_ymd_opt(
            now.get_full_year() as i32,
            now.get_month() + 1,
            now.get_date(),
        )
        .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    chrono::Local::now().date_naive()
}

impl From<NaiveDate> for PartialDate {
    /// A day known to the day, such as today.
    fn from(day: NaiveDate) -> PartialDate {
        PartialDate {
            start: day,
            precision: Precision::Day,
        }
    }
}

impl fmt::Display for PartialDate {
    /// The canonical JSON form (`1989`, `1989-10`, `1989-10-23`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Year => write!(f, "{:04}", self.start.year()),
            Precision::Month => write!(f, "{:04}-{:02}", self.start.year(), self.start.month()),
            Precision::Day => write!(
                f,
                "{:04}-{:02}-{:02}",
                self.start.year(),
                self.start.month(),
                self.start.day()
            ),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl crate::json::FromJson for PartialDate {
    fn from_json(value: crate::json::Json<'_, '_>) -> Result<Self, crate::json::TypeError> {
        let text = <String as crate::json::FromJson>::from_json(value)?;
        PartialDate::parse(&text).map_err(|err| crate::json::TypeError::new(err.to_string()))
    }

    fn placeholder() -> Self {
        NaiveDate::MIN.into()
    }
}

impl crate::json::ToJson for PartialDate {
    fn write_json(&self, out: &mut String) {
        crate::json::write_str(out, &self.to_string());
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        PartialDate::parse(&text).map_err(serde::de::Error::custom)
    }
}
