//! The app's JSON reader and writer (`json`), natively: it accepts exactly the texts
//! serde_json accepts and reads the same values from them, it says where a text stops being
//! JSON, a typed error names the path of the value it is about, and every record it writes
//! reads back as the same record and as the same value the data file holds.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use jakarta_sister_cities::json::{
    self, Fields, FromJson, Json, Member, Split, ToJson, Tok, TypeError,
};
use jakarta_sister_cities::model::{Change, Country, Figure, Partner, Sector, Source};
use proptest::prelude::*;
use serde_json::Value;

/// A value on the reader's tape as serde_json's, to compare the two.
fn as_value(json: &Json<'_, '_>) -> Value {
    let children = json.children();
    match &json.0[0] {
        Tok::Null => Value::Null,
        Tok::Bool(b) => Value::Bool(*b),
        Tok::Number(n) => serde_json::from_str(n).expect("a number serde_json reads"),
        Tok::String(s) => Value::String(s.to_string()),
        Tok::Array(_) => Value::Array(
            children
                .into_iter()
                .map(|at| as_value(&Json(&mut json.0.to_vec()[at])))
                .collect(),
        ),
        Tok::Object(_) => Value::Object(
            children
                .chunks(2)
                .map(|pair| {
                    let key = as_value(&Json(&mut json.0.to_vec()[pair[0].clone()]));
                    let value = as_value(&Json(&mut json.0.to_vec()[pair[1].clone()]));
                    (key.as_str().expect("a key").to_owned(), value)
                })
                .collect(),
        ),
    }
}

/// The value of a whole text, by the reader.
fn read_value(text: &str) -> Result<Value, json::SyntaxError> {
    json::parse(text).map(|mut tape| as_value(&Json::root(&mut tape)))
}

/// The keys (for an object) and values one level down in a text, by the reader.
fn parts(text: &str) -> Vec<(Option<String>, Value)> {
    let mut tape = json::parse(text).expect("valid");
    let root = Json::root(&mut tape);
    let children = root.children();
    let value = |at: std::ops::Range<usize>| as_value(&Json(&mut root.0.to_vec()[at]));
    match &root.0[0] {
        Tok::Object(_) => children
            .chunks(2)
            .map(|pair| {
                let key = value(pair[0].clone()).as_str().map(str::to_owned);
                (key, value(pair[1].clone()))
            })
            .collect(),
        _ => children.into_iter().map(|at| (None, value(at))).collect(),
    }
}

/// Whether serde_json accepts `text`, leaving out the one case where it refuses valid syntax:
/// a number beyond any f64, which the reader leaves to the field that reads it.
fn serde_accepts(text: &str) -> Option<bool> {
    match serde_json::from_str::<Value>(text) {
        Ok(_) => Some(true),
        Err(err) if err.to_string().starts_with("number out of range") => None,
        Err(_) => Some(false),
    }
}

fn check_same_as_serde(text: &str) -> Result<(), TestCaseError> {
    let Some(accepted) = serde_accepts(text) else {
        return Ok(());
    };
    let ours = read_value(text);
    prop_assert_eq!(ours.is_ok(), accepted, "{:?}: {:?}", text, ours);
    if let Ok(value) = ours {
        let theirs: Value = serde_json::from_str(text).expect("accepted above");
        prop_assert_eq!(&value, &theirs);
        // The split agrees with the tape, one level down (two for an object's arrays).
        match json::split(text) {
            Ok(Split::Object(members)) => {
                let built = parts(text);
                prop_assert_eq!(members.len(), built.len());
                for (member, (key, built_value)) in members.iter().zip(&built) {
                    prop_assert_eq!(Some(member.key.to_string()), key.clone());
                    prop_assert_eq!(&read_value(member.raw).expect("a member"), built_value);
                    match (&member.items, built_value) {
                        (Some(items), Value::Array(built_items)) => {
                            prop_assert_eq!(items.len(), built_items.len());
                            for (raw, built_item) in items.iter().zip(built_items) {
                                prop_assert_eq!(&read_value(raw).expect("an item"), built_item);
                            }
                        }
                        (None, Value::Array(_)) => prop_assert!(false, "an array without items"),
                        (Some(_), other) => prop_assert!(false, "items of {:?}", other),
                        (None, _) => {}
                    }
                }
            }
            Ok(Split::Array(items)) => {
                let built = parts(text);
                prop_assert_eq!(items.len(), built.len());
                for (raw, (_, built_value)) in items.iter().zip(&built) {
                    prop_assert_eq!(&read_value(raw).expect("an item"), built_value);
                }
            }
            Ok(Split::Scalar(raw)) => prop_assert_eq!(read_value(raw).ok(), Some(value)),
            Err(err) => prop_assert!(false, "{:?} parses but does not split: {:?}", text, err),
        }
    } else {
        prop_assert!(
            json::split(text).is_err(),
            "{:?} splits but does not parse",
            text
        );
    }
    Ok(())
}

