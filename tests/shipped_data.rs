//! Validates the shipped `public/data/partners.json` against every rule of the data contract.

use std::collections::HashSet;

mod common;

use jakarta_sister_cities::data::{parse, start_file};
use jakarta_sister_cities::model::{claim_sources, ChangeKind, Level, Relation, Status};

use common::{shipped, SHIPPED};

#[test]
fn shipped_file_breaks_no_rule() {
    let data = shipped();
    assert!(!data.partners.is_empty());
}

#[test]
fn covers_the_2019_list_and_the_later_partners() {
    let data = shipped();
    let ids: HashSet<&str> = data.partners.iter().map(|p| p.id.as_str()).collect();
    let expected = [
        "jeddah",
        "seoul",
        "islamabad",
        "rotterdam",
        "tokyo",
        "los-angeles",
        "casablanca",
        "beijing",
        "arkansas",
        "berlin",
        "new-south-wales",
        "paris",
        "bangkok",
        "hanoi",
        "istanbul",
        "maputo",
        "kyiv",
        "moscow",
        "al-quds-al-sharif",
        "pyongyang",
        "budapest",
        "jeju",
        "shanghai",
        "chungcheongnam-do",
        "heidelberg",
        "kuala-lumpur",
        "ankara",
        "kinshasa",
        "cairo",
        "gyeonggi-do",
        "buenos-aires",
        "c40",
        "citynet",
        "u20",
        "anmc21",
        "dutep",
        "new-york-city",
        "hiroshima-global-academy",
    ];
    let missing: Vec<&str> = expected
        .iter()
        .copied()
        .filter(|id| !ids.contains(id))
        .collect();
    assert!(
        missing.is_empty(),
        "partners missing from the dataset: {missing:?}"
    );
}

#[test]
fn letters_of_intent_are_in_progress_not_sister_cities() {
    let data = shipped();
    for id in [
        "chungcheongnam-do",
        "kuala-lumpur",
        "ankara",
        "kinshasa",
        "cairo",
    ] {
        let partner = data
            .partner(id)
            .unwrap_or_else(|| panic!("{id} is missing"));
        assert_eq!(partner.relation, Relation::LetterOfIntent, "{id}.relation");
        assert_eq!(partner.status, Status::InProgress, "{id}.status");
    }
}

#[test]
fn jerusalem_carries_no_country_code_and_says_why() {
    let data = shipped();
    let partner = data
        .partner("al-quds-al-sharif")
        .expect("al-quds-al-sharif is missing");
    assert_eq!(partner.country, None);
    let note = partner
        .note
        .as_ref()
        .expect("al-quds-al-sharif needs a note");
    assert!(
        note.en.to_lowercase().contains("disputed"),
        "the English note says the status is disputed"
    );
}

#[test]
fn networks_have_no_point_and_places_have_one() {
    let data = shipped();
    for partner in &data.partners {
        match partner.level {
            Level::Network => assert!(
                partner.geo.is_none(),
                "{} is a network with a point",
                partner.id
            ),
            Level::City | Level::Province | Level::State => {
                assert!(partner.geo.is_some(), "{} has no point", partner.id)
            }
            Level::Institution | Level::Initiative => {}
        }
    }
}

#[test]
fn tokyo_begins_on_23_october_1989() {
    let data = shipped();
    let tokyo = data.partner("tokyo").expect("tokyo is missing");
    assert_eq!(
        tokyo.since.map(|d| d.to_string()),
        Some("1989-10-23".to_owned())
    );
}

#[test]
fn unknown_start_years_stay_unknown() {
    let data = shipped();
    for id in ["kyiv", "maputo", "budapest"] {
        let partner = data
            .partner(id)
            .unwrap_or_else(|| panic!("{id} is missing"));
        assert_eq!(partner.since, None, "{id} has a start date no source gives");
    }
}

#[test]
fn seed_figures_are_present() {
    let data = shipped();
    let values: Vec<f64> = data.figures.iter().map(|f| f.value).collect();
    for value in [23.0, 102.0, 100.0, 4.0, 27.0, 19.0, 8.0] {
        assert!(values.contains(&value), "no figure with the value {value}");
    }
}

/// Words that speak of how the facts were gathered (a seed article, a fact sheet,
/// a research pass, the editors' own searching or memory) instead of naming a
/// source. The data speaks of its sources only. Matched as whole words, ignoring case.
const GATHERING_WORDS: &[&str] = &[
    // English
    "seed",
    "seeds",
    "fact sheet",
    "factsheet",
    "research pass",
    "first pass",
    "second pass",
    "third pass",
    "pass 1",
    "pass 2",
    "pass 3",
    "pass-2",
    "pass-3",
    "our research",
    "our search",
    "we found",
    "we searched",
    "we could not",
    "this dataset's author",
    "the dataset's author",
    "recollection",
    "from memory",
    // Bahasa Indonesia
    "benih",
    "artikel benih",
    "lembar fakta",
    "penelusuran kami",
    "pencarian kami",
    "riset kami",
    "penelitian kami",
    "kami temukan",
    "kami menemukan",
    "kami cari",
    "penulis dataset",
    "ingatan",
];

