//! Reading `partners.json`: typed errors for the whole file, and per-record
//! problems for records that are left out while the rest is shown.
//!
//! `parse` is pure and tested natively; `fetch_text` is the only part that needs
//! a browser.

use chrono::NaiveDate;

use crate::json::{self, FromJson, Json, Member, Split, Tok};
use crate::model::{
    Change, Country, Dataset, Figure, Home, Partner, Sector, Source, Text, KNOWN_SCHEMAS,
};
use crate::time::PartialDate;
use crate::validate::{self, FileRecords, Problem, RecordKind};

/// Path of the data file relative to the site's root, so that any base path works: the whole
/// of the data, the file to edit.
pub const DATA_URL: &str = "data/partners.json";

/// Path of what the first view reads, relative to the site's root: the data file without what
/// only a partner's detail, the timeline, a search of events and the export need (see
/// [`start_file`]), written into each build from [`DATA_URL`]'s file.
pub const START_URL: &str = "data/start.json";

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
    /// The file is not one this build checked, and the code that checks such a file (a part
    /// loaded when first needed: see [`read_checked`]) could not be loaded.
    #[error("could not load the code that checks {url}: {message}")]
    Checker { url: String, message: String },
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

/// Parses and validates the text of the data file.
///
/// The file is split into its records, which are then read one by one from their own text, so
/// that one bad record cannot take the whole file down with it, and the whole file is never
/// held as values (at thousands of partners that would cost several times the file's size in
/// memory). Each part's syntax is checked once, and a syntax error anywhere refuses the whole
/// file with its line and column. `today` bounds the dates: nothing in the file may lie in the
/// future.
pub fn parse(text: &str, today: NaiveDate) -> Result<Loaded, LoadError> {
    let (dataset, found) = read(text)?;
    Ok(check(dataset, today, found))
}

/// Reads and checks the text of the data file fetched from `url`, in the browser, given its
/// [`fingerprint`] `print` (which the first load has already made). A file this build checked
/// itself, found whole and wrote into it (one whose fingerprint the pre-rendered page lists:
/// see [`trust_checked`]) is read without the checks of
/// [`validate`], whose code is then never loaded: the same text gives the same answer. Any
/// other file (edited on the server, served by a service worker from another build, or the
/// app started without a pre-rendered page) is checked as [`parse`] checks it, by a part of
/// the app loaded the first time it is needed.
pub async fn read_checked(
    url: &str,
    text: &str,
    print: &str,
    today: NaiveDate,
) -> Result<Loaded, LoadError> {
    let (dataset, found) = read(text)?;
    if CHECKED.with(|checked| checked.borrow().iter().any(|known| known == print)) {
        return Ok(Loaded {
            dataset,
            problems: found.problems,
        });
    }
    checks(dataset, today, found)
        .await
        .map_err(|err| LoadError::Checker {
            url: url.to_owned(),
            message: err.to_string(),
        })
}

/// The fingerprints of the data files this build checked and found whole, as the pre-rendered
/// page lists them (its `data-checked`): the files [`read_checked`] need not check again.
pub fn trust_checked(fingerprints: &str) {
    CHECKED.with(|checked| {
        *checked.borrow_mut() = fingerprints.split_whitespace().map(str::to_owned).collect();
    });
}

crate::components::lazy_part! {
    /// The checks of a data file this build did not check itself, in a file of their own.
    fn checks(dataset: Dataset, today: NaiveDate, found: Found) -> Loaded, ready checks_ready {
        check(dataset, today, found)
    }
}

/// The checks of [`validate`] over what [`read`] found: the records that fail them are left
/// out, each with its problems, beside those that could not be read.
fn check(dataset: Dataset, today: NaiveDate, found: Found) -> Loaded {
    let (dataset, mut broken) = validate::keep_valid_in_file(dataset, today, &found.file);
    let mut problems = found.problems;
    problems.append(&mut broken);
    Loaded { dataset, problems }
}

