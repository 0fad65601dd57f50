//! One sort for the whole crate.
//!
//! The standard library's stable sort is generic: each element type and comparison gets a
//! copy of it in the WebAssembly, about 4 KB each before optimisation, and the crate had
//! twelve. Here every caller sorts through one non-generic sort of positions, with its
//! comparison behind a `dyn`, so the bundle holds that sort once; the generic part left per
//! caller is a short loop that puts the items in the found order.

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, stably (equal items keep their order), like `slice::sort_by`.
pub fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order = positions(items.len(), &|a, b| cmp(&items[a], &items[b]));
    // Position k takes the item at order[k]: follow each cycle once, marking what is done.
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

const DONE: usize = usize::MAX;

/// Sorts `items` by the key `key` gives each, stably, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` and drops the repeats, like `sort` then `dedup`.
pub fn sort_dedup<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, Ord::cmp);
    items.dedup();
}

/// The positions `0..n` in the order `cmp` puts them, stably: the one copy of the sort.
#[inline(never)]
fn positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}