/// Texts made of JSON's own pieces, so that most are near-misses of JSON.
fn jsonish() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        " ",
        "\n",
        "\"",
        "\"a\"",
        "\"\\u00e9\"",
        "\\",
        "\\u",
        "\\ud83d",
        "\\ude00",
        "\\n",
        "\\x",
        "0",
        "-",
        "1",
        "23",
        ".",
        "5",
        "e",
        "E",
        "+",
        "true",
        "false",
        "null",
        "nul",
        "tru",
        "é",
        "\t",
        "\u{1}",
        "\"k\":",
        "[]",
        "{}",
    ]);
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(("[a-z\"\\\\é]{0,4}", inner), 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn near_misses_of_json_are_judged_as_serde_json_judges_them(text in jsonish()) {
        check_same_as_serde(&text)?;
    }

    #[test]
    fn any_value_reads_back_as_written(value in any_value(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_string_pretty(&value).expect("writes")
        } else {
            value.to_string()
        };
        check_same_as_serde(&text)?;
        prop_assert_eq!(read_value(&text).expect("valid"), value);
    }

    #[test]
    fn any_text_is_read_or_refused_without_panic(text in any::<String>()) {
        check_same_as_serde(&text)?;
        let _ = json::split_records(&text);
    }

    #[test]
    fn a_data_file_is_split_into_the_same_records_unchecked(
        lists in prop::collection::vec(("[a-z]{1,3}", prop::collection::vec(any_value(), 0..5)), 0..4),
        other in any_value(),
        pretty in any::<bool>(),
    ) {
        let mut file = serde_json::Map::new();
        for (key, items) in lists {
            file.insert(key, Value::Array(items));
        }
        file.insert("other".to_owned(), other);
        let file = Value::Object(file);
        let text = if pretty { serde_json::to_string_pretty(&file) } else { serde_json::to_string(&file) }
            .expect("writes");
        prop_assert_eq!(json::split_records(&text), json::split(&text));
    }

    #[test]
    fn near_misses_split_unchecked_are_refused_or_split_alike(text in jsonish()) {
        // Unchecked, a record may be split where the checked split refuses; what both accept
        // they split alike.
        let text = format!("{{\"partners\":[{text}]}}");
        if let Ok(checked) = json::split(&text) {
            prop_assert_eq!(json::split_records(&text), Ok(checked));
        }
    }
}

#[test]
fn a_syntax_error_says_where_and_what() {
    let text = "{\n  \"a\": 1,\n  \"b\": tru\n}";
    let err = json::parse(text).expect_err("not JSON");
    assert_eq!(err.line_column(text), (3, 8));
    assert_eq!(err.message, "expected a value");
    for (text, message) in [
        ("", "the text ends where a value should be"),
        ("[1,]", "expected a value"),
        ("{\"a\" 1}", "expected `:` after a key"),
        ("{\"a\":1 \"b\":2}", "expected `,` or `}` after a member"),
        ("[1 2]", "expected `,` or `]` after an item"),
        ("\"abc", "the text ends inside a string"),
        ("\"a\u{1}\"", "a control character inside a string"),
        ("\"\\q\"", "an unknown escape in a string"),
        ("\"\\ud83d\"", "a lone surrogate in a \\u escape"),
        ("\"\\ude00\"", "a lone surrogate in a \\u escape"),
        ("\"\\u12\"", "a bad \\u escape"),
        ("01", "more text after the end of the value"),
        ("1.", "a number without digits after its point"),
        ("1e+", "a number without digits in its exponent"),
        ("-", "a number without digits"),
        ("{} x", "more text after the end of the value"),
    ] {
        let err = json::parse(text).expect_err(text);
        assert_eq!(err.message, message, "{text:?}");
        assert_eq!(
            json::split(text).expect_err(text).message,
            message,
            "{text:?}"
        );
    }
}

