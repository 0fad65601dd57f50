//! The filtered set over the shipped data: search, every filter, sorting and chip counts.

use std::collections::BTreeSet;

mod common;

use common::shipped;
use jakarta_sister_cities::filter::{
    is_caseless, matches_search, normalize, sector_counts, visible, Index,
};
use jakarta_sister_cities::i18n::Lang;
use jakarta_sister_cities::model::{Dataset, Partner, PartnerId, Region};
use jakarta_sister_cities::url_state::{Filters, Query};

/// The partners a query shows, in order: the filters and the sort, as the page applies them.
fn apply(data: &Dataset, query: &Query, lang: Lang) -> Vec<PartnerId> {
    visible(
        data,
        &Index::new(data),
        &query.filters,
        query.sort.unwrap_or_default(),
        lang,
    )
}

fn ids(found: &[PartnerId]) -> Vec<String> {
    found.iter().map(ToString::to_string).collect()
}

fn partner<'a>(data: &'a Dataset, id: &PartnerId) -> &'a Partner {
    data.partner(id)
        .unwrap_or_else(|| panic!("{id} is not in the data"))
}

/// The ids the query finds, as a set.
fn found(data: &Dataset, search: &str) -> BTreeSet<String> {
    ids(&apply(data, &Query::parse(search), Lang::En))
        .into_iter()
        .collect()
}

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|id| (*id).to_owned()).collect()
}

fn partners_where(data: &Dataset, keep: impl Fn(&Partner) -> bool) -> BTreeSet<String> {
    data.partners
        .iter()
        .filter(|p| keep(p))
        .map(|p| p.id.to_string())
        .collect()
}

#[test]
fn normalize_folds_case_and_diacritics() {
    assert_eq!(normalize("Kyïv"), "kyiv");
    assert_eq!(normalize("İstanbul"), "istanbul");
    assert_eq!(normalize("ISTANBUL ıstanbul"), "istanbul istanbul");
    assert_eq!(normalize("Türkiye"), "turkiye");
    assert_eq!(normalize("Würzner"), "wurzner");
    assert_eq!(normalize("São Paulo"), "sao paulo");
    assert_eq!(normalize("Straße"), "strasse");
    assert_eq!(normalize("Øresund Ærø"), "oresund aero");
    assert_eq!(normalize("Łódź Kraków"), "lodz krakow");
    assert_eq!(normalize("Çankaya Şişli Ğ"), "cankaya sisli g");
    assert_eq!(normalize("Œuvre Þing"), "oeuvre thing");
    assert_eq!(normalize("Ÿ ÿ ŷ"), "y y y");
    // Decomposed accents (a letter then a combining mark) fold the same way.
    assert_eq!(normalize("Cafe\u{301}"), "cafe");
    // Other scripts are only lowercased.
    assert_eq!(normalize("東京 Αθήνα"), "東京 αθήνα");
    assert_eq!(normalize(""), "");
}

#[test]
fn every_latin_letter_folds_to_ascii() {
    for c in ('\u{00C0}'..='\u{017F}').filter(|c| c.is_alphabetic()) {
        let folded = normalize(&c.to_string());
        assert!(
            !folded.is_empty() && folded.bytes().all(|b| b.is_ascii_lowercase()),
            "{c} (U+{:04X}) folds to {folded:?}",
            u32::from(c)
        );
    }
}

#[test]
fn empty_search_finds_everyone() {
    let data = shipped();
    assert_eq!(
        apply(&data, &Query::default(), Lang::Id).len(),
        data.partners.len()
    );
    assert_eq!(found(&data, "q=%20%20"), partners_where(&data, |_| true));
    assert!(data.partners.iter().all(|p| matches_search(&data, p, " ")));
}

#[test]
fn finds_people_by_name() {
    let data = shipped();
    assert!(found(&data, "q=Koike").contains("tokyo"));
    assert!(found(&data, "q=koike").contains("tokyo"));
    assert!(found(&data, "q=yuriko+koike").contains("tokyo"));
}

#[test]
fn finds_partial_names() {
    let data = shipped();
    // UCLG ASPAC's event title names Kuala Lumpur too.
    let kl = set(&["kuala-lumpur", "uclg-aspac"]);
    assert_eq!(found(&data, "q=kuala"), kl);
    assert_eq!(found(&data, "q=KUALA+lumpur"), kl);
    // Punctuation separates words, so the id typed as text works too.
    assert_eq!(found(&data, "q=kuala-lumpur"), kl);
}

