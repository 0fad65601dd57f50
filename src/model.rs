//! The dataset as Rust types: what `public/data/partners.json` holds.
//!
//! Every type here is plain data with no DOM, so the shipped file can be read and
//! validated by native tests. `docs/DATA.md` documents each field for people.

use rustc_hash::FxHashMap as HashMap;
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::time::PartialDate;

/// The schema versions this build understands.
pub const KNOWN_SCHEMAS: &[u32] = &[2];

/// True for `tokyo`, `new-south-wales`, `c40`; false for `Tokyo`, `new_york`, `-x`: the
/// rule for every id that appears in a permalink.
pub fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Declares an id type: shared text (cloning it copies a pointer, as keyed lists and
/// closures do often), compared and hashed as its text, written in JSON as a plain string.
/// Whether it is kebab-case is for the validator to judge and report, so reading accepts any.
macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        pub struct $name(Arc<str>);

        impl $name {
            /// The id read from a URL: trimmed, lowercased, and only if kebab-case.
            pub fn parse(text: &str) -> Option<Self> {
                let id = text.trim().to_ascii_lowercase();
                is_kebab_id(&id).then(|| Self(id.into()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(text: &str) -> Self {
                Self(text.into())
            }
        }

        impl From<String> for $name {
            fn from(text: String) -> Self {
                Self(text.into())
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                &*self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                &*self.0 == *other
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(&*self.0, f)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                String::deserialize(deserializer).map(Self::from)
            }
        }

        impl $crate::json::FromJson for $name {
            fn from_json(value: $crate::json::Json<'_, '_>) -> Result<Self, $crate::json::TypeError> {
                <String as $crate::json::FromJson>::from_json(value).map(Self::from)
            }

            fn placeholder() -> Self {
                Self::default()
            }
        }

        impl $crate::json::ToJson for $name {
            fn write_json(&self, out: &mut String) {
                $crate::json::write_str(out, &self.0);
            }
        }
    };
}

id_type! {
    /// A partner's id: the kebab-case slug of its English name (`tokyo`, `new-south-wales`).
    PartnerId
}

id_type! {
    /// A sector's id from the controlled vocabulary (`flood-river`, `culture-tourism`).
    SectorId
}

/// A closed list of values with one spelling each, used in the data file and in URLs.
///
/// The spelling is written once, in [`vocabulary!`]: the data file's reader and writer
/// ([`crate::json`], and serde natively), the URL and the filter selects all read it from here.
pub trait Vocabulary: Copy + Eq + Ord + Send + Sync + 'static {
    /// Every value, in display order.
    const ALL: &'static [Self];
    /// The kebab-case spelling (`sister-city`).
    fn id(self) -> &'static str;
    /// Reads a spelling, trimmed and ignoring ASCII case; `None` for anything else.
    fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|v| v.id().eq_ignore_ascii_case(text))
    }
}

/// Declares an enum that implements [`Vocabulary`] and is read and written as its id (by
/// [`crate::json`], and by serde natively); an unknown spelling is an error that lists the
/// known ones.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $id:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
        }

        impl $crate::model::Vocabulary for $name {
            const ALL: &'static [Self] = &[$($name::$variant,)*];
            fn id(self) -> &'static str {
                match self {
                    $($name::$variant => $id,)*
                }
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str($crate::model::Vocabulary::id(*self))
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <String as ::serde::Deserialize>::deserialize(deserializer)?;
                $crate::model::from_exact_id(&text).map_err(::serde::de::Error::custom)
            }
        }

        impl $crate::json::FromJson for $name {
            fn from_json(value: $crate::json::Json<'_, '_>) -> Result<Self, $crate::json::TypeError> {
                const IDS: &[&str] = &[$($id,)*];
                $crate::json::word(&value, IDS).map(|i| Self::ALL[i])
            }

            fn placeholder() -> Self {
                Self::ALL[0]
            }
        }

        impl $crate::json::ToJson for $name {
            fn write_json(&self, out: &mut String) {
                $crate::json::write_str(out, $crate::model::Vocabulary::id(*self));
            }
        }
    };
}
pub(crate) use vocabulary;