#[test]
fn escapes_and_pairs_of_surrogates_read_as_their_characters() {
    let text = r#""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00z""#;
    assert_eq!(
        json::parse(text),
        Ok(vec![Tok::String("a\"\\/\u{8}\u{c}\n\r\té😀z".into())])
    );
}

#[test]
fn nesting_is_limited_as_serde_json_limits_it() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    for n in [1, 126, 127, 128, 129, 100_000] {
        let accepted = serde_json::from_str::<Value>(&deep(n)).is_ok();
        assert_eq!(json::parse(&deep(n)).is_ok(), accepted, "{n} levels");
        assert_eq!(json::split(&deep(n)).is_ok(), accepted, "{n} levels, split");
    }
    assert!(json::parse(&deep(127)).is_ok());
}

#[test]
fn a_split_keeps_each_member_as_written() {
    let text = " { \"a\" : [1, 2] , \"b\\n\":{\"c\":null} } ";
    assert_eq!(
        json::split(text),
        Ok(Split::Object(vec![
            Member {
                key: "a".into(),
                raw: "[1, 2]",
                items: Some(vec!["1", "2"]),
            },
            Member {
                key: "b\n".into(),
                raw: "{\"c\":null}",
                items: None,
            },
        ]))
    );
    assert_eq!(json::split("[]"), Ok(Split::Array(vec![])));
    assert_eq!(json::split("{}"), Ok(Split::Object(vec![])));
    assert_eq!(json::split(" 5 "), Ok(Split::Scalar("5")));
}

/// A struct read as the model's records are, to test [`Fields`] alone.
#[derive(Debug, PartialEq)]
struct Point {
    name: String,
    x: f64,
    tags: Vec<String>,
    note: Option<String>,
    id: u32,
}

impl FromJson for Point {
    fn from_json(value: Json<'_, '_>) -> Result<Self, TypeError> {
        let mut fields = Fields::of(value);
        let point = Point {
            name: fields.req("name"),
            x: fields.req("x"),
            tags: fields.or_default("tags"),
            note: fields.opt("note"),
            id: fields.req("id"),
        };
        fields.finish(point)
    }

    fn placeholder() -> Self {
        Point {
            name: String::new(),
            x: 0.0,
            tags: Vec::new(),
            note: None,
            id: 0,
        }
    }
}

fn read<T: FromJson>(text: &str) -> Result<T, (String, String)> {
    let mut tape = json::parse(text).expect("valid JSON");
    T::from_json(Json::root(&mut tape)).map_err(|e| (e.path(), e.message))
}