#[test]
fn finds_sectors_by_their_labels_in_both_languages() {
    let data = shipped();
    let with_flood = partners_where(&data, |p| p.sectors.iter().any(|s| s == "flood-river"));
    assert!(with_flood.contains("kuala-lumpur") && with_flood.contains("rotterdam"));
    for (word, q) in [("banjir", "q=banjir"), ("flood", "q=Flood")] {
        let result = found(&data, q);
        assert!(result.is_superset(&with_flood), "{word}: {result:?}");
        // Anyone else found must mention the word in an event title.
        for id in result.difference(&with_flood) {
            let partner = data
                .partner(id)
                .unwrap_or_else(|| panic!("{id} not in the data"));
            let in_titles = partner.events.iter().any(|e| {
                normalize(&e.title.id).contains(word) || normalize(&e.title.en).contains(word)
            });
            assert!(
                in_titles,
                "{word} found {id}, which has no flood sector or title"
            );
        }
    }
}

#[test]
fn finds_by_country_in_both_languages() {
    let data = shipped();
    let korean = partners_where(&data, |p| p.country.as_deref() == Some("KR"));
    assert!(found(&data, "q=korea+selatan").is_superset(&korean));
    assert!(found(&data, "q=south+korea").is_superset(&korean));
    // Words may come from different fields, but all must match one partner.
    assert!(found(&data, "q=rotterdam+belanda").contains("rotterdam"));
    assert!(found(&data, "q=seoul+belanda").is_empty());
}

#[test]
fn finds_by_country_label_for_partners_without_a_country() {
    let data = shipped();
    assert!(found(&data, "q=disputed").contains("al-quds-al-sharif"));
    assert!(found(&data, "q=disengketakan").contains("al-quds-al-sharif"));
}

#[test]
fn accents_do_not_matter_either_way() {
    let data = shipped();
    assert!(found(&data, "q=istanbul").contains("istanbul"));
    assert!(found(&data, "q=%C4%B0stanbul").contains("istanbul"));
    assert!(found(&data, "q=kyiv").contains("kyiv"));
    assert!(found(&data, "q=Ky%C3%AFv").contains("kyiv"));
    // The data writes Türkiye with its umlaut.
    let turkish = partners_where(&data, |p| p.country.as_deref() == Some("TR"));
    assert!(!turkish.is_empty());
    assert!(found(&data, "q=turkiye").is_superset(&turkish));
    assert!(found(&data, "q=T%C3%BCrkiye").is_superset(&turkish));
}

#[test]
fn nonsense_finds_nothing() {
    let data = shipped();
    assert!(found(&data, "q=zzqxj").is_empty());
    // Every word must match, not any.
    assert!(found(&data, "q=tokyo+zzqxj").is_empty());
    assert!(data
        .partners
        .iter()
        .all(|p| !matches_search(&data, p, "zzqxj")));
}

#[test]
fn sector_filter_matches_any_selected_sector() {
    let data = shipped();
    let has = |sector: &'static str| move |p: &Partner| p.sectors.iter().any(|s| s == sector);
    let flood = partners_where(&data, has("flood-river"));
    let heritage = partners_where(&data, has("heritage"));
    assert!(!flood.is_empty() && !heritage.is_empty());
    assert_eq!(found(&data, "sector=flood-river"), flood);
    let either: BTreeSet<String> = flood.union(&heritage).cloned().collect();
    assert_eq!(found(&data, "sector=flood-river,heritage"), either);
    assert!(either.len() > flood.len().max(heritage.len()));
}

#[test]
fn relation_and_status_filters() {
    let data = shipped();
    assert_eq!(
        found(&data, "relation=network-membership"),
        set(&[
            "100-resilient-cities",
            "anmc21",
            "asean-smart-cities-network",
            "c40",
            "citynet",
            "g-nets",
            "mgmac",
            "network-for-crisis-management",
            "partnership-for-healthy-cities",
            "u20",
            "uclg-aspac",
            "unesco-creative-cities-network"
        ])
    );
    let sister = partners_where(&data, |p| {
        p.relation == jakarta_sister_cities::model::Relation::SisterCity
    });
    let province = partners_where(&data, |p| {
        p.relation == jakarta_sister_cities::model::Relation::SisterProvince
    });
    let both: BTreeSet<String> = sister.union(&province).cloned().collect();
    assert_eq!(found(&data, "relation=sister-city,sister-province"), both);
    let in_progress = found(&data, "status=in-progress");
    assert!(in_progress.contains("kuala-lumpur") && !in_progress.contains("tokyo"));
    assert_eq!(
        in_progress,
        partners_where(&data, |p| p.status
            == jakarta_sister_cities::model::Status::InProgress)
    );
    // Filters combine: in progress and in Europe.
    assert_eq!(
        found(&data, "status=in-progress&region=europe"),
        set(&["heidelberg"])
    );
}

