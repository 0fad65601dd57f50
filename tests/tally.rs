//! The figures view's numbers (`tally`): live counts of the partners shown, and the official
//! count of sister cities set beside the atlas's own records.

mod common;

use std::sync::Arc;

use jakarta_sister_cities::model::{Dataset, PartnerId, Relation, Status};
use jakarta_sister_cities::tally::{official_count, reconcile, tally};

fn all_ids(data: &Dataset) -> Vec<PartnerId> {
    data.partners.iter().map(|p| p.id.clone()).collect()
}

fn ids(list: &[&str]) -> Vec<PartnerId> {
    list.iter().map(|&id| PartnerId::from(id)).collect()
}

#[test]
fn every_partner_shown_counts_once_by_relation_status_and_region() {
    let data = common::shipped();
    let t = tally(&data, &all_ids(&data));
    assert_eq!(t.total, data.partners.len());
    for (what, sum) in [
        (
            "relations",
            t.relations.iter().map(|(_, n)| n).sum::<usize>(),
        ),
        ("statuses", t.statuses.iter().map(|(_, n)| n).sum()),
        ("regions", t.regions.iter().map(|(_, n)| n).sum()),
    ] {
        assert_eq!(sum, t.total, "{what}");
    }
    for (relation, n) in &t.relations {
        let expected = data
            .partners
            .iter()
            .filter(|p| p.relation == *relation)
            .count();
        assert_eq!(*n, expected, "{relation:?}");
    }
    let active = t.statuses.iter().find(|(s, _)| *s == Status::Active);
    assert_eq!(
        active.map(|(_, n)| *n),
        Some(
            data.partners
                .iter()
                .filter(|p| p.status == Status::Active)
                .count()
        )
    );
    // Networks and others without a country are counted, not lost.
    let no_region = t.regions.iter().find(|(r, _)| r.is_none()).map(|(_, n)| *n);
    assert_eq!(
        no_region,
        Some(
            data.partners
                .iter()
                .filter(|p| data.region_of(p).is_none())
                .count()
        )
    );
}

#[test]
fn a_partner_counts_in_each_of_its_sectors_and_the_biggest_come_first() {
    let data = common::shipped();
    let t = tally(&data, &all_ids(&data));
    assert_eq!(t.sectors.len(), data.sectors.len());
    for (sector, n) in &t.sectors {
        let expected = data
            .partners
            .iter()
            .filter(|p| p.sectors.contains(sector))
            .count();
        assert_eq!(*n, expected, "{sector}");
    }
    let counts: Vec<usize> = t.sectors.iter().map(|(_, n)| *n).collect();
    let mut sorted = counts.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(counts, sorted);
    assert_eq!(
        t.no_sector,
        data.partners
            .iter()
            .filter(|p| p.sectors.is_empty())
            .count()
    );
}

#[test]
fn the_counts_follow_the_filters() {
    let data = common::shipped();
    let t = tally(&data, &ids(&["tokyo", "c40", "atlantis"]));
    assert_eq!(t.total, 2, "unknown ids are skipped");
    let by = |r: Relation| t.relations.iter().find(|(x, _)| *x == r).map(|(_, n)| *n);
    assert_eq!(by(Relation::SisterCity), Some(1));
    assert_eq!(by(Relation::NetworkMembership), Some(1));
    assert_eq!(by(Relation::Memorandum), Some(0), "zeros are listed too");
    let empty = tally(&data, &[]);
    assert_eq!(empty.total, 0);
    assert!(empty.sectors.iter().all(|(_, n)| *n == 0));
}

#[test]
fn the_official_count_of_2024_matches_the_atlas_sister_cities_and_provinces() {
    let data = common::shipped();
    let figure = official_count(&data).expect("a sister-city count");
    assert_eq!(figure.id, "sister-cities-2024", "the newest count");
    let r = reconcile(&data, &all_ids(&data)).expect("a reconciliation");
    assert_eq!(r.official, 23.0);
    assert_eq!((r.cities, r.provinces), (20, 3));
    assert_eq!(r.listed, 23);
    assert!(r.only_listed.is_empty(), "{:?}", r.only_listed);
    assert!(r.only_atlas.is_empty(), "{:?}", r.only_atlas);
    assert_eq!(r.shown, 23);
    // The filters change how many are shown, not the counts.
    let narrowed = reconcile(&data, &ids(&["tokyo", "c40"])).expect("a reconciliation");
    assert_eq!((narrowed.cities, narrowed.shown), (20, 1));
}

#[test]
fn a_partner_in_one_count_only_is_named() {
    let mut data = common::shipped();
    // Jeju recorded as a memorandum, and a new sister city the official list does not name.
    let mut jeju = data
        .partner("jeju")
        .map(|p| (**p).clone())
        .expect("Jeju is shipped");
    jeju.relation = Relation::Memorandum;
    let mut extra = jeju.clone();
    extra.id = PartnerId::from("nowhere");
    extra.relation = Relation::SisterCity;
    data.partners.retain(|p| p.id != "jeju");
    data.partners.push(Arc::new(jeju));
    data.partners.push(Arc::new(extra));
    data.reindex();
    let r = reconcile(&data, &all_ids(&data)).expect("a reconciliation");
    assert_eq!(r.only_listed, ids(&["jeju"]));
    assert_eq!(r.only_atlas, ids(&["nowhere"]));
    assert_eq!(r.cities + r.provinces, 23);

    // Without the 2024 figure the next newest count is used; without any, there is none.
    data.figures.retain(|f| f.id != "sister-cities-2024");
    data.reindex();
    assert_eq!(
        official_count(&data).map(|f| f.id.as_str()),
        Some("sister-cities-2019")
    );
    data.figures.retain(|f| !f.id.starts_with("sister-cities-"));
    assert!(reconcile(&data, &all_ids(&data)).is_none());
}
