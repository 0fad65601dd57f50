//! The permalink contract: every parameter read and written, garbage survived,
//! and `parse(to_search(q)) == q`.

mod common;

use common::shipped;
use jakarta_sister_cities::i18n::Lang;
use jakarta_sister_cities::model::{Region, Relation, SectorId, Status, Vocabulary};
use jakarta_sister_cities::url_state::{ignored_params, Filters, Query, Sort, View};

fn sectors(ids: &[&str]) -> Vec<SectorId> {
    ids.iter().map(|&id| SectorId::from(id)).collect()
}

/// A query that only searches for `q`.
fn searching(q: &str) -> Query {
    with_filters(Filters {
        q: q.into(),
        ..Filters::default()
    })
}

fn with_filters(filters: Filters) -> Query {
    Query {
        filters,
        ..Query::default()
    }
}

fn assert_round_trip(query: &Query) {
    let search = query.to_search();
    assert_eq!(&Query::parse(&search), query, "through {search:?}");
}

#[test]
fn empty_input_is_the_default_query() {
    assert_eq!(Query::parse(""), Query::default());
    assert_eq!(Query::parse("?"), Query::default());
    assert_eq!(Query::parse("?&&"), Query::default());
    assert_eq!(Query::default().to_search(), "");
}

#[test]
fn reads_every_parameter() {
    let query = Query::parse(
        "?lang=en&q=tokyo&sector=flood-river,waste&relation=sister-city,programme\
         &status=active&region=asia,europe&from=1980&to=2000&partner=tokyo&view=timeline&sort=distance",
    );
    assert_eq!(
        query,
        Query {
            lang: Some(Lang::En),
            filters: Filters {
                q: "tokyo".into(),
                sectors: sectors(&["flood-river", "waste"]),
                relations: vec![Relation::SisterCity, Relation::Programme],
                statuses: vec![Status::Active],
                regions: vec![Region::Asia, Region::Europe],
                from: Some(1980),
                to: Some(2000),
            },
            partner: Some("tokyo".into()),
            view: Some(View::Timeline),
            sort: Some(Sort::Distance),
        }
    );
}

#[test]
fn reads_each_parameter_alone() {
    assert_eq!(Query::parse("lang=id").lang, Some(Lang::Id));
    assert_eq!(Query::parse("q=kuala+lumpur").filters.q, "kuala lumpur");
    assert_eq!(
        Query::parse("sector=waste").filters.sectors,
        sectors(&["waste"])
    );
    assert_eq!(
        Query::parse("relation=letter-of-intent").filters.relations,
        vec![Relation::LetterOfIntent]
    );
    assert_eq!(
        Query::parse("status=in-progress").filters.statuses,
        vec![Status::InProgress]
    );
    assert_eq!(
        Query::parse("region=oceania").filters.regions,
        vec![Region::Oceania]
    );
    assert_eq!(Query::parse("from=1990").filters.from, Some(1990));
    assert_eq!(Query::parse("to=2010").filters.to, Some(2010));
    assert_eq!(
        Query::parse("partner=kuala-lumpur").partner.as_deref(),
        Some("kuala-lumpur")
    );
    for &view in View::ALL {
        assert_eq!(
            Query::parse(&format!("view={}", view.id())).view,
            Some(view)
        );
    }
    for &sort in Sort::ALL {
        assert_eq!(
            Query::parse(&format!("sort={}", sort.id())).sort,
            Some(sort)
        );
    }
}

#[test]
fn lists_come_out_sorted_and_deduplicated() {
    let query =
        Query::parse("sector=waste,arts,waste&status=dormant,active,dormant&region=oceania,asia");
    assert_eq!(query.filters.sectors, sectors(&["arts", "waste"]));
    assert_eq!(
        query.filters.statuses,
        vec![Status::Active, Status::Dormant]
    );
    assert_eq!(query.filters.regions, vec![Region::Asia, Region::Oceania]);
}

