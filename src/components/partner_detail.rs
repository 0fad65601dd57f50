use std::sync::Arc;
use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::components::{
    is_plain_click, partner_facts, Citations, CiteThis, ConflictList, LanguageSwitch, PartnerLink,
    PartnerSectors,
};
use crate::i18n::{format_date, Key, Label};
use crate::model::{Partner, PartnerId};
use crate::state::{effect, t, tr, use_app, use_data, use_lang};

/// The details of one partner: its facts, summary, dated events, conflicts between
/// sources side by side, local time, and every source as a link. A side panel on wide
/// screens and a full-screen sheet on phones; closes with its button, Escape and Back.
#[component]
pub fn PartnerDetail(
    /// The partner to show; renders nothing for an unknown id.
    id: PartnerId,
) -> impl IntoView {
    let state = use_app();
    let data = use_data();
    let lang = use_lang();
    let partner = data.partner(&id)?.clone();
    let heading = NodeRef::<html::H2>::new();
    let close_href = move || {
        state.query().with(|q| {
            state.href(&crate::url_state::Query {
                partner: None,
                ..q.clone()
            })
        })
    };
    use_dialog_focus(heading, move || state.close_partner());
    let related: Vec<_> = partner
        .related
        .iter()
        .filter_map(|r| data.partner(r))
        .map(|r| (r.id.clone(), tr(&r.name)))
        .collect();

    Some(view! {
        // A non-modal dialog: a `div`, since `aside` may not take the dialog role.
        <div
            class="partner-detail"
            role="dialog"
            aria-modal="false"
            aria-labelledby="detail-heading"
        >
            <div class="detail-head">
                <h2 id="detail-heading" tabindex="-1" node_ref=heading>
                    {tr(&partner.name)}
                </h2>
                // The page's own switch lies under the panel; readers may switch here.
                <LanguageSwitch />
                // A link back to the atlas, so that it closes a pre-rendered page too,
                // before any script runs.
                <a
                    class="button close"
                    href=close_href
                    on:click=move |ev| {
                        if is_plain_click(&ev) {
                            ev.prevent_default();
                            state.close_partner();
                        }
                    }
                    aria-label=t(Key::Close)
                >
                    "×"
                </a>
            </div>
            {
                let (data, partner) = (data.clone(), partner.clone());
                move || partner_facts(&data, &partner, lang.get(), true)
            }
            <LocalTime partner=partner.clone() />
            <p class="summary">{tr(&partner.summary)}</p>
            <PartnerSectors partner=partner.clone() />
            {partner
                .note
                .as_ref()
                .map(|note| {
                    view! {
                        <p class="note">
                            <strong>{t(Key::Note)} ": "</strong>
                            {tr(note)}
                        </p>
                    }
                })}
            {(!related.is_empty())
                .then(|| {
                    view! {
                        <p class="related">
                            <strong>{t(Key::Related)} ": "</strong>
                            {related
                                .into_iter()
                                .map(|(rid, name)| {
                                    view! {
                                        <PartnerLink id=rid text=Signal::derive(name) />
                                        " "
                                    }
                                })
                                .collect_view()}
                        </p>
                    }
                })}
            <Events partner=partner.clone() />
            <ConflictList conflicts=partner.conflicts.clone() />
            <Sources partner=partner.clone() />
            <CiteThis partner=partner />
        </div>
    })
}

