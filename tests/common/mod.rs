//! What the native test files share: the shipped data, read as the app reads it.
#![allow(dead_code)]

use chrono::NaiveDate;
use jakarta_sister_cities::data::{parse, Loaded};
use jakarta_sister_cities::model::Dataset;

/// The data file the app ships.
pub const SHIPPED: &str = include_str!("../../public/data/partners.json");

/// Today, by the clock, as the app reads it: the shipped file must hold no date after it.
/// Tests whose answers depend on the day pass a day of their own instead.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The shipped file, parsed and validated as of [`today`].
pub fn shipped_loaded() -> Loaded {
    match parse(SHIPPED, today()) {
        Ok(loaded) => loaded,
        Err(err) => panic!("partners.json cannot be read: {err}"),
    }
}

/// The shipped dataset; fails if any record breaks a rule, since a test over a dataset with
/// records left out would test less than it says.
pub fn shipped() -> Dataset {
    let loaded = shipped_loaded();
    let report: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert!(
        report.is_empty(),
        "{} problem(s) in partners.json:\n{}",
        report.len(),
        report.join("\n")
    );
    loaded.dataset
}