#[test]
fn repeated_lists_merge_and_repeated_singles_keep_the_last_valid_value() {
    let query =
        Query::parse("sector=waste&sector=arts&view=map&view=list&view=moon&from=1990&from=x");
    assert_eq!(query.filters.sectors, sectors(&["arts", "waste"]));
    assert_eq!(query.view, Some(View::List));
    assert_eq!(query.filters.from, Some(1990));
    assert_eq!(Query::parse("q=tokyo&q=").filters.q, "tokyo");
    assert_eq!(Query::parse("q=tokyo&q=seoul").filters.q, "seoul");
}

#[test]
fn garbage_values_are_ignored_one_by_one() {
    let query = Query::parse(
        "sector=Flood!!,waste,-bad,bad-,a--b&from=abc&to=20x0&view=moon&lang=fr&sort=random\
         &relation=twin,sister-city&status=alive&region=atlantis&partner=Not%20an%20id",
    );
    assert_eq!(
        query,
        Query {
            filters: Filters {
                sectors: sectors(&["waste"]),
                relations: vec![Relation::SisterCity],
                ..Filters::default()
            },
            ..Query::default()
        }
    );
}

#[test]
fn malformed_escapes_stay_literal_and_break_nothing_else() {
    assert_eq!(Query::parse("q=%zz").filters.q, "%zz");
    assert_eq!(Query::parse("q=100%").filters.q, "100%");
    assert_eq!(Query::parse("q=%e").filters.q, "%e");
    let query = Query::parse("sector=%zz,waste&view=%zz&from=%zz&partner=%zz&lang=en");
    assert_eq!(query.filters.sectors, sectors(&["waste"]));
    assert_eq!(query.view, None);
    assert_eq!(query.filters.from, None);
    assert_eq!(query.partner, None);
    assert_eq!(query.lang, Some(Lang::En));
    // Bytes that are not UTF-8 become U+FFFD rather than failing the query.
    assert_eq!(Query::parse("q=%FF&view=map").filters.q, "\u{FFFD}");
    assert_eq!(Query::parse("q=%FF&view=map").view, Some(View::Map));
}

#[test]
fn unknown_parameters_are_ignored() {
    let query = Query::parse("?utm_source=wa&fbclid=xyz&view=map&=&novalue&q");
    assert_eq!(
        query,
        Query {
            view: Some(View::Map),
            ..Query::default()
        }
    );
    // Parameter names are exact.
    assert_eq!(Query::parse("VIEW=map").view, None);
}

#[test]
fn values_are_read_case_insensitively_and_trimmed() {
    let query = Query::parse(
        "view=Map&sort=%20NAME%20&sector=Flood-River&relation=Sister-City&lang=EN&partner=Tokyo",
    );
    assert_eq!(query.view, Some(View::Map));
    assert_eq!(query.sort, Some(Sort::Name));
    assert_eq!(query.filters.sectors, sectors(&["flood-river"]));
    assert_eq!(query.filters.relations, vec![Relation::SisterCity]);
    assert_eq!(query.lang, Some(Lang::En));
    assert_eq!(query.partner.as_deref(), Some("tokyo"));
}

#[test]
fn a_fragment_is_not_part_of_the_query() {
    let query = Query::parse("?view=map&q=a#q=b");
    assert_eq!(query.filters.q, "a");
    assert_eq!(query.view, Some(View::Map));
}

#[test]
fn years_must_be_plausible() {
    assert_eq!(Query::parse("from=999").filters.from, None);
    assert_eq!(Query::parse("from=10000").filters.from, None);
    assert_eq!(Query::parse("from=-1990").filters.from, None);
    assert_eq!(Query::parse("from=%2B1990").filters.from, None);
    // A literal `+` is a space in a query string, and spaces around a year are trimmed.
    assert_eq!(Query::parse("from=+1990").filters.from, Some(1990));
    assert_eq!(Query::parse("from=1990.5").filters.from, None);
    assert_eq!(Query::parse("from=99999999999999999999").filters.from, None);
    assert_eq!(Query::parse("from=1000").filters.from, Some(1000));
    assert_eq!(Query::parse("to=9999").filters.to, Some(9999));
    assert_eq!(Query::parse("to=%202001%20").filters.to, Some(2001));
}

