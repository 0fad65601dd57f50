//! The rules every record of the data file must follow.
//!
//! The same rules run in the native test over the shipped file and in the app at
//! load time, where a record that breaks one is reported and left out.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::fmt;

use chrono::NaiveDate;

use crate::model::{
    claim_sources, is_kebab_id, Change, Claim, Conflict, Dataset, Event, Figure, Geo, Level,
    Partner, Source, Text,
};
use crate::num::shortest;
use crate::time::{PartialDate, Precision};

/// Which list of the data file a record belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    /// The file as a whole (its date, home city, credits).
    File,
    Country,
    Sector,
    Source,
    Partner,
    Figure,
    /// An entry of the change log.
    Change,
}

impl RecordKind {
    /// The kinds that the data file holds as lists of records, in the file's order.
    pub const LISTS: [RecordKind; 6] = [
        RecordKind::Country,
        RecordKind::Sector,
        RecordKind::Source,
        RecordKind::Partner,
        RecordKind::Figure,
        RecordKind::Change,
    ];

    /// The data file's key for the list of this kind's records; none for the file itself.
    pub fn list_key(self) -> Option<&'static str> {
        Some(match self {
            RecordKind::File => return None,
            RecordKind::Country => "countries",
            RecordKind::Sector => "sectors",
            RecordKind::Source => "sources",
            RecordKind::Partner => "partners",
            RecordKind::Figure => "figures",
            RecordKind::Change => "changes",
        })
    }
}

impl fmt::Display for RecordKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RecordKind::File => "file",
            RecordKind::Country => "country",
            RecordKind::Sector => "sector",
            RecordKind::Source => "source",
            RecordKind::Partner => "partner",
            RecordKind::Figure => "figure",
            RecordKind::Change => "change",
        })
    }
}

/// One broken rule: which record, which field, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub kind: RecordKind,
    /// The record's id (or `#n` when it has none).
    pub record: String,
    /// Path of the field inside the record, e.g. `events[2].date`.
    pub field: String,
    pub message: String,
}

impl Problem {
    pub fn new(
        kind: RecordKind,
        record: impl Into<String>,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            kind,
            record: record.into(),
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} \"{}\", field `{}`: {}",
            self.kind, self.record, self.field, self.message
        )
    }
}

/// What reading the file learnt that the dataset cannot show: where each record that was read
/// stands in the file, and the ids of records that could not be read at all. With it the rules
/// name a record by its place in the file as written (`#n`), and judge a reference to a record
/// that is in the file but left out as a reference to something, not to nothing.
#[derive(Debug, Clone, Default)]
pub struct FileRecords {
    positions: HashMap<RecordKind, Vec<usize>>,
    unread: HashMap<RecordKind, HashSet<String>>,
}

impl FileRecords {
    /// The positions in the file (from 0) of the records of one list that were read, in order.
    pub fn set_positions(&mut self, kind: RecordKind, positions: Vec<usize>) {
        self.positions.insert(kind, positions);
    }

    /// An id of a record in the file that could not be read (and was named for it).
    pub fn add_unread(&mut self, kind: RecordKind, id: impl Into<String>) {
        self.unread.entry(kind).or_default().insert(id.into());
    }

    /// `#n`: the place in the file of the `index`th record of a list as read (1-based, as
    /// a person counts).
    fn place(&self, kind: RecordKind, index: usize) -> String {
        let at = self
            .positions
            .get(&kind)
            .and_then(|p| p.get(index))
            .copied()
            .unwrap_or(index);
        format!("#{}", at + 1)
    }

    fn unread(&self, kind: RecordKind) -> impl Iterator<Item = &str> {
        self.unread
            .get(&kind)
            .into_iter()
            .flatten()
            .map(String::as_str)
    }
}

/// Collects the problems of one record.
struct Check<'a> {
    kind: RecordKind,
    record: &'a str,
    today: NaiveDate,
    problems: Vec<Problem>,
}

