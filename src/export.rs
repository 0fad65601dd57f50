//! What is shown, as files to take away: a CSV table for spreadsheets and a JSON file of the
//! records in the data file's own shape.
//!
//! Pure (the page's address and today come in as arguments), so that the quoting, the byte
//! order mark and the choice of records are tested natively; `crate::browser::download` hands
//! the text to the browser.

use rustc_hash::FxHashSet as HashSet;

use chrono::NaiveDate;

use crate::json::{self, ToJson};
use crate::model::{claim_sources, Dataset, PartnerId, Vocabulary};
use crate::num::shortest;

/// The CSV's columns, in order.
pub const CSV_COLUMNS: [&str; 14] = [
    "id",
    "name_id",
    "name_en",
    "country",
    "level",
    "relation",
    "status",
    "since",
    "years",
    "sectors",
    "latitude",
    "longitude",
    "sources",
    "permalink",
];

/// The byte-order mark: without it Excel reads UTF-8 as the system's code page and the
/// accents of Kyïv, São Paulo or İstanbul come out as mojibake.
pub const BOM: char = '\u{feff}';

/// The partners `visible`, in their order, one row each after a header row: RFC 4180 (fields
/// with a comma, a quote or a line break quoted, quotes doubled, CRLF line ends), after a
/// byte-order mark. Vocabulary values are written as their ids (`sister-city`), the start date
/// at its precision (`1989`, `1989-10`, `1989-10-23`), `years` as of `today`, sectors as ids
/// separated by `; ` and source URLs by a space (a URL cannot hold one). `permalink` makes each
/// partner's link; ids the dataset does not know are skipped.
pub fn csv(
    data: &Dataset,
    visible: &[PartnerId],
    today: NaiveDate,
    permalink: &dyn Fn(&PartnerId) -> String,
) -> String {
    let mut out = String::with_capacity(256 * (visible.len() + 1));
    out.push(BOM);
    push_row(&mut out, &CSV_COLUMNS);
    for partner in visible.iter().filter_map(|id| data.partner(id)) {
        let geo = partner.geo.as_ref();
        let sources: Vec<&str> = partner
            .sources
            .iter()
            .filter_map(|id| data.source(id))
            .map(|s| s.url.as_str())
            .collect();
        let sectors: Vec<&str> = partner.sectors.iter().map(|s| s.as_str()).collect();
        let row = [
            partner.id.to_string(),
            partner.name.id.clone(),
            partner.name.en.clone(),
            partner.country.clone().unwrap_or_default(),
            partner.level.id().to_owned(),
            partner.relation.id().to_owned(),
            partner.status.id().to_owned(),
            partner.since.map(|d| d.to_string()).unwrap_or_default(),
            partner
                .since
                .and_then(|d| d.whole_years_until(today))
                .map(|y| y.to_string())
                .unwrap_or_default(),
            sectors.join("; "),
            geo.map(|g| shortest(g.lat)).unwrap_or_default(),
            geo.map(|g| shortest(g.lon)).unwrap_or_default(),
            sources.join(" "),
            permalink(&partner.id),
        ];
        let fields: Vec<&str> = row.iter().map(String::as_str).collect();
        push_row(&mut out, &fields);
    }
    out
}

fn push_row(out: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, field);
    }
    out.push_str("\r\n");
}

/// One field as RFC 4180 writes it: as it is, or in quotes with its quotes doubled when it
/// holds a comma, a quote or a line break.
pub fn push_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// The records of the partners `visible`, in the data file's own shape and layout (one record
/// a line), with a `citation` first: the file's `schema`, `checked` date, `home`, sectors and
/// credits; the countries and sources those partners use; the figures about them alone; and the
/// changes about any of these. Records are written as they are (a `related` partner that is not
/// exported stays named), so a reader can trace each back to the full file.
pub fn json(data: &Dataset, visible: &[PartnerId], citation: &str) -> String {
    // In the order shown, as the CSV is, not the file's.
    let partners_in_order: Vec<_> = visible.iter().filter_map(|id| data.partner(id)).collect();
    let shown: HashSet<&str> = partners_in_order.iter().map(|p| p.id.as_str()).collect();
    let figures: Vec<_> = data
        .figures
        .iter()
        .filter(|f| !f.partners.is_empty() && f.partners.iter().all(|p| shown.contains(p.as_str())))
        .collect();
    let records: HashSet<&str> = shown
        .iter()
        .copied()
        .chain(figures.iter().map(|f| f.id.as_str()))
        .collect();
    let changes: Vec<_> = data
        .changes
        .iter()
        .filter(|c| records.contains(c.record.as_str()))
        .collect();
    let mut cited: HashSet<&str> = HashSet::default();
    for p in &partners_in_order {
        cited.extend(p.cited_sources());
    }
    for f in &figures {
        cited.extend(f.sources.iter().map(String::as_str));
        cited.extend(claim_sources(&f.conflicts).map(String::as_str));
    }
    for c in &changes {
        cited.extend(c.sources.iter().map(String::as_str));
    }
    let countries: HashSet<&str> = partners_in_order
        .iter()
        .filter_map(|p| p.country.as_deref())
        .chain([data.home.country.as_str()])
        .collect();

    let mut out = String::from("{\n");
    push_value(&mut out, "citation", &citation);
    push_value(&mut out, "schema", &data.schema);
    push_value(&mut out, "checked", &data.checked);
    push_value(&mut out, "home", &data.home);
    push_list(
        &mut out,
        "countries",
        data.countries
            .iter()
            .filter(|c| countries.contains(c.code.as_str()))
            .map(|r| json::to_string(r)),
    );
    push_list(
        &mut out,
        "sectors",
        data.sectors.iter().map(|r| json::to_string(r)),
    );
    push_list(
        &mut out,
        "sources",
        data.sources
            .iter()
            .filter(|s| cited.contains(s.id.as_str()))
            .map(|r| json::to_string(r)),
    );
    push_list(
        &mut out,
        "partners",
        partners_in_order.iter().map(|p| json::to_string(*p)),
    );
    push_list(
        &mut out,
        "figures",
        figures.iter().map(|f| json::to_string(*f)),
    );
    push_list(
        &mut out,
        "credits",
        data.credits.iter().map(|r| json::to_string(r)),
    );
    push_list(
        &mut out,
        "changes",
        changes.iter().map(|c| json::to_string(*c)),
    );
    // The last member takes no comma.
    if out.ends_with(",\n") {
        out.truncate(out.len() - 2);
        out.push('\n');
    }
    out.push_str("}\n");
    out
}

fn push_value(out: &mut String, name: &str, value: &dyn ToJson) {
    json::write_str(out, name);
    out.push(':');
    value.write_json(out);
    out.push_str(",\n");
}

/// `"name":[` and one record a line, as the data file is laid out.
fn push_list(out: &mut String, name: &str, records: impl Iterator<Item = String>) {
    json::write_str(out, name);
    out.push_str(":[");
    let mut first = true;
    for record in records {
        out.push_str(if first { "\n" } else { ",\n" });
        out.push_str(&record);
        first = false;
    }
    out.push_str(if first { "],\n" } else { "\n],\n" });
}

/// A file name that says whose partners these are and the date of the data:
/// `jakarta-partners-2026-11-30.csv`.
pub fn file_name(data: &Dataset, extension: &str) -> String {
    format!("{}-partners-{}.{extension}", data.home.id, data.checked)
}
