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
//! The query holds the [`Filters`] apart from the page state (language, open partner, view,
//! sort), so that filtering cannot depend on page state.
//!
//! Writing rules: a fixed parameter order, `None` and empty values left out, and
//! any value that is set written even when it equals the app's default, so that
//! `Query::parse(&q.to_search()) == q` for every query in normal form (lists sorted
//! and deduplicated, ids in kebab-case, years in range, `from <= to`), which is
//! what `parse` produces.

use std::fmt::Write as _;
use std::ops::RangeInclusive;

use crate::i18n::Lang;
use crate::model::{
    vocabulary, Dataset, PartnerId, Region, Relation, SectorId, Status, Vocabulary,
};

vocabulary! {
    /// The four ways of looking at the partners.
    #[derive(Default)]
    View {
        #[default]
        Map => "map",
        List => "list",
        Timeline => "timeline",
        Figures => "figures",
    }
}

vocabulary! {
    /// Order of the partner list; not in the original URL contract, added as `sort=`.
    #[derive(Default)]
    Sort {
        #[default]
        Since => "since",
        Name => "name",
        Distance => "distance",
    }
}

/// Years outside this range are typos or jokes, not periods of a partnership.
pub const YEARS: RangeInclusive<i32> = 1000..=9999;

/// What narrows the set of partners shown: the search and every filter, nothing else.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    /// The search text as typed, spaces and all, so the search box keeps its caret.
    pub q: String,
    /// Sector ids, sorted and deduplicated.
    pub sectors: Vec<SectorId>,
    pub relations: Vec<Relation>,
    pub statuses: Vec<Status>,
    pub regions: Vec<Region>,
    pub from: Option<i32>,
    pub to: Option<i32>,
}

impl Filters {
    /// How many filters narrow the list, for the "N active" badge: each selected sector,
    /// relation, status and region counts one, a period counts one, and a search that is
    /// more than blanks counts one.
    pub fn active(&self) -> usize {
        self.sectors.len()
            + self.relations.len()
            + self.statuses.len()
            + self.regions.len()
            + usize::from(self.from.is_some() || self.to.is_some())
            + usize::from(!self.q.trim().is_empty())
    }

    /// Adds the sector if absent, removes it if present; the list stays in normal form.
    pub fn toggle_sector(&mut self, id: &SectorId) {
        toggle(&mut self.sectors, id.clone());
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

    /// Sets a period bound, keeping `from <= to` as `parse` does.
    pub fn set_period(&mut self, from: Option<i32>, to: Option<i32>) {
        self.from = from;
        self.to = to;
        self.normalize_period();
    }

    fn normalize_period(&mut self) {
        // `from=2010&to=1990` is a period typed backwards, not an empty one.
        if let (Some(from), Some(to)) = (self.from, self.to) {
            if from > to {
                self.from = Some(to);
                self.to = Some(from);
            }
        }
    }
}

/// Everything a permalink can say.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub lang: Option<Lang>,
    pub filters: Filters,
    /// The partner whose detail is open.
    pub partner: Option<PartnerId>,
    pub view: Option<View>,
    pub sort: Option<Sort>,
}

/// The URL's parameters, in the order a generated URL writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Param {
    Lang,
    Q,
    Sector,
    Relation,
    Status,
    Region,
    From,
    To,
    Partner,
    View,
    Sort,
}

impl Param {
    const ALL: [Param; 11] = [
        Param::Lang,
        Param::Q,
        Param::Sector,
        Param::Relation,
        Param::Status,
        Param::Region,
        Param::From,
        Param::To,
        Param::Partner,
        Param::View,
        Param::Sort,
    ];

    fn name(self) -> &'static str {
        match self {
            Param::Lang => "lang",
            Param::Q => "q",
            Param::Sector => "sector",
            Param::Relation => "relation",
            Param::Status => "status",
            Param::Region => "region",
            Param::From => "from",
            Param::To => "to",
            Param::Partner => "partner",
            Param::View => "view",
            Param::Sort => "sort",
        }
    }

    /// Names are exact: `Sector` is not `sector`.
    fn from_name(name: &str) -> Option<Param> {
        Param::ALL.into_iter().find(|p| p.name() == name)
    }

    /// Comma-separated lists; a partner matches any of the values.
    fn is_list(self) -> bool {
        matches!(
            self,
            Param::Sector | Param::Relation | Param::Status | Param::Region
        )
    }
}

/// The `(name, raw value)` pairs of a query string, with or without its `?`; a `#` cannot be
/// part of a query string, so whatever follows is a fragment pasted along with it.
fn pairs(search: &str) -> impl Iterator<Item = (String, &str)> {
    let search = search.strip_prefix('?').unwrap_or(search);
    let search = search.split('#').next().unwrap_or_default();
    search
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(key), value)
        })
}

