//! `num`: numbers written without core's float formatting, compared with it. Native: in the
//! WebAssembly `shortest` is the browser's (tests/browser.rs).
#![cfg(not(target_arch = "wasm32"))]

use jakarta_sister_cities::num::{shortest, Fixed};
use proptest::prelude::*;

#[test]
fn writes_fixed_decimals() {
    assert_eq!(Fixed(12.34, 1).to_string(), "12.3");
    assert_eq!(Fixed(12.35001, 1).to_string(), "12.4");
    assert_eq!(Fixed(7.0, 1).to_string(), "7.0");
    assert_eq!(Fixed(-0.96, 1).to_string(), "-1.0");
    assert_eq!(Fixed(-0.04, 1).to_string(), "0.0");
    assert_eq!(Fixed(0.0005, 3).to_string(), "0.001");
    assert_eq!(Fixed(1.5, 4).to_string(), "1.5000");
    assert_eq!(Fixed(2.6, 0).to_string(), "3");
    assert_eq!(Fixed(f64::NAN, 1).to_string(), "0");
    assert_eq!(Fixed(f64::INFINITY, 1).to_string(), "0");
}

#[test]
fn writes_the_shortest_text() {
    assert_eq!(shortest(23.0), "23");
    assert_eq!(shortest(-6.2146), "-6.2146");
    assert_eq!(shortest(0.1), "0.1");
}

proptest! {
    /// Away from ties (the last kept digit not within float error of half a unit), the
    /// same text as core's `{:.N}`, whose rounding is exact.
    #[test]
    fn agrees_with_core_away_from_ties(x in -1e9f64..1e9, decimals in 0u8..5) {
        let scaled = x.abs() * 10f64.powi(i32::from(decimals));
        let off_tie = (scaled.fract() - 0.5).abs() > 1e-6;
        let rounds_to_zero = scaled < 0.5;
        prop_assume!(off_tie && !rounds_to_zero);
        let core = format!("{:.*}", usize::from(decimals), x);
        prop_assert_eq!(Fixed(x, decimals).to_string(), core);
    }
}
