//! The one filtered set of partners that the map, list, counts and export all show.
//!
//! It runs on every keystroke in the search box, over up to thousands of partners, so what
//! does not depend on the filters (each partner's searchable text, folded; its names for
//! sorting; its distance and region) is computed once per dataset in an [`Index`], and a
//! keystroke costs one pass over the partners plus a sort of those that match.

use std::cmp::Ordering;

use crate::i18n::Lang;
use crate::model::{Dataset, Partner, PartnerId, Region, SectorId};
use crate::url_state::{Filters, Sort};

/// Lowercases and folds Latin diacritics to plain ASCII, so that people typing on
/// a phone keyboard without them ("kyiv", "istanbul", "sao") still find "Kyïv",
/// "İstanbul" and "São".
///
/// Letters outside Latin-1 and Latin Extended-A are only lowercased; combining
/// marks (decomposed accents) are dropped.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(folded) = fold(c) {
            // Before lowercasing: Rust lowercases `İ` to `i` plus a combining dot.
            out.push_str(folded);
        } else if is_caseless(c) {
            out.push(c);
        } else {
            for lower in lowercase(c).chars() {
                match fold(lower) {
                    Some(folded) => out.push_str(folded),
                    None if is_combining_mark(lower) => {}
                    None => out.push(lower),
                }
            }
        }
    }
    out
}

/// True for a character of a block without case, which lowercases to itself: Hebrew to
/// Tibetan (Arabic, the Indic scripts, Thai), general punctuation (dashes, quotes), CJK and
/// kana, Hangul. A whole dataset written in them costs no call to the browser per letter.
pub fn is_caseless(c: char) -> bool {
    matches!(
        c,
        '\u{0590}'..='\u{0FFF}' | '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}'
    )
}

/// The lowercase of a letter outside ASCII: in the WebAssembly the browser's `toLowerCase`,
/// the same mapping (Unicode's default, one letter at a time), for the few letters a search of
/// this atlas meets outside Latin: core's own table of lowercase mappings is 4 KB of the gzip
/// module.
#[cfg(target_arch = "wasm32")]
fn lowercase(c: char) -> String {
    js_sys::JsString::from_code_point1(u32::from(c))
        .map(|s| String::from(s.to_lower_case()))
        .unwrap_or_else(|_| String::from(c))
}

/// The lowercase of a letter outside ASCII (see the WebAssembly's version).
#[cfg(not(target_arch = "wasm32"))]
fn lowercase(c: char) -> String {
    c.to_lowercase().collect()
}

/// The plain lowercase spelling of a Latin-1 or Latin Extended-A letter.
fn fold(c: char) -> Option<&'static str> {
    let folded = match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć'..='č' => "c",
        'Ð' | 'ð' | 'Ď'..='đ' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => "e",
        'Ĝ'..='ģ' => "g",
        'Ĥ'..='ħ' => "h",
        // Includes Turkish dotted `İ` and dotless `ı`: Turkish readers type `i` for both.
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => "i",
        'Ĳ' | 'ĳ' => "ij",
        'Ĵ' | 'ĵ' => "j",
        'Ķ'..='ĸ' => "k",
        'Ĺ'..='ł' => "l",
        'Ñ' | 'ñ' | 'Ń'..='ŋ' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ'..='ř' => "r",
        'Ś'..='š' | 'ſ' => "s",
        'ß' => "ss",
        'Ţ'..='ŧ' => "t",
        'Þ' | 'þ' => "th",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ'..='Ÿ' => "y",
        'Ź'..='ž' => "z",
        _ => return None,
    };
    Some(folded)
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// The normalised words of a search: punctuation separates words, so that
/// "kuala-lumpur" or "giz/bmz" find "Kuala Lumpur" and "GIZ/BMZ/EU".
fn search_tokens(q: &str) -> Vec<String> {
    normalize(q)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|token| !token.is_empty())
        .map(str::to_owned)
        .collect()
}

/// True when every word of `q` occurs somewhere in what a reader would search the
/// partner by: its names, its country, the people and titles of its events, and
/// the labels of its sectors, each in both languages (a query need not be in the
/// interface language). An empty query matches every partner.
pub fn matches_search(data: &Dataset, partner: &Partner, q: &str) -> bool {
    let haystack = normalize(&searchable_text(data, partner));
    search_tokens(q)
        .iter()
        .all(|token| haystack.contains(token.as_str()))
}

/// What the filters need of each partner that does not change with the filters, in the
/// order of `data.partners`.
#[derive(Debug, Clone, PartialEq)]
pub struct Index {
    /// The searchable text, normalised.
    haystacks: Vec<String>,
    /// The English and the Indonesian name, normalised, for sorting.
    names: Vec<(String, String)>,
    km: Vec<Option<f64>>,
    regions: Vec<Option<Region>>,
}

impl Index {
    pub fn new(data: &Dataset) -> Index {
        let partners = &data.partners;
        Index {
            haystacks: partners
                .iter()
                .map(|p| normalize(&searchable_text(data, p)))
                .collect(),
            names: partners
                .iter()
                .map(|p| (normalize(&p.name.en), normalize(&p.name.id)))
                .collect(),
            km: partners.iter().map(|p| data.distance_km(p)).collect(),
            regions: partners.iter().map(|p| data.region_of(p)).collect(),
        }
    }
}

