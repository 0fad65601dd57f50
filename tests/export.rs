//! Export of what is shown (`export`): a CSV a spreadsheet reads right (byte-order mark,
//! RFC 4180 quoting, one row per partner shown), a JSON file of the records in the data file's
//! own shape, file names that carry the data's date, and citations in words.

mod common;

use std::sync::Arc;

use chrono::NaiveDate;
use jakarta_sister_cities::data::parse;
use jakarta_sister_cities::export::{csv, file_name, json, push_field, BOM, CSV_COLUMNS};
use jakarta_sister_cities::i18n::{format_partner_citation, format_view_citation, Lang};
use jakarta_sister_cities::model::{Dataset, Partner, PartnerId, Text};
use jakarta_sister_cities::time::PartialDate;
use serde_json::Value;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).expect("a valid date")
}

fn ids(list: &[&str]) -> Vec<PartnerId> {
    list.iter().map(|&id| PartnerId::from(id)).collect()
}

fn all_ids(data: &Dataset) -> Vec<PartnerId> {
    data.partners.iter().map(|p| p.id.clone()).collect()
}

fn permalink(id: &PartnerId) -> String {
    format!("https://example.org/atlas/?partner={id}")
}

/// Reads RFC 4180 text back into rows of fields: quoted fields may hold commas, doubled
/// quotes and line breaks; rows end with CRLF.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "a row ends with CRLF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\n') => panic!("a bare LF outside quotes"),
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "the last row ends with CRLF"
    );
    rows
}

#[test]
fn fields_are_quoted_only_when_they_must_be() {
    let quote = |s: &str| {
        let mut out = String::new();
        push_field(&mut out, s);
        out
    };
    assert_eq!(quote("Tokyo"), "Tokyo");
    assert_eq!(quote(""), "");
    assert_eq!(quote("Seoul, Korea"), "\"Seoul, Korea\"");
    assert_eq!(quote("the \"Big Durian\""), "\"the \"\"Big Durian\"\"\"");
    assert_eq!(quote("line\nbreak"), "\"line\nbreak\"");
    assert_eq!(quote("carriage\rreturn"), "\"carriage\rreturn\"");
    assert_eq!(quote("Kyïv; São Paulo"), "Kyïv; São Paulo");
}

#[test]
fn the_csv_has_a_byte_order_mark_a_header_and_one_row_per_partner_shown_in_order() {
    let data = common::shipped();
    let visible = ids(&["tokyo", "c40", "atlantis", "berlin"]);
    let text = csv(&data, &visible, today(), &permalink);
    assert!(text.starts_with(BOM), "starts with the BOM");
    assert_eq!(&text.as_bytes()[..3], [0xEF, 0xBB, 0xBF], "UTF-8 BOM bytes");
    let rows = read_csv(text.trim_start_matches(BOM));
    assert_eq!(rows[0], CSV_COLUMNS);
    let ids: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, ["tokyo", "c40", "berlin"], "unknown ids are skipped");
    assert!(rows.iter().all(|r| r.len() == CSV_COLUMNS.len()));

    let tokyo = &rows[1];
    let column = |name: &str| {
        CSV_COLUMNS
            .iter()
            .position(|c| *c == name)
            .expect("a column")
    };
    assert_eq!(tokyo[column("name_en")], "Tokyo");
    assert_eq!(tokyo[column("country")], "JP");
    assert_eq!(tokyo[column("relation")], "sister-city");
    assert_eq!(tokyo[column("since")], "1989-10-23");
    assert_eq!(tokyo[column("years")], "37");
    assert_eq!(
        tokyo[column("permalink")],
        "https://example.org/atlas/?partner=tokyo"
    );
    assert!(tokyo[column("sources")].starts_with("https://"));
    let latitude: f64 = tokyo[column("latitude")].parse().expect("a number");
    assert!((latitude - 35.6).abs() < 1.0);
    // A network has no country and no point: empty fields, not "None".
    let c40 = &rows[2];
    assert_eq!(c40[column("country")], "");
    assert_eq!(c40[column("latitude")], "");
}

#[test]
fn every_shipped_partner_survives_the_trip_through_the_csv() {
    let data = common::shipped();
    let visible = all_ids(&data);
    let rows = read_csv(csv(&data, &visible, today(), &permalink).trim_start_matches(BOM));
    assert_eq!(rows.len(), data.partners.len() + 1);
    for (row, partner) in rows[1..].iter().zip(&data.partners) {
        assert_eq!(row[0], partner.id.as_str());
        assert_eq!(row[1], partner.name.id);
        assert_eq!(row[2], partner.name.en);
        let sectors: Vec<&str> = partner.sectors.iter().map(|s| s.as_str()).collect();
        assert_eq!(row[9], sectors.join("; "));
    }
}

