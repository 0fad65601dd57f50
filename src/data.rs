//! Reading `partners.json`: typed errors for the whole file, and per-record
//! problems for records that are left out while the rest is shown.
//!
//! `parse` is pure and tested natively; `fetch_text` is the only part that needs
//! a browser.

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use crate::model::{
    Change, Country, Dataset, Figure, Home, Partner, Sector, Source, Text, KNOWN_SCHEMAS,
};
use crate::time::PartialDate;
use crate::validate::{self, Problem};

/// Path of the data file relative to the page, so that any base path works.
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

/// The file's outer shape; records stay raw JSON so that one bad record
/// cannot take the whole file down with it.
#[derive(Deserialize)]
struct RawDataset {
    schema: u32,
    checked: PartialDate,
    home: Home,
    #[serde(default)]
    countries: Vec<Value>,
    #[serde(default)]
    sectors: Vec<Value>,
    #[serde(default)]
    sources: Vec<Value>,
    #[serde(default)]
    partners: Vec<Value>,
    #[serde(default)]
    figures: Vec<Value>,
    #[serde(default)]
    credits: Vec<Text>,
    #[serde(default)]
    changes: Vec<Value>,
}

/// Parses and validates the text of the data file.
///
/// `today` bounds the dates: nothing in the file may lie in the future.
pub fn parse(text: &str, today: NaiveDate) -> Result<Loaded, LoadError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let raw: RawDataset = serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            LoadError::Parse {
                line: inner.line(),
                column: inner.column(),
                message: strip_position(&inner),
            }
        } else {
            LoadError::Schema {
                path,
                message: strip_position(&inner),
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
    let countries: Vec<Country> = read_records("country", raw.countries, &mut problems);
    let sectors: Vec<Sector> = read_records("sector", raw.sectors, &mut problems);
    let sources: Vec<Source> = read_records("source", raw.sources, &mut problems);
    let partners: Vec<Partner> = read_records("partner", raw.partners, &mut problems);
    let figures: Vec<Figure> = read_records("figure", raw.figures, &mut problems);
    let changes: Vec<Change> = read_records("change", raw.changes, &mut problems);

    let dataset = Dataset {
        schema: raw.schema,
        checked: raw.checked,
        home: raw.home,
        countries,
        sectors,
        sources,
        partners,
        figures,
        credits: raw.credits,
        changes,
    };
    let (dataset, mut found) = validate::keep_valid(dataset, today);
    problems.append(&mut found);
    Ok(Loaded { dataset, problems })
}

/// Reads each record on its own; a record that does not fit its type becomes a problem.
fn read_records<T: DeserializeOwned>(
    kind: &'static str,
    values: Vec<Value>,
    problems: &mut Vec<Problem>,
) -> Vec<T> {
    values
        .into_iter()
        .enumerate()
        .filter_map(|(index, value)| {
            let record = value
                .get("id")
                .or_else(|| value.get("code"))
                .and_then(Value::as_str)
                .map_or_else(|| format!("#{}", index + 1), str::to_owned);
            match serde_path_to_error::deserialize::<_, T>(value) {
                Ok(item) => Some(item),
                Err(err) => {
                    let field = err.path().to_string();
                    problems.push(Problem::new(
                        kind,
                        record,
                        field,
                        err.into_inner().to_string(),
                    ));
                    None
                }
            }
        })
        .collect()
}

/// serde_json appends " at line L column C" to its messages; the error carries them apart.
fn strip_position(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}

/// Fetches the data file's text; HTTP failures become typed errors.
pub async fn fetch_text(
    url: &str,
    signal: Option<&web_sys::AbortSignal>,
) -> Result<String, LoadError> {
    let network = |err: gloo_net::Error| LoadError::Network {
        url: url.to_owned(),
        message: err.to_string(),
    };
    let response = gloo_net::http::Request::get(url)
        .abort_signal(signal)
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
pub async fn load(signal: Option<web_sys::AbortSignal>) -> Result<Loaded, LoadError> {
    let text = fetch_text(DATA_URL, signal.as_ref()).await?;
    parse(&text, today())
}

/// Today's date as the browser's clock gives it.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}
