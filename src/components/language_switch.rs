use leptos::prelude::*;

use crate::i18n::{Key, Lang};
use crate::{use_app, use_lang, Nav};

/// Switches the interface between Bahasa Indonesia and English in place, recording
/// the choice in the URL so a shared link opens in the same language.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let state = use_app();
    let lang = use_lang();
    let option = move |target: Lang, text: &'static str, name: &'static str| {
        view! {
            <button
                type="button"
                class="lang-option"
                lang=target.tag()
                aria-pressed=move || (lang.get() == target).to_string()
                on:click=move |_| state.update(Nav::Replace, |q| q.lang = Some(target))
            >
                // The visible code is part of the name, as speech input users say what they see.
                {text}
                <span class="visually-hidden">" – " {name}</span>
            </button>
        }
    };
    view! {
        <div class="language-switch" role="group" aria-label=move || Key::LanguageLabel.get(lang.get())>
            {option(Lang::Id, "ID", "Bahasa Indonesia")}
            {option(Lang::En, "EN", "English")}
        </div>
    }
}
