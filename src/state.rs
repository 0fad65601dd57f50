//! The state every view shares, and the only code that changes it.
//!
//! The URL is the source of truth: the query is read at start and on Back/Forward, and
//! every change goes through one intent method ([`AppState::open_partner`],
//! [`AppState::toggle_sector`], …) that writes the address bar, choosing a new history
//! entry or the same one in one place ([`HistoryMode`]). Components read memos and call
//! intents; none holds or assembles a query of its own.
//!
//! Cost: whatever changes, each derived value is computed once ([`AppState::visible`] is
//! one pass over the partners), and "is this partner open / hovered" goes through a
//! [`Selector`], so a change of the open partner re-runs the two items whose answer
//! changed, not one closure per card, marker and arc.

use std::ops::Deref;
use std::sync::Arc;

use leptos::prelude::*;

use crate::browser;
use crate::filter;
use crate::i18n::{Key, Lang};
use crate::model::{Dataset, PartnerId, Region, Relation, SectorId, Status, Text};
use crate::route;
use crate::url_state::{Filters, Query, Sort, View};

/// The dataset with what the filters precompute over it.
#[derive(Debug)]
pub struct Catalog {
    pub data: Dataset,
    pub index: filter::Index,
}

impl Catalog {
    pub fn new(data: Dataset) -> Catalog {
        let index = filter::Index::new(&data);
        Catalog { data, index }
    }

    /// False for a catalog made from the file the first view reads, whose partners lack
    /// their events, notes, conflicts and sources (`Dataset::details`); see [`whole`].
    pub fn is_whole(&self) -> bool {
        self.data.details.is_none()
    }
}

/// `catalog` when it is whole, else the whole data once [`whole`] has loaded it.
pub fn whole_now(catalog: &Arc<Catalog>) -> Option<Arc<Catalog>> {
    if catalog.is_whole() {
        return Some(catalog.clone());
    }
    WHOLE.with(|whole| match &whole.borrow().loaded {
        Some(Ok(loaded)) => Some(loaded.clone()),
        _ => None,
    })
}

/// The whole data once loaded (or why not), whether its load runs, and who waits for it.
struct Whole {
    loaded: Option<Result<Arc<Catalog>, crate::data::LoadError>>,
    loading: bool,
    waiting: Vec<std::task::Waker>,
}

thread_local! {
    static WHOLE: std::cell::RefCell<Whole> = const {
        std::cell::RefCell::new(Whole {
            loaded: None,
            loading: false,
            waiting: Vec::new(),
        })
    };
}

/// Loads the whole data file ([`crate::data::DATA_URL`]) under the site's `root`: what a
/// partner's detail, the timeline, a search of events and the export read, which the file the
/// first view reads leaves out. The load starts at the call, so that a caller can await it
/// after other work begun meanwhile; it is fetched and read once, whoever asks meanwhile;
/// after a failure, the next call tries again.
pub fn whole(
    root: &str,
) -> impl std::future::Future<Output = Result<Arc<Catalog>, crate::data::LoadError>> {
    let start = WHOLE.with(|whole| {
        let mut whole = whole.borrow_mut();
        if matches!(whole.loaded, Some(Err(_))) {
            whole.loaded = None;
        }
        let start = whole.loaded.is_none() && !whole.loading;
        whole.loading |= start;
        start
    });
    if start {
        let url = format!("{root}{}", crate::data::DATA_URL);
        wasm_bindgen_futures::spawn_local(async move {
            // Not `data::load`, whose first answer is the first view's file.
            let loaded = match crate::data::fetch_text(&url).await {
                Ok(text) => {
                    let print = crate::data::fingerprint(&text);
                    crate::data::read_checked(&url, &text, &print, crate::time::today()).await
                }
                Err(err) => Err(err),
            }
            .map(|loaded| Arc::new(Catalog::new(loaded.dataset)));
            let waiting = WHOLE.with(|whole| {
                let mut whole = whole.borrow_mut();
                (whole.loaded, whole.loading) = (Some(loaded), false);
                std::mem::take(&mut whole.waiting)
            });
            waiting.into_iter().for_each(std::task::Waker::wake);
        });
    }
    std::future::poll_fn(|cx| {
        WHOLE.with(|whole| {
            let mut whole = whole.borrow_mut();
            match &whole.loaded {
                Some(loaded) => std::task::Poll::Ready(loaded.clone()),
                None => {
                    whole.waiting.push(cx.waker().clone());
                    std::task::Poll::Pending
                }
            }
        })
    })
}

