//! Reading and checking a data file (`data::parse`, `validate`): typed errors for a file
//! that cannot be used, and for each record that breaks a rule, a problem that names it
//! while the rest still loads.

use chrono::NaiveDate;
use jakarta_sister_cities::data::{parse, LoadError};
use jakarta_sister_cities::model::is_kebab_id;
use jakarta_sister_cities::validate::RecordKind;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid test date")
}

const TODAY: (i32, u32, u32) = (2026, 11, 22);

fn today() -> NaiveDate {
    day(TODAY.0, TODAY.1, TODAY.2)
}

/// A small valid file; tests break one thing in it at a time.
fn minimal() -> serde_json::Value {
    serde_json::json!({
        "schema": 2,
        "checked": "2026-11-22",
        "home": {"id": "jakarta", "name": {"id": "Jakarta", "en": "Jakarta"}, "country": "ID",
                 "geo": {"lat": -6.2146, "lon": 106.8451, "geonameid": 1642911, "tz": "Asia/Jakarta", "place": "Jakarta"}},
        "countries": [
            {"code": "ID", "name": {"id": "Indonesia", "en": "Indonesia"}, "region": "asia"},
            {"code": "JP", "name": {"id": "Jepang", "en": "Japan"}, "region": "asia"}
        ],
        "sectors": [{"id": "disaster", "label": {"id": "Bencana", "en": "Disaster"}}],
        "sources": [{"id": "tmg", "url": "https://www.metro.tokyo.lg.jp/", "publisher": "TMG", "title": "Sister cities",
                     "published": "2020", "language": "en", "checked": "2026-11-20"}],
        "partners": [
            {"id": "tokyo", "name": {"id": "Tokyo", "en": "Tokyo"}, "country": "JP", "level": "city",
             "relation": "sister-city", "status": "active", "since": "1989-10-23",
             "geo": {"lat": 35.6895, "lon": 139.6917, "geonameid": 1850147, "tz": "Asia/Tokyo", "place": "Tokyo"},
             "sectors": ["disaster"], "summary": {"id": "Kota kembar.", "en": "Sister city."}, "sources": ["tmg"],
             "checked": "2026-11-20"},
            {"id": "osaka", "name": {"id": "Osaka", "en": "Osaka"}, "country": "JP", "level": "city",
             "relation": "sister-city", "status": "active",
             "geo": {"lat": 34.69, "lon": 135.5, "geonameid": 1853909, "tz": "Asia/Tokyo", "place": "Osaka"},
             "sectors": [], "summary": {"id": "Contoh.", "en": "Example."}, "sources": ["tmg"],
             "checked": "2026-11-22"}
        ],
        "figures": [
            {"id": "sister-cities", "value": 1, "label": {"id": "kota kembar", "en": "sister cities"},
             "date": "2020", "sources": ["tmg"], "checked": "2026-11-22"}
        ],
        "changes": [
            {"date": "2026-11-22", "record": "tokyo", "kind": "event",
             "text": {"id": "Peristiwa baru.", "en": "New event."}, "sources": ["tmg"]},
            {"date": "2026-11-20", "record": "sister-cities", "kind": "corrected",
             "text": {"id": "Angka dikoreksi.", "en": "Figure corrected."}, "sources": ["tmg"]}
        ]
    })
}

fn parse_value(
    value: &serde_json::Value,
) -> Result<jakarta_sister_cities::data::Loaded, LoadError> {
    parse(&value.to_string(), today())
}

#[test]
fn kebab_ids() {
    for good in ["tokyo", "new-south-wales", "c40", "u20"] {
        assert!(is_kebab_id(good), "{good}");
    }
    for bad in ["", "Tokyo", "new_york", "-x", "x-", "a--b", "kuala lumpur"] {
        assert!(!is_kebab_id(bad), "{bad}");
    }
}