impl<'a> Check<'a> {
    fn new(kind: RecordKind, record: &'a str, today: NaiveDate) -> Self {
        Self {
            kind,
            record,
            today,
            problems: Vec::new(),
        }
    }

    fn fail(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.problems
            .push(Problem::new(self.kind, self.record, field, message));
    }

    fn text(&mut self, field: &str, text: &Text) {
        if text.id.trim().is_empty() {
            self.fail(format!("{field}.id"), "the Indonesian text is empty");
        }
        if text.en.trim().is_empty() {
            self.fail(format!("{field}.en"), "the English text is empty");
        }
    }

    fn non_empty(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.fail(field, "is empty");
        }
    }

    fn date(&mut self, field: &str, date: &PartialDate) {
        if date.is_after(self.today) {
            self.fail(
                field,
                format!("{date} lies in the future (today is {})", self.today),
            );
        }
    }

    /// A `checked` date: a whole day, not in the future, and not before the
    /// record's own start (`since`, `published`, `date`), when it has one.
    fn checked(&mut self, field: &str, checked: &PartialDate, start: Option<(&str, &PartialDate)>) {
        self.date(field, checked);
        if checked.precision() != Precision::Day {
            self.fail(
                field,
                format!("{checked} is not a whole day: a checked date is YYYY-MM-DD"),
            );
        }
        if let Some((start_field, start)) = start {
            if checked.first_day() < start.first_day() {
                self.fail(
                    field,
                    format!("{checked} comes before the record's own `{start_field}` {start}"),
                );
            }
        }
    }

    fn geo(&mut self, field: &str, geo: &Geo) {
        if !(-90.0..=90.0).contains(&geo.lat) {
            self.fail(
                format!("{field}.lat"),
                format!("{} is not a latitude in -90..90", shortest(geo.lat)),
            );
        }
        if !(-180.0..=180.0).contains(&geo.lon) {
            self.fail(
                format!("{field}.lon"),
                format!("{} is not a longitude in -180..180", shortest(geo.lon)),
            );
        }
        if geo.geonameid == 0 {
            self.fail(format!("{field}.geonameid"), "a GeoNames id is required");
        }
        if !geo.tz.contains('/') {
            self.fail(
                format!("{field}.tz"),
                format!("\"{}\" is not an IANA time zone", geo.tz),
            );
        }
        self.non_empty(&format!("{field}.place"), &geo.place);
    }

    fn refs<I: AsRef<str>>(&mut self, field: &str, ids: &[I], known: &HashSet<&str>, what: &str) {
        for (i, id) in ids.iter().enumerate() {
            let id = id.as_ref();
            if !known.contains(id) {
                self.fail(format!("{field}[{i}]"), format!("unknown {what} \"{id}\""));
            }
        }
    }

    fn sources(&mut self, field: &str, ids: &[String], known: &HashSet<&str>) {
        if ids.is_empty() {
            self.fail(field, "at least one source is required");
        }
        self.refs(field, ids, known, "source");
    }

    fn conflicts(&mut self, conflicts: &[Conflict], sources: &HashSet<&str>) {
        for (i, conflict) in conflicts.iter().enumerate() {
            let at = format!("conflicts[{i}]");
            self.non_empty(&format!("{at}.field"), &conflict.field);
            self.text(&format!("{at}.reason"), &conflict.reason);
            if conflict.claims.is_empty() {
                self.fail(
                    format!("{at}.claims"),
                    "a conflict needs at least one claim",
                );
            }
            let shown = conflict.claims.iter().filter(|c| c.shown).count();
            if shown != 1 {
                self.fail(
                    format!("{at}.claims"),
                    format!("exactly one claim must be shown, found {shown}"),
                );
            }
            for (j, claim) in conflict.claims.iter().enumerate() {
                self.claim(&format!("{at}.claims[{j}]"), claim, sources);
            }
        }
    }

    fn claim(&mut self, at: &str, claim: &Claim, sources: &HashSet<&str>) {
        self.text(&format!("{at}.value"), &claim.value);
        self.sources(&format!("{at}.sources"), &claim.sources, sources);
        if let Some(date) = &claim.date {
            self.date(&format!("{at}.date"), date);
        }
    }

    fn event(&mut self, at: &str, event: &Event, known: &Known) {
        self.date(&format!("{at}.date"), &event.date);
        if let Some(until) = &event.until {
            self.date(&format!("{at}.until"), until);
            if until < &event.date {
                self.fail(
                    format!("{at}.until"),
                    format!("{until} comes before the start {}", event.date),
                );
            }
        }
        self.text(&format!("{at}.title"), &event.title);
        for (field, text) in [("summary", &event.summary), ("place", &event.place)] {
            if let Some(text) = text {
                self.text(&format!("{at}.{field}"), text);
            }
        }
        for (k, person) in event.people.iter().enumerate() {
            self.non_empty(&format!("{at}.people[{k}].name"), &person.name);
            self.text(&format!("{at}.people[{k}].role"), &person.role);
        }
        self.refs(
            &format!("{at}.sectors"),
            &event.sectors,
            &known.sectors,
            "sector",
        );
        self.sources(&format!("{at}.sources"), &event.sources, &known.sources);
    }

    fn done(self) -> Vec<Problem> {
        self.problems
    }
}

