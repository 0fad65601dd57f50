use leptos::prelude::*;

use crate::i18n::{Key, Lang};
use crate::state::{t, use_app};

/// Switches the interface between Bahasa Indonesia and English: links to the same page in
/// the other language (so they can be opened in a new tab or copied), followed in place on
/// a plain click, replacing the history entry since the content stays the same.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let state = use_app();
    let option = move |target: Lang, text: &'static str, name: &'static str| {
        view! {
            <a
                class="lang-option"
                hreflang=target.tag()
                lang=target.tag()
                href=move || state.lang_href(target)
                aria-current=move || (state.lang().get() == target).then_some("true")
                on:click=move |ev| {
                    if crate::components::is_plain_click(&ev) {
                        ev.prevent_default();
                        state.set_lang(target);
                    }
                }
            >
                // The visible code is part of the name, as speech input users say what they see.
                {text}
                <span class="visually-hidden">" – " {name}</span>
            </a>
        }
    };
    view! {
        <div class="language-switch" role="group" aria-label=t(Key::LanguageLabel)>
            {option(Lang::Id, "ID", "Bahasa Indonesia")}
            {option(Lang::En, "EN", "English")}
        </div>
    }
}