#[test]
fn the_minimal_file_is_valid() {
    let loaded = parse_value(&minimal()).expect("minimal file parses");
    assert_eq!(loaded.problems, vec![]);
    assert_eq!(loaded.dataset.partners.len(), 2);
}

#[test]
fn broken_json_reports_line_and_column() {
    let text = "{\n  \"schema\": 2,\n  \"checked\": \"2026-11-22\",,\n}";
    match parse(text, today()) {
        Err(LoadError::Parse { line, column, .. }) => {
            assert_eq!(line, 3);
            assert!(column > 20, "column {column}");
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
    assert!(matches!(parse("", today()), Err(LoadError::Parse { .. })));
    assert!(matches!(
        parse("<!doctype html>", today()),
        Err(LoadError::Parse { .. })
    ));
}

#[test]
fn a_wrong_outer_shape_names_the_path() {
    let mut value = minimal();
    value["home"]["geo"]["lat"] = serde_json::json!("south");
    match parse_value(&value) {
        Err(LoadError::Schema { path, .. }) => assert_eq!(path, "home.geo.lat"),
        other => panic!("expected a schema error, got {other:?}"),
    }
}

#[test]
fn an_unknown_schema_version_is_refused() {
    let mut value = minimal();
    value["schema"] = serde_json::json!(99);
    assert!(matches!(
        parse_value(&value),
        Err(LoadError::UnknownSchema { found: 99, .. })
    ));
}

#[test]
fn a_malformed_record_is_left_out_and_named() {
    let mut value = minimal();
    value["partners"][1]["level"] = serde_json::json!("galaxy");
    let loaded = parse_value(&value).expect("the rest still loads");
    assert_eq!(loaded.dataset.partners.len(), 1);
    assert_eq!(loaded.problems.len(), 1);
    let problem = &loaded.problems[0];
    assert_eq!(
        (
            problem.kind,
            problem.record.as_str(),
            problem.field.as_str()
        ),
        (RecordKind::Partner, "osaka", "level")
    );
}

#[test]
fn a_record_breaking_a_rule_is_left_out_and_named() {
    let cases: Vec<(&str, serde_json::Value, &str)> = vec![
        ("since", serde_json::json!("2099-01-01"), "since"),
        ("sectors", serde_json::json!(["floods"]), "sectors[0]"),
        ("sources", serde_json::json!([]), "sources"),
        ("sources", serde_json::json!(["nowhere"]), "sources[0]"),
        (
            "summary",
            serde_json::json!({"id": "", "en": "x"}),
            "summary.id",
        ),
        ("country", serde_json::json!("XX"), "country"),
        ("geo", serde_json::Value::Null, "geo"),
        ("id", serde_json::json!("Osaka City"), "id"),
        ("id", serde_json::json!("tokyo"), "id"),
    ];
    for (field, bad, expected_field) in cases {
        let mut value = minimal();
        value["partners"][1][field] = bad.clone();
        let loaded = parse_value(&value).unwrap_or_else(|e| panic!("{field}={bad}: {e}"));
        assert!(
            loaded.problems.iter().any(|p| p.field == expected_field),
            "{field}={bad}: expected a problem on `{expected_field}`, got {:?}",
            loaded.problems
        );
        assert!(
            loaded.dataset.partners.len() < 2,
            "{field}={bad}: the bad record was kept"
        );
        assert!(
            !loaded.dataset.partners.is_empty(),
            "{field}={bad}: the good record was lost"
        );
    }
}

#[test]
fn sources_must_be_https_and_used() {
    let mut value = minimal();
    value["sources"][0]["url"] = serde_json::json!("http://www.metro.tokyo.lg.jp/");
    let loaded = parse_value(&value).expect("loads");
    assert!(loaded
        .problems
        .iter()
        .any(|p| p.kind == RecordKind::Source && p.field == "url"));

    let mut value = minimal();
    value["sources"].as_array_mut().expect("array").push(serde_json::json!(
        {"id": "unused", "url": "https://example.org/", "publisher": "X", "title": "Y", "published": "2020", "language": "en"}
    ));
    let loaded = parse_value(&value).expect("loads");
    assert!(loaded.problems.iter().any(|p| p.record == "unused"));
}

#[test]
fn conflicts_show_exactly_one_claim_matching_since() {
    let mut value = minimal();
    value["partners"][0]["conflicts"] = serde_json::json!([{
        "field": "since",
        "claims": [
            {"value": {"id": "1989", "en": "1989"}, "date": "1989", "sources": ["tmg"], "shown": true},
            {"value": {"id": "1990", "en": "1990"}, "date": "1990", "sources": ["tmg"]}
        ],
        "reason": {"id": "Alasan.", "en": "Reason."}
    }]);
    let loaded = parse_value(&value).expect("loads");
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| p.record == "tokyo" && p.field == "conflicts[0]"),
        "{:?}",
        loaded.problems
    );

    value["partners"][0]["conflicts"][0]["claims"][0]["shown"] = serde_json::json!(false);
    let loaded = parse_value(&value).expect("loads");
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| p.field == "conflicts[0].claims"),
        "{:?}",
        loaded.problems
    );
}

