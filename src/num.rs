//! Numbers written as text without core's float formatting (Grisu and Dragon4 with their
//! tables, for the shortest and the fixed forms alike: `<f64 as Display>` and `Debug` hold
//! both, so one `{:.1}`, `{}` or `{:?}` of an `f64` anywhere in the WebAssembly brings all of
//! it; without any, the gzip WebAssembly is 8.3 KB smaller, 281,861 -> 273,407 bytes).
//!
//! - [`Fixed`]: a number to a fixed count of decimals (the map's and the chart's coordinates),
//!   by integer arithmetic, the same in the WebAssembly and natively (so the pre-rendered pages
//!   and the app write the same markup);
//! - [`shortest`]: the shortest text that reads back as the same number (the exports), by the
//!   browser's `Number.prototype.toString` in the WebAssembly and the standard library
//!   natively: both write the same digits.

use std::fmt;

/// `Fixed(x, n)`: `x` to `n` decimals (at most 9), as `{:.n}` writes it, except that a value
/// within float error of a tie may round the other way (`0.15` gives `0.2` here, `0.1` in
/// core, which rounds the decimal expansion of the float exactly), a value that rounds to zero
/// has no minus sign, and a value that is not finite is written `0` (none is valid in SVG).
#[derive(Clone, Copy)]
pub struct Fixed(pub f64, pub u8);

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Fixed(x, decimals) = *self;
        let decimals = decimals.min(9);
        if !x.is_finite() {
            return f.write_str("0");
        }
        let scale = 10u64.pow(u32::from(decimals));
        // `as` saturates: a value past 1.8e19 units is written as the largest that fits.
        let units = (x.abs() * scale as f64).round() as u64;
        if x < 0.0 && units != 0 {
            f.write_str("-")?;
        }
        write!(f, "{}", units / scale)?;
        if decimals > 0 {
            write!(
                f,
                ".{:0width$}",
                units % scale,
                width = usize::from(decimals)
            )?;
        }
        Ok(())
    }
}

/// The shortest text that reads back as `x` (`23`, `-6.2146`, `0.1`), as JSON and CSV take
/// it. Within `1e-7 ..= 1e21` the browser and Rust write the same text; outside it the browser
/// writes an exponent (`1e-7`), which JSON and spreadsheets read too. Not finite: `NaN`,
/// `Infinity`, as the browser writes them (Rust: `NaN`, `inf`); the JSON writer never asks.
#[cfg(target_arch = "wasm32")]
pub fn shortest(x: f64) -> String {
    js_sys::Number::from(x)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// The shortest text that reads back as `x` (see the WebAssembly's version).
#[cfg(not(target_arch = "wasm32"))]
pub fn shortest(x: f64) -> String {
    x.to_string()
}
