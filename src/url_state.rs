//! The permalink: everything the page shows, as a query string and back.
//!
//! The URL is the single source of truth for the filter state, and people paste,
//! truncate and hand-edit it, so reading never fails: unknown parameters and
//! values that make no sense are dropped one by one and the rest still applies.
//!
//! Reading rules, beyond the URL contract in `DESIGN.md`:
//! - Names of parameters are exact (`sector`, not `Sector`); values are trimmed and
//!   read case-insensitively, since `view=Map` can only mean one thing.
//! - A malformed escape such as `%zz` is kept as literal text (as the browser's
//!   `URLSearchParams` does), so it can only ever fail the value it sits in.
//! - Repeated list parameters (`sector=a&sector=b`) merge, as a form with several
//!   checkboxes of one name would send them. Repeated single parameters: the last
//!   valid value wins, and an invalid or empty one does not erase an earlier valid one.
//!
//! Writing rules: a fixed parameter order, `None` and empty values left out, and
//! any value that is set written even when it equals the app's default, so that
//! `Query::parse(&q.to_search()) == q` for every query in normal form (lists sorted
//! and deduplicated, ids in kebab-case, years in range, `from <= to`), which is
//! what `parse` produces.

use std::fmt::Write as _;

use crate::i18n::Lang;
use crate::model::{Dataset, Region, Relation, Status};
use crate::validate::is_kebab_id;

/// The four ways of looking at the partners.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Map,
    List,
    Timeline,
    Figures,
}

impl View {
    pub const ALL: [View; 4] = [View::Map, View::List, View::Timeline, View::Figures];

    pub fn id(self) -> &'static str {
        match self {
            View::Map => "map",
            View::List => "list",
            View::Timeline => "timeline",
            View::Figures => "figures",
        }
    }

    pub fn parse(s: &str) -> Option<View> {
        from_id(&View::ALL, View::id, s)
    }
}

/// Order of the partner list; not in the original URL contract, added as `sort=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Sort {
    #[default]
    Since,
    Name,
    Distance,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Since, Sort::Name, Sort::Distance];

    pub fn id(self) -> &'static str {
        match self {
            Sort::Since => "since",
            Sort::Name => "name",
            Sort::Distance => "distance",
        }
    }

    pub fn parse(s: &str) -> Option<Sort> {
        from_id(&Sort::ALL, Sort::id, s)
    }
}

/// Every relation, in the order the model declares them (which is also their sort order).
pub const RELATIONS: [Relation; 7] = [
    Relation::SisterCity,
    Relation::SisterProvince,
    Relation::LetterOfIntent,
    Relation::Memorandum,
    Relation::CooperationAgreement,
    Relation::Programme,
    Relation::NetworkMembership,
];

pub const STATUSES: [Status; 4] = [
    Status::Active,
    Status::InProgress,
    Status::Dormant,
    Status::Ended,
];

pub const REGIONS: [Region; 5] = [
    Region::Asia,
    Region::Europe,
    Region::Africa,
    Region::Americas,
    Region::Oceania,
];

// These ids repeat the model's serde names by hand so that reading a URL does not
// go through serde_json; a test checks that both spellings agree.

/// The relation's kebab-case id, as in the data file and the URL.
pub fn relation_id(relation: Relation) -> &'static str {
    match relation {
        Relation::SisterCity => "sister-city",
        Relation::SisterProvince => "sister-province",
        Relation::LetterOfIntent => "letter-of-intent",
        Relation::Memorandum => "memorandum",
        Relation::CooperationAgreement => "cooperation-agreement",
        Relation::Programme => "programme",
        Relation::NetworkMembership => "network-membership",
    }
}

pub fn parse_relation(s: &str) -> Option<Relation> {
    from_id(&RELATIONS, relation_id, s)
}

pub fn status_id(status: Status) -> &'static str {
    match status {
        Status::Active => "active",
        Status::InProgress => "in-progress",
        Status::Dormant => "dormant",
        Status::Ended => "ended",
    }
}

pub fn parse_status(s: &str) -> Option<Status> {
    from_id(&STATUSES, status_id, s)
}

pub fn region_id(region: Region) -> &'static str {
    match region {
        Region::Asia => "asia",
        Region::Europe => "europe",
        Region::Africa => "africa",
        Region::Americas => "americas",
        Region::Oceania => "oceania",
    }
}

pub fn parse_region(s: &str) -> Option<Region> {
    from_id(&REGIONS, region_id, s)
}