/// Reads the data file's records, each from its own text (see [`parse`]), without the checks
/// of [`validate`]: a record that cannot be read is left out here, with its problem.
fn read(text: &str) -> Result<(Dataset, Found), LoadError> {
    let members = match json::split_records(text) {
        Ok(Split::Object(members)) => members,
        Ok(_) => {
            return Err(LoadError::Schema {
                path: String::new(),
                message: "the file is not a JSON object".to_owned(),
            })
        }
        Err(err) => {
            let (line, column) = err.line_column(text);
            return Err(LoadError::Parse {
                line,
                column,
                message: err.message.to_owned(),
            });
        }
    };
    let outer = Outer { text, members };
    outer.check_other_lists()?;
    let schema: u32 = outer.required("schema")?;
    let checked: PartialDate = outer.required("checked")?;
    let home: Home = outer.required("home")?;
    let credits: Vec<Text> = outer.optional("credits")?.unwrap_or_default();
    let details: Option<String> = outer.optional("details")?;
    if !KNOWN_SCHEMAS.contains(&schema) {
        return Err(LoadError::UnknownSchema {
            found: schema,
            known: KNOWN_SCHEMAS
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            note: schema_change_note(schema).map(str::to_owned),
        });
    }

    let mut found = Found::default();
    let countries: Vec<Country> = outer.records(RecordKind::Country, &mut found)?;
    let sectors: Vec<Sector> = outer.records(RecordKind::Sector, &mut found)?;
    let sources: Vec<Source> = outer.records(RecordKind::Source, &mut found)?;
    let partners: Vec<Partner> = outer.records(RecordKind::Partner, &mut found)?;
    let partners = partners.into_iter().map(std::sync::Arc::new).collect();
    let figures: Vec<Figure> = outer.records(RecordKind::Figure, &mut found)?;
    let changes: Vec<Change> = outer.records(RecordKind::Change, &mut found)?;

    let mut dataset = Dataset::new(
        schema, checked, home, countries, sectors, sources, partners, figures, credits, changes,
    );
    dataset.details = details;
    Ok((dataset, found))
}

/// What reading the lists of records learns: where each record that was read stands, the ids
/// of those that were not, and why not.
#[derive(Default)]
struct Found {
    file: FileRecords,
    problems: Vec<Problem>,
}

/// The file's outer object: each member's key and raw text. Its own fields are read as they
/// are asked for; an error in one is an error of the whole file, named by its path.
struct Outer<'a> {
    text: &'a str,
    members: Vec<Member<'a>>,
}

