//! Property tests of the permalink reader and writer (`url_state`): people paste, truncate
//! and hand-edit links, so reading must survive any text, and what the app writes must read
//! back as the very same query.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::sync::OnceLock;

use jakarta_sister_cities::i18n::Lang;
use jakarta_sister_cities::model::{
    Dataset, PartnerId, Region, Relation, SectorId, Status, Vocabulary,
};
use jakarta_sister_cities::url_state::{ignored_params, Filters, Query, Sort, View, YEARS};
use proptest::prelude::*;

/// The shipped dataset, read once: the properties that judge ids against it run hundreds
/// of cases.
fn data() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(common::shipped)
}

/// A kebab-case id, as `parse` keeps them: lowercase letters and digits in parts joined by
/// single hyphens.
fn kebab_id() -> impl Strategy<Value = String> {
    "[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,3}"
}

/// A sorted, deduplicated subset of a vocabulary, as `parse` leaves lists.
fn subset<T: Vocabulary + std::fmt::Debug>() -> impl Strategy<Value = Vec<T>> {
    prop::sample::subsequence(T::ALL.to_vec(), 0..=T::ALL.len()).prop_map(|mut list| {
        list.sort();
        list
    })
}

fn one_of<T: Vocabulary + std::fmt::Debug>() -> impl Strategy<Value = Option<T>> {
    prop::option::of(prop::sample::select(T::ALL.to_vec()))
}

fn year() -> impl Strategy<Value = Option<i32>> {
    prop::option::of(YEARS)
}

/// Search text: any string, with the characters that mean structure in a query string
/// (and `%` escapes that are not) mixed in often, since those are what an encoder gets wrong.
fn search_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        any::<String>(),
        prop::collection::vec(
            prop_oneof![
                Just("&".to_owned()),
                Just("=".to_owned()),
                Just("%".to_owned()),
                Just("%20".to_owned()),
                Just("%zz".to_owned()),
                Just(",".to_owned()),
                Just("#".to_owned()),
                Just("+".to_owned()),
                Just("?".to_owned()),
                Just(" ".to_owned()),
                Just("sector=".to_owned()),
                any::<char>().prop_map(String::from),
            ],
            1..12,
        )
        .prop_map(|parts| parts.concat()),
    ]
}

prop_compose! {
    /// A query in normal form: what `Query::parse` can produce. Lists sorted and deduplicated,
    /// ids kebab-case, years in range with `from <= to`, the search text as typed (empty
    /// meaning not set).
    fn normal_query()(
        lang in prop::option::of(prop::sample::select(vec![Lang::Id, Lang::En])),
        q in search_text(),
        sectors in prop::collection::btree_set(kebab_id(), 0..5),
        relations in subset::<Relation>(),
        statuses in subset::<Status>(),
        regions in subset::<Region>(),
        years in (year(), year()),
        partner in prop::option::of(kebab_id()),
        view in one_of::<View>(),
        sort in one_of::<Sort>(),
    ) -> Query {
        let (from, to) = match years {
            (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
            years => years,
        };
        Query {
            lang,
            filters: Filters {
                q,
                // A BTreeSet iterates sorted, with no repeats: the list's normal form.
                sectors: sectors.into_iter().map(SectorId::from).collect(),
                relations,
                statuses,
                regions,
                from,
                to,
            },
            partner: partner.map(PartnerId::from),
            view,
            sort,
        }
    }
}

/// One piece of a hostile query string: structure, real names and values, escapes good and
/// broken, and any character at all.
fn fragment() -> impl Strategy<Value = String> {
    let names = [
        "lang", "q", "sector", "relation", "status", "region", "from", "to", "partner", "view",
        "sort", "Sector", "LANG", "foo",
    ];
    let mut values: Vec<&'static str> = vec![
        "id",
        "en",
        "EN",
        "tokyo",
        "berlin",
        "atlantis",
        "flood-river",
        "culture-tourism",
        "Flood-River",
        "nope",
        "1989",
        "0",
        "-1",
        "99999",
        "2147483648",
        "+1990",
        " 1990 ",
        "map",
        "list",
        "timeline",
        "figures",
        "name",
        "distance",
        "",
    ];
    values.extend(Relation::ALL.iter().map(|v| v.id()));
    values.extend(Status::ALL.iter().map(|v| v.id()));
    values.extend(Region::ALL.iter().map(|v| v.id()));
    prop_oneof![
        3 => prop::sample::select(names.to_vec()).prop_map(str::to_owned),
        3 => prop::sample::select(values).prop_map(str::to_owned),
        3 => prop::sample::select(vec!["&", "=", "%", ",", "#", "+", "?", "&&", "=="])
            .prop_map(str::to_owned),
        // Escapes: valid bytes (some not UTF-8 on their own), truncated and non-hex.
        2 => any::<u8>().prop_map(|b| format!("%{b:02X}")),
        1 => "%[0-9a-fA-F]?".prop_map(|s| s.to_owned()),
        1 => "%[g-zG-Z]{1,2}".prop_map(|s| s.to_owned()),
        2 => any::<char>().prop_map(String::from),
        1 => any::<String>(),
    ]
}