/// Ids of the records that references may point to.
struct Known<'a> {
    countries: HashSet<&'a str>,
    sectors: HashSet<&'a str>,
    sources: HashSet<&'a str>,
    partners: HashSet<&'a str>,
    figures: HashSet<&'a str>,
}

fn source_problems(source: &Source, today: NaiveDate) -> Vec<Problem> {
    let mut check = Check::new(RecordKind::Source, &source.id, today);
    if !source.url.starts_with("https://") || source.url.len() <= "https://".len() {
        check.fail("url", format!("\"{}\" is not an https URL", source.url));
    }
    check.non_empty("publisher", &source.publisher);
    check.non_empty("title", &source.title);
    check.date("published", &source.published);
    check.checked(
        "checked",
        &source.checked,
        Some(("published", &source.published)),
    );
    let lang_ok =
        source.language.len() == 2 && source.language.bytes().all(|b| b.is_ascii_lowercase());
    if !lang_ok {
        check.fail(
            "language",
            format!("\"{}\" is not a two-letter language code", source.language),
        );
    }
    check.done()
}

/// `whole`: false for the file the first view reads, whose partners leave out their sources
/// (see `Dataset::details`).
fn partner_problems(
    partner: &Partner,
    known: &Known,
    whole: bool,
    today: NaiveDate,
) -> Vec<Problem> {
    let mut check = Check::new(RecordKind::Partner, &partner.id, today);
    check.text("name", &partner.name);
    check.text("summary", &partner.summary);
    if let Some(note) = &partner.note {
        check.text("note", note);
    }
    match (&partner.country, &partner.country_label) {
        (Some(code), _) if !known.countries.contains(code.as_str()) => {
            check.fail("country", format!("unknown country \"{code}\""));
        }
        (None, None) if partner.level != Level::Network => {
            check.fail(
                "country",
                "a partner without a country code needs a country_label",
            );
        }
        _ => {}
    }
    if let Some(label) = &partner.country_label {
        check.text("country_label", label);
    }
    match (&partner.geo, partner.level) {
        (Some(geo), _) => check.geo("geo", geo),
        (None, Level::City | Level::Province | Level::State) => {
            check.fail("geo", "a city, province or state needs coordinates");
        }
        (None, Level::Network | Level::Institution | Level::Initiative) => {}
    }
    if let Some(since) = &partner.since {
        check.date("since", since);
    }
    check.checked(
        "checked",
        &partner.checked,
        partner.since.as_ref().map(|since| ("since", since)),
    );
    check.refs("sectors", &partner.sectors, &known.sectors, "sector");
    check.refs("related", &partner.related, &known.partners, "partner");
    if partner.related.contains(&partner.id) {
        check.fail("related", "a partner cannot be related to itself");
    }
    if whole {
        check.sources("sources", &partner.sources, &known.sources);
    }
    for (i, event) in partner.events.iter().enumerate() {
        check.event(&format!("events[{i}]"), event, known);
    }
    check.conflicts(&partner.conflicts, &known.sources);
    for (i, conflict) in partner.conflicts.iter().enumerate() {
        if conflict.field != "since" {
            continue;
        }
        let shown = conflict
            .claims
            .iter()
            .find(|c| c.shown)
            .and_then(|c| c.date);
        if shown.is_some() && shown != partner.since {
            check.fail(
                format!("conflicts[{i}]"),
                "the shown claim's date differs from the partner's `since`",
            );
        }
    }
    check.done()
}

