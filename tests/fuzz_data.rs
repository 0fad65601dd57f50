//! Property tests of the data loader (`data::parse` and the validator behind it): whatever
//! the file holds, loading never panics; a file that cannot be used is refused with a typed
//! error in words; and every record that is left out is named in `problems`, never dropped
//! in silence, while the records around it are kept.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::sync::OnceLock;

use jakarta_sister_cities::data::{parse, LoadError, Loaded};
use jakarta_sister_cities::model::{Change, Country, Figure, Partner, Sector, Source};
use jakarta_sister_cities::validate::RecordKind;
use proptest::prelude::*;
use proptest::sample::Index;
use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};

use common::SHIPPED;

/// The shipped file as a JSON tree, read once.
fn shipped() -> &'static Value {
    static TREE: OnceLock<Value> = OnceLock::new();
    TREE.get_or_init(|| serde_json::from_str(SHIPPED).expect("the shipped file is JSON"))
}

/// The shipped file as loaded, read once: the baseline a mutation is compared with.
fn baseline() -> &'static Loaded {
    static LOADED: OnceLock<Loaded> = OnceLock::new();
    LOADED.get_or_init(common::shipped_loaded)
}

/// Loads a JSON tree as the app loads the file's text.
fn load(value: &Value) -> Result<Loaded, LoadError> {
    parse(&value.to_string(), common::today())
}

/// The lists of the file whose records are read one by one, with their kind and the field
/// that names a record (`None`: named by position, `#n`).
const LISTS: [(&str, RecordKind, Option<&str>); 6] = [
    ("countries", RecordKind::Country, Some("code")),
    ("sectors", RecordKind::Sector, Some("id")),
    ("sources", RecordKind::Source, Some("id")),
    ("partners", RecordKind::Partner, Some("id")),
    ("figures", RecordKind::Figure, Some("id")),
    ("changes", RecordKind::Change, None),
];

/// True when the record at `index` of the input list came through unchanged: it reads as
/// its type, and the loaded list holds an equal record. Read from its text, as the loader
/// reads it: a float read from text may differ in its last bit from the `Value` it was
/// written from (serde_json without `float_roundtrip`), e.g. a latitude of -4.4e-14.
fn kept<'a, T: DeserializeOwned + PartialEq + 'a>(
    record: &Value,
    mut loaded: impl Iterator<Item = &'a T>,
) -> bool {
    serde_json::from_str::<T>(&record.to_string()).is_ok_and(|r| loaded.any(|l| *l == r))
}

fn kept_in(list: &str, record: &Value, loaded: &Loaded) -> bool {
    let data = &loaded.dataset;
    match list {
        "countries" => kept::<Country>(record, data.countries.iter()),
        "sectors" => kept::<Sector>(record, data.sectors.iter()),
        "sources" => kept::<Source>(record, data.sources.iter()),
        "partners" => kept::<Partner>(record, data.partners.iter().map(|p| &**p)),
        "figures" => kept::<Figure>(record, data.figures.iter()),
        "changes" => kept::<Change>(record, data.changes.iter()),
        _ => unreachable!("{list} is not a list of the file"),
    }
}

/// True when some problem names the record: by its id (or code), or by its position.
fn reported(kind: RecordKind, name: Option<&str>, index: usize, loaded: &Loaded) -> bool {
    let position = format!("#{}", index + 1);
    loaded
        .problems
        .iter()
        .any(|p| p.kind == kind && (Some(p.record.as_str()) == name || p.record == position))
}

/// The contract of a load, whatever the input: a refusal says in words why; otherwise every
/// record of every list is either kept as it was or named in a problem, and every problem
/// says what is wrong.
fn check_contract(input: &Value, outcome: &Result<Loaded, LoadError>) -> Result<(), TestCaseError> {
    check_records(
        |list| {
            input
                .get(list)
                .and_then(Value::as_array)
                .map(|a| a.iter().collect())
        },
        outcome,
    )
}