/// The value spelled exactly `text` (the data file is read strictly; only URLs leniently),
/// or a message that lists the known spellings.
pub(crate) fn from_exact_id<T: Vocabulary>(text: &str) -> Result<T, String> {
    T::ALL
        .iter()
        .copied()
        .find(|v| v.id() == text)
        .ok_or_else(|| unknown_value(text, &mut T::ALL.iter().map(|v| v.id())))
}

/// Not generic, so its code is in the binary once, whatever the vocabulary.
fn unknown_value(text: &str, ids: &mut dyn Iterator<Item = &'static str>) -> String {
    let known: Vec<&str> = ids.collect();
    format!(
        "unknown value \"{text}\", expected one of {}",
        known.join(", ")
    )
}

/// A text in both of the app's languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// Bahasa Indonesia.
    pub id: String,
    /// English.
    pub en: String,
}

/// The whole file, once every record has been read and checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub schema: u32,
    /// When the whole file was last checked against its sources.
    pub checked: PartialDate,
    pub home: Home,
    pub countries: Vec<Country>,
    pub sectors: Vec<Sector>,
    pub sources: Vec<Source>,
    /// Shared, so that a view can hold a partner without copying it.
    pub partners: Vec<Arc<Partner>>,
    pub figures: Vec<Figure>,
    /// Attribution lines shown in the app's credits.
    #[serde(default)]
    pub credits: Vec<Text>,
    /// What changed in the data, newest first.
    #[serde(default)]
    pub changes: Vec<Change>,
    /// Set in the file the first view reads (`data/start.json`, see `data::start_file`):
    /// the name of the file beside it that holds the whole of each partner (its events,
    /// note, conflicts and sources, and every source). Absent in that whole file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    /// Positions by id, built by [`Dataset::reindex`] (which `data::parse` calls).
    #[serde(skip)]
    index: Index,
}

/// Where each record sits in its list, so that a lookup by id does not scan thousands.
#[derive(Debug, Clone, Default, PartialEq)]
struct Index {
    partners: HashMap<PartnerId, usize>,
    sectors: HashMap<SectorId, usize>,
    sources: HashMap<String, usize>,
    countries: HashMap<String, usize>,
    figures: HashMap<String, usize>,
}

/// The city whose partners the file lists (Jakarta); arcs start here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Home {
    pub id: String,
    pub name: Text,
    pub country: String,
    pub geo: Geo,
}

/// A point from GeoNames.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Geo {
    pub lat: f64,
    pub lon: f64,
    pub geonameid: u64,
    /// IANA time zone of the place, e.g. `Asia/Tokyo`.
    pub tz: String,
    /// The GeoNames place the point belongs to (e.g. `Little Rock`).
    pub place: String,
    /// True when the point is a seat or stand-in city for a state, province or institution.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub seat: bool,
}

vocabulary! {
    /// Continents, used by the region filter.
    Region {
        Asia => "asia",
        Europe => "europe",
        Africa => "africa",
        Americas => "americas",
        Oceania => "oceania",
    }
}

/// A country named by an ISO 3166-1 alpha-2 code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Country {
    pub code: String,
    pub name: Text,
    pub region: Region,
}

/// A sector of cooperation from the controlled vocabulary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sector {
    pub id: SectorId,
    pub label: Text,
    /// A few words for a filter chip, where the full label would wrap over two lines; the
    /// full label stays the chip's description and is what the detail shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<Text>,
}

impl Sector {
    /// The chip's words: the short label, else the full one.
    pub fn short_label(&self) -> &Text {
        self.short.as_ref().unwrap_or(&self.label)
    }
}

/// A published page that a fact rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub url: String,
    pub publisher: String,
    pub title: String,
    pub published: PartialDate,
    /// Language of the page (ISO 639-1, e.g. `id`, `en`, `de`).
    pub language: String,
    /// When the page was last read to check the facts that cite it.
    pub checked: PartialDate,
}

