//! One file per UI unit. Components read signals and call the pure modules.

pub mod atlas;
pub mod conflict_list;
pub mod credits;
pub mod data_notice;
pub mod error_panel;
pub mod figures;
pub mod filter_bar;
pub mod language_switch;
pub mod partner_card;
pub mod partner_detail;
pub mod partner_list;
pub mod world_map;

pub use atlas::Atlas;
pub use conflict_list::{citations, ConflictList};
pub use credits::Credits;
pub use data_notice::DataNotice;
pub use error_panel::ErrorPanel;
pub use figures::Figures;
pub use filter_bar::FilterBar;
pub use language_switch::LanguageSwitch;
pub use partner_card::PartnerCard;
pub use partner_detail::PartnerDetail;
pub use partner_list::PartnerList;
pub use world_map::WorldMap;

use leptos::prelude::*;

use crate::{use_app, Nav};

/// The URL of the current view with a partner's details open.
pub fn partner_href(id: String) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let state = use_app();
    move || {
        let mut q = state.query.get();
        q.partner = Some(id.clone());
        q.to_search()
    }
}

/// A link that opens a partner's details: a real `href` (middle-click, copy) whose
/// plain click is handled in place and pushed onto the history.
pub fn partner_link(id: String, text: Signal<String>) -> impl IntoView {
    let state = use_app();
    let href = partner_href(id.clone());
    view! {
        <a
            href=href
            class="partner-link"
            on:click=move |ev: leptos::ev::MouseEvent| {
                if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                    return;
                }
                ev.prevent_default();
                let id = id.clone();
                state.update(Nav::Push, move |q| q.partner = Some(id));
            }
        >
            {text}
        </a>
    }
}