/// [`check_contract`] with the input's lists given one by one (`None`: the file has no such
/// list, or not as an array).
fn check_records<'a>(
    input: impl Fn(&str) -> Option<Vec<&'a Value>>,
    outcome: &Result<Loaded, LoadError>,
) -> Result<(), TestCaseError> {
    let loaded = match outcome {
        Err(err) => {
            prop_assert!(!err.to_string().trim().is_empty(), "{:?} has no words", err);
            return Ok(());
        }
        Ok(loaded) => loaded,
    };
    for problem in &loaded.problems {
        prop_assert!(
            !problem.message.trim().is_empty(),
            "{:?} says nothing",
            problem
        );
        prop_assert!(!problem.record.is_empty(), "{:?} names no record", problem);
    }
    for (list, kind, key) in LISTS {
        let Some(records) = input(list) else {
            continue;
        };
        for (index, record) in records.iter().enumerate() {
            let name = key.and_then(|k| record.get(k)).and_then(Value::as_str);
            prop_assert!(
                kept_in(list, record, loaded) || reported(kind, name, index, loaded),
                "{} #{} ({:?}) was left out and not named; problems: {:#?}",
                list,
                index + 1,
                name,
                loaded.problems
            );
        }
    }
    Ok(())
}

/// One step of a path into a JSON tree.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    At(usize),
}

/// Every path in the tree, the root (the empty path) first.
fn paths(value: &Value) -> Vec<Vec<Step>> {
    let mut out = vec![Vec::new()];
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                for mut tail in paths(child) {
                    tail.insert(0, Step::Key(key.clone()));
                    out.push(tail);
                }
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                for mut tail in paths(child) {
                    tail.insert(0, Step::At(i));
                    out.push(tail);
                }
            }
        }
        _ => {}
    }
    out
}

fn at_mut<'a>(value: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(value, |v, step| match step {
        Step::Key(k) => &mut v[k.as_str()],
        Step::At(i) => &mut v[*i],
    })
}

/// A megabyte and a bit.
const MB: usize = 1 << 20;

/// What a mutation does to the value at its path.
#[derive(Debug, Clone, Copy)]
enum Mutation {
    /// The field (or array element) is removed; the root is replaced by `null`.
    Delete,
    /// The value is replaced by one of another JSON type (the number picks which).
    Retype(usize),
    /// A string grows past 1 MB by repeating itself (so an id stays kebab-case and a text
    /// stays text); any other value becomes a 1 MB string.
    Huge,
}

fn type_of(value: &Value) -> u8 {
    match value {
        Value::Null => 0,
        Value::Bool(_) => 1,
        Value::Number(_) => 2,
        Value::String(_) => 3,
        Value::Array(_) => 4,
        Value::Object(_) => 5,
    }
}

/// Replacements of other types: string to number, array to object, anything to null, and
/// wrappings of the old value that a lenient reader might half accept.
fn retyped(old: &Value, pick: usize) -> Value {
    let text = match old {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let candidates = [
        Value::Null,
        json!(true),
        json!(0),
        json!(-1),
        json!(1.5),
        json!(u64::MAX),
        json!(text.len()),
        json!(""),
        json!("<script>alert(1)</script>"),
        Value::String(text),
        json!([]),
        json!([old]),
        json!({}),
        json!({ "id": old, "en": old }),
    ];
    let other: Vec<Value> = candidates
        .into_iter()
        .filter(|c| type_of(c) != type_of(old))
        .collect();
    other[pick % other.len()].clone()
}

fn huge(old: &Value) -> Value {
    let seed = match old {
        Value::String(s) if !s.is_empty() => s.clone(),
        _ => "x".to_owned(),
    };
    Value::String(seed.repeat(MB / seed.len() + 1))
}

/// Applies the mutation at `path` inside `tree`.
fn mutate(tree: &mut Value, path: &[Step], mutation: Mutation) {
    match (mutation, path.split_last()) {
        (Mutation::Delete, Some((last, parent))) => match (at_mut(tree, parent), last) {
            (Value::Object(map), Step::Key(k)) => {
                map.remove(k);
            }
            (Value::Array(items), Step::At(i)) => {
                items.remove(*i);
            }
            _ => unreachable!("a path step matches its container"),
        },
        (Mutation::Delete, None) => *tree = Value::Null,
        (Mutation::Retype(pick), _) => {
            let target = at_mut(tree, path);
            *target = retyped(target, pick);
        }
        (Mutation::Huge, _) => {
            let target = at_mut(tree, path);
            *target = huge(target);
        }
    }
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        Just(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Retype),
    ]
}