vocabulary! {
    /// What kind of body the partner is.
    Level {
        City => "city",
        Province => "province",
        State => "state",
        Network => "network",
        Institution => "institution",
        /// A multi-city programme run by foundations or international bodies that
        /// cities join (Breathe Cities, Fast-Track Cities).
        Initiative => "initiative",
    }
}

vocabulary! {
    /// The instrument that binds the partner to the home city; declared in sort order.
    Relation {
        SisterCity => "sister-city",
        SisterProvince => "sister-province",
        LetterOfIntent => "letter-of-intent",
        Memorandum => "memorandum",
        CooperationAgreement => "cooperation-agreement",
        Programme => "programme",
        NetworkMembership => "network-membership",
    }
}

vocabulary! {
    /// Where the partnership stands.
    Status {
        Active => "active",
        InProgress => "in-progress",
        Dormant => "dormant",
        /// The relation or programme has come to an end.
        Ended => "ended",
    }
}

/// One international partner of the home city: a city, province, state, network or institution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Partner {
    /// Stable kebab-case slug of the English name; used in permalinks.
    pub id: PartnerId,
    pub name: Text,
    /// ISO 3166-1 alpha-2; absent for networks and where the record's note explains why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Shown instead of a country name when `country` is absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_label: Option<Text>,
    pub level: Level,
    pub relation: Relation,
    pub status: Status,
    /// When the relation began, at its precision; absent when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<PartialDate>,
    /// Absent for networks and institutions with no single place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo: Option<Geo>,
    pub sectors: Vec<SectorId>,
    pub summary: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Other partner records this one belongs with (a programme and its city).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<PartnerId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    /// Absent in the file the first view reads (`Dataset::details`); at least one in the whole file.
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// When this record was last checked against its sources.
    pub checked: PartialDate,
}

vocabulary! {
    /// What happened at an event.
    EventKind {
        Signing => "signing",
        Visit => "visit",
        Meeting => "meeting",
        Anniversary => "anniversary",
        Programme => "programme",
        Conference => "conference",
        Other => "other",
    }
}

/// A dated thing that happened in a partnership.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub date: PartialDate,
    /// Last day, for events that span several days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
    pub kind: EventKind,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<SectorId>,
    pub sources: Vec<String>,
}

impl Partner {
    /// Every source the record, its events and its conflicting claims cite, once each, in
    /// that order.
    pub fn cited_sources(&self) -> Vec<&str> {
        let mut seen = rustc_hash::FxHashSet::default();
        self.sources
            .iter()
            .chain(self.events.iter().flat_map(|e| &e.sources))
            .chain(claim_sources(&self.conflicts))
            .map(String::as_str)
            .filter(|id| seen.insert(*id))
            .collect()
    }

    /// The events from the earliest to the latest (a stable sort: same-day events keep the
    /// file's order).
    pub fn events_in_order(&self) -> Vec<&Event> {
        let mut events: Vec<&Event> = self.events.iter().collect();
        crate::order::sort_by_key(&mut events, |e| e.date);
        events
    }
}

/// The sources of every claim of these conflicts.
pub fn claim_sources(conflicts: &[Conflict]) -> impl Iterator<Item = &String> {
    conflicts
        .iter()
        .flat_map(|c| &c.claims)
        .flat_map(|c| &c.sources)
}

/// Someone named in an event, with the role they held then.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub role: Text,
}

/// Sources that disagree about one field; each value is kept with its sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// The field the claims are about (`since`, `value`, `sectors`, ...).
    pub field: String,
    pub claims: Vec<Claim>,
    /// Why the app shows the claim it shows.
    pub reason: Text,
}

/// One value that one or more sources give.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub value: Text,
    /// For date fields: the date this claim gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    pub sources: Vec<String>,
    /// Exactly one claim per conflict is the one the app shows.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub shown: bool,
}

/// A headline number with its date and source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub id: String,
    #[serde(serialize_with = "number_as_written")]
    pub value: f64,
    pub label: Text,
    pub date: PartialDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Partners the figure is about, if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<PartnerId>,
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// When this figure was last checked against its sources.
    pub checked: PartialDate,
}