impl Deref for Catalog {
    type Target = Dataset;
    fn deref(&self) -> &Dataset {
        &self.data
    }
}

/// How a change of state reaches the browser's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryMode {
    /// A new entry: Back returns to the previous state (selections, filters).
    Push,
    /// The same entry: typing in the search box or switching language must not flood
    /// the history.
    Replace,
}

/// The shared state: the query, what is derived from it, and the intents that change it.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The URL's state. Private: only the intents below write it, and once the data is
    /// known every query stored here has its unknown ids dropped, so a part of a link
    /// that the page called ignored is never written into a later URL.
    query: RwSignal<Query>,
    /// The dataset, once loaded.
    catalog: RwSignal<Option<Arc<Catalog>>>,
    /// The site's root as links reach it: an absolute path in the browser, a relative one
    /// in a pre-rendered page (see `route::href`).
    base: StoredValue<String>,
    /// The deployed site's root URL, for pages made at build time that know it (`SITE_URL`):
    /// their permalinks are absolute. In the browser the page's own address serves.
    site_url: StoredValue<Option<String>>,
    lang: Memo<Lang>,
    filters: Memo<Filters>,
    open: Memo<Option<PartnerId>>,
    view: Memo<View>,
    sort: Memo<Sort>,
    visible: Memo<Arc<[PartnerId]>>,
    sector_counts: Memo<Arc<[usize]>>,
    /// The partner under the pointer or the keyboard focus, in the list or on the map;
    /// highlighted in both. Not in the URL: it is not something to share.
    hovered: RwSignal<Option<PartnerId>>,
    open_selector: StoredValue<Selector<Option<PartnerId>>>,
    hover_selector: StoredValue<Selector<Option<PartnerId>>>,
}

impl AppState {
    /// The state for a page opened at `query` (in the root's language unless it names
    /// another), whose links start with `base`. Call it once, under the app's root, and
    /// provide it as context.
    pub fn new(query: Query, base: String) -> AppState {
        let query = RwSignal::new(query);
        let catalog: RwSignal<Option<Arc<Catalog>>> = RwSignal::new(None);
        let lang = Memo::new(move |_| query.with(|q| q.lang.unwrap_or(route::ROOT_LANG)));
        let filters = Memo::new(move |_| query.with(|q| q.filters.clone()));
        let open = Memo::new(move |_| query.with(|q| q.partner.clone()));
        let view = Memo::new(move |_| query.with(|q| q.view.unwrap_or_default()));
        let sort = Memo::new(move |_| query.with(|q| q.sort.unwrap_or_default()));
        let visible = Memo::new(move |_| {
            catalog.with(|c| match c {
                Some(c) => filters
                    .with(|f| filter::visible(&c.data, &c.index, f, sort.get(), lang.get()))
                    .into(),
                None => Arc::from([]),
            })
        });
        let sector_counts = Memo::new(move |_| {
            catalog.with(|c| match c {
                Some(c) => filters
                    .with(|f| filter::sector_counts(&c.data, &c.index, f))
                    .into(),
                None => Arc::from([]),
            })
        });
        let hovered = RwSignal::new(None);
        AppState {
            query,
            catalog,
            base: StoredValue::new(base),
            site_url: StoredValue::new(None),
            lang,
            filters,
            open,
            view,
            sort,
            visible,
            sector_counts,
            hovered,
            open_selector: StoredValue::new(Selector::new(move || open.get())),
            hover_selector: StoredValue::new(Selector::new(move || hovered.get())),
        }
    }

    /// Hands the loaded dataset to the state: the query loses the ids the data does not
    /// know, once, and everything derived from the data starts to follow it.
    pub fn attach(&self, catalog: Arc<Catalog>) {
        self.query.update(|q| q.retain_known(&catalog));
        self.catalog.set(Some(catalog));
        self.whole_for_search();
        // The address bar now shows the link as the app writes it: an old `?partner=` or
        // `?lang=` link in its path form, without the parts the page ignored.
        crate::browser::write_url(&self.current_href(), HistoryMode::Replace);
    }

