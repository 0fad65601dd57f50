//! A labelled `<select>` over a vocabulary (relation, status, region, sort order).

use leptos::prelude::*;

use crate::i18n::{Key, Label};
use crate::model::Vocabulary;
use crate::state::{t, use_lang};

/// One option: the value's id and its label in both languages.
pub type Choice = (&'static str, (&'static str, &'static str));

/// The options of a vocabulary, in its order.
pub fn choices<T: Vocabulary + Label>() -> Vec<Choice> {
    T::ALL.iter().map(|v| (v.id(), v.label_pair())).collect()
}

/// A labelled `<select>`. Not generic, so its view code is in the binary once however
/// many vocabularies use it; callers convert ids with `Vocabulary::parse`.
#[component]
pub fn ChoiceSelect(
    /// The element id (for the label).
    id: &'static str,
    /// The label's text.
    label: Key,
    /// The options, in display order.
    choices: Vec<Choice>,
    /// The id chosen now; `None` selects the "All" option (or the first, without one).
    #[prop(into)]
    selected: Signal<Option<&'static str>>,
    /// Offer an "All" option with the empty value first.
    #[prop(optional)]
    with_all: bool,
    /// Called with the chosen id ("" for All).
    on_change: Callback<String>,
    /// Extra class for the label.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <label class=format!("select {class}") for=id>
            <span class="label">{t(label)}</span>
            <select id=id on:change=move |ev| on_change.run(event_target_value(&ev))>
                {with_all
                    .then(|| {
                        view! {
                            <option value="" selected=move || selected.get().is_none()>
                                {t(Key::All)}
                            </option>
                        }
                    })}
                {choices
                    .into_iter()
                    .map(|(value, pair)| {
                        view! {
                            <option value=value selected=move || selected.get() == Some(value)>
                                {move || lang.get().choose(pair)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