#[test]
fn names_with_commas_quotes_and_line_breaks_come_back_whole() {
    let mut data = common::shipped();
    let mut odd: Partner = data.partner("tokyo").map(|p| (**p).clone()).expect("Tokyo");
    odd.id = PartnerId::from("odd");
    odd.name = Text {
        id: "Kota \"Aneh\", Timur\nbaris dua".into(),
        en: "Odd, \"the\" city\r\nline two".into(),
    };
    data.partners.push(Arc::new(odd.clone()));
    data.reindex();
    let text = csv(&data, &ids(&["odd"]), today(), &permalink);
    let rows = read_csv(text.trim_start_matches(BOM));
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][1], odd.name.id);
    assert_eq!(rows[1][2], odd.name.en);
    assert_eq!(rows[1].len(), CSV_COLUMNS.len());
}

/// The shipped file's partner records as JSON values, by id.
fn shipped_records() -> std::collections::HashMap<String, Value> {
    let file: Value = serde_json::from_str(common::SHIPPED).expect("the shipped file");
    file["partners"]
        .as_array()
        .expect("partners")
        .iter()
        .map(|p| (p["id"].as_str().unwrap_or_default().to_owned(), p.clone()))
        .collect()
}

#[test]
fn the_json_holds_the_records_shown_exactly_as_the_data_file_writes_them() {
    let data = common::shipped();
    let visible: Vec<PartnerId> = data
        .partners
        .iter()
        .filter(|p| p.sectors.iter().any(|s| s == "flood-river"))
        .map(|p| p.id.clone())
        .rev()
        .collect();
    assert!(visible.len() >= 3);
    let text = json(&data, &visible, "A citation line.");
    let value: Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(value["citation"], "A citation line.");
    assert_eq!(value["checked"], data.checked.to_string());
    assert_eq!(value["schema"], data.schema);
    let partners = value["partners"].as_array().expect("partners");
    let exported: Vec<&str> = partners.iter().filter_map(|p| p["id"].as_str()).collect();
    let expected: Vec<&str> = visible.iter().map(|id| id.as_str()).collect();
    assert_eq!(exported, expected, "the partners shown, in their order");
    // The file's own shape: absent fields stay absent, numbers are written as the file does.
    let records = shipped_records();
    for p in partners {
        let id = p["id"].as_str().unwrap_or_default();
        assert_eq!(Some(p), records.get(id), "{id}");
    }
    // One record a line, as the data file is laid out.
    assert!(text
        .lines()
        .any(|line| line.starts_with("{\"id\":\"rotterdam\"")));
}

#[test]
fn the_json_loads_as_a_data_file_of_its_own() {
    let data = common::shipped();
    let visible: Vec<PartnerId> = data
        .partners
        .iter()
        .filter(|p| p.relation == jakarta_sister_cities::model::Relation::SisterCity)
        .map(|p| p.id.clone())
        .collect();
    let text = json(&data, &visible, "cite");
    let loaded = parse(&text, today()).expect("the export reads as a data file");
    // Only a `related` partner that was not exported may be reported; nothing else is lost.
    for problem in &loaded.problems {
        let text = problem.to_string();
        assert!(text.contains("related"), "{text}");
    }
    let kept = loaded.dataset.partners.len();
    assert_eq!(kept + loaded.problems.len(), visible.len());
    // Figures come along only when every partner they are about is exported.
    for figure in &loaded.dataset.figures {
        assert!(
            figure.partners.iter().all(|p| visible.contains(p)),
            "{}",
            figure.id
        );
    }
    assert!(
        loaded.dataset.figure("sister-cities-2019").is_none(),
        "it names provinces too"
    );
    assert!(loaded.dataset.source("no-such").is_none());
    assert!(loaded.dataset.sources.len() < data.sources.len());
}

#[test]
fn file_names_carry_the_date_of_the_data() {
    let data = common::shipped();
    assert_eq!(file_name(&data, "csv"), "jakarta-partners-2026-11-30.csv");
    assert_eq!(file_name(&data, "json"), "jakarta-partners-2026-11-30.json");
}

#[test]
fn citations_name_the_atlas_the_dates_and_the_address() {
    let checked = PartialDate::parse("2026-11-22").expect("date");
    let today = PartialDate::from(today());
    let url = "https://example.org/atlas/?lang=en&partner=tokyo";
    assert_eq!(
        format_partner_citation("Tokyo", &checked, url, &today, Lang::En),
        "\u{201c}Tokyo\u{201d}, in Jakarta Sister Cities Atlas, record checked 22 November 2026. \
         https://example.org/atlas/?lang=en&partner=tokyo (retrieved 30 November 2026)."
    );
    assert_eq!(
        format_partner_citation("Tokyo", &checked, url, &today, Lang::Id),
        "\u{201c}Tokyo\u{201d}, dalam Atlas Kota Kembar Jakarta, catatan diperiksa 22 November 2026. \
         https://example.org/atlas/?lang=en&partner=tokyo (diakses 30 November 2026)."
    );
    let view = format_view_citation(12, 53, &checked, "https://x.org/?q=a", &today, Lang::En);
    assert_eq!(
        view,
        "Jakarta Sister Cities Atlas, data checked 22 November 2026: 12 of 53 partners shown. \
         https://x.org/?q=a (retrieved 30 November 2026)."
    );
}