    /// Keeps `<html lang>`, the tab title and the description a shared link previews in
    /// step with the language and the open partner: the one place that writes them.
    pub fn sync_document_meta(&self) {
        let state = *self;
        effect(move || {
            let lang = state.lang.get();
            let (title, description) = state.catalog.with(|catalog| {
                let partner = state.open.with(|id| {
                    id.as_deref()
                        .zip(catalog.as_deref())
                        .and_then(|(id, c)| c.partner(id).cloned())
                });
                page_meta(lang, partner.as_ref().map(|p| (&p.name, &p.summary)))
            });
            crate::browser::set_document_meta(lang.tag(), &title, &description);
        });
    }

    // --- Reading -------------------------------------------------------------------

    /// The whole data: the dataset itself when it is whole, else the whole file, loaded once
    /// (see [`whole`]; the load starts at the call), which the state then reads in place of
    /// the first view's: a search finds the events' titles and people from then on.
    pub fn whole_data(
        &self,
    ) -> impl std::future::Future<Output = Result<Arc<Catalog>, crate::data::LoadError>> {
        let catalog = self.catalog;
        let loading = match catalog.get_untracked().filter(|c| c.is_whole()) {
            Some(ready) => Err(ready),
            None => Ok(whole(&self.base.get_value())),
        };
        async move {
            let loaded = match loading {
                Err(ready) => return Ok(ready),
                Ok(loading) => loading.await?,
            };
            if catalog.with_untracked(|c| c.as_ref().is_some_and(|c| !c.is_whole())) {
                catalog.set(Some(loaded.clone()));
            }
            Ok(loaded)
        }
    }

    /// True once the dataset is attached: the atlas (and its list) is on the page.
    pub fn has_data(&self) -> bool {
        self.catalog.with(Option::is_some)
    }

    /// The interface language.
    pub fn lang(&self) -> Signal<Lang> {
        self.lang.into()
    }

    /// The query as the URL has it now (cleaned once the data is known).
    pub fn query(&self) -> Signal<Query> {
        self.query.into()
    }

    pub fn filters(&self) -> Memo<Filters> {
        self.filters
    }

    /// The partner whose detail is open.
    pub fn open(&self) -> Memo<Option<PartnerId>> {
        self.open
    }

    pub fn view(&self) -> Memo<View> {
        self.view
    }

    pub fn sort(&self) -> Memo<Sort> {
        self.sort
    }

    /// The partners that pass the filters, in the list's order: what the map, the list,
    /// the count, the figures and the export show.
    pub fn visible(&self) -> Memo<Arc<[PartnerId]>> {
        self.visible
    }

    /// For each sector of the dataset, in its order: how many partners that sector alone
    /// would show, with every other filter as it is.
    pub fn sector_counts(&self) -> Memo<Arc<[usize]>> {
        self.sector_counts
    }

    /// Whether this partner's detail is open; re-runs the caller only when that answer changes.
    pub fn is_open(&self, id: &PartnerId) -> bool {
        self.open_selector
            .with_value(|s| s.selected(&Some(id.clone())))
    }

    /// Whether this partner is hovered or focused; re-runs the caller only when that changes.
    pub fn is_hovered(&self, id: &PartnerId) -> bool {
        self.hover_selector
            .with_value(|s| s.selected(&Some(id.clone())))
    }

    /// The partner that is hovered or focused, if any.
    pub fn hovered(&self) -> Signal<Option<PartnerId>> {
        self.hovered.into()
    }

    // --- Links ---------------------------------------------------------------------

    /// The permalink of a partner's page in the current language (`partners/tokyo/`):
    /// nothing else of the page, so it is the same wherever it is shown, and cheap: it
    /// changes only with the language. A plain click keeps the current filters (see
    /// [`AppState::open_partner`]).
    pub fn partner_href(&self, id: &PartnerId) -> String {
        self.partner_href_in(id, self.lang.get())
    }