fn searchable_text(data: &Dataset, partner: &Partner) -> String {
    let mut parts: Vec<&str> = vec![&partner.name.id, &partner.name.en];
    if let Some(country) = partner
        .country
        .as_deref()
        .and_then(|code| data.country(code))
    {
        parts.extend([country.name.id.as_str(), country.name.en.as_str()]);
    }
    if let Some(label) = &partner.country_label {
        parts.extend([label.id.as_str(), label.en.as_str()]);
    }
    for event in &partner.events {
        parts.extend([event.title.id.as_str(), event.title.en.as_str()]);
        parts.extend(event.people.iter().map(|person| person.name.as_str()));
    }
    for sector in partner.sectors.iter().filter_map(|id| data.sector(id)) {
        parts.extend([sector.label.id.as_str(), sector.label.en.as_str()]);
    }
    // A line break between parts, so a two-word query cannot match across two fields.
    parts.join("\n")
}

/// The ids of the partners that pass every filter, in the given order (`lang` names
/// the language whose names are sorted by).
///
/// Within a filter any selected value will do; across filters all must hold.
/// A period excludes partners whose start is unknown, since nothing says they
/// fall in it; without a period they stay.
pub fn visible(
    data: &Dataset,
    index: &Index,
    filters: &Filters,
    order: Sort,
    lang: Lang,
) -> Vec<PartnerId> {
    let tokens = search_tokens(&filters.q);
    let mut found: Vec<usize> = (0..data.partners.len())
        .filter(|&i| {
            has_any_sector(&data.partners[i], &filters.sectors)
                && matches_except_sectors(data, index, filters, &tokens, i)
        })
        .collect();
    sort(data, index, &mut found, order, lang);
    found
        .into_iter()
        .map(|i| data.partners[i].id.clone())
        .collect()
}

/// For each sector of `data.sectors`, in that order: how many partners the page
/// would show if that sector alone were selected, every other filter unchanged.
pub fn sector_counts(data: &Dataset, index: &Index, filters: &Filters) -> Vec<usize> {
    let tokens = search_tokens(&filters.q);
    let others: Vec<&Partner> = (0..data.partners.len())
        .filter(|&i| matches_except_sectors(data, index, filters, &tokens, i))
        .map(|i| &*data.partners[i])
        .collect();
    data.sectors
        .iter()
        .map(|sector| {
            others
                .iter()
                .filter(|partner| partner.sectors.contains(&sector.id))
                .count()
        })
        .collect()
}

fn has_any_sector(partner: &Partner, sectors: &[SectorId]) -> bool {
    sectors.is_empty() || partner.sectors.iter().any(|id| sectors.contains(id))
}

fn matches_except_sectors(
    data: &Dataset,
    index: &Index,
    filters: &Filters,
    tokens: &[String],
    i: usize,
) -> bool {
    let partner = &data.partners[i];
    any_of(&filters.relations, partner.relation)
        && any_of(&filters.statuses, partner.status)
        && (filters.regions.is_empty()
            || index.regions[i].is_some_and(|region| filters.regions.contains(&region)))
        && in_period(partner, filters.from, filters.to)
        && tokens
            .iter()
            .all(|token| index.haystacks[i].contains(token.as_str()))
}

fn any_of<T: PartialEq>(selected: &[T], value: T) -> bool {
    selected.is_empty() || selected.contains(&value)
}

fn in_period(partner: &Partner, from: Option<i32>, to: Option<i32>) -> bool {
    if from.is_none() && to.is_none() {
        return true;
    }
    let Some(year) = partner.since.map(|since| since.year()) else {
        return false;
    };
    // A hand-built query may hold the years backwards; `parse` would have swapped them.
    let (low, high) = match (from, to) {
        (Some(from), Some(to)) => (from.min(to), from.max(to)),
        (from, to) => (from.unwrap_or(i32::MIN), to.unwrap_or(i32::MAX)),
    };
    (low..=high).contains(&year)
}

fn sort(data: &Dataset, index: &Index, found: &mut [usize], order: Sort, lang: Lang) {
    // Ties fall back to the English name, then the id, so the order never depends
    // on the order of the file.
    let tie = |a: usize, b: usize| {
        index.names[a]
            .0
            .cmp(&index.names[b].0)
            .then_with(|| data.partners[a].id.cmp(&data.partners[b].id))
    };
    match order {
        Sort::Since => crate::order::sort_by(found, |&a, &b| {
            let (sa, sb) = (&data.partners[a].since, &data.partners[b].since);
            unknown_last(sa.as_ref(), sb.as_ref(), Ord::cmp).then_with(|| tie(a, b))
        }),
        Sort::Name => {
            let name = |i: usize| match lang {
                Lang::En => &index.names[i].0,
                Lang::Id => &index.names[i].1,
            };
            crate::order::sort_by(found, |&a, &b| name(a).cmp(name(b)).then_with(|| tie(a, b)));
        }
        Sort::Distance => crate::order::sort_by(found, |&a, &b| {
            unknown_last(index.km[a].as_ref(), index.km[b].as_ref(), f64::total_cmp)
                .then_with(|| tie(a, b))
        }),
    }
}

fn unknown_last<T>(a: Option<&T>, b: Option<&T>, cmp: impl Fn(&T, &T) -> Ordering) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => cmp(a, b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}
