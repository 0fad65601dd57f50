//! Reading `partners.json`: typed errors for the whole file, and per-record
//! problems for records that are left out while the rest is shown.
//!
//! `parse` is pure and tested natively; `fetch_text` is the only part that needs
//! a browser.

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::model::{
    Change, Country, Dataset, Figure, Home, Partner, Sector, Source, Text, KNOWN_SCHEMAS,
};
use crate::time::PartialDate;
use crate::validate::{self, FileRecords, Problem, RecordKind};

/// Path of the data file relative to the site's root, so that any base path works.
pub const DATA_URL: &str = "data/partners.json";

/// Why the data file as a whole could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("could not reach {url}: {message}")]
    Network { url: String, message: String },
    #[error("{url} answered HTTP {status} {status_text}")]
    Http {
        url: String,
        status: u16,
        status_text: String,
    },
    #[error("the data file is not valid JSON at line {line}, column {column}: {message}")]
    Parse {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("the data file does not follow the schema at `{path}`: {message}")]
    Schema { path: String, message: String },
    #[error(
        "the data file has schema version {found}; this app reads version(s) {known}{}",
        note.as_deref().map(|n| format!(". {n}")).unwrap_or_default()
    )]
    UnknownSchema {
        found: u32,
        known: String,
        /// For a version this app once read: what changed since, in words.
        note: Option<String>,
    },
}

/// What changed since a schema version this app no longer reads, in words.
pub fn schema_change_note(found: u32) -> Option<&'static str> {
    match found {
        1 => Some(
            "Schema 1 files lack `checked` on each partner, figure and source (the date each \
             was last checked against its sources) and the `changes` log; this app reads \
             schema 2, which requires `checked` on every record",
        ),
        _ => None,
    }
}

/// A usable dataset and the records that had to be left out of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub dataset: Dataset,
    pub problems: Vec<Problem>,
}

/// The file's outer shape. Records stay raw slices of the text, so that one bad record cannot
/// take the whole file down with it, and no tree of the whole file is ever built (at thousands
/// of partners that tree would cost several times the file's size in memory).
#[derive(Deserialize)]
struct RawDataset<'a> {
    schema: u32,
    checked: PartialDate,
    home: Home,
    #[serde(default, borrow)]
    countries: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    sectors: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    sources: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    partners: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    figures: Vec<&'a RawValue>,
    #[serde(default)]
    credits: Vec<Text>,
    #[serde(default, borrow)]
    changes: Vec<&'a RawValue>,
}

/// Parses and validates the text of the data file.
///
/// `today` bounds the dates: nothing in the file may lie in the future.
pub fn parse(text: &str, today: NaiveDate) -> Result<Loaded, LoadError> {
    let raw: RawDataset = serde_json::from_str(text).map_err(|err| {
        if err.is_syntax() || err.is_eof() {
            LoadError::Parse {
                line: err.line(),
                column: err.column(),
                message: strip_position(&err),
            }
        } else {
            LoadError::Schema {
                path: path_of_error(text, &err),
                message: strip_position(&err),
            }
        }
    })?;
    if !KNOWN_SCHEMAS.contains(&raw.schema) {
        return Err(LoadError::UnknownSchema {
            found: raw.schema,
            known: KNOWN_SCHEMAS
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            note: schema_change_note(raw.schema).map(str::to_owned),
        });
    }

    let mut problems = Vec::new();
    let mut file = FileRecords::default();
    let (read, found) = (&mut file, &mut problems);
    let countries: Vec<Country> = read_records(RecordKind::Country, &raw.countries, read, found);
    let sectors: Vec<Sector> = read_records(RecordKind::Sector, &raw.sectors, read, found);
    let sources: Vec<Source> = read_records(RecordKind::Source, &raw.sources, read, found);
    let partners: Vec<Partner> = read_records(RecordKind::Partner, &raw.partners, read, found);
    let partners = partners.into_iter().map(std::sync::Arc::new).collect();
    let figures: Vec<Figure> = read_records(RecordKind::Figure, &raw.figures, read, found);
    let changes: Vec<Change> = read_records(RecordKind::Change, &raw.changes, read, found);

    let dataset = Dataset::new(
        raw.schema,
        raw.checked,
        raw.home,
        countries,
        sectors,
        sources,
        partners,
        figures,
        raw.credits,
        changes,
    );
    let (dataset, mut found) = validate::keep_valid_in_file(dataset, today, &file);
    problems.append(&mut found);
    Ok(Loaded { dataset, problems })
}

