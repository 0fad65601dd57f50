//! Jakarta Sister Cities Atlas: the data layer.
//!
//! Pure modules with no DOM, tested natively.

pub mod data;
pub mod i18n;
pub mod model;
pub mod time;
pub mod validate;
