//! The figures view's numbers: the partners shown counted by relation, status, region and
//! sector, and the official count of sister cities set beside the atlas's own.
//!
//! Pure and tested natively; the view only draws what these return.

use rustc_hash::FxHashSet as HashSet;

use crate::model::{Dataset, Figure, PartnerId, Region, Relation, SectorId, Status, Vocabulary};
use crate::time::PartialDate;

/// The partners shown, counted four ways.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tally {
    /// How many partners are shown.
    pub total: usize,
    /// Every relation, in the vocabulary's order, zeros included: a zero is an answer too.
    pub relations: Vec<(Relation, usize)>,
    pub statuses: Vec<(Status, usize)>,
    /// Every region, then `None` for partners without a country (networks).
    pub regions: Vec<(Option<Region>, usize)>,
    /// Every sector of the dataset, most partners first (ties in the dataset's order). A
    /// partner counts once in each of its sectors, so these add up to more than `total`.
    pub sectors: Vec<(SectorId, usize)>,
    /// Partners shown that name no sector.
    pub no_sector: usize,
}

/// Counts the partners `visible` (ids the dataset does not know are skipped).
pub fn tally(data: &Dataset, visible: &[PartnerId]) -> Tally {
    let mut relations: Vec<(Relation, usize)> = Relation::ALL.iter().map(|&r| (r, 0)).collect();
    let mut statuses: Vec<(Status, usize)> = Status::ALL.iter().map(|&s| (s, 0)).collect();
    let mut regions: Vec<(Option<Region>, usize)> = Region::ALL
        .iter()
        .map(|&r| (Some(r), 0))
        .chain([(None, 0)])
        .collect();
    let mut sectors: Vec<(SectorId, usize)> =
        data.sectors.iter().map(|s| (s.id.clone(), 0)).collect();
    let mut total = 0;
    let mut no_sector = 0;
    for partner in visible.iter().filter_map(|id| data.partner(id)) {
        total += 1;
        bump(&mut relations, &partner.relation);
        bump(&mut statuses, &partner.status);
        bump(&mut regions, &data.region_of(partner));
        if partner.sectors.is_empty() {
            no_sector += 1;
        }
        for sector in &partner.sectors {
            bump(&mut sectors, sector);
        }
    }
    // Stable: equal counts keep the dataset's order.
    crate::order::sort_by_key(&mut sectors, |(_, n)| std::cmp::Reverse(*n));
    Tally {
        total,
        relations,
        statuses,
        regions,
        sectors,
        no_sector,
    }
}

fn bump<K: PartialEq>(counts: &mut [(K, usize)], key: &K) {
    if let Some((_, n)) = counts.iter_mut().find(|(k, _)| k == key) {
        *n += 1;
    }
}

/// The official count of sister cities beside the atlas's records.
#[derive(Debug, Clone, PartialEq)]
pub struct Reconciliation {
    /// The figure's id, value and date.
    pub figure: String,
    pub official: f64,
    pub date: PartialDate,
    /// The atlas's partners with relation sister city, and sister province.
    pub cities: usize,
    pub provinces: usize,
    /// How many partners the figure is taken to mean (its `partners` list).
    pub listed: usize,
    /// Partners in that list that the atlas does not hold as a sister city or province.
    pub only_listed: Vec<PartnerId>,
    /// Sister cities and provinces of the atlas that are not in that list.
    pub only_atlas: Vec<PartnerId>,
    /// Of the atlas's sister cities and provinces, how many the filters show now.
    pub shown: usize,
}

/// The prefix of the ids of figures that count the home city's sister cities.
pub const OFFICIAL_COUNT_PREFIX: &str = "sister-cities-";

/// The newest figure that counts sister cities (by the id convention in `docs/DATA.md`).
pub fn official_count(data: &Dataset) -> Option<&Figure> {
    data.figures
        .iter()
        .filter(|f| f.id.starts_with(OFFICIAL_COUNT_PREFIX))
        .max_by_key(|f| f.date)
}

fn is_sister(relation: Relation) -> bool {
    matches!(relation, Relation::SisterCity | Relation::SisterProvince)
}

/// The newest official count set beside the atlas's own sister cities and provinces; `None`
/// when the dataset holds no such figure.
pub fn reconcile(data: &Dataset, visible: &[PartnerId]) -> Option<Reconciliation> {
    let figure = official_count(data)?;
    let sisters: Vec<&PartnerId> = data
        .partners
        .iter()
        .filter(|p| is_sister(p.relation))
        .map(|p| &p.id)
        .collect();
    let listed: HashSet<&PartnerId> = figure.partners.iter().collect();
    let in_atlas: HashSet<&PartnerId> = sisters.iter().copied().collect();
    let shown: HashSet<&PartnerId> = visible.iter().collect();
    let count = |relation: Relation| {
        data.partners
            .iter()
            .filter(|p| p.relation == relation)
            .count()
    };
    Some(Reconciliation {
        figure: figure.id.clone(),
        official: figure.value,
        date: figure.date,
        cities: count(Relation::SisterCity),
        provinces: count(Relation::SisterProvince),
        listed: listed.len(),
        only_listed: figure
            .partners
            .iter()
            .filter(|id| !in_atlas.contains(id))
            .cloned()
            .collect(),
        only_atlas: sisters
            .iter()
            .filter(|id| !listed.contains(*id))
            .map(|id| (*id).clone())
            .collect(),
        shown: sisters.iter().filter(|id| shown.contains(*id)).count(),
    })
}