/// The shipped file's text around one of its lists, and each record of that list as text, so
/// that a file with one record changed is spliced together rather than written out whole
/// (which would cost more than parsing it).
struct Spliced {
    before: String,
    records: Vec<String>,
    after: String,
}

fn spliced(list: &str) -> &'static Spliced {
    static ALL: OnceLock<Vec<(&'static str, Spliced)>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        LISTS
            .iter()
            .map(|&(name, _, _)| {
                let mut tree = shipped().clone();
                let records = tree[name].take();
                let marker = "\u{1}SPLICE\u{1}";
                tree[name] = Value::String(marker.to_owned());
                let text = tree.to_string();
                let marker = Value::String(marker.to_owned()).to_string();
                let (before, after) = text.split_once(&marker).expect("the marker is in the text");
                let records = records
                    .as_array()
                    .expect("a list of records")
                    .iter()
                    .map(Value::to_string)
                    .collect();
                let spliced = Spliced {
                    before: format!("{before}["),
                    records,
                    after: format!("]{after}"),
                };
                (name, spliced)
            })
            .collect()
    });
    &all.iter()
        .find(|(name, _)| *name == list)
        .expect("a list of the file")
        .1
}

/// The shipped file with one record of one list replaced.
#[derive(Debug, Clone)]
struct Mutated {
    list: &'static str,
    index: usize,
    record: Value,
    /// Where inside the record the mutation struck (empty: the record itself).
    path: Vec<Step>,
}

impl Mutated {
    fn text(&self) -> String {
        let spliced = spliced(self.list);
        let mut text = spliced.before.clone();
        for (i, record) in spliced.records.iter().enumerate() {
            if i > 0 {
                text.push(',');
            }
            if i == self.index {
                text.push_str(&self.record.to_string());
            } else {
                text.push_str(record);
            }
        }
        text.push_str(&spliced.after);
        text
    }

    fn load(&self) -> Result<Loaded, LoadError> {
        parse(&self.text(), common::today())
    }

    /// The input's records, list by list, as [`check_records`] reads them.
    fn records(&self, list: &str) -> Option<Vec<&Value>> {
        let records = shipped()[list].as_array()?;
        Some(
            records
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    if list == self.list && i == self.index {
                        &self.record
                    } else {
                        r
                    }
                })
                .collect(),
        )
    }

    fn check_contract(&self, outcome: &Result<Loaded, LoadError>) -> Result<(), TestCaseError> {
        check_records(|list| self.records(list), outcome)
    }
}

/// One record of the shipped file mutated at one place.
fn mutated_record(
    lists: &'static [&'static str],
    mutation: impl Strategy<Value = Mutation>,
) -> impl Strategy<Value = Mutated> {
    (
        prop::sample::select(lists),
        any::<Index>(),
        any::<Index>(),
        mutation,
    )
        .prop_map(|(list, record, place, mutation)| {
            let records = shipped()[list].as_array().expect("a list of records");
            let index = record.index(records.len());
            let mut record = records[index].clone();
            let inside = paths(&record);
            let path = inside[place.index(inside.len())].clone();
            mutate(&mut record, &path, mutation);
            Mutated {
                list,
                index,
                record,
                path,
            }
        })
}