#[test]
fn region_filter_goes_through_the_country() {
    let data = shipped();
    assert_eq!(found(&data, "region=oceania"), set(&["new-south-wales"]));
    assert_eq!(
        found(&data, "region=africa"),
        set(&["cairo", "casablanca", "kinshasa", "maputo"])
    );
    let tokyo = data.partner("tokyo").unwrap_or_else(|| panic!("no tokyo"));
    assert_eq!(data.region_of(tokyo), Some(Region::Asia));
    // Networks have no region, so any region filter leaves them out.
    let c40 = data.partner("c40").unwrap_or_else(|| panic!("no c40"));
    assert_eq!(data.region_of(c40), None);
    let all_regions = found(&data, "region=asia,europe,africa,americas,oceania");
    assert!(!all_regions.contains("c40"));
    assert_eq!(
        all_regions,
        partners_where(&data, |p| data.region_of(p).is_some())
    );
}

#[test]
fn period_filter_and_unknown_start_years() {
    let data = shipped();
    let unknown = partners_where(&data, |p| p.since.is_none());
    assert!(unknown.contains("maputo") && unknown.contains("c40"));
    // Without a period, partners with an unknown start stay.
    assert!(found(&data, "").is_superset(&unknown));
    assert_eq!(found(&data, "from=1979&to=1979"), set(&["jeddah"]));
    assert_eq!(
        found(&data, "to=1985"),
        set(&["islamabad", "jeddah", "seoul"])
    );
    let recent = found(&data, "from=2020");
    assert!(recent.is_disjoint(&unknown));
    assert_eq!(
        recent,
        partners_where(&data, |p| p.since.is_some_and(|d| d.year() >= 2020))
    );
    // Both bounds are inclusive.
    assert_eq!(
        found(&data, "from=1984&to=1989"),
        set(&["islamabad", "rotterdam", "seoul", "tokyo"])
    );
    // A hand-built backwards period means the same as the right way round.
    let backwards = Query {
        filters: Filters {
            from: Some(1989),
            to: Some(1984),
            ..Filters::default()
        },
        ..Query::default()
    };
    assert_eq!(
        ids(&apply(&data, &backwards, Lang::En))
            .into_iter()
            .collect::<BTreeSet<_>>(),
        found(&data, "from=1984&to=1989")
    );
}

#[test]
fn sorts_by_start_date_with_unknown_last() {
    let data = shipped();
    let order = apply(&data, &Query::default(), Lang::Id);
    assert_eq!(order.len(), data.partners.len());
    assert_eq!(order[0], "jeddah");
    let dated = order
        .iter()
        .take_while(|id| partner(&data, id).since.is_some())
        .count();
    assert!(order[dated..]
        .iter()
        .all(|id| partner(&data, id).since.is_none()));
    assert_eq!(
        order.len() - dated,
        data.partners.iter().filter(|p| p.since.is_none()).count()
    );
    let dates: Vec<_> = order[..dated]
        .iter()
        .map(|id| partner(&data, id).since)
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    // Same start: English name decides (Islamabad and Seoul both 1984).
    let position = |id: &str| order.iter().position(|p| p == id);
    assert!(position("islamabad") < position("seoul"));
    // Unknown dates among themselves: by English name too.
    let undated: Vec<String> = order[dated..]
        .iter()
        .map(|id| normalize(&partner(&data, id).name.en))
        .collect();
    assert!(undated.windows(2).all(|w| w[0] <= w[1]), "{undated:?}");
    // An explicit `sort=since` is the same as the default.
    assert_eq!(apply(&data, &Query::parse("sort=since"), Lang::Id), order);
}

#[test]
fn sorts_by_name_in_the_interface_language() {
    let data = shipped();
    for lang in [Lang::Id, Lang::En] {
        let order = apply(&data, &Query::parse("sort=name"), lang);
        let names: Vec<String> = order
            .iter()
            .map(|id| normalize(lang.pick(&partner(&data, id).name)))
            .collect();
        assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
    }
    // "Negara Bagian Arkansas" comes before Paris, "State of Arkansas" after it.
    let before_paris = |lang| {
        let ids = ids(&apply(&data, &Query::parse("sort=name"), lang));
        ids.iter().position(|id| id == "arkansas") < ids.iter().position(|id| id == "paris")
    };
    assert!(before_paris(Lang::Id));
    assert!(!before_paris(Lang::En));
}