/// Reads each record on its own; a record that does not fit its type becomes a problem, and
/// `file` learns where each record that was read stands and the ids of those that were not.
fn read_records<T: DeserializeOwned>(
    kind: RecordKind,
    values: &[&RawValue],
    file: &mut FileRecords,
    problems: &mut Vec<Problem>,
) -> Vec<T> {
    let mut records = Vec::with_capacity(values.len());
    let mut positions = Vec::with_capacity(values.len());
    for (index, value) in values.iter().enumerate() {
        match serde_json::from_str::<T>(value.get()) {
            Ok(record) => {
                records.push(record);
                positions.push(index);
            }
            Err(err) => {
                let id = record_id(kind, value.get());
                if let Some(id) = &id {
                    file.add_unread(kind, id.clone());
                }
                let name = id.unwrap_or_else(|| format!("#{}", index + 1));
                problems.push(Problem::new(
                    kind,
                    name,
                    path_of_error(value.get(), &err),
                    strip_position(&err),
                ));
            }
        }
    }
    file.set_positions(kind, positions);
    records
}

/// The id of a record that does not fit its type (a country's code), when it is an object with
/// one that is a string and not blank. Only the kind's own naming field counts (a partner with
/// a `code` but no `id` is nameless, and so is a change, which has no id: changes are named by
/// their place), and only in an object: serde would read a struct from an array too, and name
/// `["A"]` "A".
fn record_id(kind: RecordKind, text: &str) -> Option<String> {
    let key = match kind {
        RecordKind::Country => "code",
        RecordKind::Sector | RecordKind::Source | RecordKind::Partner | RecordKind::Figure => "id",
        RecordKind::Change | RecordKind::File => return None,
    };
    let record: serde_json::Map<String, serde_json::Value> = serde_json::from_str(text).ok()?;
    record
        .get(key)?
        .as_str()
        .filter(|id| !id.trim().is_empty())
        .map(str::to_owned)
}

/// serde_json appends " at line L column C" to its messages; the error carries them apart.
fn strip_position(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}

/// The path (`events[2].date`) of the value a serde_json error stopped at, found by walking the
/// text up to the error's line and column. serde_json reports a value's error just after the
/// value, and a missing field at the end of its object, where the path is the object's.
pub fn path_of_error(text: &str, err: &serde_json::Error) -> String {
    let end = byte_offset(text, err.line(), err.column());
    let missing = err.to_string().starts_with("missing field");
    json_path_at(&text[..end], missing)
}

/// The byte offset of a 1-based line and column (columns count bytes, as serde_json's do).
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut end = (line_start + column).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// Where a JSON text cut at some point stands: the keys and indices of the open containers.
/// With `container_only`, the key being read in the innermost object is left out.
fn json_path_at(text: &str, container_only: bool) -> String {
    enum Frame {
        Object { key: Option<String> },
        Array { index: usize },
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut expect_key = false;
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match c {
            '{' => {
                stack.push(Frame::Object { key: None });
                expect_key = true;
            }
            '[' => {
                stack.push(Frame::Array { index: 0 });
                expect_key = false;
            }
            '}' | ']' => {
                stack.pop();
                expect_key = false;
            }
            ',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { key }) => {
                    *key = None;
                    expect_key = true;
                }
                None => {}
            },
            '"' => {
                let mut string = String::new();
                while let Some((_, c)) = chars.next() {
                    match c {
                        '"' => break,
                        // The escaped character is part of the string, whatever it is.
                        '\\' => {
                            if let Some((_, escaped)) = chars.next() {
                                string.push(escaped);
                            }
                        }
                        c => string.push(c),
                    }
                }
                if expect_key {
                    if let Some(Frame::Object { key }) = stack.last_mut() {
                        *key = Some(string);
                    }
                    expect_key = false;
                }
            }
            _ => {}
        }
    }
    if container_only {
        if let Some(Frame::Object { key }) = stack.last_mut() {
            *key = None;
        }
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key) } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None } => {}
            Frame::Array { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}

/// Fetches the data file's text; HTTP failures become typed errors.
pub async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let network = |err: gloo_net::Error| LoadError::Network {
        url: url.to_owned(),
        message: err.to_string(),
    };
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(network)?;
    if !response.ok() {
        return Err(LoadError::Http {
            url: url.to_owned(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    response.text().await.map_err(network)
}

/// Fetches and parses the data file, judging dates against today's date in the browser.
/// The text fetched before the app started ([`keep_fetched`]) serves the first load.
pub async fn load(url: String) -> Result<Loaded, LoadError> {
    let text = match FETCHED.with(|kept| kept.borrow_mut().take()) {
        Some(text) => text,
        None => fetch_text(&url).await?,
    };
    parse(&text, crate::time::today())
}

thread_local! {
    static FETCHED: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Keeps the data file's text, fetched while the pre-rendered page waited for the reader,
/// for the app's first [`load`] (the file is then fetched once).
pub fn keep_fetched(text: String) {
    FETCHED.with(|kept| *kept.borrow_mut() = Some(text));
}

/// A fingerprint of the data file's text (FNV-1a, 64 bits, in hex). Each pre-rendered page
/// carries the one of the data it was drawn from, so that the app can tell newer data.
pub fn fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}
