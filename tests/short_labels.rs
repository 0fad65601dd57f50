//! Sector chips (`Sector::short`): every shipped sector has a short label that fits a chip on
//! one line, in both languages, and the chip falls back to the full label without one.

mod common;

use jakarta_sister_cities::model::Sector;

#[test]
fn every_sector_has_a_short_label_for_its_chip_in_both_languages() {
    let data = common::shipped();
    for sector in &data.sectors {
        let short = sector
            .short
            .as_ref()
            .unwrap_or_else(|| panic!("{} has no short label", sector.id));
        for text in [&short.id, &short.en] {
            // About the width of a chip that does not wrap on a 320 px phone.
            assert!(
                text.chars().count() <= 22,
                "{}: \"{text}\" is too long for a chip",
                sector.id
            );
        }
        assert_eq!(sector.short_label(), short);
    }
}

#[test]
fn a_sector_without_a_short_label_shows_its_full_label() {
    let data = common::shipped();
    let mut sector: Sector = data.sectors[0].clone();
    sector.short = None;
    assert_eq!(sector.short_label(), &sector.label);
}
