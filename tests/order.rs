//! The crate's one sort (`order`) against the standard library's stable sort.
#![cfg(not(target_arch = "wasm32"))]

use jakarta_sister_cities::order;
use proptest::prelude::*;

proptest! {
    /// Same order as `slice::sort_by_key`, ties included (stable): each item carries its
    /// original place, so an unstable result would differ.
    #[test]
    fn sorts_like_the_standard_stable_sort(keys in prop::collection::vec(0u8..8, 0..300)) {
        let items: Vec<(u8, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
        let mut ours = items.clone();
        order::sort_by_key(&mut ours, |&(k, _)| k);
        let mut std = items;
        std.sort_by_key(|&(k, _)| k);
        prop_assert_eq!(ours, std);
    }

    /// Items that own memory (moved by swaps, never copied) come out whole and in order.
    #[test]
    fn moves_owned_items_whole(words in prop::collection::vec("[a-c]{0,3}", 0..100)) {
        let mut ours = words.clone();
        order::sort_by(&mut ours, |a, b| b.len().cmp(&a.len()));
        let mut std = words;
        std.sort_by_key(|w| std::cmp::Reverse(w.len()));
        prop_assert_eq!(ours, std);
    }

    #[test]
    fn sort_dedup_is_sort_then_dedup(values in prop::collection::vec(0u16..50, 0..200)) {
        let mut ours = values.clone();
        order::sort_dedup(&mut ours);
        let mut std = values;
        std.sort();
        std.dedup();
        prop_assert_eq!(ours, std);
    }
}

#[test]
fn a_reversed_list_of_thousands_comes_back_in_order() {
    let mut items: Vec<u32> = (0..5_000).rev().collect();
    order::sort_by(&mut items, Ord::cmp);
    assert!(items.iter().copied().eq(0..5_000));
}
