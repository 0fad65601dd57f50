//! Validates the shipped `public/data/partners.json` against every rule of the data contract.

use std::collections::HashSet;

use jakarta_sister_cities::data::parse;
use jakarta_sister_cities::model::{Dataset, Level, Relation, Status};

const SHIPPED: &str = include_str!("../public/data/partners.json");

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

fn shipped() -> Dataset {
    match parse(SHIPPED, today()) {
        Ok(loaded) => {
            let report: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
            assert!(
                report.is_empty(),
                "{} problem(s) in partners.json:\n{}",
                report.len(),
                report.join("\n")
            );
            loaded.dataset
        }
        Err(err) => panic!("partners.json cannot be read: {err}"),
    }
}

#[test]
fn shipped_file_breaks_no_rule() {
    let data = shipped();
    assert!(!data.partners.is_empty());
}

#[test]
fn covers_the_2019_list_and_the_later_partners() {
    let data = shipped();
    let ids: HashSet<&str> = data.partners.iter().map(|p| p.id.as_str()).collect();
    let expected = [
        "jeddah",
        "seoul",
        "islamabad",
        "rotterdam",
        "tokyo",
        "los-angeles",
        "casablanca",
        "beijing",
        "arkansas",
        "berlin",
        "new-south-wales",
        "paris",
        "bangkok",
        "hanoi",
        "istanbul",
        "maputo",
        "kyiv",
        "moscow",
        "al-quds-al-sharif",
        "pyongyang",
        "budapest",
        "jeju",
        "shanghai",
        "chungcheongnam-do",
        "heidelberg",
        "kuala-lumpur",
        "ankara",
        "kinshasa",
        "cairo",
        "gyeonggi-do",
        "buenos-aires",
        "c40",
        "citynet",
        "u20",
        "anmc21",
        "dutep",
        "new-york-city",
        "hiroshima-global-academy",
    ];
    let missing: Vec<&str> = expected
        .iter()
        .copied()
        .filter(|id| !ids.contains(id))
        .collect();
    assert!(
        missing.is_empty(),
        "partners missing from the dataset: {missing:?}"
    );
}

#[test]
fn letters_of_intent_are_in_progress_not_sister_cities() {
    let data = shipped();
    for id in [
        "chungcheongnam-do",
        "kuala-lumpur",
        "ankara",
        "kinshasa",
        "cairo",
    ] {
        let partner = data
            .partner(id)
            .unwrap_or_else(|| panic!("{id} is missing"));
        assert_eq!(partner.relation, Relation::LetterOfIntent, "{id}.relation");
        assert_eq!(partner.status, Status::InProgress, "{id}.status");
    }
}

#[test]
fn jerusalem_carries_no_country_code_and_says_why() {
    let data = shipped();
    let partner = data
        .partner("al-quds-al-sharif")
        .expect("al-quds-al-sharif is missing");
    assert_eq!(partner.country, None);
    let note = partner
        .note
        .as_ref()
        .expect("al-quds-al-sharif needs a note");
    assert!(
        note.en.to_lowercase().contains("disputed"),
        "the English note says the status is disputed"
    );
}

#[test]
fn networks_have_no_point_and_places_have_one() {
    let data = shipped();
    for partner in &data.partners {
        match partner.level {
            Level::Network => assert!(
                partner.geo.is_none(),
                "{} is a network with a point",
                partner.id
            ),
            Level::City | Level::Province | Level::State => {
                assert!(partner.geo.is_some(), "{} has no point", partner.id)
            }
            Level::Institution => {}
        }
    }
}

#[test]
fn tokyo_begins_on_23_october_1989() {
    let data = shipped();
    let tokyo = data.partner("tokyo").expect("tokyo is missing");
    assert_eq!(
        tokyo.since.map(|d| d.to_string()),
        Some("1989-10-23".to_owned())
    );
}

#[test]
fn unknown_start_years_stay_unknown() {
    let data = shipped();
    for id in ["kyiv", "maputo", "budapest"] {
        let partner = data
            .partner(id)
            .unwrap_or_else(|| panic!("{id} is missing"));
        assert_eq!(partner.since, None, "{id} has a start date no source gives");
    }
}

#[test]
fn seed_figures_are_present() {
    let data = shipped();
    let values: Vec<f64> = data.figures.iter().map(|f| f.value).collect();
    for value in [23.0, 102.0, 100.0, 4.0, 27.0, 19.0, 8.0] {
        assert!(values.contains(&value), "no figure with the value {value}");
    }
}