/// The gathering words found in `text`, each as a whole word.
fn gathering_words_in(text: &str) -> Vec<&'static str> {
    let lower = text.to_lowercase();
    GATHERING_WORDS
        .iter()
        .copied()
        .filter(|word| {
            lower.match_indices(word).any(|(at, _)| {
                let before = lower[..at].chars().next_back();
                let after = lower[at + word.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
        .collect()
}

/// Every text of the file with its JSON path: all strings except ids, URLs and
/// the headlines of sources quoted as the page gives them (a descriptive title
/// of our own is written in square brackets and is checked).
fn texts(value: &serde_json::Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(text) => out.push((path.to_owned(), text.clone())),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                texts(item, &format!("{path}[{i}]"), out);
            }
        }
        serde_json::Value::Object(fields) => {
            let is_text =
                fields.len() == 2 && fields.contains_key("id") && fields.contains_key("en");
            for (key, item) in fields {
                let skip = match key.as_str() {
                    "url" => true,
                    "id" => !is_text,
                    "title" => {
                        path.starts_with("sources[")
                            && !item.as_str().is_some_and(|t| t.starts_with('['))
                    }
                    _ => false,
                };
                if !skip {
                    texts(item, &format!("{path}.{key}"), out);
                }
            }
        }
        _ => {}
    }
}

#[test]
fn the_gathering_word_matcher_catches_the_real_cases_only() {
    for caught in [
        "The seed only says 'Monday (11/8)'.",
        "Dua sumber, termasuk seed, menyebut kerja sama dalam negeri.",
        "1983 comes only from a recollection of Wikipedia.",
        "Tahun 1983 hanya dari ingatan atas Wikipedia.",
        "Per the fact sheet, 23.",
        "Not found in pass 3.",
        "Menurut lembar fakta.",
        "Penelusuran kami tidak menemukan MoU.",
    ] {
        assert!(!gathering_words_in(caught).is_empty(), "{caught:?}");
    }
    for fine in [
        "Peringatan 40 tahun sister city Seoul",
        "Seeded by Bloomberg Philanthropies? No: funded.",
        "Passes 3 RSUD",
        "Strawberry seedlings",
        "No source gives 1983.",
    ] {
        assert!(gathering_words_in(fine).is_empty(), "{fine:?}");
    }
}

#[test]
fn no_text_speaks_of_how_the_facts_were_gathered() {
    shipped();
    let value: serde_json::Value = serde_json::from_str(SHIPPED).expect("valid JSON");
    let mut all = Vec::new();
    texts(&value, "", &mut all);
    assert!(all.len() > 1000, "the walk found only {} texts", all.len());
    let found: Vec<String> = all
        .iter()
        .filter_map(|(path, text)| {
            let words = gathering_words_in(text);
            (!words.is_empty()).then(|| format!("{path}: {words:?} in {text:?}"))
        })
        .collect();
    assert!(
        found.is_empty(),
        "texts that speak of how facts were gathered instead of naming a source:\n{}",
        found.join("\n")
    );
}

#[test]
fn covers_the_networks_and_programmes_of_the_third_reading() {
    let data = shipped();
    for (id, level, status) in [
        ("nonsan", Level::City, Status::Active),
        ("mgmac", Level::Network, Status::Active),
        ("breathe-cities", Level::Initiative, Status::Active),
        (
            "jakarta-clean-air-partnership",
            Level::Institution,
            Status::Active,
        ),
        (
            "partnership-for-healthy-cities",
            Level::Network,
            Status::Active,
        ),
        (
            "unesco-creative-cities-network",
            Level::Network,
            Status::Active,
        ),
        ("100-resilient-cities", Level::Network, Status::Ended),
        ("uclg-aspac", Level::Network, Status::Active),
        ("g-nets", Level::Network, Status::Active),
        ("asean-smart-cities-network", Level::Network, Status::Active),
        ("fast-track-cities", Level::Initiative, Status::Dormant),
        ("university-of-oxford", Level::Institution, Status::Active),
        ("anmc21", Level::Network, Status::Dormant),
    ] {
        let partner = data
            .partner(id)
            .unwrap_or_else(|| panic!("{id} is missing"));
        assert_eq!((partner.level, partner.status), (level, status), "{id}");
    }
    let nonsan = data.partner("nonsan").expect("nonsan");
    assert_eq!(nonsan.geo.as_ref().map(|g| g.geonameid), Some(1840211));
    assert!(nonsan.related.iter().any(|r| r == "chungcheongnam-do"));
    let mgmac = data.partner("mgmac").expect("mgmac");
    let note = mgmac
        .note
        .as_ref()
        .expect("mgmac says how sure the secretariat is");
    assert!(note.en.contains("Only one outlet"), "{}", note.en);
}

#[test]
fn contacts_without_an_instrument_and_probable_errors_are_not_partners() {
    let data = shipped();
    for id in [
        "melbourne",
        "parliament-of-victoria",
        "victoria",
        "london",
        "hang-tuah-jaya",
        "athens",
        "hong-kong",
        "astana",
    ] {
        assert!(data.partner(id).is_none(), "{id} is not a partner");
    }
}

#[test]
fn a_changed_record_was_checked_no_earlier_than_its_change() {
    let data = shipped();
    assert!(!data.changes.is_empty());
    for change in &data.changes {
        let checked = data
            .partner(&change.record)
            .map(|p| p.checked)
            .or_else(|| data.figure(&change.record).map(|f| f.checked))
            .unwrap_or_else(|| panic!("unknown record {}", change.record));
        assert!(
            checked >= change.date,
            "{} changed on {} but was checked on {checked}",
            change.record,
            change.date
        );
    }
    assert!(data
        .changes
        .iter()
        .any(|c| c.record == "anmc21" && c.kind == ChangeKind::Status));
}

/// The file the first view reads, made from the shipped file as the build makes it.
fn start() -> jakarta_sister_cities::data::Loaded {
    let text = start_file(SHIPPED).expect("the start file is made");
    parse(&text, common::today()).expect("the start file is read")
}

#[test]
fn the_start_file_holds_every_partner_and_what_the_first_view_shows() {
    let whole = shipped();
    let start = start();
    assert!(start.problems.is_empty(), "{:?}", start.problems);
    let data = start.dataset;
    assert_eq!(data.details.as_deref(), Some("partners.json"));
    assert_eq!(whole.details, None);
    // Every partner, in the same order, with every field the cards, the map, the filters and
    // the tab's description read; none of what only the detail shows.
    assert_eq!(data.partners.len(), whole.partners.len());
    for (light, full) in data.partners.iter().zip(&whole.partners) {
        assert_eq!(light.id, full.id);
        assert_eq!(light.name, full.name);
        assert_eq!(
            (light.level, light.relation, light.status),
            (full.level, full.relation, full.status)
        );
        assert_eq!((light.since, &light.geo), (full.since, &full.geo));
        assert_eq!(
            (&light.sectors, &light.summary),
            (&full.sectors, &full.summary)
        );
        assert_eq!(
            (&light.country, &light.related),
            (&full.country, &full.related)
        );
        assert!(light.events.is_empty() && light.sources.is_empty());
        assert!(light.note.is_none() && light.conflicts.is_empty());
    }
    assert!(whole.partners.iter().any(|p| !p.events.is_empty()));
    // The figures and the changes whole, with every source they cite, and no other source.
    assert_eq!(data.figures, whole.figures);
    assert_eq!(data.changes, whole.changes);
    assert_eq!(
        (&data.countries, &data.sectors),
        (&whole.countries, &whole.sectors)
    );
    for figure in &data.figures {
        let cited = figure
            .sources
            .iter()
            .chain(claim_sources(&figure.conflicts));
        for id in cited {
            assert!(data.source(id).is_some(), "figure {} cites {id}", figure.id);
        }
    }
    for change in &data.changes {
        for id in &change.sources {
            assert!(data.source(id).is_some(), "a change cites {id}");
        }
    }
    assert!(data.sources.len() < whole.sources.len());
    for source in &data.sources {
        assert_eq!(Some(source), whole.source(&source.id));
    }
}

#[test]
fn the_start_file_is_less_than_half_the_whole_file_sent() {
    let gzip = |text: &str| {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(text.as_bytes()).expect("gzip");
        encoder.finish().expect("gzip").len()
    };
    let text = start_file(SHIPPED).expect("the start file is made");
    let (start, whole) = (gzip(&text), gzip(SHIPPED));
    assert!(
        start * 2 < whole,
        "start {start} B against the whole file's {whole} B, gzip"
    );
}

#[test]
fn a_whole_file_partner_without_sources_is_left_out_and_a_start_file_one_is_not() {
    let without: serde_json::Value = {
        let mut file: serde_json::Value = serde_json::from_str(SHIPPED).expect("json");
        file["partners"][0]
            .as_object_mut()
            .expect("a partner")
            .remove("sources");
        file
    };
    let text = without.to_string();
    let loaded = parse(&text, common::today()).expect("read");
    assert!(loaded
        .problems
        .iter()
        .any(|p| p.to_string().contains("at least one source is required")));
    assert!(loaded.dataset.partner("jeddah").is_none());
    let start = parse(&start_file(&text).expect("made"), common::today()).expect("read");
    assert!(start.problems.is_empty(), "{:?}", start.problems);
    assert!(start.dataset.partner("jeddah").is_some());
}