#[test]
fn a_schema_1_file_is_refused_with_what_changed_in_words() {
    let mut value = minimal();
    value["schema"] = serde_json::json!(1);
    let err = parse_value(&value).expect_err("schema 1 is no longer read");
    assert!(
        matches!(
            err,
            LoadError::UnknownSchema {
                found: 1,
                note: Some(_),
                ..
            }
        ),
        "{err:?}"
    );
    let message = err.to_string();
    for words in [
        "schema version 1",
        "Schema 1 files lack `checked` on each partner, figure and source",
        "`changes` log",
        "this app reads schema 2",
    ] {
        assert!(message.contains(words), "{words:?} missing from: {message}");
    }

    value["schema"] = serde_json::json!(99);
    let err = parse_value(&value).expect_err("unknown version");
    assert!(matches!(err, LoadError::UnknownSchema { note: None, .. }));
    assert!(!err.to_string().contains("Schema 1"), "{err}");
}

/// Every record kind that carries `checked`, with the index path in the minimal file
/// and the field that gives the record's own start.
const CHECKED_RECORDS: [(&str, &str, usize, &str); 3] = [
    ("partner", "partners", 0, "since"),
    ("source", "sources", 0, "published"),
    ("figure", "figures", 0, "date"),
];

#[test]
fn checked_is_required_on_every_record() {
    for (kind, list, index, _) in CHECKED_RECORDS {
        let mut value = minimal();
        value[list][index]
            .as_object_mut()
            .expect("a record")
            .remove("checked");
        let loaded = parse_value(&value).expect("the rest still loads");
        assert!(
            loaded
                .problems
                .iter()
                .any(|p| p.kind.to_string() == kind && p.message.contains("checked")),
            "{kind}: {:?}",
            loaded.problems
        );
    }
}

#[test]
fn a_checked_date_in_the_future_is_refused() {
    for (kind, list, index, _) in CHECKED_RECORDS {
        let mut value = minimal();
        value[list][index]["checked"] = serde_json::json!("2026-12-01");
        let loaded = parse_value(&value).expect("loads");
        assert!(
            loaded.problems.iter().any(|p| p.kind.to_string() == kind
                && p.field == "checked"
                && p.message.contains("future")),
            "{kind}: {:?}",
            loaded.problems
        );
    }
}

#[test]
fn a_record_cannot_be_checked_before_it_begins() {
    for (kind, list, index, start) in CHECKED_RECORDS {
        let mut value = minimal();
        value[list][index][start] = serde_json::json!("2026-11");
        value[list][index]["checked"] = serde_json::json!("2026-10-31");
        let loaded = parse_value(&value).expect("loads");
        assert!(
            loaded.problems.iter().any(|p| p.kind.to_string() == kind
                && p.field == "checked"
                && p.message.contains(&format!("`{start}`"))),
            "{kind}: {:?}",
            loaded.problems
        );
    }
    // The same month as a start known only to the month is not "before" it.
    let mut value = minimal();
    value["partners"][0]["since"] = serde_json::json!("2026-11");
    assert_eq!(parse_value(&value).expect("loads").problems, vec![]);
}