/// Checks a file in which one partner was mutated: the contract holds, the load is not
/// refused, and every other partner is still there (when the mutation left the partner's id
/// alone: a changed id may leave others pointing at a partner that is gone, and they are
/// then named too, which the contract checks).
fn check_partner_mutation(mutated: &Mutated) -> Result<(), TestCaseError> {
    let outcome = mutated.load();
    mutated.check_contract(&outcome)?;
    let loaded = match outcome {
        Ok(loaded) => loaded,
        Err(err) => {
            return Err(TestCaseError::fail(format!(
                "one bad partner refused the file: {err}"
            )))
        }
    };
    let (index, path) = (mutated.index, &mutated.path);
    let id_touched = match path.first() {
        None => true,
        Some(Step::Key(k)) => k == "id",
        Some(Step::At(_)) => false,
    };
    let others: Vec<&str> = baseline()
        .dataset
        .partners
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != index)
        .map(|(_, p)| p.id.as_str())
        .collect();
    for id in others {
        let there = loaded.dataset.partner(id).is_some();
        let named = loaded
            .problems
            .iter()
            .any(|p| p.kind == RecordKind::Partner && p.record == id);
        prop_assert!(
            there || (id_touched && named),
            "partner {} went missing after partner #{} changed at {:?}",
            id,
            index + 1,
            path
        );
    }
    Ok(())
}

const PARTNERS: &[&str] = &["partners"];
const EVERY_LIST: &[&str] = &[
    "countries",
    "sectors",
    "sources",
    "partners",
    "figures",
    "changes",
];

/// The cases a property runs: `n`, fewer than proptest's default of 256 where each case
/// parses the whole shipped file (some tens of milliseconds in a debug build), so that
/// `cargo test` stays quick. `PROPTEST_CASES=N` overrides it, for a longer hunt.
/// The loader finds each list under the key this test knows it by, and knows no other list.
#[test]
fn each_list_is_read_under_its_own_key() {
    let table: Vec<_> = LISTS
        .iter()
        .map(|(list, kind, _)| (*kind, Some(*list)))
        .collect();
    let loader: Vec<_> = RecordKind::LISTS
        .iter()
        .map(|kind| (*kind, kind.list_key()))
        .collect();
    assert_eq!(loader, table);
    assert_eq!(RecordKind::File.list_key(), None);
}

fn cases(n: u32) -> ProptestConfig {
    if std::env::var_os("PROPTEST_CASES").is_some() {
        ProptestConfig::default()
    } else {
        ProptestConfig::with_cases(n)
    }
}

proptest! {
    // Cheap cases: proptest's default count.

    /// Loading never panics on bytes, read as the browser reads text (invalid UTF-8 as
    /// U+FFFD), and a refusal says why.
    #[test]
    fn any_bytes_load_or_are_refused_in_words(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let text = String::from_utf8_lossy(&bytes);
        let outcome = parse(&text, common::today());
        prop_assert!(outcome.is_err(), "random bytes made a dataset");
        check_contract(&Value::Null, &outcome)?;
    }

    /// A file cut short anywhere is refused as not valid JSON, with where it stopped.
    #[test]
    fn a_truncated_file_is_refused_as_not_valid_json(at in any::<Index>()) {
        let end = SHIPPED.trim_end().len() - 1;
        let mut cut = at.index(end);
        while !SHIPPED.is_char_boundary(cut) {
            cut -= 1;
        }
        match parse(&SHIPPED[..cut], common::today()) {
            Err(LoadError::Parse { line, column, message }) => {
                prop_assert!(line >= 1 && !message.is_empty(), "line {} column {}: {:?}", line, column, message);
            }
            other => prop_assert!(false, "cut at {} gave {:?}", cut, other.map(|l| l.problems)),
        }
    }

    /// Any JSON value at all, as the whole file, loads or is refused in words.
    #[test]
    fn any_json_value_loads_or_is_refused_in_words(value in json_value()) {
        check_contract(&value, &load(&value))?;
    }
}

