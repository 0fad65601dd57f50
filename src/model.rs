//! The dataset as Rust types: what `public/data/partners.json` holds.
//!
//! Every type here is plain data with no DOM, so the shipped file can be read and
//! validated by native tests. `docs/DATA.md` documents each field for people.

use serde::{Deserialize, Serialize};

use crate::time::PartialDate;

/// The schema versions this build understands.
pub const KNOWN_SCHEMAS: &[u32] = &[2];

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
    pub partners: Vec<Partner>,
    pub figures: Vec<Figure>,
    /// Attribution lines shown in the app's credits.
    #[serde(default)]
    pub credits: Vec<Text>,
    /// What changed in the data, newest first.
    #[serde(default)]
    pub changes: Vec<Change>,
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

/// Continents, used by the region filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    Asia,
    Europe,
    Africa,
    Americas,
    Oceania,
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
    pub id: String,
    pub label: Text,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    City,
    Province,
    State,
    Network,
    Institution,
    /// A multi-city programme run by foundations or international bodies that
    /// cities join (Breathe Cities, Fast-Track Cities).
    Initiative,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    SisterCity,
    SisterProvince,
    LetterOfIntent,
    Memorandum,
    CooperationAgreement,
    Programme,
    NetworkMembership,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Active,
    InProgress,
    Dormant,
    /// The relation or programme has come to an end.
    Ended,
}

/// One international partner of the home city: a city, province, state, network or institution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Partner {
    /// Stable kebab-case slug of the English name; used in permalinks.
    pub id: String,
    pub name: Text,
    /// ISO 3166-1 alpha-2; absent for networks and where the record's note explains why.
    #[serde(default)]
    pub country: Option<String>,
    /// Shown instead of a country name when `country` is absent.
    #[serde(default)]
    pub country_label: Option<Text>,
    pub level: Level,
    pub relation: Relation,
    pub status: Status,
    /// When the relation began, at its precision; absent when unknown.
    #[serde(default)]
    pub since: Option<PartialDate>,
    /// Absent for networks and institutions with no single place.
    #[serde(default)]
    pub geo: Option<Geo>,
    pub sectors: Vec<String>,
    pub summary: Text,
    #[serde(default)]
    pub note: Option<Text>,
    /// Other partner records this one belongs with (a programme and its city).
    #[serde(default)]
    pub related: Vec<String>,
    #[serde(default)]
    pub events: Vec<Event>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
    /// When this record was last checked against its sources.
    pub checked: PartialDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    Signing,
    Visit,
    Meeting,
    Anniversary,
    Programme,
    Conference,
    Other,
}

/// A dated thing that happened in a partnership.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub date: PartialDate,
    /// Last day, for events that span several days.
    #[serde(default)]
    pub until: Option<PartialDate>,
    pub kind: EventKind,
    pub title: Text,
    #[serde(default)]
    pub summary: Option<Text>,
    #[serde(default)]
    pub place: Option<Text>,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default)]
    pub sectors: Vec<String>,
    pub sources: Vec<String>,
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
    #[serde(default)]
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
    pub value: f64,
    pub label: Text,
    pub date: PartialDate,
    #[serde(default)]
    pub note: Option<Text>,
    /// Partners the figure is about, if any.
    #[serde(default)]
    pub partners: Vec<String>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
    /// When this figure was last checked against its sources.
    pub checked: PartialDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// A new partner or figure.
    Added,
    /// A new event on an existing record.
    Event,
    /// The record's status changed.
    Status,
    /// Sources that disagree were added side by side.
    Conflict,
    /// Another source now backs facts already shown.
    Source,
    /// A fact, text or source of the record was corrected.
    Corrected,
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

impl Dataset {
    pub fn partner(&self, id: &str) -> Option<&Partner> {
        self.partners.iter().find(|p| p.id == id)
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.code == code)
    }

    pub fn sector(&self, id: &str) -> Option<&Sector> {
        self.sectors.iter().find(|s| s.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
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