#[test]
fn a_period_typed_backwards_is_swapped() {
    let query = Query::parse("from=2010&to=1990");
    assert_eq!(
        (query.filters.from, query.filters.to),
        (Some(1990), Some(2010))
    );
    let query = Query::parse("to=1990&from=2010");
    assert_eq!(
        (query.filters.from, query.filters.to),
        (Some(1990), Some(2010))
    );
    // One bound alone is a half-open period, not a backwards one.
    assert_eq!(Query::parse("to=1990").filters.from, None);
}

#[test]
fn writes_parameters_in_a_stable_order() {
    let query = Query {
        sort: Some(Sort::Name),
        view: Some(View::List),
        partner: Some("tokyo".into()),
        filters: Filters {
            to: Some(2000),
            from: Some(1980),
            regions: vec![Region::Asia, Region::Americas],
            statuses: vec![Status::Active, Status::Dormant],
            relations: vec![Relation::SisterCity, Relation::LetterOfIntent],
            sectors: sectors(&["flood-river", "waste"]),
            q: "tokyo".into(),
        },
        lang: Some(Lang::En),
    };
    assert_eq!(
        query.to_search(),
        "?lang=en&q=tokyo&sector=flood-river,waste&relation=sister-city,letter-of-intent\
         &status=active,dormant&region=asia,americas&from=1980&to=2000&partner=tokyo&view=list&sort=name"
    );
    // Reading a URL in another order writes it back in the stable one.
    let shuffled = Query::parse("sort=name&view=list&q=tokyo&lang=en");
    assert_eq!(shuffled.to_search(), "?lang=en&q=tokyo&view=list&sort=name");
}

#[test]
fn omits_what_is_not_set() {
    let query = Query {
        filters: Filters {
            to: Some(2000),
            ..Filters::default()
        },
        ..Query::default()
    };
    assert_eq!(query.to_search(), "?to=2000");
    let query = Query {
        view: Some(View::Map),
        ..Query::default()
    };
    assert_eq!(query.to_search(), "?view=map");
}

#[test]
fn percent_encodes_what_needs_it() {
    let encoded = |q: &str| searching(q).to_search();
    assert_eq!(encoded("kuala lumpur"), "?q=kuala%20lumpur");
    assert_eq!(encoded("a&b=c#d"), "?q=a%26b%3Dc%23d");
    assert_eq!(encoded("Kyïv"), "?q=Ky%C3%AFv");
    assert_eq!(encoded("İstanbul"), "?q=%C4%B0stanbul");
    assert_eq!(encoded("a+b,c%d?"), "?q=a%2Bb%2Cc%25d%3F");
    assert_eq!(encoded("safe-._~09AZaz"), "?q=safe-._~09AZaz");
    for q in [
        "kuala lumpur",
        "a&b=c#d",
        "Kyïv",
        "İstanbul",
        "a+b,c%d?",
        " ",
        "%zz",
        "東京",
        "😀 x",
    ] {
        assert_round_trip(&searching(q));
    }
}

#[test]
fn reads_both_space_spellings() {
    assert_eq!(Query::parse("q=kuala+lumpur").filters.q, "kuala lumpur");
    assert_eq!(Query::parse("q=kuala%20lumpur").filters.q, "kuala lumpur");
    assert_eq!(Query::parse("q=Ky%C3%AFv").filters.q, "Kyïv");
    assert_eq!(Query::parse("q=a%2Bb").filters.q, "a+b");
}