/// Writes a whole number as the file does (`23`, not serde_json's `23.0`), so that an export
/// of records reads like the file they came from.
fn number_as_written<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

vocabulary! {
    /// What an entry of the change log did.
    ChangeKind {
        /// A new partner or figure.
        Added => "added",
        /// A new event on an existing record.
        Event => "event",
        /// The record's status changed.
        Status => "status",
        /// Sources that disagree were added side by side.
        Conflict => "conflict",
        /// Another source now backs facts already shown.
        Source => "source",
        /// A fact, text or source of the record was corrected.
        Corrected => "corrected",
    }
}

/// One entry of the change log: what changed in the data, when, and on which source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// When the change was made to the data.
    pub date: PartialDate,
    /// The id of the partner or figure the change is about.
    pub record: String,
    pub kind: ChangeKind,
    pub text: Text,
    pub sources: Vec<String>,
}

/// The record at `index[key]` if it really has that key, else the first with it: a list
/// edited since the last [`Dataset::reindex`] costs a scan, never a wrong answer.
fn lookup<'a, T, K: std::hash::Hash + Eq + std::borrow::Borrow<str>>(
    list: &'a [T],
    index: &HashMap<K, usize>,
    key: &str,
    key_of: impl Fn(&T) -> &str,
) -> Option<&'a T> {
    index
        .get(key)
        .and_then(|&i| list.get(i))
        .filter(|record| key_of(record) == key)
        .or_else(|| list.iter().find(|record| key_of(record) == key))
}

impl Dataset {
    /// A dataset of these records, indexed by id.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        schema: u32,
        checked: PartialDate,
        home: Home,
        countries: Vec<Country>,
        sectors: Vec<Sector>,
        sources: Vec<Source>,
        partners: Vec<Arc<Partner>>,
        figures: Vec<Figure>,
        credits: Vec<Text>,
        changes: Vec<Change>,
    ) -> Dataset {
        let mut data = Dataset {
            schema,
            checked,
            home,
            countries,
            sectors,
            sources,
            partners,
            figures,
            credits,
            changes,
            details: None,
            index: Index::default(),
        };
        data.reindex();
        data
    }

    /// Rebuilds the lookup by id after the lists were edited; the first of equal ids wins.
    pub fn reindex(&mut self) {
        fn positions<K: std::hash::Hash + Eq>(keys: impl Iterator<Item = K>) -> HashMap<K, usize> {
            let mut map = HashMap::default();
            for (i, key) in keys.enumerate() {
                map.entry(key).or_insert(i);
            }
            map
        }
        self.index = Index {
            partners: positions(self.partners.iter().map(|p| p.id.clone())),
            sectors: positions(self.sectors.iter().map(|s| s.id.clone())),
            sources: positions(self.sources.iter().map(|s| s.id.clone())),
            countries: positions(self.countries.iter().map(|c| c.code.clone())),
            figures: positions(self.figures.iter().map(|f| f.id.clone())),
        };
    }

    pub fn partner(&self, id: &str) -> Option<&Arc<Partner>> {
        lookup(&self.partners, &self.index.partners, id, |p| &p.id)
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        lookup(&self.countries, &self.index.countries, code, |c| &c.code)
    }

    pub fn sector(&self, id: &str) -> Option<&Sector> {
        lookup(&self.sectors, &self.index.sectors, id, |s| &s.id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        lookup(&self.sources, &self.index.sources, id, |s| &s.id)
    }

    /// The partner's continent, through its country; `None` for networks and other
    /// partners without a country.
    pub fn region_of(&self, partner: &Partner) -> Option<Region> {
        partner
            .country
            .as_deref()
            .and_then(|code| self.country(code))
            .map(|country| country.region)
    }

    /// Great-circle distance in km from the home city to the partner's point; `None` for
    /// partners without one. The map draws its arcs with the same geometry, so the list
    /// and the map cannot disagree about a distance.
    pub fn distance_km(&self, partner: &Partner) -> Option<f64> {
        let home = &self.home.geo;
        partner
            .geo
            .as_ref()
            .map(|geo| crate::geo::distance_km(home.lat, home.lon, geo.lat, geo.lon))
    }

    pub fn figure(&self, id: &str) -> Option<&Figure> {
        lookup(&self.figures, &self.index.figures, id, |f| &f.id)
    }

    /// What to show for a partner's country: the country's name, else the record's
    /// own `country_label` (Al-Quds Al-Sharif), else nothing (networks).
    pub fn country_text(&self, partner: &Partner) -> Option<Text> {
        partner
            .country
            .as_deref()
            .and_then(|code| self.country(code))
            .map(|c| c.name.clone())
            .or_else(|| partner.country_label.clone())
    }
}