/// A query string built from fragments, with or without the leading `?`.
fn hostile_search() -> impl Strategy<Value = String> {
    (any::<bool>(), prop::collection::vec(fragment(), 0..24)).prop_map(|(question, parts)| {
        let body = parts.concat();
        if question {
            format!("?{body}")
        } else {
            body
        }
    })
}

/// Any text at all, or one built to look like a query string.
fn any_search() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), hostile_search()]
}

proptest! {
    /// Writing then reading gives back the same query, for every query in normal form.
    #[test]
    fn every_normal_query_survives_the_round_trip(query in normal_query()) {
        let search = query.to_search();
        prop_assert_eq!(Query::parse(&search), query.clone(), "written as {:?}", search);
        // What is written is a query string and nothing else: no fragment, no raw space.
        prop_assert!(search.is_empty() || search.starts_with('?'));
        prop_assert!(!search.contains(['#', ' ']), "written as {:?}", search);
    }

    /// Reading never panics, on any text.
    #[test]
    fn parse_survives_any_text(search in any_search()) {
        let _ = Query::parse(&search);
    }

    /// What `parse` returns is already in normal form: writing it and reading it again
    /// changes nothing. A reader that left a list unsorted, or a period backwards, fails here.
    #[test]
    fn parse_returns_a_query_in_normal_form(search in any_search()) {
        let query = Query::parse(&search);
        let again = Query::parse(&query.to_search());
        prop_assert_eq!(again, query);
    }

    /// The ignored parts are found without panicking, and a URL the app writes after
    /// dropping unknown ids is understood whole: nothing in it would be called ignored.
    #[test]
    fn a_url_the_app_writes_has_nothing_to_ignore(search in any_search()) {
        let data = data();
        let _ = ignored_params(&search, data);
        let mut query = Query::parse(&search);
        query.retain_known(data);
        let written = query.to_search();
        prop_assert_eq!(ignored_params(&written, data), Vec::<String>::new(), "written as {:?}", written);
    }

    /// Whatever is ignored, nothing that was ignored comes back in the URL the app writes:
    /// each ignored `key=value` piece, read alone, asks for nothing the written query has.
    #[test]
    fn an_ignored_piece_is_never_written_back(search in hostile_search()) {
        let data = data();
        let mut query = Query::parse(&search);
        query.retain_known(data);
        let written = Query::parse(&query.to_search());
        for piece in ignored_params(&search, data) {
            // The notice shows pieces decoded; a piece never names a value the query holds.
            if let Some((key, value)) = piece.split_once('=') {
                let holds = match key {
                    "partner" => written.partner.as_deref() == Some(value.trim()),
                    "sector" => written.filters.sectors.iter().any(|s| s.as_str() == value.trim()),
                    _ => false,
                };
                prop_assert!(!holds, "{} was ignored but written back", piece);
            }
        }
    }
}
