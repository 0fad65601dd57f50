use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{Credits, Figures, FilterBar, PartnerDetail, PartnerList, WorldMap};
use crate::i18n::Key;
use crate::model::Dataset;
use crate::url_state::{self, Query, View};
use crate::{browser, filter};
use crate::{use_app, use_lang, Nav};

/// The atlas page: filters over one filtered set that the map, the list, the count and
/// the detail view all read.
#[component]
pub fn Atlas(
    /// The loaded dataset.
    data: Arc<Dataset>,
) -> impl IntoView {
    let state = use_app();
    let lang = use_lang();
    // Ids the dataset doesn't know (a stale or mistyped permalink) are ignored, not fatal.
    let query = Memo::new({
        let data = data.clone();
        move |_| {
            let mut q = state.query.get();
            q.retain_known(&data);
            q
        }
    });
    let filtered = Memo::new({
        let data = data.clone();
        move |_| query.with(|q| filter::apply(&data, q, lang.get()))
    });
    let selected = Memo::new(move |_| query.with(|q| q.partner.clone()));
    // Said once, for the link that opened the page: later URLs are the app's own.
    let ignored = url_state::ignored_params(&browser::current_search(), &data);

    // The tab title and the description a shared link previews follow the language and the partner.
    Effect::new({
        let data = data.clone();
        move |_| {
            let lang = lang.get();
            let partner =
                selected.with(|id| id.as_deref().and_then(|id| data.partner(id)).cloned());
            let (title, description) = match partner {
                Some(p) => (
                    format!("{} · {}", lang.pick(&p.name), Key::AppTitle.get(lang)),
                    lang.pick(&p.summary).to_owned(),
                ),
                None => (
                    Key::AppTitle.get(lang).to_owned(),
                    Key::AppTagline.get(lang).to_owned(),
                ),
            };
            browser::set_document_meta(lang.tag(), &title, &description);
        }
    });
    let view_mode = move || query.with(|q| q.view);
    let view_button = move |target: View, key: Key| {
        view! {
            <button
                type="button"
                class="view-option"
                aria-pressed=move || (view_mode().unwrap_or(View::Map) == target).to_string()
                on:click=move |_| state.update(Nav::Push, |q: &mut Query| q.view = Some(target))
            >
                {move || key.get(lang.get())}
            </button>
        }
    };

    view! {
        {(!ignored.is_empty()).then(|| {
            let list = ignored.join(", ");
            view! {
                <p class="link-notice" role="status">
                    {move || Key::LinkIgnored.get(lang.get())} " " <code>{list}</code>
                </p>
            }
        })}
        <FilterBar data=data.clone() query=query filtered=filtered />
        <div class="view-switch" role="group" aria-label=move || Key::ViewSwitch.get(lang.get())>
            {view_button(View::Map, Key::ViewMap)}
            {view_button(View::List, Key::ViewList)}
        </div>
        <div class="atlas" data-view=move || view_mode().map(View::id).unwrap_or("map")>
            <WorldMap data=data.clone() filtered=filtered />
            <PartnerList data=data.clone() filtered=filtered />
        </div>
        {
            let data = data.clone();
            move || selected.get().map(|id| view! { <PartnerDetail data=data.clone() id=id /> })
        }
        <Figures data=data.clone() />
        <Credits data=data />
    }
}
