//! The one link that opens a partner: used by cards, the detail's related partners and the
//! map's markers, so that every one of them behaves the same way.

use leptos::ev::MouseEvent;
use leptos::prelude::*;

use crate::model::PartnerId;
use crate::state::{use_app, AppState};

/// True for a click that should open the detail in place: the primary button with no
/// modifier. Ctrl, Cmd and Shift clicks (and the middle button) are left to the browser,
/// which opens the link's `href` in a new tab or window.
pub fn is_plain_click(ev: &MouseEvent) -> bool {
    ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
}

/// Handles a click on any link to a partner: a plain click opens the detail in place (a new
/// history entry), anything else keeps the browser's own behaviour.
pub fn follow_partner_link(state: AppState, ev: &MouseEvent, id: PartnerId) {
    if is_plain_click(ev) {
        ev.prevent_default();
        state.open_partner(id);
    }
}

/// A link that opens a partner's details: a real `href` (middle-click, copy, share) whose
/// plain click is handled in place.
#[component]
pub fn PartnerLink(
    /// The partner to open.
    id: PartnerId,
    /// The link's text.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    let state = use_app();
    let href = {
        let id = id.clone();
        move || state.partner_href(&id)
    };
    view! {
        <a
            href=href
            class="partner-link"
            on:click=move |ev| follow_partner_link(state, &ev, id.clone())
        >
            {text}
        </a>
    }
}