#[test]
fn a_checked_date_is_a_whole_day() {
    let mut value = minimal();
    value["partners"][1]["checked"] = serde_json::json!("2026-11");
    let loaded = parse_value(&value).expect("loads");
    assert!(
        loaded.problems.iter().any(|p| p.record == "osaka"
            && p.field == "checked"
            && p.message.contains("whole day")),
        "{:?}",
        loaded.problems
    );
    assert_eq!(loaded.dataset.partners.len(), 1, "the record is left out");
}

#[test]
fn no_record_is_checked_after_the_file() {
    let mut value = minimal();
    value["checked"] = serde_json::json!("2026-11-21");
    value["changes"] = serde_json::json!([]);
    let loaded = parse_value(&value).expect("loads");
    assert!(
        loaded.problems.iter().any(|p| p.kind == RecordKind::File
            && p.field == "checked"
            && p.message.contains("partner \"osaka\"")),
        "{:?}",
        loaded.problems
    );
}

#[test]
fn a_change_names_a_known_record_and_known_sources() {
    let cases: Vec<(&str, serde_json::Value, &str)> = vec![
        ("record", serde_json::json!("atlantis"), "record"),
        ("sources", serde_json::json!([]), "sources"),
        ("sources", serde_json::json!(["nowhere"]), "sources[0]"),
        (
            "text",
            serde_json::json!({"id": "Osaka.", "en": " "}),
            "text.en",
        ),
        ("date", serde_json::json!("2027-01-01"), "date"),
    ];
    for (field, bad, expected_field) in cases {
        let mut value = minimal();
        value["changes"][1][field] = bad.clone();
        let loaded = parse_value(&value).unwrap_or_else(|e| panic!("{field}={bad}: {e}"));
        assert!(
            loaded.problems.iter().any(|p| p.kind == RecordKind::Change
                && p.record == "#2"
                && p.field == expected_field),
            "{field}={bad}: expected a problem on `{expected_field}`, got {:?}",
            loaded.problems
        );
        assert_eq!(
            loaded.dataset.changes.len(),
            1,
            "{field}={bad}: only the bad change is left out"
        );
    }
    let mut value = minimal();
    value["changes"][1]["kind"] = serde_json::json!("renamed");
    let loaded = parse_value(&value).expect("loads");
    assert!(loaded
        .problems
        .iter()
        .any(|p| p.kind == RecordKind::Change && p.record == "#2" && p.field == "kind"));
}

#[test]
fn the_file_is_checked_no_earlier_than_its_newest_change() {
    let mut value = minimal();
    value["checked"] = serde_json::json!("2026-11-21");
    value["partners"][1]["checked"] = serde_json::json!("2026-11-21");
    value["figures"][0]["checked"] = serde_json::json!("2026-11-21");
    let loaded = parse_value(&value).expect("loads");
    assert!(
        loaded.problems.iter().any(|p| p.kind == RecordKind::File
            && p.field == "checked"
            && p.message.contains("newest change (2026-11-22)")),
        "{:?}",
        loaded.problems
    );
}

#[test]
fn the_change_log_runs_newest_first() {
    let mut value = minimal();
    let changes = value["changes"].as_array_mut().expect("array");
    changes.reverse();
    let loaded = parse_value(&value).expect("loads");
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| p.kind == RecordKind::Change && p.record == "#2" && p.field == "date"),
        "{:?}",
        loaded.problems
    );
}