/// The parts of a query string that [`Query::parse`] and [`Query::retain_known`]
/// drop, as `key=value` (decoded), so the page can say which part of a shared link
/// it did not understand. Empty values are not reported: they ask for nothing.
pub fn ignored_params(search: &str, data: &Dataset) -> Vec<String> {
    let mut ignored = Vec::new();
    for (key, value) in pairs(search) {
        let param = Param::from_name(&key);
        let items: Vec<&str> = if param.is_some_and(Param::is_list) {
            value.split(',').collect()
        } else {
            vec![value]
        };
        for item in items {
            let item = decode(item);
            if item.trim().is_empty() {
                continue;
            }
            // Each piece is judged by the very reader the app uses, so the two cannot disagree.
            let mut alone = Query::default();
            if let Some(param) = param {
                alone.read(param, &item);
            }
            alone.retain_known(data);
            if alone == Query::default() {
                ignored.push(format!("{key}={item}"));
            }
        }
    }
    ignored
}

impl Query {
    /// Reads a query string, with or without its leading `?`; never fails.
    pub fn parse(search: &str) -> Query {
        let mut query = Query::default();
        for (key, value) in pairs(search) {
            if let Some(param) = Param::from_name(&key) {
                query.read(param, &decode(value));
            }
        }
        query.normalize();
        query
    }

    /// Reads one parameter's decoded value into the query; a value that makes no sense
    /// is ignored, and does not erase an earlier valid one.
    fn read(&mut self, param: Param, value: &str) {
        let f = &mut self.filters;
        match param {
            Param::Lang => set_if_some(&mut self.lang, Lang::parse(value)),
            Param::Q => {
                if !value.is_empty() {
                    f.q = value.to_owned();
                }
            }
            Param::Sector => f.sectors.extend(list(value).filter_map(SectorId::parse)),
            Param::Relation => f.relations.extend(list(value).filter_map(Relation::parse)),
            Param::Status => f.statuses.extend(list(value).filter_map(Status::parse)),
            Param::Region => f.regions.extend(list(value).filter_map(Region::parse)),
            Param::From => set_if_some(&mut f.from, parse_year(value)),
            Param::To => set_if_some(&mut f.to, parse_year(value)),
            Param::Partner => set_if_some(&mut self.partner, PartnerId::parse(value)),
            Param::View => set_if_some(&mut self.view, View::parse(value)),
            Param::Sort => set_if_some(&mut self.sort, Sort::parse(value)),
        }
    }

    /// Lists sorted and deduplicated, the period the right way round.
    fn normalize(&mut self) {
        let f = &mut self.filters;
        crate::order::sort_dedup(&mut f.sectors);
        crate::order::sort_dedup(&mut f.relations);
        crate::order::sort_dedup(&mut f.statuses);
        crate::order::sort_dedup(&mut f.regions);
        f.normalize_period();
    }

    /// Drops sector and partner ids the dataset does not know (an old permalink
    /// after a record was renamed), which `parse` cannot judge without the data.
    pub fn retain_known(&mut self, data: &Dataset) {
        self.filters.sectors.retain(|id| data.sector(id).is_some());
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
        let mut out = String::new();
        for param in Param::ALL {
            let Some(value) = self.written(param) else {
                continue;
            };
            out.push(if out.is_empty() { '?' } else { '&' });
            out.push_str(param.name());
            out.push('=');
            out.push_str(&value);
        }
        out
    }

    /// One parameter's value as written in a URL (encoded), or `None` when not set.
    fn written(&self, param: Param) -> Option<String> {
        fn ids<'a>(ids: impl Iterator<Item = &'a str>) -> Option<String> {
            let encoded: Vec<String> = ids.map(encode).collect();
            (!encoded.is_empty()).then(|| encoded.join(","))
        }
        let f = &self.filters;
        match param {
            Param::Lang => self.lang.map(|l| l.tag().to_owned()),
            Param::Q => (!f.q.is_empty()).then(|| encode(&f.q)),
            Param::Sector => ids(f.sectors.iter().map(SectorId::as_str)),
            Param::Relation => ids(f.relations.iter().map(|r| r.id())),
            Param::Status => ids(f.statuses.iter().map(|s| s.id())),
            Param::Region => ids(f.regions.iter().map(|r| r.id())),
            Param::From => f.from.map(|y| y.to_string()),
            Param::To => f.to.map(|y| y.to_string()),
            Param::Partner => self.partner.as_deref().map(encode),
            Param::View => self.view.map(|v| v.id().to_owned()),
            Param::Sort => self.sort.map(|s| s.id().to_owned()),
        }
    }

    /// The same page with every filter and the search cleared; the language, view,
    /// sort and open partner stay, since "clear filters" should not move the reader.
    pub fn cleared(&self) -> Query {
        Query {
            filters: Filters::default(),
            ..self.clone()
        }
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

pub fn parse_year(value: &str) -> Option<i32> {
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