proptest! {
    #![proptest_config(cases(128))]

    /// A partner with a field deleted or of another type is kept (the change was harmless)
    /// or named, and the other partners stay.
    #[test]
    fn a_broken_partner_is_named_and_the_others_stay(
        mutated in mutated_record(PARTNERS, mutation())
    ) {
        check_partner_mutation(&mutated)?;
    }

    /// The same for a record of any list: nothing is dropped without a name.
    #[test]
    fn a_broken_record_of_any_list_is_named(
        mutated in mutated_record(EVERY_LIST, mutation())
    ) {
        mutated.check_contract(&mutated.load())?;
    }
}

proptest! {
    #![proptest_config(cases(48))]

    /// The shipped file with bytes changed (a byte flipped, a run removed) never panics.
    #[test]
    fn the_shipped_file_with_bytes_changed_never_panics(
        edits in prop::collection::vec((any::<Index>(), any::<u8>(), 0usize..16), 1..4)
    ) {
        let mut bytes = SHIPPED.as_bytes().to_vec();
        for (at, byte, cut) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
            let start = (i + 1).min(bytes.len());
            let end = (start + cut).min(bytes.len());
            bytes.drain(start..end);
        }
        let text = String::from_utf8_lossy(&bytes);
        let outcome = parse(&text, common::today());
        // Text that is not JSON is refused; which error comes first depends on where the
        // damage is (a duplicated key before a broken bracket is a schema error).
        match serde_json::from_str::<Value>(&text) {
            Ok(tree) => check_contract(&tree, &outcome)?,
            Err(_) => {
                prop_assert!(outcome.is_err(), "text that is not JSON made a dataset");
                check_contract(&Value::Null, &outcome)?;
            }
        }
    }

    /// Any JSON value put anywhere in the shipped file: the same contract.
    #[test]
    fn any_json_value_anywhere_in_the_file(place in any::<Index>(), value in json_value()) {
        static ALL: OnceLock<Vec<Vec<Step>>> = OnceLock::new();
        let all = ALL.get_or_init(|| paths(shipped()));
        let path = &all[place.index(all.len())];
        let mut tree = shipped().clone();
        *at_mut(&mut tree, path) = value;
        check_contract(&tree, &load(&tree))?;
    }

    /// A file whose outer shape is right and whose lists hold anything.
    #[test]
    fn a_file_of_the_right_shape_with_any_records(lists in prop::collection::vec((prop::sample::select(EVERY_LIST), prop::collection::vec(json_record(), 0..4)), 0..6)) {
        let mut tree = shipped().clone();
        for (list, records) in lists {
            let target = tree[list].as_array_mut().expect("a list");
            target.extend(records);
        }
        check_contract(&tree, &load(&tree))?;
    }
}

proptest! {
    // Each case parses and checks a file of more than a megabyte.
    #![proptest_config(cases(16))]

    /// A partner with one value made 1 MB long loads (or names the partner) in reasonable
    /// time, and the others stay.
    #[test]
    fn a_partner_with_a_one_megabyte_value(
        mutated in mutated_record(PARTNERS, Just(Mutation::Huge))
    ) {
        check_partner_mutation(&mutated)?;
    }
}

/// Field names of the data file, so that random objects reach past the outer shape.
const KEYS: &[&str] = &[
    "schema",
    "checked",
    "home",
    "countries",
    "sectors",
    "sources",
    "partners",
    "figures",
    "credits",
    "changes",
    "id",
    "en",
    "code",
    "name",
    "region",
    "label",
    "url",
    "publisher",
    "title",
    "published",
    "language",
    "country",
    "country_label",
    "level",
    "relation",
    "status",
    "since",
    "geo",
    "lat",
    "lon",
    "geonameid",
    "tz",
    "place",
    "seat",
    "summary",
    "note",
    "related",
    "events",
    "conflicts",
    "date",
    "until",
    "kind",
    "people",
    "role",
    "field",
    "claims",
    "value",
    "shown",
    "reason",
    "record",
    "text",
];

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        Just(json!(2)),
        any::<String>().prop_map(Value::String),
        prop::sample::select(vec![
            "2",
            "1989",
            "1989-10",
            "1989-10-23",
            "2999-01-01",
            "tokyo",
            "ID",
            "asia",
            "city",
            "sister-city",
            "active",
            "https://example.org/",
            "javascript:alert(1)",
            "Asia/Tokyo",
            ""
        ])
        .prop_map(|s| Value::String(s.to_owned())),
    ]
}