/// The focus of a non-modal panel: it takes the focus when it opens, so that keyboard and
/// screen-reader users land in it; gives it back to whatever opened it (the card link or
/// marker) when it closes; and Escape closes it from anywhere on the page, since the panel
/// is not modal and the focus may have moved outside it.
fn use_dialog_focus(heading: NodeRef<html::H2>, close: impl Fn() + 'static) {
    // A page drawn at build time has no focus to move and no keys to listen to.
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            close();
        }
    });
    on_cleanup(move || escape.remove());

    let opener = SendWrapper::new(document().active_element());
    on_cleanup(move || {
        if let Some(el) = opener
            .take()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            if el.is_connected() {
                let _ = el.focus();
            }
        }
    });

    effect(move || {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
}

/// The time of day at the partner's place now, with the zone's UTC offset and the place it
/// is for; updated every half minute while the panel is open.
#[component]
fn LocalTime(
    /// The partner; renders nothing without a point or for a zone the browser does not know.
    partner: Arc<Partner>,
) -> impl IntoView {
    let lang = use_lang();
    let geo = partner.geo.clone()?;
    let tick = RwSignal::new(0u32);
    // The time changes, so a page drawn at build time shows none (see browser::local_time).
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    if let Ok(handle) = set_interval_with_handle(
        move || tick.update(|n| *n = n.wrapping_add(1)),
        Duration::from_secs(30),
    ) {
        on_cleanup(move || handle.clear());
    }
    let time = move || {
        tick.track();
        browser::local_time(&geo.tz, lang.get().locale()).map(|t| format!("{t} · {}", geo.place))
    };
    Some(view! {
        {move || {
            time()
                .map(|time| {
                    view! { <p class="local-time">{t(Key::LocalTime)} ": " {time}</p> }
                })
        }}
    })
}

/// The partner's dated events, earliest first.
#[component]
fn Events(
    /// The partner whose events to list.
    partner: Arc<Partner>,
) -> impl IntoView {
    let data = use_data();
    let lang = use_lang();
    let events = partner.events_in_order();
    (!events.is_empty())
        .then(|| {
            view! {
                <section class="events">
                    <h3>{t(Key::Events)}</h3>
                    <ol>
                        {events
                            .into_iter()
                            .map(|e| {
                                let (date, until, kind) = (e.date, e.until, e.kind);
                                let sectors: Vec<_> = e
                                    .sectors
                                    .iter()
                                    .filter_map(|s| data.sector(s))
                                    .map(|s| tr(&s.label))
                                    .collect();
                                view! {
                                    <li class="event">
                                        <p class="event-date">
                                            <time datetime=date
                                                .to_string()>
                                                {move || {
                                                    let l = lang.get();
                                                    match until {
                                                        Some(u) => {
                                                            format!(
                                                                "{} – {}",
                                                                format_date(&date, l),
                                                                format_date(&u, l),
                                                            )
                                                        }
                                                        None => format_date(&date, l),
                                                    }
                                                }}
                                            </time>
                                            " · "
                                            {move || kind.label(lang.get())}
                                        </p>
                                        <h4>{tr(&e.title)}</h4>
                                        {e
                                            .place
                                            .as_ref()
                                            .map(|pl| view! { <p class="place">{tr(pl)}</p> })}
                                        {e.summary.as_ref().map(|s| view! { <p>{tr(s)}</p> })}
                                        {(!e.people.is_empty())
                                            .then(|| {
                                                view! {
                                                    <ul class="people">
                                                        {e
                                                            .people
                                                            .iter()
                                                            .map(|person| {
                                                                view! {
                                                                    <li>
                                                                        <strong>{person.name.clone()}</strong>
                                                                        ", "
                                                                        {tr(&person.role)}
                                                                    </li>
                                                                }
                                                            })
                                                            .collect_view()}
                                                    </ul>
                                                }
                                            })}
                                        {(!sectors.is_empty())
                                            .then(|| {
                                                view! {
                                                    <ul class="sector-tags">
                                                        {sectors
                                                            .into_iter()
                                                            .map(|label| view! { <li>{label}</li> })
                                                            .collect_view()}
                                                    </ul>
                                                }
                                            })}
                                        <p class="citations">
                                            <Citations ids=e.sources.clone() />
                                        </p>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                </section>
            }
        })
}

/// Every source the partner's record, events and claims cite, once each, as links that
/// open in a new tab.
#[component]
fn Sources(
    /// The partner whose sources to list.
    partner: Arc<Partner>,
) -> impl IntoView {
    let data = use_data();
    let lang = use_lang();
    let sources: Vec<_> = partner
        .cited_sources()
        .into_iter()
        .filter_map(|id| data.source(id))
        .map(|source| {
            let published = source.published;
            view! {
                <li>
                    <a
                        href=source.url.clone()
                        target="_blank"
                        rel="noopener noreferrer"
                        hreflang=source.language.clone()
                    >
                        {source.publisher.clone()}
                        ": "
                        {source.title.clone()}
                    </a>
                    " ("
                    {move || format_date(&published, lang.get())}
                    ") "
                    <span class="visually-hidden">{t(Key::OpensNewTab)}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="sources">
            <h3>{t(Key::SourcesHeading)}</h3>
            <ol>{sources}</ol>
        </section>
    }
}
