use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{
    Credits, ExportButtons, Figures, FiguresView, FilterBar, PartnerDetail, PartnerList,
    TimelineView, ViewSwitch, WhatChanged, WorldMap,
};
use crate::data::LoadError;
use crate::i18n::Key;
use crate::model::{PartnerId, Vocabulary};
use crate::state::{t, use_app, use_data, whole, whole_now, Catalog, DataContext};
use crate::url_state::{Query, View};

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
    // Map and list are one page whose CSS shows one or both, so that going from one to the
    // other keeps the map as it was (zoom, pan) rather than making it anew.
    let page = Memo::new(move |_| match state.view().get() {
        View::List => View::Map,
        other => other,
    });
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
        // Beside each other on a desktop: the filters in a column, the view beside them.
        <div class="atlas-layout">
            <FilterBar />
            <div class="atlas-main">
                <div class="atlas-toolbar">
                    <ViewSwitch views=View::ALL />
                    <ExportButtons />
                </div>
                {move || match page.get() {
                    View::Timeline => part(timeline_page, timeline_ready, None, true).into_any(),
                    View::Figures => part(figures_page, figures_ready, None, false).into_any(),
                    View::Map | View::List => {
                        view! {
                            <div class="atlas" data-view=view_id>
                                <WorldMap />
                                <PartnerList />
                            </div>
                        }
                            .into_any()
                    }
                }}
            </div>
        </div>
        {move || {
            open.get()
                .map(|id| part(
                    move || detail_page(id.clone()),
                    detail_ready,
                    Some(Callback::new(move |()| state.close_partner())),
                    true,
                ))
        }}
        // The figures view shows these at its top; the map and the list, below them.
        {move || (page.get() == View::Map).then(|| view! { <Figures /> })}
        <WhatChanged />
        <Credits />
    }
}

lazy_part! {
    /// The timeline view, in a file of its own.
    fn timeline_page() -> AnyView, ready timeline_ready {
        view! { <TimelineView /> }.into_any()
    }
}

lazy_part! {
    /// The figures view, in a file of its own.
    fn figures_page() -> AnyView, ready figures_ready {
        view! { <FiguresView /> }.into_any()
    }
}

lazy_part! {
    /// A partner's detail, in a file of its own.
    fn detail_page(id: PartnerId) -> AnyView, ready detail_ready {
        view! { <PartnerDetail id=id /> }.into_any()
    }
}

/// A part loaded on demand, drawn as soon as its file is in: at once when it already is (the
/// take-over waits for the parts its address shows, see [`lazy_ready`]), else once `ready` has
/// loaded it. A part that reads the `whole` data (the events, notes and sources the first
/// view's file leaves out) also waits for it, and finds it as its dataset. When either cannot
/// be loaded, says so, with a Close button where the part was a panel over the page
/// (`close`); showing the part again tries again.
///
/// Not Leptos's `Suspend`, which costs the module 2.6 KB more: `make`'s future is polled once,
/// where the part is drawn (so that it finds its context), and answers at once when its file
/// is in. One still pending is dropped, and `ready` waits for the load it started (the loader
/// fetches each file once), then the part is drawn again.
fn part<F, R>(
    make: impl Fn() -> F + Send + Sync + 'static,
    ready: impl Fn() -> R + Copy + Send + Sync + 'static,
    close: Option<Callback<()>>,
    whole: bool,
) -> impl IntoView
where
    F: std::future::Future<Output = Result<AnyView, leptos::wasm_split::SplitLoaderError>>,
    R: std::future::Future<Output = Result<(), leptos::wasm_split::SplitLoaderError>> + 'static,
{
    use std::task::{Context, Poll, Waker};
    let (state, data) = (use_app(), use_data());
    // Whether the file (and the whole data) came, once `ready` has answered.
    let loaded = RwSignal::new(None::<bool>);
    let wait = move || {
        // Beside the part's file, not after it.
        let data = whole.then(|| state.whole_data());
        wait_for(Box::pin(async move { ready().await.is_ok() }), data, loaded);
    };
    move || {
        let drawn = match loaded.get() {
            Some(false) => None,
            _ => {
                let dataset = match whole {
                    true => whole_now(&data),
                    false => Some(data.clone()),
                };
                let Some(dataset) = dataset else {
                    wait();
                    return ().into_any();
                };
                // The dataset the part reads, for it alone: this closure's owner is its own
                // (a render effect's), and the part's components read the context as they
                // are made, here.
                provide_context(DataContext(dataset));
                match std::pin::pin!(make()).poll(&mut Context::from_waker(Waker::noop())) {
                    Poll::Ready(drawn) => drawn.ok(),
                    Poll::Pending => {
                        wait();
                        return ().into_any();
                    }
                }
            }
        };
        drawn.unwrap_or_else(|| {
            view! {
                <div class="error-panel part-error" class:over=close.is_some() role="alert">
                    <p>{t(Key::PartFailed)}</p>
                    {close
                        .map(|close| {
                            view! {
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| close.run(())
                                >
                                    {t(Key::Close)}
                                </button>
                            }
                        })}
                </div>
            }
            .into_any()
        })
    }
}

/// Says in `loaded` whether a part's file (`ready`: whether it came) and the whole data it
/// reads (`data`, when it reads it) came, once both have answered. One function for every
/// part.
fn wait_for(
    ready: std::pin::Pin<Box<dyn std::future::Future<Output = bool>>>,
    data: Option<impl std::future::Future<Output = Result<Arc<Catalog>, LoadError>> + 'static>,
    loaded: RwSignal<Option<bool>>,
) {
    leptos::task::spawn_local(async move {
        let came = ready.await;
        let whole = match data {
            Some(data) => data.await.is_ok(),
            None => true,
        };
        let _ = loaded.try_set(Some(came && whole));
    });
}

/// Loads the files of the parts that `query` opens with (a view, a partner's detail), and the
/// whole data under the site's `root` when they read it, so that the page the app draws for it
/// is whole at once. What fails to load is left to the part, which says so.
pub async fn lazy_ready(query: &Query, root: &str) {
    let (detail, view) = (query.partner.is_some(), query.view);
    // Beside the parts' files, not after them.
    let data = (detail || view == Some(View::Timeline)).then(|| whole(root));
    if detail {
        let _ = detail_ready().await;
    }
    match view {
        Some(View::Timeline) => {
            let _ = timeline_ready().await;
        }
        Some(View::Figures) => {
            let _ = figures_ready().await;
        }
        _ => {}
    }
    if let Some(data) = data {
        let _ = data.await;
    }
}