fn from_id<T: Copy>(all: &[T], id: fn(T) -> &'static str, s: &str) -> Option<T> {
    let s = s.trim();
    all.iter().copied().find(|&v| id(v).eq_ignore_ascii_case(s))
}

/// Years outside this range are typos or jokes, not periods of a partnership.
const YEARS: std::ops::RangeInclusive<i32> = 1000..=9999;

/// Everything a permalink can say.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub lang: Option<Lang>,
    /// The search text as typed, spaces and all, so the search box keeps its caret.
    pub q: String,
    /// Sector ids, sorted and deduplicated.
    pub sectors: Vec<String>,
    pub relations: Vec<Relation>,
    pub statuses: Vec<Status>,
    pub regions: Vec<Region>,
    pub from: Option<i32>,
    pub to: Option<i32>,
    /// The partner whose detail is open.
    pub partner: Option<String>,
    pub view: Option<View>,
    pub sort: Option<Sort>,
}

/// The parts of a query string that [`Query::parse`] and [`Query::retain_known`]
/// drop, as `key=value` (decoded), so the page can say which part of a shared link
/// it did not understand. Empty values are not reported: they ask for nothing.
pub fn ignored_params(search: &str, data: &Dataset) -> Vec<String> {
    let search = search.strip_prefix('?').unwrap_or(search);
    let search = search.split('#').next().unwrap_or_default();
    let mut ignored = Vec::new();
    for pair in search.split('&').filter(|pair| !pair.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let is_list = matches!(
            decode(key).as_str(),
            "sector" | "relation" | "status" | "region"
        );
        let items: Vec<&str> = if is_list {
            value.split(',').collect()
        } else {
            vec![value]
        };
        for item in items
            .into_iter()
            .filter(|item| !decode(item).trim().is_empty())
        {
            // Each piece is judged by the very parser the app uses, so the two cannot disagree.
            let mut alone = Query::parse(&format!("{key}={item}"));
            alone.retain_known(data);
            if alone == Query::default() {
                ignored.push(format!("{}={}", decode(key), decode(item)));
            }
        }
    }
    ignored
}

impl Query {
    /// Reads a query string, with or without its leading `?`; never fails.
    pub fn parse(search: &str) -> Query {
        let search = search.strip_prefix('?').unwrap_or(search);
        // A `#` cannot be part of a query string: whatever follows is a fragment
        // someone pasted along with it.
        let search = search.split('#').next().unwrap_or_default();
        let mut query = Query::default();
        for pair in search.split('&').filter(|pair| !pair.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            match decode(key).as_str() {
                "lang" => set_if_some(&mut query.lang, Lang::parse(&value)),
                "q" if !value.is_empty() => query.q = value,
                "sector" => query.sectors.extend(
                    list(&value)
                        .map(str::to_ascii_lowercase)
                        .filter(|id| is_kebab_id(id)),
                ),
                "relation" => query
                    .relations
                    .extend(list(&value).filter_map(parse_relation)),
                "status" => query.statuses.extend(list(&value).filter_map(parse_status)),
                "region" => query.regions.extend(list(&value).filter_map(parse_region)),
                "from" => set_if_some(&mut query.from, parse_year(&value)),
                "to" => set_if_some(&mut query.to, parse_year(&value)),
                "partner" => {
                    let id = value.trim().to_ascii_lowercase();
                    if is_kebab_id(&id) {
                        query.partner = Some(id);
                    }
                }
                "view" => set_if_some(&mut query.view, View::parse(&value)),
                "sort" => set_if_some(&mut query.sort, Sort::parse(&value)),
                _ => {}
            }
        }
        sort_dedup(&mut query.sectors);
        sort_dedup(&mut query.relations);
        sort_dedup(&mut query.statuses);
        sort_dedup(&mut query.regions);
        // `from=2010&to=1990` is a period typed backwards, not an empty one.
        if let (Some(from), Some(to)) = (query.from, query.to) {
            if from > to {
                query.from = Some(to);
                query.to = Some(from);
            }
        }
        query
    }

    /// Drops sector and partner ids the dataset does not know (an old permalink
    /// after a record was renamed), which `parse` cannot judge without the data.
    pub fn retain_known(&mut self, data: &Dataset) {
        self.sectors.retain(|id| data.sector(id).is_some());
        if self
            .partner
            .as_deref()
            .is_some_and(|id| data.partner(id).is_none())
        {
            self.partner = None;
        }
    }