fn figure_problems(figure: &Figure, known: &Known, today: NaiveDate) -> Vec<Problem> {
    let mut check = Check::new(RecordKind::Figure, &figure.id, today);
    if !figure.value.is_finite() {
        check.fail("value", "is not a finite number");
    }
    check.text("label", &figure.label);
    check.date("date", &figure.date);
    check.checked("checked", &figure.checked, Some(("date", &figure.date)));
    if let Some(note) = &figure.note {
        check.text("note", note);
    }
    check.refs("partners", &figure.partners, &known.partners, "partner");
    check.sources("sources", &figure.sources, &known.sources);
    check.conflicts(&figure.conflicts, &known.sources);
    check.done()
}

/// The problems of one entry of the change log; `record` names it (`#n`).
fn change_problems(change: &Change, record: &str, known: &Known, today: NaiveDate) -> Vec<Problem> {
    let mut check = Check::new(RecordKind::Change, record, today);
    check.date("date", &change.date);
    if !known.partners.contains(change.record.as_str())
        && !known.figures.contains(change.record.as_str())
    {
        check.fail(
            "record",
            format!("unknown partner or figure \"{}\"", change.record),
        );
    }
    check.text("text", &change.text);
    check.sources("sources", &change.sources, &known.sources);
    check.done()
}

/// Dates that tie the records to the file: no record is checked after the file,
/// the file is checked no earlier than its newest change, and the change log runs
/// newest first. These are reported without leaving anything out.
fn file_date_problems(data: &Dataset, file_records: &FileRecords) -> Vec<Problem> {
    let mut problems = Vec::new();
    let file = data.checked;
    let records = data
        .sources
        .iter()
        .map(|s| ("source", s.id.as_str(), s.checked))
        .chain(
            data.partners
                .iter()
                .map(|p| ("partner", p.id.as_str(), p.checked)),
        )
        .chain(
            data.figures
                .iter()
                .map(|f| ("figure", f.id.as_str(), f.checked)),
        );
    for (kind, id, checked) in records {
        if checked.first_day() > file.first_day() {
            problems.push(Problem::new(
                RecordKind::File,
                "partners.json",
                "checked",
                format!(
                    "{file} is before {kind} \"{id}\" was checked ({checked}); the file's date is the newest check"
                ),
            ));
        }
    }
    if let Some(newest) = data.changes.iter().map(|c| c.date).max() {
        if newest.first_day() > file.first_day() {
            problems.push(Problem::new(
                RecordKind::File,
                "partners.json",
                "checked",
                format!(
                    "{file} is before the newest change ({newest}); set it to {newest} or later"
                ),
            ));
        }
    }
    for (i, pair) in data.changes.windows(2).enumerate() {
        if pair[1].date > pair[0].date {
            problems.push(Problem::new(
                RecordKind::Change,
                file_records.place(RecordKind::Change, i + 1),
                "date",
                format!(
                    "the change log runs newest first, but {} comes after {}",
                    pair[1].date, pair[0].date
                ),
            ));
        }
    }
    problems
}