/// Haversine written again here, so a mistake in the app's copy cannot hide.
fn km(data: &Dataset, partner: &Partner) -> Option<f64> {
    let home = &data.home.geo;
    partner.geo.as_ref().map(|geo| {
        let (p1, p2) = (home.lat.to_radians(), geo.lat.to_radians());
        let dp = p2 - p1;
        let dl = (geo.lon - home.lon).to_radians();
        let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
        2.0 * 6371.0088 * h.sqrt().asin()
    })
}

#[test]
fn distance_from_home_is_great_circle_km() {
    let data = shipped();
    for partner in &data.partners {
        match (data.distance_km(partner), km(&data, partner)) {
            (Some(got), Some(want)) => {
                assert!((got - want).abs() < 1e-6, "{}: {got} vs {want}", partner.id)
            }
            (None, None) => {}
            (got, want) => panic!("{}: {got:?} vs {want:?}", partner.id),
        }
    }
    // Jakarta to Kuala Lumpur is about 1,190 km by air.
    let kl = data
        .partner("kuala-lumpur")
        .and_then(|p| data.distance_km(p));
    assert!(kl.is_some_and(|d| (1150.0..1230.0).contains(&d)), "{kl:?}");
}

#[test]
fn sorts_by_distance_nearest_first_and_placeless_last() {
    let data = shipped();
    let order = apply(&data, &Query::parse("sort=distance"), Lang::En);
    assert_eq!(order.len(), data.partners.len());
    let nearest = data
        .partners
        .iter()
        .filter_map(|p| km(&data, p).map(|d| (d, p.id.as_str())))
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, id)| id);
    assert_eq!(Some(order[0].as_str()), nearest);
    assert_eq!(nearest, Some("kuala-lumpur"));
    let distances: Vec<Option<f64>> = order
        .iter()
        .map(|id| km(&data, partner(&data, id)))
        .collect();
    let placed = distances.iter().take_while(|d| d.is_some()).count();
    assert!(distances[placed..].iter().all(Option::is_none));
    assert_eq!(
        placed,
        data.partners.iter().filter(|p| p.geo.is_some()).count()
    );
    let placed: Vec<f64> = distances.iter().flatten().copied().collect();
    assert!(placed.windows(2).all(|w| w[0] <= w[1]), "{placed:?}");
}

#[test]
fn sector_counts_match_applying_that_sector_alone() {
    let data = shipped();
    let bases = [
        "",
        "status=active",
        "region=europe&from=1990",
        "q=banjir",
        "relation=sister-city&sector=waste,arts",
        "q=zzqxj",
    ];
    for base in bases {
        let query = Query::parse(base);
        let counts = sector_counts(&data, &Index::new(&data), &query.filters);
        // One count per sector, in the dataset's order.
        assert_eq!(counts.len(), data.sectors.len());
        for (sector, count) in data.sectors.iter().zip(&counts) {
            let mut alone = query.clone();
            alone.filters.sectors = vec![sector.id.clone()];
            assert_eq!(
                *count,
                apply(&data, &alone, Lang::En).len(),
                "{} with {base:?}",
                sector.id
            );
        }
    }
    let counts = sector_counts(&data, &Index::new(&data), &Filters::default());
    let flood = data
        .sectors
        .iter()
        .position(|s| s.id == "flood-river")
        .map(|i| counts[i]);
    let with_flood = data
        .partners
        .iter()
        .filter(|p| p.sectors.iter().any(|s| s == "flood-river"))
        .count();
    assert_eq!(flood, Some(with_flood));
    assert!(with_flood >= 2);
}

/// The blocks the search passes through without lowercasing hold no letter with a lowercase
/// of its own, by core's tables.
#[test]
fn caseless_blocks_lowercase_to_themselves() {
    let caseless: Vec<char> = (0..=0x10FFFF)
        .filter_map(char::from_u32)
        .filter(|&c| is_caseless(c))
        .collect();
    assert!(caseless.len() > 30_000);
    for c in caseless {
        assert!(c.to_lowercase().eq([c]), "U+{:04X}", u32::from(c));
    }
}
