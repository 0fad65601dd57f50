//! One file per UI unit. Components read the shared state (`crate::state`) and call its
//! intents and the pure modules; none assembles state of its own.

pub mod atlas;
pub mod choice_select;
pub mod citations;
pub mod conflict_list;
pub mod credits;
pub mod data_notice;
pub mod error_panel;
pub mod figures;
pub mod filter_bar;
pub mod language_switch;
pub mod partner_card;
pub mod partner_detail;
pub mod partner_facts;
pub mod partner_link;
pub mod partner_list;
pub mod view_switch;
pub mod what_changed;
pub mod world_map;

pub use atlas::Atlas;
pub use choice_select::{choices, ChoiceSelect};
pub use citations::Citations;
pub use conflict_list::ConflictList;
pub use credits::Credits;
pub use data_notice::DataNotice;
pub use error_panel::ErrorPanel;
pub use figures::Figures;
pub use filter_bar::FilterBar;
pub use language_switch::LanguageSwitch;
pub use partner_card::PartnerCard;
pub use partner_detail::PartnerDetail;
pub use partner_facts::partner_facts;
pub use partner_link::{follow_partner_link, is_plain_click, PartnerLink};
pub use partner_list::PartnerList;
pub use view_switch::ViewSwitch;
pub use what_changed::WhatChanged;
pub use world_map::WorldMap;