#[test]
fn a_source_cited_only_by_a_change_counts_as_used() {
    let mut value = minimal();
    value["sources"]
        .as_array_mut()
        .expect("array")
        .push(serde_json::json!(
            {"id": "only-change", "url": "https://example.org/", "publisher": "X", "title": "Y",
             "published": "2020", "language": "en", "checked": "2026-11-20"}
        ));
    value["changes"][0]["sources"] = serde_json::json!(["only-change"]);
    assert_eq!(parse_value(&value).expect("loads").problems, vec![]);
}

/// The line and column of the byte at `at` in `text`, as a parse error gives them.
fn line_and_column_of(text: &str, at: usize) -> (usize, usize) {
    let line = text[..at].matches('\n').count() + 1;
    let column = at - text[..at].rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, column)
}

#[test]
fn broken_json_inside_a_record_or_any_other_list_is_placed_in_the_whole_file() {
    let pretty = serde_json::to_string_pretty(&minimal()).expect("writes");
    // A record's own syntax, another list's and an unknown member's: the records are split
    // from the file without checking them, so each must still refuse the whole file.
    let mut extra = minimal();
    extra["extra"] = serde_json::json!([1, 2]);
    extra["credits"] = serde_json::json!([{"id": "Data: X", "en": "Data: X"}]);
    let extra = serde_json::to_string_pretty(&extra).expect("writes");
    for (text, needle, insert) in [
        (&pretty, "\"level\"", "@"),
        (&pretty, "\"en\": \"Osaka\"", ","),
        (&extra, "\"credits\"", ""),
        (&extra, "2\n", ","),
    ] {
        let mut text = text.clone();
        let at = text
            .rfind(needle)
            .unwrap_or_else(|| panic!("{needle} in the file"));
        let at = if insert.is_empty() {
            // The credits' array: break it inside.
            let open = at + text[at..].find('[').expect("an array");
            text.insert(open + 1, ',');
            open + 1
        } else {
            text.insert_str(at, insert);
            at
        };
        match parse(&text, today()) {
            Err(LoadError::Parse { line, column, .. }) => {
                assert_eq!((line, column), line_and_column_of(&text, at), "{needle}")
            }
            other => panic!("{needle}: expected a parse error, got {other:?}"),
        }
    }
}

/// In the browser (`data::read_checked`), a file whose fingerprint the pre-rendered page lists
/// as checked by the build is read without the checks, whose code is then never loaded; any
/// other file, one byte apart, is checked as `parse` checks it.
#[test]
fn only_a_file_the_build_checked_is_read_without_the_checks() {
    use jakarta_sister_cities::data::{fingerprint, read_checked, trust_checked};
    let read = |text: &str| {
        futures::executor::block_on(read_checked(
            "data/start.json",
            text,
            &fingerprint(text),
            today(),
        ))
    };
    // A rule only the checks catch: the record reads well.
    let mut value = minimal();
    value["partners"][1]["since"] = serde_json::json!("2099-01-01");
    let text = value.to_string();
    let checked = |loaded: &jakarta_sister_cities::data::Loaded| {
        loaded.dataset.partners.len() == 1
            && loaded
                .problems
                .iter()
                .any(|p| p.record == "osaka" && p.field == "since")
    };

    trust_checked("");
    let loaded = read(&text).expect("loads");
    assert!(checked(&loaded), "no page, no list: {:?}", loaded.problems);

    // The build lists only files it found whole; this one is listed to show that a listed
    // file is not checked again.
    trust_checked(&format!("0123456789abcdef {}", fingerprint(&text)));
    let loaded = read(&text).expect("loads");
    assert_eq!(loaded.problems, vec![]);
    assert_eq!(loaded.dataset.partners.len(), 2);

    let edited = text.replacen("2099-01-01", "2099-01-02", 1);
    let loaded = read(&edited).expect("loads");
    assert!(checked(&loaded), "an edited file: {:?}", loaded.problems);

    // A file that cannot be read is refused whether listed or not.
    let broken = text.replacen("\"partners\":[", "\"partners\":[,", 1);
    trust_checked(&fingerprint(&broken));
    assert!(matches!(read(&broken), Err(LoadError::Parse { .. })));
}