/// Leaves out records whose id is blank, not kebab-case (where required) or repeats an
/// earlier record's id, reporting each; a record without an id is named by its place in the
/// file. Returns the ids of the records it left out.
fn keep_good_ids<T>(
    kind: RecordKind,
    records: &mut Vec<T>,
    id: impl Fn(&T) -> &str,
    kebab: bool,
    file_records: &FileRecords,
    problems: &mut Vec<Problem>,
) -> Vec<String> {
    let mut seen = HashSet::default();
    let mut cut = Vec::new();
    let mut index = 0;
    records.retain(|record| {
        let id = id(record);
        let place = index;
        index += 1;
        if id.trim().is_empty() {
            problems.push(Problem::new(
                kind,
                file_records.place(kind, place),
                "id",
                "the record has no id",
            ));
            return false;
        }
        if kebab && !is_kebab_id(id) {
            problems.push(Problem::new(
                kind,
                id,
                "id",
                "ids are kebab-case: lowercase letters, digits and single hyphens",
            ));
            cut.push(id.to_owned());
            return false;
        }
        if !seen.insert(id.to_owned()) {
            problems.push(Problem::new(
                kind,
                id,
                "id",
                "this id is used by an earlier record",
            ));
            return false;
        }
        true
    });
    cut
}

/// Keeps the records that `check` finds no problem with, and adds the problems of the others.
fn retain_checked<T>(
    records: &mut Vec<T>,
    problems: &mut Vec<Problem>,
    check: impl Fn(&T) -> Vec<Problem>,
) {
    records.retain(|record| {
        let found = check(record);
        let ok = found.is_empty();
        problems.extend(found);
        ok
    });
}

fn country_problems(code: &str, name: &Text, today: NaiveDate) -> Vec<Problem> {
    let mut check = Check::new(RecordKind::Country, code, today);
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        check.fail("code", "an ISO 3166-1 alpha-2 code is two capital letters");
    }
    check.text("name", name);
    check.done()
}

/// Checks every rule and returns the dataset without the records that break one,
/// together with every problem found. The dataset comes back indexed by id.
pub fn keep_valid(data: Dataset, today: NaiveDate) -> (Dataset, Vec<Problem>) {
    keep_valid_in_file(data, today, &FileRecords::default())
}