#[test]
fn fields_read_required_optional_and_default_members() {
    assert_eq!(
        read::<Point>(r#"{"name":"a","x":-1.5e2,"id":7,"other":[1]}"#),
        Ok(Point {
            name: "a".to_owned(),
            x: -150.0,
            tags: vec![],
            note: None,
            id: 7
        })
    );
    assert_eq!(
        read::<Point>(r#"{"name":"a","x":0,"id":0,"note":null,"tags":["t"]}"#).map(|p| p.tags),
        Ok(vec!["t".to_owned()])
    );
}

#[test]
fn the_first_error_is_named_by_its_path() {
    let err = |text: &str| read::<Vec<Point>>(text).expect_err(text);
    let message = |m: &str| m.to_owned();
    assert_eq!(
        err(r#"[{"name":"a","x":1,"id":1},{"name":"b","x":"far","id":1}]"#),
        (
            "[1].x".to_owned(),
            message("invalid type: string \"far\", expected a number")
        )
    );
    assert_eq!(
        err(r#"[{"name":"a","x":1}]"#),
        ("[0]".to_owned(), message("missing field `id`"))
    );
    assert_eq!(
        err(r#"[{"name":"a","name":"b","x":1,"id":1}]"#),
        ("[0]".to_owned(), message("duplicate field `name`"))
    );
    assert_eq!(
        err(r#"[{"name":"a","x":1,"id":1,"tags":["t",2]}]"#),
        (
            "[0].tags[1]".to_owned(),
            message("invalid type: number `2`, expected a string")
        )
    );
    assert_eq!(
        err("[3]"),
        (
            "[0]".to_owned(),
            message("invalid type: number `3`, expected an object")
        )
    );
    assert_eq!(
        err("{}"),
        (
            String::new(),
            message("invalid type: an object, expected an array")
        )
    );
    // Unsigned whole numbers only, within their type.
    for bad in ["-1", "1.0", "1e2", "4294967296"] {
        let text = format!(r#"[{{"name":"a","x":1,"id":{bad}}}]"#);
        assert_eq!(err(&text).0, "[0].id", "{bad}");
    }
    // A float beyond f64.
    assert_eq!(
        err(r#"[{"name":"a","x":1e400,"id":1}]"#).1,
        "number out of range: 1e400"
    );
}

#[test]
fn a_word_is_one_of_its_list_spelled_exactly() {
    let ids = ["sister-city", "memorandum"];
    let word = |text: &str| json::word(&Json::root(&mut json::parse(text).expect("valid")), &ids);
    assert_eq!(word("\"memorandum\""), Ok(1));
    assert_eq!(
        word("\"Memorandum\"").map_err(|e| e.message),
        Err("unknown value \"Memorandum\", expected one of sister-city, memorandum".to_owned())
    );
    assert!(word("1").is_err());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn strings_are_written_as_serde_json_writes_them(text in any::<String>()) {
        prop_assert_eq!(json::to_string(&text), serde_json::to_string(&text).expect("writes"));
    }

    #[test]
    fn numbers_are_written_to_read_back_the_same(number in any::<f64>().prop_filter("finite", |f| f.is_finite())) {
        let text = json::to_string(&number);
        let mut tape = json::parse(&text).expect("valid");
        prop_assert_eq!(f64::from_json(Json::root(&mut tape)), Ok(number), "{}", text);
    }
}

#[test]
fn whole_numbers_are_written_without_a_point() {
    assert_eq!(json::to_string(&23.0_f64), "23");
    assert_eq!(json::to_string(&-6.2_f64), "-6.2");
    assert_eq!(json::to_string(&f64::NAN), "null");
    assert_eq!(json::to_string(&true), "true");
    assert_eq!(json::to_string(&vec![1_u32, 2]), "[1,2]");
}

/// Each record written reads back as itself, and as the very value the file holds for it:
/// the same members, the absent ones absent, the numbers as the file writes them.
fn round_trip<T: FromJson + ToJson + PartialEq + std::fmt::Debug>(
    list: &str,
    records: &[T],
    id_of: impl Fn(&serde_json::Value) -> bool + Copy,
) {
    let file: Value = serde_json::from_str(common::SHIPPED).expect("the shipped file");
    let originals: Vec<&Value> = file[list]
        .as_array()
        .expect("a list")
        .iter()
        .filter(|v| id_of(v))
        .collect();
    assert_eq!(originals.len(), records.len(), "{list}");
    for (record, original) in records.iter().zip(originals) {
        let text = json::to_string(record);
        let mut tape = json::parse(&text).expect("valid JSON");
        assert_eq!(
            T::from_json(Json::root(&mut tape)).as_ref(),
            Ok(record),
            "{list}: {text}"
        );
        let written: Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(&written, original, "{list}");
    }
}

#[test]
fn every_shipped_record_is_written_as_the_file_writes_it() {
    let data = common::shipped();
    let all = |_: &Value| true;
    round_trip::<Country>("countries", &data.countries, all);
    round_trip::<Sector>("sectors", &data.sectors, all);
    round_trip::<Source>("sources", &data.sources, all);
    let partners: Vec<Partner> = data.partners.iter().map(|p| (**p).clone()).collect();
    round_trip::<Partner>("partners", &partners, all);
    round_trip::<Figure>("figures", &data.figures, all);
    round_trip::<Change>("changes", &data.changes, all);
}