    /// [`AppState::partner_href`] in `lang`, without reading any signal: for views that are
    /// rebuilt whenever the language changes.
    pub fn partner_href_in(&self, id: &PartnerId, lang: Lang) -> String {
        let query = Query {
            lang: Some(lang),
            partner: Some(id.clone()),
            ..Query::default()
        };
        self.href(&query)
    }

    /// The URL of the current state shown in another view.
    pub fn view_href(&self, view: View) -> String {
        self.query.with(|q| {
            self.href(&Query {
                view: (view != View::default()).then_some(view),
                ..q.clone()
            })
        })
    }

    /// The URL of the current state with the period set to `from`..=`to` (either end open):
    /// what a year of the timeline links to.
    pub fn period_href(&self, from: Option<i32>, to: Option<i32>) -> String {
        self.query.with(|q| {
            let mut query = q.clone();
            query.filters.set_period(from, to);
            self.href(&query)
        })
    }

    /// The URL of the current state in another language.
    pub fn lang_href(&self, lang: Lang) -> String {
        self.query.with(|q| {
            self.href(&Query {
                lang: Some(lang),
                ..q.clone()
            })
        })
    }

    /// The address of a state: the language and partner in the path, the rest in the query.
    pub fn href(&self, query: &Query) -> String {
        self.base.with_value(|base| route::href(base, query))
    }

    /// Makes the permalinks absolute under `url`, the deployed site's root (a page made at
    /// build time, where there is no address bar to resolve them against).
    pub fn set_site_url(&self, url: &str) {
        self.site_url
            .set_value((!url.is_empty()).then(|| url.to_owned()));
    }

    /// A partner's permalink in `lang`, absolute: to cite or to share.
    pub fn partner_permalink(&self, id: &PartnerId, lang: Lang) -> String {
        match self.site_url.get_value() {
            Some(site) => format!("{site}{}", route::page_dir(lang, Some(id))),
            None => browser::absolute_url(&self.partner_href_in(id, lang)),
        }
    }

    /// The address of a file at the site's root (`world.svg`), from this page.
    pub fn root_file(&self, name: &str) -> String {
        self.base.with_value(|base| format!("{base}{name}"))
    }

    /// The address of the page that shows the current state, read once (untracked: it is
    /// written to the address bar, never drawn).
    pub fn current_href(&self) -> String {
        self.query.with_untracked(|q| self.href(q))
    }

    // --- Intents -------------------------------------------------------------------

    /// Opens a partner's detail (a new history entry, so Back closes it).
    pub fn open_partner(&self, id: PartnerId) {
        self.navigate(HistoryMode::Push, |q| q.partner = Some(id));
    }

    pub fn close_partner(&self) {
        self.navigate(HistoryMode::Push, |q| q.partner = None);
    }

    pub fn hover(&self, id: Option<PartnerId>) {
        // Setting the same value would still notify; leaving and entering the same card is common.
        if self.hovered.with_untracked(|h| *h != id) {
            self.hovered.set(id);
        }
    }

    /// Sets the search text as typed; the same history entry, so typing cannot flood it.
    pub fn search(&self, text: String) {
        self.navigate(HistoryMode::Replace, |q| q.filters.q = text);
    }

    pub fn toggle_sector(&self, id: &SectorId) {
        self.navigate(HistoryMode::Push, |q| q.filters.toggle_sector(id));
    }

    pub fn set_relation(&self, relation: Option<Relation>) {
        self.navigate(HistoryMode::Push, |q| {
            q.filters.relations = relation.into_iter().collect()
        });
    }

    pub fn set_status(&self, status: Option<Status>) {
        self.navigate(HistoryMode::Push, |q| {
            q.filters.statuses = status.into_iter().collect()
        });
    }

    pub fn set_region(&self, region: Option<Region>) {
        self.navigate(HistoryMode::Push, |q| {
            q.filters.regions = region.into_iter().collect()
        });
    }

    /// Sets both ends of the period (either may be open).
    pub fn set_period(&self, from: Option<i32>, to: Option<i32>) {
        self.navigate(HistoryMode::Push, |q| q.filters.set_period(from, to));
    }

    /// Clears the search and every filter; the language, view, sort and open partner stay.
    pub fn clear_filters(&self) {
        self.navigate(HistoryMode::Push, |q| *q = q.cleared());
    }