/// [`keep_valid`] for a dataset read from a file in which some records could not be read:
/// `file_records` says where each record that was read stands, and which ids the unread ones
/// had.
pub fn keep_valid_in_file(
    mut data: Dataset,
    today: NaiveDate,
    file_records: &FileRecords,
) -> (Dataset, Vec<Problem>) {
    let mut problems = Vec::new();
    // The file the first view reads leaves out what each partner cites, and the sources only
    // that cites: it has nothing to check there, and its sources are not unused.
    let whole = data.details.is_none();

    let mut file = Check::new(RecordKind::File, "partners.json", today);
    file.checked("checked", &data.checked, None);
    file.text("home.name", &data.home.name);
    file.geo("home.geo", &data.home.geo);
    for (i, credit) in data.credits.iter().enumerate() {
        file.text(&format!("credits[{i}]"), credit);
    }
    problems.extend(file.done());

    keep_good_ids(
        RecordKind::Country,
        &mut data.countries,
        |c| &c.code,
        false,
        file_records,
        &mut problems,
    );
    retain_checked(&mut data.countries, &mut problems, |c| {
        country_problems(&c.code, &c.name, today)
    });
    keep_good_ids(
        RecordKind::Sector,
        &mut data.sectors,
        |s| &s.id,
        true,
        file_records,
        &mut problems,
    );
    retain_checked(&mut data.sectors, &mut problems, |s| {
        let mut check = Check::new(RecordKind::Sector, &s.id, today);
        check.text("label", &s.label);
        if let Some(short) = &s.short {
            check.text("short", short);
        }
        check.done()
    });
    keep_good_ids(
        RecordKind::Source,
        &mut data.sources,
        |s| &s.id,
        true,
        file_records,
        &mut problems,
    );
    retain_checked(&mut data.sources, &mut problems, |s| {
        source_problems(s, today)
    });
    let cut_partners = keep_good_ids(
        RecordKind::Partner,
        &mut data.partners,
        |p| &p.id,
        true,
        file_records,
        &mut problems,
    );
    let cut_figures = keep_good_ids(
        RecordKind::Figure,
        &mut data.figures,
        |f| &f.id,
        true,
        file_records,
        &mut problems,
    );

    // Partners, figures and changes refer to each other's ids, so all are judged against the
    // records the file holds: those that are cut here for their own problems, and those that
    // could not even be read, still count as there. One broken partner then never takes down
    // the records that point at it (the UI skips a reference to a record it does not have).
    let known_countries: HashSet<&str> = data.countries.iter().map(|c| c.code.as_str()).collect();
    if !known_countries.contains(data.home.country.as_str()) {
        problems.push(Problem::new(
            RecordKind::File,
            "partners.json",
            "home.country",
            format!("unknown country \"{}\"", data.home.country),
        ));
    }
    #[allow(clippy::type_complexity)]
    let (partner_ok, figure_ok, change_ok, unused): (
        Vec<bool>,
        Vec<bool>,
        Vec<bool>,
        Vec<Problem>,
    ) = {
        let known = Known {
            countries: known_countries,
            sectors: data.sectors.iter().map(|s| s.id.as_str()).collect(),
            sources: data.sources.iter().map(|s| s.id.as_str()).collect(),
            partners: data
                .partners
                .iter()
                .map(|p| p.id.as_str())
                .chain(cut_partners.iter().map(String::as_str))
                .chain(file_records.unread(RecordKind::Partner))
                .collect(),
            figures: data
                .figures
                .iter()
                .map(|f| f.id.as_str())
                .chain(cut_figures.iter().map(String::as_str))
                .chain(file_records.unread(RecordKind::Figure))
                .collect(),
        };
        let mut judge = |found: Vec<Problem>| {
            let ok = found.is_empty();
            problems.extend(found);
            ok
        };
        let partner_ok = data
            .partners
            .iter()
            .map(|p| judge(partner_problems(p, &known, whole, today)))
            .collect();
        let figure_ok = data
            .figures
            .iter()
            .map(|f| judge(figure_problems(f, &known, today)))
            .collect();
        let change_ok = data
            .changes
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let place = file_records.place(RecordKind::Change, i);
                judge(change_problems(c, &place, &known, today))
            })
            .collect();
        problems.extend(file_date_problems(&data, file_records));

        let used = used_sources(&data);
        let unused = data
            .sources
            .iter()
            .filter(|s| whole && !used.contains(s.id.as_str()))
            .map(|s| {
                Problem::new(
                    RecordKind::Source,
                    &s.id,
                    "id",
                    "no partner, event, figure, claim or change cites this source",
                )
            })
            .collect();
        (partner_ok, figure_ok, change_ok, unused)
    };
    problems.extend(unused);
    let mut keep = partner_ok.into_iter();
    data.partners.retain(|_| keep.next().unwrap_or(false));
    let mut keep = figure_ok.into_iter();
    data.figures.retain(|_| keep.next().unwrap_or(false));
    let mut keep = change_ok.into_iter();
    data.changes.retain(|_| keep.next().unwrap_or(false));
    data.reindex();
    (data, problems)
}

/// Every source id cited anywhere in the dataset.
fn used_sources(data: &Dataset) -> HashSet<&str> {
    let mut used: HashSet<&str> = HashSet::default();
    for p in &data.partners {
        used.extend(p.cited_sources());
    }
    for f in &data.figures {
        used.extend(f.sources.iter().map(String::as_str));
        used.extend(claim_sources(&f.conflicts).map(String::as_str));
    }
    for c in &data.changes {
        used.extend(c.sources.iter().map(String::as_str));
    }
    used
}
