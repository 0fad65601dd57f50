//! The shared state (`state::AppState`) outside a browser: each intent changes the query as
//! it should, a part of a link the page called ignored never comes back, and the visible
//! set and the open partner follow.

mod common;

use std::sync::Arc;

use jakarta_sister_cities::i18n::Lang;
use jakarta_sister_cities::model::{PartnerId, Relation};
use jakarta_sister_cities::state::{AppState, Catalog};
use jakarta_sister_cities::url_state::{Query, Sort, View};
use leptos::prelude::*;

/// A state opened at `search`, with the shipped data attached, inside a reactive owner.
fn opened(search: &str) -> (Owner, AppState) {
    common::init_executor();
    let owner = Owner::new();
    owner.set();
    let state = AppState::new(Query::parse(search), String::from("/atlas/"));
    state.attach(Arc::new(Catalog::new(common::shipped())));
    (owner, state)
}

fn search(state: &AppState) -> String {
    state.query().with_untracked(Query::to_search)
}

#[test]
fn unknown_ids_of_the_opening_link_are_dropped_once_and_never_written_again() {
    let (_owner, state) = opened("?sector=nope,flood-river&partner=atlantis&lang=en");
    assert_eq!(search(&state), "?lang=en&sector=flood-river");
    state.open_partner(PartnerId::from("tokyo"));
    assert_eq!(search(&state), "?lang=en&sector=flood-river&partner=tokyo");
    // Back to a URL that still holds the garbage: it is cleaned as it is read; the root's
    // path names its language.
    state.restore("/atlas/", "?sector=nope&view=list");
    assert_eq!(search(&state), "?lang=id&view=list");
    assert_eq!(state.current_href(), "/atlas/?view=list");
}

#[test]
fn each_intent_changes_only_its_part() {
    let (_owner, state) = opened("?lang=en&partner=tokyo&view=list&sort=name");
    state.search("banjir".into());
    assert_eq!(
        search(&state),
        "?lang=en&q=banjir&partner=tokyo&view=list&sort=name"
    );
    state.toggle_sector(&"waste".into());
    state.set_relation(Some(Relation::SisterCity));
    state.set_period(Some(2010), Some(1990));
    assert_eq!(
        search(&state),
        "?lang=en&q=banjir&sector=waste&relation=sister-city&from=1990&to=2010&partner=tokyo&view=list&sort=name"
    );
    // Clearing the filters keeps the page: language, open partner, view and sort.
    state.clear_filters();
    assert_eq!(search(&state), "?lang=en&partner=tokyo&view=list&sort=name");
    state.close_partner();
    state.set_view(View::Map);
    state.set_sort(Sort::Since);
    // The defaults are left out of the URL.
    assert_eq!(search(&state), "?lang=en");
    state.set_lang(Lang::Id);
    assert_eq!(search(&state), "?lang=id");
}

#[test]
fn the_visible_set_follows_the_filters_as_ids() {
    let (_owner, state) = opened("");
    let all = state.visible().get_untracked();
    assert_eq!(all.len(), common::shipped().partners.len());
    state.search("Koike".into());
    let found = state.visible().get_untracked();
    assert!(found.iter().any(|id| id == "tokyo"), "{found:?}");
    assert!(found.len() < all.len());
    state.search(String::new());
    assert_eq!(state.visible().get_untracked(), all);
}

#[test]
fn the_language_is_the_links_else_the_roots() {
    let (_owner, state) = opened("");
    assert_eq!(state.lang().get_untracked(), Lang::Id);
    state.set_lang(Lang::En);
    assert_eq!(state.lang().get_untracked(), Lang::En);
    // A partner's link is its page in the chosen language, and nothing else of this page.
    state.search("tokyo".into());
    assert_eq!(
        state.partner_href(&PartnerId::from("tokyo")),
        "/atlas/en/partners/tokyo/"
    );
    // The page's own address puts the language and the partner in the path.
    state.open_partner(PartnerId::from("seoul"));
    assert_eq!(state.current_href(), "/atlas/en/partners/seoul/?q=tokyo");
}

#[test]
fn a_permalink_is_absolute_under_the_site_url_when_it_is_known() {
    let tokyo = PartnerId::from("tokyo");
    // A page made at build time, three levels down: its links are relative...
    let (_owner, state) = opened("");
    let page = AppState::new(Query::parse(""), String::from("../../../"));
    page.attach(Arc::new(Catalog::new(common::shipped())));
    assert_eq!(
        page.partner_permalink(&tokyo, Lang::En),
        "../../../en/partners/tokyo/"
    );
    // ...and its permalinks absolute once the deployed address is known, whatever the page.
    page.set_site_url("https://example.org/jakarta-sister-cities/");
    assert_eq!(
        page.partner_permalink(&tokyo, Lang::En),
        "https://example.org/jakarta-sister-cities/en/partners/tokyo/"
    );
    assert_eq!(
        page.partner_permalink(&tokyo, Lang::Id),
        "https://example.org/jakarta-sister-cities/partners/tokyo/"
    );
    // Outside a browser, with no site URL, the link stays as the page has it.
    assert_eq!(
        state.partner_permalink(&tokyo, Lang::Id),
        "/atlas/partners/tokyo/"
    );
}

#[test]
fn the_open_partner_follows_its_intents() {
    let (_owner, state) = opened("?partner=seoul");
    assert_eq!(state.open().get_untracked().as_deref(), Some("seoul"));
    state.open_partner(PartnerId::from("berlin"));
    assert_eq!(state.open().get_untracked().as_deref(), Some("berlin"));
    common::settle();
    assert!(state.is_open(&PartnerId::from("berlin")));
    assert!(!state.is_open(&PartnerId::from("seoul")));
    state.close_partner();
    assert_eq!(state.open().get_untracked(), None);
    common::settle();
    assert!(!state.is_open(&PartnerId::from("berlin")));
}
