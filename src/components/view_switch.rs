use leptos::prelude::*;

use crate::components::is_plain_click;
use crate::i18n::{Key, Label};
use crate::state::{t, use_app, use_lang};
use crate::url_state::View;

/// The ways of looking at the partners, as links to the same state in another view: they
/// can be opened in a new tab or copied, and the current one says so (`aria-current`).
#[component]
pub fn ViewSwitch(
    /// The views to offer, in order.
    views: &'static [View],
) -> impl IntoView {
    let state = use_app();
    let lang = use_lang();
    let current = state.view();
    view! {
        <nav class="view-switch" aria-label=t(Key::ViewSwitch)>
            {views
                .iter()
                .map(|&view| {
                    view! {
                        <a
                            class="view-option"
                            href=move || state.view_href(view)
                            aria-current=move || (current.get() == view).then_some("page")
                            on:click=move |ev| {
                                if is_plain_click(&ev) {
                                    ev.prevent_default();
                                    state.set_view(view);
                                }
                            }
                        >
                            {move || view.label(lang.get())}
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}