impl<'a> Outer<'a> {
    /// The member `key`; a key written twice is an error.
    fn member(&self, key: &'static str) -> Result<Option<&Member<'a>>, LoadError> {
        let mut found = self.members.iter().filter(|m| m.key == key);
        let first = found.next();
        if found.next().is_some() {
            return Err(schema_error(
                String::new(),
                format!("duplicate field `{key}`"),
            ));
        }
        Ok(first)
    }

    /// Checks the syntax of the arrays that are not lists of records (`credits`, and any
    /// member this app does not read), whose items were split unchecked.
    fn check_other_lists(&self) -> Result<(), LoadError> {
        for member in &self.members {
            let records = RecordKind::LISTS
                .iter()
                .any(|kind| kind.list_key() == Some(&*member.key));
            if member.items.is_some() && !records {
                json::parse(member.raw).map_err(|err| syntax_error(self.text, member.raw, &err))?;
            }
        }
        Ok(())
    }

    fn tape(&self, raw: &'a str) -> Result<Vec<Tok<'a>>, LoadError> {
        json::parse(raw).map_err(|err| syntax_error(self.text, raw, &err))
    }

    fn optional<T: FromJson>(&self, key: &'static str) -> Result<Option<T>, LoadError> {
        let Some(member) = self.member(key)? else {
            return Ok(None);
        };
        T::from_json(Json::root(&mut self.tape(member.raw)?))
            .map(Some)
            .map_err(|err| {
                let inner = err.path();
                let path = match inner.chars().next() {
                    None => key.to_owned(),
                    Some('[') => format!("{key}{inner}"),
                    Some(_) => format!("{key}.{inner}"),
                };
                schema_error(path, err.message)
            })
    }

    fn required<T: FromJson>(&self, key: &'static str) -> Result<T, LoadError> {
        self.optional(key)?
            .ok_or_else(|| schema_error(String::new(), format!("missing field `{key}`")))
    }

    /// The records of the list of `kind`, each read on its own (see [`read_records`]).
    fn records<T: FromJson>(
        &self,
        kind: RecordKind,
        found: &mut Found,
    ) -> Result<Vec<T>, LoadError> {
        let values = match kind.list_key() {
            Some(key) => self.list(key)?,
            None => &[],
        };
        read_records(
            kind,
            values,
            self.text,
            &mut found.file,
            &mut found.problems,
        )
    }

    /// The raw text of each record of the list `key`; none when the file has no such list.
    fn list(&self, key: &'static str) -> Result<&[&'a str], LoadError> {
        match self.member(key)? {
            None => Ok(&[]),
            Some(Member {
                items: Some(items), ..
            }) => Ok(items),
            Some(member) => Err(schema_error(
                key.to_owned(),
                Json::root(&mut self.tape(member.raw)?)
                    .invalid("an array of records")
                    .message,
            )),
        }
    }
}

fn schema_error(path: String, message: String) -> LoadError {
    LoadError::Schema { path, message }
}

/// A syntax error in `raw`, a part of the file's `text`, placed in the whole file.
fn syntax_error(text: &str, raw: &str, err: &json::SyntaxError) -> LoadError {
    let start = (raw.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    let (line, column) = json::SyntaxError {
        offset: start + err.offset,
        message: err.message,
    }
    .line_column(text);
    LoadError::Parse {
        line,
        column,
        message: err.message.to_owned(),
    }
}

/// Reads each record on its own; a record that does not fit its type becomes a problem, and
/// `file` learns where each record that was read stands and the ids of those that were not.
/// A record that is not JSON makes the whole file unreadable, as it would have had it been
/// checked whole: an error with its line and column in `text`.
fn read_records<T: FromJson>(
    kind: RecordKind,
    values: &[&str],
    text: &str,
    file: &mut FileRecords,
    problems: &mut Vec<Problem>,
) -> Result<Vec<T>, LoadError> {
    let mut records = Vec::with_capacity(values.len());
    let mut positions = Vec::with_capacity(values.len());
    // One tape for all the records: after the first few, reading allocates only what the
    // records keep.
    let mut tape = Vec::new();
    for (index, raw) in values.iter().enumerate() {
        json::parse_into(raw, &mut tape).map_err(|err| syntax_error(text, raw, &err))?;
        match T::from_json(Json::root(&mut tape)) {
            Ok(record) => {
                records.push(record);
                positions.push(index);
            }
            Err(err) => {
                // Read again for its name: the failed reading may have taken strings out.
                let id = json::parse(raw)
                    .ok()
                    .and_then(|mut tape| record_id(kind, &Json::root(&mut tape)));
                if let Some(id) = &id {
                    file.add_unread(kind, id.clone());
                }
                let name = id.unwrap_or_else(|| format!("#{}", index + 1));
                problems.push(Problem::new(kind, name, err.path(), err.message));
            }
        }
    }
    file.set_positions(kind, positions);
    Ok(records)
}

/// The id of a record that does not fit its type (a country's code), when it is an object with
/// one that is a string and not blank (the last, if the key is written twice). Only the kind's
/// own naming field counts: a partner with a `code` but no `id` is nameless, and so is a
/// change, which has no id (changes are named by their place).
fn record_id(kind: RecordKind, record: &Json<'_, '_>) -> Option<String> {
    let key = match kind {
        RecordKind::Country => "code",
        RecordKind::Sector | RecordKind::Source | RecordKind::Partner | RecordKind::Figure => "id",
        RecordKind::Change | RecordKind::File => return None,
    };
    record
        .member_str(key)
        .filter(|id| !id.trim().is_empty())
        .map(str::to_owned)
}

/// Fetches the data file's text; HTTP failures become typed errors.
///
/// The browser's `fetch` through web-sys, not gloo-net's request builder: the app sends one
/// plain GET, and the builder's headers, query and body code cost the first load 2,671 B gzip
/// (2,413 of WebAssembly, 258 of glue; measured at stop 26).
pub async fn fetch_text(url: &str) -> Result<String, LoadError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    // The browser's words for the failure: a JS error as `String(error)`, e.g.
    // "TypeError: Failed to fetch".
    let network = |err: wasm_bindgen::JsValue| LoadError::Network {
        url: url.to_owned(),
        message: err
            .dyn_ref::<js_sys::Error>()
            .map(|err| String::from(err.to_string()))
            .or_else(|| err.as_string())
            .unwrap_or_else(|| String::from("the response could not be read")),
    };
    let window =
        web_sys::window().ok_or_else(|| network(wasm_bindgen::JsValue::from_str("no window")))?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(network)?
        .dyn_into()
        .map_err(network)?;
    if !response.ok() {
        return Err(LoadError::Http {
            url: url.to_owned(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let text = JsFuture::from(response.text().map_err(network)?)
        .await
        .map_err(network)?;
    text.as_string()
        .ok_or_else(|| network(wasm_bindgen::JsValue::UNDEFINED))
}

/// Fetches and parses the data file, judging dates against today's date in the browser.
/// The text fetched before the app started ([`keep_fetched`]) serves the first load.
pub async fn load(url: String) -> Result<Loaded, LoadError> {
    let (text, print) = match FETCHED.with(|kept| kept.borrow_mut().take()) {
        Some(kept) => kept,
        None => {
            let text = fetch_text(&url).await?;
            let print = fingerprint(&text);
            (text, print)
        }
    };
    read_checked(&url, &text, &print, crate::time::today()).await
}

thread_local! {
    /// See [`trust_checked`].
    static CHECKED: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
    /// See [`keep_fetched`]: the text and its fingerprint.
    static FETCHED: std::cell::RefCell<Option<(String, String)>> = const { std::cell::RefCell::new(None) };
}

/// Keeps the data file's text, fetched while the pre-rendered page waited for the reader,
/// with its [`fingerprint`] `print`, for the app's first [`load`] (the file is then fetched
/// and fingerprinted once).
pub fn keep_fetched(text: String, print: String) {
    FETCHED.with(|kept| *kept.borrow_mut() = Some((text, print)));
}

/// What the first view reads ([`START_URL`]), made from the whole data file's text: each
/// partner without its events, note, conflicts and sources, and only the sources that the
/// figures and the changes cite, which the first view shows. A `details` member names the
/// whole file, which the app loads when it needs the rest (a partner's detail, the timeline,
/// a search, the export). Written into each build by the pre-renderer.
///
/// About 40% of the whole file's bytes (gzip) for the shipped data.
pub fn start_file(text: &str) -> Result<String, String> {
    use serde_json::Value;
    let mut file: Value = serde_json::from_str(text).map_err(|err| err.to_string())?;
    let root = file
        .as_object_mut()
        .ok_or("the data file is not a JSON object")?;
    let list = |value: Option<&Value>| -> Vec<Value> {
        value.and_then(Value::as_array).cloned().unwrap_or_default()
    };
    let mut cited = std::collections::HashSet::new();
    let mut cite = |record: &Value| {
        let ids = list(record.get("sources"));
        cited.extend(ids.iter().filter_map(Value::as_str).map(str::to_owned));
    };
    for figure in list(root.get("figures")) {
        cite(&figure);
        for conflict in list(figure.get("conflicts")) {
            list(conflict.get("claims")).iter().for_each(&mut cite);
        }
    }
    list(root.get("changes")).iter().for_each(&mut cite);
    if let Some(Value::Array(partners)) = root.get_mut("partners") {
        for partner in partners.iter_mut().filter_map(Value::as_object_mut) {
            for field in ["events", "note", "conflicts", "sources"] {
                partner.remove(field);
            }
        }
    }
    if let Some(Value::Array(sources)) = root.get_mut("sources") {
        sources.retain(|source| {
            source
                .get("id")
                .and_then(Value::as_str)
                .is_some_and(|id| cited.contains(id))
        });
    }
    let whole = DATA_URL.rsplit('/').next().unwrap_or(DATA_URL);
    root.insert("details".to_owned(), Value::from(whole));
    serde_json::to_string(&file).map_err(|err| err.to_string())
}

/// A fingerprint of the data file's text (FNV-1a, 64 bits, in hex). Each pre-rendered page
/// carries the one of the data it was drawn from, so that the app can tell newer data.
pub fn fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}