    pub fn set_view(&self, view: View) {
        self.navigate(HistoryMode::Push, |q| {
            q.view = (view != View::default()).then_some(view)
        });
    }

    pub fn set_sort(&self, sort: Sort) {
        self.navigate(HistoryMode::Push, |q| {
            q.sort = (sort != Sort::default()).then_some(sort)
        });
    }

    /// Switches the language in place; the same history entry, as it changes no content.
    pub fn set_lang(&self, lang: Lang) {
        self.navigate(HistoryMode::Replace, |q| q.lang = Some(lang));
    }

    /// Back and Forward: the state the URL (its path and query) now describes, cleaned like
    /// every query.
    pub fn restore(&self, pathname: &str, search: &str) {
        let mut query = route::parse_path(pathname).query(search);
        if let Some(catalog) = self.catalog.get_untracked() {
            query.retain_known(&catalog);
        }
        self.query.set(query);
        self.whole_for_search();
    }

    /// Applies `change` to the current query, writes the address bar, then the state.
    fn navigate(&self, mode: HistoryMode, change: impl FnOnce(&mut Query)) {
        let mut query = self.query.get_untracked();
        change(&mut query);
        if self.query.with_untracked(|q| *q == query) {
            return;
        }
        crate::browser::write_url(&self.href(&query), mode);
        self.query.set(query);
        self.whole_for_search();
    }

    /// A search reads the events' titles and people, which only the whole data holds: once
    /// there is search text, loads it (once; see [`AppState::whole_data`]). Until it is in, the
    /// search finds what the first view's file holds (names, countries, sectors).
    fn whole_for_search(&self) {
        let state = *self;
        let light = self
            .catalog
            .with_untracked(|c| c.as_ref().is_none_or(|c| !c.is_whole()));
        if light && self.filters.with_untracked(|f| !f.q.trim().is_empty()) {
            leptos::task::spawn_local(async move {
                let _ = state.whole_data().await;
            });
        }
    }
}

/// The tab title and the description for a page, with a partner's name and summary if one
/// is open; the same words the pre-rendered pages carry.
pub fn page_meta(lang: Lang, partner: Option<(&Text, &Text)>) -> (String, String) {
    match partner {
        Some((name, summary)) => (
            format!("{} · {}", lang.pick(name), Key::AppTitle.get(lang)),
            lang.pick(summary).to_owned(),
        ),
        None => (
            Key::AppTitle.get(lang).to_owned(),
            Key::AppTagline.get(lang).to_owned(),
        ),
    }
}

/// Reads the shared state; every component sits under the app's root, which provides it.
pub fn use_app() -> AppState {
    use_context::<AppState>().expect("AppState is provided by the app's root")
}

/// The interface language.
pub fn use_lang() -> Signal<Lang> {
    use_app().lang()
}

/// The loaded dataset, provided by the atlas to everything inside it.
#[derive(Clone)]
pub struct DataContext(pub Arc<Catalog>);

/// Reads the dataset; every component that shows partners sits inside the atlas, which
/// provides it once the data has loaded.
pub fn use_data() -> Arc<Catalog> {
    use_context::<DataContext>()
        .map(|DataContext(catalog)| catalog)
        .expect("the dataset is provided by Atlas")
}

/// An interface string that follows the language: `{t(Key::Close)}` in a view.
pub fn t(key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || key.get(lang.get())
}

/// A dataset text that follows the language.
pub fn tr(text: &Text) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let lang = use_lang();
    let text = text.clone();
    move || lang.get().pick(&text).to_owned()
}

/// Runs `f` once the view being built is in place, and again whenever a signal it read
/// changes: Leptos's `Effect::new`, whose task is generic over its function, so that each
/// effect cost the WebAssembly its own copy (about 450 bytes). With the function boxed, the
/// app's effects share one (1.2 KB less gzip for seven).
pub fn effect(f: impl FnMut() + 'static) {
    effect_boxed(Box::new(f));
}

#[inline(never)]
fn effect_boxed(mut f: Box<dyn FnMut()>) {
    Effect::new(move |_: Option<()>| f());
}
