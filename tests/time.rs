//! Dates at their precision (`time`): parsing, order, and whole years counted as people do.

use chrono::NaiveDate;
use jakarta_sister_cities::time::{PartialDate, Precision};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid test date")
}

fn date(text: &str) -> PartialDate {
    PartialDate::parse(text).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn dates_parse_at_their_precision() {
    assert_eq!(date("1989").precision(), Precision::Year);
    assert_eq!(date("1989-10").precision(), Precision::Month);
    assert_eq!(date("1989-10-23").precision(), Precision::Day);
    assert_eq!(date("1989-10-23").day(), Some(23));
    assert_eq!(date("1989-10").day(), None);
    for bad in [
        "89",
        "1989-1",
        "1989-13",
        "1989-02-30",
        "1989/10/23",
        "",
        "1989-10-23T00:00",
        "abcd",
    ] {
        assert!(
            PartialDate::parse(bad).is_err(),
            "{bad:?} should be rejected"
        );
    }
    assert_eq!(date("2024-02-29").to_string(), "2024-02-29");
}

#[test]
fn dates_order_by_start_then_precision() {
    assert!(date("1994") < date("1994-04-13"));
    assert!(date("1993-04-22") < date("1994"));
}

#[test]
fn whole_years_count_at_the_precision_given() {
    let now = day(2026, 10, 22);
    assert_eq!(date("1989-10-23").whole_years_until(now), Some(36));
    assert_eq!(date("1989-10-22").whole_years_until(now), Some(37));
    assert_eq!(date("1989-11").whole_years_until(now), Some(36));
    assert_eq!(date("1989").whole_years_until(now), Some(37));
    assert_eq!(date("2027").whole_years_until(now), None);
}

#[test]
fn a_date_moves_to_another_year_at_its_precision() {
    assert_eq!(date("1989-10-23").in_year(2026), Some(date("2026-10-23")));
    assert_eq!(date("2014-09").in_year(2026), Some(date("2026-09")));
    assert_eq!(date("2007").in_year(2026), Some(date("2026")));
    // 29 February keeps its month: 28 February in a common year.
    assert_eq!(date("2016-02-29").in_year(2027), Some(date("2027-02-28")));
    assert_eq!(date("2016-02-29").in_year(2028), Some(date("2028-02-29")));
}

#[test]
fn the_last_day_of_a_period_is_its_end() {
    assert_eq!(date("2026").last_day(), day(2026, 12, 31));
    assert_eq!(date("2024-02").last_day(), day(2024, 2, 29));
    assert_eq!(date("2026-12").last_day(), day(2026, 12, 31));
    assert_eq!(date("2026-10-23").last_day(), day(2026, 10, 23));
}
