//! Interface text (`i18n`): both languages everywhere, and dates and numbers as each
//! language writes them.

use jakarta_sister_cities::i18n::{
    format_active, format_count, format_date, format_int, format_km, format_number, format_showing,
    format_years, Key, Label, Lang,
};
use jakarta_sister_cities::model::{
    ChangeKind, EventKind, Level, Region, Relation, Status, Vocabulary,
};
use jakarta_sister_cities::time::PartialDate;
use jakarta_sister_cities::url_state::{Sort, View};

fn date(text: &str) -> PartialDate {
    PartialDate::parse(text).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn dates_read_naturally_in_both_languages() {
    assert_eq!(
        format_date(&date("1989-10-23"), Lang::Id),
        "23 Oktober 1989"
    );
    assert_eq!(
        format_date(&date("1989-10-23"), Lang::En),
        "23 October 1989"
    );
    assert_eq!(format_date(&date("2025-08"), Lang::Id), "Agustus 2025");
    assert_eq!(format_date(&date("1984"), Lang::En), "1984");
}

#[test]
fn every_interface_string_exists_in_both_languages() {
    for key in Key::ALL {
        for lang in [Lang::Id, Lang::En] {
            assert!(
                !key.get(lang).trim().is_empty(),
                "{key:?} is empty in {lang:?}"
            );
        }
    }
}

/// Every value of every vocabulary has a label in both languages, and no two values of one
/// vocabulary share a label (a reader could not tell them apart).
#[test]
fn every_vocabulary_value_has_a_label_in_both_languages() {
    fn check<T: Vocabulary + Label + std::fmt::Debug>() {
        for lang in [Lang::Id, Lang::En] {
            let labels: Vec<&str> = T::ALL.iter().map(|v| v.label(lang)).collect();
            for (value, label) in T::ALL.iter().zip(&labels) {
                assert!(!label.trim().is_empty(), "{value:?} has no {lang:?} label");
            }
            let mut unique = labels.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(
                unique.len(),
                labels.len(),
                "{lang:?} labels repeat: {labels:?}"
            );
        }
    }
    check::<Relation>();
    check::<Status>();
    check::<Level>();
    check::<Region>();
    check::<EventKind>();
    check::<ChangeKind>();
    check::<View>();
    check::<Sort>();
}

#[test]
fn whole_numbers_take_the_languages_thousands_separator() {
    assert_eq!(format_int(0, Lang::Id), "0");
    assert_eq!(format_int(999, Lang::En), "999");
    assert_eq!(format_int(1000, Lang::Id), "1.000");
    assert_eq!(format_int(1000, Lang::En), "1,000");
    assert_eq!(format_int(14450, Lang::Id), "14.450");
    assert_eq!(format_int(1234567, Lang::En), "1,234,567");
    assert_eq!(format_int(-1234567, Lang::Id), "-1.234.567");
    assert_eq!(format_int(i64::MIN, Lang::En), "-9,223,372,036,854,775,808");
}

#[test]
fn figures_with_a_fraction_take_the_languages_decimal_mark() {
    assert_eq!(format_number(102.0, Lang::Id), "102");
    assert_eq!(format_number(1500.0, Lang::Id), "1.500");
    assert_eq!(format_number(1.5, Lang::Id), "1,5");
    assert_eq!(format_number(1.5, Lang::En), "1.5");
    assert_eq!(format_number(2500.25, Lang::En), "2,500.25");
    assert_eq!(format_number(2500.25, Lang::Id), "2.500,25");
    // Below one, the sign is kept; a third decimal rounds away.
    assert_eq!(format_number(-0.5, Lang::En), "-0.5");
    assert_eq!(format_number(0.125001, Lang::Id), "0,13");
    assert_eq!(format_number(3.004, Lang::En), "3");
}

#[test]
fn distances_round_to_whole_kilometres() {
    assert_eq!(format_km(14449.6, Lang::En), "14,450 km");
    assert_eq!(format_km(14449.4, Lang::Id), "14.449 km");
    assert_eq!(format_km(0.4, Lang::En), "0 km");
}

#[test]
fn years_and_counts_read_as_sentences() {
    assert_eq!(format_years(1, Lang::En), "1 year");
    assert_eq!(format_years(37, Lang::En), "37 years");
    assert_eq!(format_years(1, Lang::Id), "1 tahun");
    assert_eq!(format_years(37, Lang::Id), "37 tahun");
    assert_eq!(format_count(12, 5000, Lang::Id), "12 dari 5.000 mitra");
    assert_eq!(format_count(12, 5000, Lang::En), "12 of 5,000 partners");
    assert_eq!(
        format_showing(100, 5000, Lang::Id),
        "Menampilkan 100 dari 5.000"
    );
    assert_eq!(format_showing(100, 5000, Lang::En), "Showing 100 of 5,000");
    assert_eq!(format_active(2, Lang::Id), "2 aktif");
    assert_eq!(format_active(2, Lang::En), "2 active");
}