fn json_key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(KEYS).prop_map(str::to_owned),
        1 => any::<String>(),
    ]
}

/// Any JSON value: leaves, and arrays and objects of them a few levels deep, with the file's
/// own field names as keys most of the time.
fn json_value() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(5, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((json_key(), inner), 0..8)
                .prop_map(|fields| Value::Object(fields.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A record-like object: the file's field names with any values.
fn json_record() -> impl Strategy<Value = Value> {
    prop::collection::vec((json_key(), json_value()), 0..12)
        .prop_map(|fields| Value::Object(fields.into_iter().collect::<Map<_, _>>()))
}

// Regressions the properties above found, as plain tests.

/// The problems naming a record of this kind, as `record: field` lines (for messages).
fn named(loaded: &Loaded, kind: RecordKind) -> Vec<String> {
    loaded
        .problems
        .iter()
        .filter(|p| p.kind == kind)
        .map(|p| format!("{}: {}", p.record, p.field))
        .collect()
}

fn loaded(tree: &Value) -> Loaded {
    load(tree).expect("the file loads")
}

/// A partner that could not be read (a field of the wrong type) took down every record that
/// pointed at it: a partner relating to it, the figures counting it, the changes about it.
/// A partner left out for breaking a rule never did, and now neither does this one.
#[test]
fn an_unreadable_partner_does_not_take_down_those_that_name_it() {
    let mut tree = shipped().clone();
    let partners = tree["partners"].as_array().expect("partners");
    let (referrer, target) = partners
        .iter()
        .find_map(|p| {
            let related = p.get("related")?.as_array()?.first()?.as_str()?;
            Some((p["id"].as_str()?.to_owned(), related.to_owned()))
        })
        .expect("some partner relates to another");
    let at = partners
        .iter()
        .position(|p| p["id"] == target.as_str())
        .expect("the related partner is in the file");
    tree["partners"][at]["checked"] = json!(20261130);
    let loaded = loaded(&tree);
    assert!(
        named(&loaded, RecordKind::Partner).contains(&format!("{target}: checked")),
        "{:?}",
        loaded.problems
    );
    assert!(
        loaded.dataset.partner(&referrer).is_some(),
        "{:?}",
        loaded.problems
    );
    assert_eq!(
        loaded.dataset.partners.len(),
        baseline().dataset.partners.len() - 1
    );
    assert_eq!(
        loaded.dataset.figures.len(),
        baseline().dataset.figures.len()
    );
    assert_eq!(
        loaded.dataset.changes.len(),
        baseline().dataset.changes.len()
    );
}

/// The same for a partner left out for an id that is not kebab-case.
#[test]
fn a_partner_with_a_bad_id_does_not_take_down_those_that_name_it() {
    let mut tree = shipped().clone();
    let target = tree["partners"]
        .as_array()
        .expect("partners")
        .iter()
        .find_map(|p| {
            p.get("related")?
                .as_array()?
                .first()?
                .as_str()
                .map(str::to_owned)
        })
        .expect("some partner relates to another");
    let upper = target.to_uppercase();
    for partner in tree["partners"].as_array_mut().expect("partners") {
        if partner["id"] == target.as_str() {
            partner["id"] = json!(upper);
        }
        // The references follow the rename, as an editor's search-and-replace would.
        if let Some(related) = partner.get_mut("related").and_then(Value::as_array_mut) {
            for id in related.iter_mut().filter(|id| **id == target.as_str()) {
                *id = json!(upper);
            }
        }
    }
    let loaded = loaded(&tree);
    assert_eq!(
        named(&loaded, RecordKind::Partner),
        vec![format!("{upper}: id")]
    );
    assert_eq!(
        loaded.dataset.partners.len(),
        baseline().dataset.partners.len() - 1
    );
}

/// A record with a blank id was named `""`; it is named by its place in the file.
#[test]
fn a_record_with_a_blank_id_is_named_by_its_place() {
    let mut tree = shipped().clone();
    tree["sectors"][2]["id"] = json!("");
    tree["partners"][4]["id"] = json!("  ");
    tree["partners"][4]["since"] = json!(1989);
    tree["countries"][3]["code"] = json!("");
    let loaded = loaded(&tree);
    assert!(named(&loaded, RecordKind::Sector).contains(&"#3: id".to_owned()));
    assert!(named(&loaded, RecordKind::Partner).contains(&"#5: since".to_owned()));
    assert!(named(&loaded, RecordKind::Country).contains(&"#4: id".to_owned()));
    assert!(loaded.problems.iter().all(|p| !p.record.trim().is_empty()));
}

/// A record that is an array was named by its first element (serde reads a struct from an
/// array too), a partner without an id by its `code`, and a change (which has no id) by an
/// `id` it should not have; each is named by its place.
#[test]
fn a_record_is_named_only_by_its_own_id_field() {
    let mut tree = shipped().clone();
    tree["sources"][57] = json!(["A"]);
    let partner = &mut tree["partners"][1];
    let id = partner
        .as_object_mut()
        .and_then(|p| p.remove("id"))
        .expect("a partner has an id");
    partner["code"] = id;
    tree["changes"][3] = json!({ "id": "x", "date": "2026-01-01" });
    let loaded = loaded(&tree);
    assert!(named(&loaded, RecordKind::Source).contains(&"#58: ".to_owned()));
    assert!(named(&loaded, RecordKind::Partner).contains(&"#2: ".to_owned()));
    assert!(named(&loaded, RecordKind::Change).contains(&"#4: ".to_owned()));
    assert!(!loaded
        .problems
        .iter()
        .any(|p| p.record == "A" || p.record == "x"));
}

/// Entries of the change log are named by their place in the file, also after an entry
/// before them could not be read (they were numbered among those read, one off).
#[test]
fn a_change_is_named_by_its_place_in_the_file() {
    let mut tree = shipped().clone();
    tree["changes"][1] = json!({ "date": 2026 });
    tree["changes"][2]["record"] = json!("atlantis");
    let loaded = loaded(&tree);
    let changes = named(&loaded, RecordKind::Change);
    assert!(changes.contains(&"#2: date".to_owned()), "{changes:?}");
    assert!(changes.contains(&"#3: record".to_owned()), "{changes:?}");
    assert_eq!(changes.len(), 2, "{changes:?}");
}

/// The fingerprint the pages carry of the data they were drawn from: FNV-1a over the bytes
/// (the published test vectors), and another for a file that differs in one byte anywhere.
#[test]
fn the_data_fingerprint_is_fnv1a_and_tells_any_changed_byte() {
    use jakarta_sister_cities::data::fingerprint;
    assert_eq!(fingerprint(""), "cbf29ce484222325");
    assert_eq!(fingerprint("a"), "af63dc4c8601ec8c");
    assert_eq!(fingerprint("foobar"), "85944171f73967e8");
    let shipped = fingerprint(SHIPPED);
    for at in [0, SHIPPED.len() / 2, SHIPPED.len() - 1] {
        let mut bytes = SHIPPED.as_bytes().to_vec();
        bytes[at] ^= 0x01;
        let changed = String::from_utf8_lossy(&bytes);
        assert_ne!(fingerprint(&changed), shipped, "a byte changed at {at}");
    }
}