#[test]
fn hand_built_queries_survive_the_round_trip() {
    let queries = [
        Query::default(),
        Query {
            lang: Some(Lang::Id),
            ..Query::default()
        },
        Query {
            sort: Some(Sort::Since),
            ..searching("  banjir  rob ")
        },
        with_filters(Filters {
            sectors: sectors(&["clean-water", "flood-river", "waste"]),
            regions: vec![Region::Europe],
            ..Filters::default()
        }),
        with_filters(Filters {
            relations: Relation::ALL.to_vec(),
            statuses: Status::ALL.to_vec(),
            regions: Region::ALL.to_vec(),
            ..Filters::default()
        }),
        Query {
            partner: Some("al-quds-al-sharif".into()),
            view: Some(View::Figures),
            ..with_filters(Filters {
                from: Some(1000),
                to: Some(9999),
                ..Filters::default()
            })
        },
        with_filters(Filters {
            from: Some(2000),
            to: Some(2000),
            ..Filters::default()
        }),
        Query {
            lang: Some(Lang::En),
            filters: Filters {
                q: "Koike & co = 100% #1".into(),
                sectors: sectors(&["c40x", "youth-sports"]),
                relations: vec![Relation::Memorandum],
                statuses: vec![Status::InProgress],
                regions: vec![Region::Africa, Region::Oceania],
                from: Some(1979),
                to: None,
            },
            partner: Some("tokyo".into()),
            view: Some(View::Map),
            sort: Some(Sort::Distance),
        },
    ];
    for query in &queries {
        assert_round_trip(query);
    }
}

/// Every subset of two sectors, two relations, one status and two regions (bits 0-6) with
/// and without a partner (bit 7), each alongside a language, search, period, view and sort
/// that cycle with the mask, so no combination of neighbours can bleed into another
/// parameter when written and read.
#[test]
fn combinations_survive_the_round_trip() {
    let langs = [None, Some(Lang::Id), Some(Lang::En)];
    let texts = ["", "a b", "x&sector=waste"];
    let periods = [
        (None, None),
        (Some(1990), None),
        (None, Some(2000)),
        (Some(1990), Some(2000)),
    ];
    let views = [None, Some(View::Map), Some(View::Figures)];
    let sorts = [
        None,
        Some(Sort::Since),
        Some(Sort::Name),
        Some(Sort::Distance),
    ];
    for mask in 0u32..(1 << 8) {
        let bit = |i: u32| mask & (1 << i) != 0;
        let mut filters = Filters {
            q: texts[(mask / 3 % 3) as usize].into(),
            from: periods[(mask % 4) as usize].0,
            to: periods[(mask % 4) as usize].1,
            ..Filters::default()
        };
        if bit(0) {
            filters.toggle_sector(&"waste".into());
        }
        if bit(1) {
            filters.toggle_sector(&"arts".into());
        }
        if bit(2) {
            filters.toggle_relation(Relation::NetworkMembership);
        }
        if bit(3) {
            filters.toggle_relation(Relation::SisterCity);
        }
        if bit(4) {
            filters.toggle_status(Status::Dormant);
        }
        if bit(5) {
            filters.toggle_region(Region::Americas);
        }
        if bit(6) {
            filters.toggle_region(Region::Asia);
        }
        assert_round_trip(&Query {
            lang: langs[(mask % 3) as usize],
            filters,
            partner: bit(7).then(|| "new-york-city".into()),
            view: views[(mask / 5 % 3) as usize],
            sort: sorts[(mask / 7 % 4) as usize],
        });
    }
}

#[test]
fn writing_what_was_read_is_stable_even_for_garbage() {
    let inputs = [
        "sector=Flood!!,waste&from=abc&view=moon&lang=fr&q=%zz",
        "to=1990&from=2010&sector=b,a,b",
        "q=+&q=&partner=x&partner=-",
        "%%%&&==&q==&relation=,,,",
    ];
    for input in inputs {
        let once = Query::parse(input);
        assert_eq!(Query::parse(&once.to_search()), once, "{input}");
    }
}

#[test]
fn toggle_sector_keeps_the_list_sorted() {
    let mut filters = Filters::default();
    for id in ["waste", "arts", "health"] {
        filters.toggle_sector(&id.into());
    }
    assert_eq!(filters.sectors, sectors(&["arts", "health", "waste"]));
    filters.toggle_sector(&"health".into());
    assert_eq!(filters.sectors, sectors(&["arts", "waste"]));
    filters.toggle_sector(&"arts".into());
    filters.toggle_sector(&"waste".into());
    assert!(filters.sectors.is_empty());
}

