//! One file per UI unit. Components read the shared state (`crate::state`) and call its
//! intents and the pure modules; none assembles state of its own.

/// A part of the app that the first visit does without: with the `split` feature (the app's
/// builds), its code goes into a WebAssembly file of its own, fetched the first time it is
/// called (Leptos's `wasm_split`, split out by scripts/split-wasm); elsewhere (tests, the
/// pre-renderer) it is an ordinary function. Either way it is `async` and answers `Err` when
/// its file cannot be loaded, which the caller says in words: the app keeps working, and the
/// next call tries again. `$ready` loads the file without calling the function, so that the
/// take-over can wait for the parts the address opens with (`lazy_ready`).
macro_rules! lazy_part {
    ($(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty, ready $ready:ident $body:block) => {
        $(#[$meta])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split(
            $name,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload(#[allow(dead_code)] $ready)
        )]
        $vis fn $name($($arg: $ty),*) -> Result<$out, leptos::wasm_split::SplitLoaderError> {
            Ok($body)
        }

        $(#[$meta])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> Result<$out, leptos::wasm_split::SplitLoaderError> {
            Ok($body)
        }

        #[cfg(not(feature = "split"))]
        #[allow(dead_code)]
        $vis async fn $ready() -> Result<(), leptos::wasm_split::SplitLoaderError> {
            Ok(())
        }
    };
}
pub(crate) use lazy_part;

pub mod atlas;
pub mod choice_select;
pub mod citations;
pub mod cite_this;
pub mod conflict_list;
pub mod credits;
pub mod data_notice;
pub mod error_panel;
pub mod export_buttons;
pub mod figures;
pub mod figures_view;
pub mod filter_bar;
pub mod language_switch;
pub mod partner_card;
pub mod partner_detail;
pub mod partner_facts;
pub mod partner_link;
pub mod partner_list;
pub mod partner_sectors;
pub mod timeline_view;
pub mod view_switch;
pub mod what_changed;
pub mod world_map;

pub use atlas::Atlas;
pub use choice_select::{choices, ChoiceSelect};
pub use citations::Citations;
pub use cite_this::CiteThis;
pub use conflict_list::ConflictList;
pub use credits::Credits;
pub use data_notice::DataNotice;
pub use error_panel::ErrorPanel;
pub use export_buttons::ExportButtons;
pub use figures::Figures;
pub use figures_view::FiguresView;
pub use filter_bar::FilterBar;
pub use language_switch::LanguageSwitch;
pub use partner_card::PartnerCard;
pub use partner_detail::PartnerDetail;
pub use partner_facts::partner_facts;
pub use partner_link::{follow_partner_link, is_plain_click, PartnerLink};
pub use partner_list::PartnerList;
pub use partner_sectors::PartnerSectors;
pub use timeline_view::TimelineView;
pub use view_switch::ViewSwitch;
pub use what_changed::WhatChanged;
pub use world_map::WorldMap;
