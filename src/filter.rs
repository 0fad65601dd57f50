//! The one filtered set of partners that the map, list, counts and export all show.
//!
//! It runs on every keystroke in the search box, but over some forty partners, so
//! it recomputes everything per call instead of keeping indexes that could go stale.

use std::cmp::Ordering;

use crate::geo::distance_km;
use crate::i18n::Lang;
use crate::model::{Dataset, Partner, Region};
use crate::url_state::{Query, Sort};

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
        } else {
            for lower in c.to_lowercase() {
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
    matches_tokens(data, partner, &search_tokens(q))
}

fn matches_tokens(data: &Dataset, partner: &Partner, tokens: &[String]) -> bool {
    if tokens.is_empty() {
        return true;
    }
    let haystack = normalize(&searchable_text(data, partner));
    tokens.iter().all(|token| haystack.contains(token.as_str()))
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

/// The partner's continent, through its country; `None` for networks and other
/// partners without a country.
pub fn region_of(data: &Dataset, partner: &Partner) -> Option<Region> {
    partner
        .country
        .as_deref()
        .and_then(|code| data.country(code))
        .map(|country| country.region)
}

/// Indices into `data.partners` of the partners that pass every filter of the
/// query, in the query's order (`lang` names the names sorted by).
///
/// Within a filter any selected value will do; across filters all must hold.
/// A period excludes partners whose start is unknown, since nothing says they
/// fall in it; without a period they stay.
pub fn apply(data: &Dataset, query: &Query, lang: Lang) -> Vec<usize> {
    let tokens = search_tokens(&query.q);
    let mut found: Vec<usize> = data
        .partners
        .iter()
        .enumerate()
        .filter(|(_, partner)| {
            has_any_sector(partner, &query.sectors)
                && matches_except_sectors(data, query, &tokens, partner)
        })
        .map(|(i, _)| i)
        .collect();
    sort(data, &mut found, query.sort.unwrap_or_default(), lang);
    found
}

/// For each sector of `data.sectors`, in that order: how many partners the page
/// would show if that sector alone were selected, every other filter unchanged.
pub fn sector_counts(data: &Dataset, query: &Query) -> Vec<(String, usize)> {
    let tokens = search_tokens(&query.q);
    let others: Vec<&Partner> = data
        .partners
        .iter()
        .filter(|partner| matches_except_sectors(data, query, &tokens, partner))
        .collect();
    data.sectors
        .iter()
        .map(|sector| {
            let count = others
                .iter()
                .filter(|partner| partner.sectors.contains(&sector.id))
                .count();
            (sector.id.clone(), count)
        })
        .collect()
}

fn has_any_sector(partner: &Partner, sectors: &[String]) -> bool {
    sectors.is_empty() || partner.sectors.iter().any(|id| sectors.contains(id))
}

fn matches_except_sectors(
    data: &Dataset,
    query: &Query,
    tokens: &[String],
    partner: &Partner,
) -> bool {
    any_of(&query.relations, partner.relation)
        && any_of(&query.statuses, partner.status)
        && (query.regions.is_empty()
            || region_of(data, partner).is_some_and(|region| query.regions.contains(&region)))
        && in_period(partner, query.from, query.to)
        && matches_tokens(data, partner, tokens)
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

fn sort(data: &Dataset, found: &mut [usize], order: Sort, lang: Lang) {
    // Ties fall back to the English name, then the id, so the order never depends
    // on the order of the file.
    let english: Vec<String> = data
        .partners
        .iter()
        .map(|p| normalize(&p.name.en))
        .collect();
    let tie = |a: usize, b: usize| {
        english[a]
            .cmp(&english[b])
            .then_with(|| data.partners[a].id.cmp(&data.partners[b].id))
    };
    match order {
        Sort::Since => found.sort_by(|&a, &b| {
            let (sa, sb) = (&data.partners[a].since, &data.partners[b].since);
            unknown_last(sa.as_ref(), sb.as_ref(), Ord::cmp).then_with(|| tie(a, b))
        }),
        Sort::Name => {
            let names: Vec<String> = data
                .partners
                .iter()
                .map(|p| normalize(lang.pick(&p.name)))
                .collect();
            found.sort_by(|&a, &b| names[a].cmp(&names[b]).then_with(|| tie(a, b)));
        }
        Sort::Distance => {
            let km: Vec<Option<f64>> = data
                .partners
                .iter()
                .map(|p| distance_from_home(data, p))
                .collect();
            found.sort_by(|&a, &b| {
                unknown_last(km[a].as_ref(), km[b].as_ref(), f64::total_cmp).then_with(|| tie(a, b))
            });
        }
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

/// Great-circle distance in km from the home city to the partner's point;
/// `None` for partners without one. The same function as the map's, so the list
/// and the map cannot disagree about a distance.
pub fn distance_from_home(data: &Dataset, partner: &Partner) -> Option<f64> {
    let home = &data.home.geo;
    partner
        .geo
        .as_ref()
        .map(|geo| distance_km(home.lat, home.lon, geo.lat, geo.lon))
}