#[test]
fn retain_known_drops_ids_the_dataset_lacks() {
    let data = shipped();
    let mut query = Query::parse("sector=flood-river,no-such-sector,waste&partner=tokyo");
    query.retain_known(&data);
    assert_eq!(query.filters.sectors, sectors(&["flood-river", "waste"]));
    assert_eq!(query.partner.as_deref(), Some("tokyo"));

    let mut query = Query::parse("sector=atlantis&partner=atlantis&view=map");
    query.retain_known(&data);
    assert!(query.filters.sectors.is_empty());
    assert_eq!(query.partner, None);
    assert_eq!(query.view, Some(View::Map));
}

#[test]
fn every_id_of_the_shipped_data_is_readable_from_a_url() {
    let data = shipped();
    for sector in &data.sectors {
        let mut query = Query::parse(&format!("sector={}", sector.id));
        query.retain_known(&data);
        assert_eq!(query.filters.sectors, vec![sector.id.clone()]);
    }
    for partner in &data.partners {
        let mut query = Query::parse(&format!("partner={}", partner.id));
        query.retain_known(&data);
        assert_eq!(query.partner.as_ref(), Some(&partner.id));
    }
}

#[test]
fn counts_active_filters() {
    assert_eq!(Filters::default().active(), 0);
    let query = Query::parse(
        "lang=en&q=tokyo&sector=waste,arts&relation=sister-city&status=active,dormant\
         &region=asia&from=1990&to=2000&partner=tokyo&view=map&sort=name",
    );
    // 2 sectors + 1 relation + 2 statuses + 1 region + 1 period + 1 search.
    assert_eq!(query.filters.active(), 8);
    assert_eq!(Query::parse("to=2000").filters.active(), 1);
    assert_eq!(Query::parse("q=%20%20").filters.active(), 0);
    assert_eq!(
        Query::parse("lang=en&partner=tokyo&view=map&sort=name")
            .filters
            .active(),
        0
    );
}

#[test]
fn cleared_keeps_the_page_but_drops_filters_and_search() {
    let query = Query::parse(
        "lang=en&q=tokyo&sector=waste&relation=sister-city&status=active\
         &region=asia&from=1990&to=2000&partner=tokyo&view=map&sort=name",
    );
    let cleared = query.cleared();
    assert_eq!(cleared.filters.active(), 0);
    assert_eq!(
        cleared.to_search(),
        "?lang=en&partner=tokyo&view=map&sort=name"
    );
}

/// The URL and the data file spell every value the same way, since both read it from the
/// vocabulary; reading is lenient about case and blanks only in URLs.
#[test]
fn enum_ids_match_the_data_file_spelling() {
    fn check<T: Vocabulary + serde::Serialize + serde::de::DeserializeOwned + std::fmt::Debug>() {
        for &value in T::ALL {
            let json = serde_json::to_value(value).ok();
            assert_eq!(json.as_ref().and_then(|v| v.as_str()), Some(value.id()));
            assert_eq!(T::parse(value.id()), Some(value));
            assert_eq!(
                T::parse(&format!(" {} ", value.id().to_uppercase())),
                Some(value)
            );
            let exact: Result<T, _> = serde_json::from_str(&format!("\"{}\"", value.id()));
            assert_eq!(exact.ok(), Some(value));
            let loose: Result<T, _> =
                serde_json::from_str(&format!("\"{}\"", value.id().to_uppercase()));
            assert!(loose.is_err(), "the data file is read strictly");
        }
    }
    check::<Relation>();
    check::<Status>();
    check::<Region>();
    check::<View>();
    check::<Sort>();
}

#[test]
fn ignored_params_name_exactly_what_a_link_asked_for_in_vain() {
    let data = shipped();
    let ignored = ignored_params(
        "?lang=fr&sector=flood-river,nope&from=abc&to=2020&view=moon&partner=atlantis&foo=bar&q=&sort=name",
        &data,
    );
    assert_eq!(
        ignored,
        vec![
            "lang=fr",
            "sector=nope",
            "from=abc",
            "view=moon",
            "partner=atlantis",
            "foo=bar"
        ]
    );
    assert!(ignored_params("?lang=id&partner=tokyo&sector=health", &data).is_empty());
    assert!(ignored_params("", &data).is_empty());
}