/// Reading and writing the records as the data file's JSON ([`crate::json`]).
mod json_form {
    use super::*;
    use crate::json::{Fields, FromJson, Json, Members, ToJson, TypeError};

    /// Declares how a struct is read and written, field by field in the order declared:
    /// `req` fields must be there; `opt` fields may be absent or null, and are left out when
    /// `None`; `or_default` fields take their default when absent, and are left out when empty
    /// or `false`. This is what serde's attributes above say, which the native tests check.
    macro_rules! record {
        ($name:ident { $($field:ident: $how:ident),* $(,)? }) => {
            impl FromJson for $name {
                fn from_json(value: Json<'_, '_>) -> Result<Self, TypeError> {
                    let mut fields = Fields::of(value);
                    let record = $name {
                        $($field: fields.$how(stringify!($field)),)*
                    };
                    fields.finish(record)
                }

                fn placeholder() -> Self {
                    $name {
                        $($field: placeholder!($how),)*
                    }
                }
            }

            impl ToJson for $name {
                fn write_json(&self, out: &mut String) {
                    let mut members = Members::open(out);
                    $(write_field!(members, $how, stringify!($field), &self.$field);)*
                    members.close();
                }
            }
        };
    }

    macro_rules! write_field {
        ($members:ident, req, $key:expr, $value:expr) => {
            $members.field($key, $value)
        };
        ($members:ident, opt, $key:expr, $value:expr) => {
            if let Some(value) = $value {
                $members.field($key, value)
            }
        };
        ($members:ident, or_default, $key:expr, $value:expr) => {
            if !ToJson::is_default($value) {
                $members.field($key, $value)
            }
        };
    }

    macro_rules! placeholder {
        (opt) => {
            None
        };
        ($how:ident) => {
            FromJson::placeholder()
        };
    }

    record!(Text { id: req, en: req });
    record!(Home {
        id: req,
        name: req,
        country: req,
        geo: req,
    });
    record!(Geo {
        lat: req,
        lon: req,
        geonameid: req,
        tz: req,
        place: req,
        seat: or_default,
    });
    record!(Country {
        code: req,
        name: req,
        region: req,
    });
    record!(Sector {
        id: req,
        label: req,
        short: opt,
    });
    record!(Source {
        id: req,
        url: req,
        publisher: req,
        title: req,
        published: req,
        language: req,
        checked: req,
    });
    record!(Partner {
        id: req,
        name: req,
        country: opt,
        country_label: opt,
        level: req,
        relation: req,
        status: req,
        since: opt,
        geo: opt,
        sectors: req,
        summary: req,
        note: opt,
        related: or_default,
        events: or_default,
        sources: or_default,
        conflicts: or_default,
        checked: req,
    });
    record!(Event {
        date: req,
        until: opt,
        kind: req,
        title: req,
        summary: opt,
        place: opt,
        people: or_default,
        sectors: or_default,
        sources: req,
    });
    record!(Person {
        name: req,
        role: req,
    });
    record!(Conflict {
        field: req,
        claims: req,
        reason: req,
    });
    record!(Claim {
        value: req,
        date: opt,
        sources: req,
        shown: or_default,
    });
    record!(Figure {
        id: req,
        value: req,
        label: req,
        date: req,
        note: opt,
        partners: or_default,
        sources: req,
        conflicts: or_default,
        checked: req,
    });
    record!(Change {
        date: req,
        record: req,
        kind: req,
        text: req,
        sources: req,
    });
}
