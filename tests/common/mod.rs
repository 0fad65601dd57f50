//! What the native test files share: the shipped data, read as the app reads it, on one
//! fixed day, so that a test never depends on the day it runs.
#![allow(dead_code)]

use chrono::NaiveDate;
use jakarta_sister_cities::data::{parse, Loaded};
use jakarta_sister_cities::model::Dataset;

/// The data file the app ships.
pub const SHIPPED: &str = include_str!("../../public/data/partners.json");

/// The day the tests are read on: after every date in the shipped file.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).expect("a valid date")
}

/// The shipped file, parsed and validated as of [`today`].
pub fn shipped_loaded() -> Loaded {
    match parse(SHIPPED, today()) {
        Ok(loaded) => loaded,
        Err(err) => panic!("partners.json cannot be read: {err}"),
    }
}

/// The shipped dataset (records that break a rule left out, as in the app).
pub fn shipped() -> Dataset {
    shipped_loaded().dataset
}