    /// The query string: `""` when nothing is set, else `?` and the parameters in
    /// the order lang, q, sector, relation, status, region, from, to, partner, view, sort.
    pub fn to_search(&self) -> String {
        let mut params: Vec<(&str, String)> = Vec::new();
        if let Some(lang) = self.lang {
            params.push(("lang", lang.tag().to_owned()));
        }
        if !self.q.is_empty() {
            params.push(("q", encode(&self.q)));
        }
        let mut push_list = |name, ids: Vec<&str>| {
            if !ids.is_empty() {
                let encoded: Vec<String> = ids.into_iter().map(encode).collect();
                params.push((name, encoded.join(",")));
            }
        };
        push_list("sector", self.sectors.iter().map(String::as_str).collect());
        push_list(
            "relation",
            self.relations.iter().map(|&r| relation_id(r)).collect(),
        );
        push_list(
            "status",
            self.statuses.iter().map(|&s| status_id(s)).collect(),
        );
        push_list(
            "region",
            self.regions.iter().map(|&r| region_id(r)).collect(),
        );
        if let Some(from) = self.from {
            params.push(("from", from.to_string()));
        }
        if let Some(to) = self.to {
            params.push(("to", to.to_string()));
        }
        if let Some(partner) = &self.partner {
            params.push(("partner", encode(partner)));
        }
        if let Some(view) = self.view {
            params.push(("view", view.id().to_owned()));
        }
        if let Some(sort) = self.sort {
            params.push(("sort", sort.id().to_owned()));
        }
        let mut out = String::new();
        for (i, (name, value)) in params.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            out.push_str(name);
            out.push('=');
            out.push_str(value);
        }
        out
    }

    /// How many filters narrow the list, for the "N active" badge: each selected
    /// sector, relation, status and region counts one, a period counts one, and
    /// a search that is more than blanks counts one. Language, view, sort and the
    /// open partner are not filters.
    pub fn active_filters(&self) -> usize {
        self.sectors.len()
            + self.relations.len()
            + self.statuses.len()
            + self.regions.len()
            + usize::from(self.from.is_some() || self.to.is_some())
            + usize::from(!self.q.trim().is_empty())
    }

    /// The same page with every filter and the search cleared; the language, view,
    /// sort and open partner stay, since "clear filters" should not move the reader.
    pub fn cleared(&self) -> Query {
        Query {
            lang: self.lang,
            partner: self.partner.clone(),
            view: self.view,
            sort: self.sort,
            ..Query::default()
        }
    }

    /// Adds the sector if absent, removes it if present; the list stays in normal form.
    pub fn toggle_sector(&mut self, id: &str) {
        toggle(&mut self.sectors, id.to_owned());
    }

    pub fn toggle_relation(&mut self, relation: Relation) {
        toggle(&mut self.relations, relation);
    }

    pub fn toggle_status(&mut self, status: Status) {
        toggle(&mut self.statuses, status);
    }

    pub fn toggle_region(&mut self, region: Region) {
        toggle(&mut self.regions, region);
    }
}

fn toggle<T: Ord>(list: &mut Vec<T>, value: T) {
    match list.binary_search(&value) {
        Ok(at) => {
            list.remove(at);
        }
        Err(at) => list.insert(at, value),
    }
}

fn sort_dedup<T: Ord>(list: &mut Vec<T>) {
    list.sort();
    list.dedup();
}

fn set_if_some<T>(slot: &mut Option<T>, value: Option<T>) {
    if value.is_some() {
        *slot = value;
    }
}

/// The non-empty items of a comma-separated value.
fn list(value: &str) -> impl Iterator<Item = &str> {
    value
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

fn parse_year(value: &str) -> Option<i32> {
    let value = value.trim();
    // Digits only: `i32::from_str` would also take `+1990`, and nobody writes years so.
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    value.parse().ok().filter(|year| YEARS.contains(year))
}

/// Form decoding: `+` is a space, `%XX` a byte; the bytes are read as UTF-8,
/// with U+FFFD for what is not (as `URLSearchParams` does).
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            ) {
                (Some(hi), Some(lo)) => {
                    out.push((hi << 4) | lo);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    char::from(b)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

/// Percent-encodes all but RFC 3986's unreserved characters, so that spaces come
/// out as `%20` (not `+`, which some chat apps break links at) and `&`, `=`, `#`
/// and `,` inside a value cannot be read as structure.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}
