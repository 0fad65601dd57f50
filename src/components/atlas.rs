use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{
    Credits, Figures, FilterBar, PartnerDetail, PartnerList, ViewSwitch, WhatChanged, WorldMap,
};
use crate::i18n::Key;
use crate::model::Vocabulary;
use crate::state::{t, use_app, Catalog, DataContext};
use crate::url_state::View;

/// The atlas page: the filters over one visible set that the map, the list, the count and
/// the detail all read. Provides the dataset to everything inside it.
#[component]
pub fn Atlas(
    /// The loaded dataset.
    catalog: Arc<Catalog>,
    /// The parts of the opening link that were not understood (said once, for that link:
    /// later URLs are the app's own).
    #[prop(optional)]
    ignored: Vec<String>,
) -> impl IntoView {
    let state = use_app();
    state.attach(catalog.clone());
    provide_context(DataContext(catalog));
    let open = state.open();
    let view_id = move || state.view().get().id();
    view! {
        {(!ignored.is_empty())
            .then(|| {
                view! {
                    // One `code` per piece: a piece may itself hold ", ", and a reader (or a
                    // test) can tell where each one ends.
                    <p class="link-notice" role="status">
                        {t(Key::LinkIgnored)}
                        " "
                        {ignored
                            .iter()
                            .enumerate()
                            .map(|(i, piece)| {
                                view! {
                                    {(i > 0).then_some(", ")}
                                    <code>{piece.clone()}</code>
                                }
                            })
                            .collect_view()}
                    </p>
                }
            })}
        <FilterBar />
        <ViewSwitch views=&[View::Map, View::List] />
        <div class="atlas" data-view=view_id>
            <WorldMap />
            <PartnerList />
        </div>
        {move || open.get().map(|id| view! { <PartnerDetail id=id /> })}
        <Figures />
        <WhatChanged />
        <Credits />
    }
}
