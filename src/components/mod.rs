//! One file per UI unit. Components read signals and call the pure modules.

pub mod data_notice;
pub mod error_panel;
pub mod partner_card;
pub mod partner_list;

pub use data_notice::DataNotice;
pub use error_panel::ErrorPanel;
pub use partner_card::PartnerCard;
pub use partner_list::PartnerList;
