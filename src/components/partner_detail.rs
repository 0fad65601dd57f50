use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::components::{citations, partner_link, ConflictList, LanguageSwitch};
use crate::filter::distance_from_home;
use crate::i18n::{
    event_kind_label, flag, format_date, format_km, level_label, relation_label, status_label, Key,
    Lang,
};
use crate::model::{Dataset, Partner, Source};
use crate::{use_app, use_lang, Nav};

/// The details of one partner: summary, dated events, conflicts between sources side
/// by side, local time, and every source as a link. A side panel on wide screens and
/// a full-screen sheet on phones; closes with its button, Escape and Back.
#[component]
pub fn PartnerDetail(
    /// The loaded dataset.
    data: Arc<Dataset>,
    /// Id of the partner to show.
    id: String,
) -> impl IntoView {
    let state = use_app();
    let lang = use_lang();
    let partner = data.partner(&id).cloned()?;
    let heading = NodeRef::<html::H2>::new();
    let close = move || state.update(Nav::Push, |q| q.partner = None);

    // Escape closes the panel from anywhere on the page.
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            close();
        }
    });
    on_cleanup(move || escape.remove());

    // Focus goes back where it was (the card link or marker that opened the panel) when it closes.
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

    // The panel takes focus when it opens, so keyboard and screen-reader users land in it.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });

    let p = partner.clone();
    let country = data.country_text(&p);
    let flag = p.country.as_deref().map(flag).unwrap_or_default();
    let distance = distance_from_home(&data, &p);
    let tz = p.geo.as_ref().map(|g| g.tz.clone());
    let local_time = move || {
        let locale = match lang.get() {
            Lang::Id => "id-ID",
            Lang::En => "en-GB",
        };
        tz.as_deref()
            .and_then(|tz| browser::local_time(tz, locale).map(|t| format!("{t} ({tz})")))
    };
    let related: Vec<(String, crate::model::Text)> = p
        .related
        .iter()
        .filter_map(|r| data.partner(r))
        .map(|r| (r.id.clone(), r.name.clone()))
        .collect();

    Some(view! {
        <aside class="partner-detail" role="dialog" aria-modal="false" aria-labelledby="detail-heading">
            <div class="detail-head">
                <h2 id="detail-heading" tabindex="-1" node_ref=heading>
                    {
                        let name = p.name.clone();
                        move || lang.get().pick(&name).to_owned()
                    }
                </h2>
                // The page's own switch lies under the panel; readers may switch here.
                <LanguageSwitch />
                <button type="button" class="button close" on:click=move |_| close() aria-label=move || Key::Close.get(lang.get())>
                    "×"
                </button>
            </div>
            <p class="country">
                <span aria-hidden="true">{flag}</span>
                " "
                {move || country.as_ref().map(|c| lang.get().pick(c).to_owned()).unwrap_or_else(|| Key::NoCountry.get(lang.get()).to_owned())}
            </p>
            <p class="badges">
                <span class="badge">{move || level_label(p.level, lang.get())}</span>
                " "
                <span class="badge relation">{move || relation_label(p.relation, lang.get())}</span>
                " "
                <span class="badge status">{move || status_label(p.status, lang.get())}</span>
            </p>
            <dl class="facts">
                <dt>{move || Key::Since.get(lang.get())}</dt>
                <dd>{move || p.since.map(|d| format_date(&d, lang.get())).unwrap_or_else(|| Key::SinceUnknown.get(lang.get()).to_owned())}</dd>
                {distance.map(|km| view! {
                    <dt>{move || Key::DistanceLabel.get(lang.get())}</dt>
                    <dd>{move || format_km(km, lang.get())}</dd>
                })}
                {move || local_time().map(|t| view! {
                    <dt>{move || Key::LocalTime.get(lang.get())}</dt>
                    <dd class="local-time">{t}</dd>
                })}
            </dl>
            <p class="summary">{
                let s = p.summary.clone();
                move || lang.get().pick(&s).to_owned()
            }</p>
            {p.note.clone().map(|note| view! {
                <p class="note"><strong>{move || Key::Note.get(lang.get())} ": "</strong>{move || lang.get().pick(&note).to_owned()}</p>
            })}
            {(!related.is_empty()).then(|| view! {
                <p class="related">
                    <strong>{move || Key::Related.get(lang.get())} ": "</strong>
                    {related.into_iter().map(|(rid, name)| partner_link(rid, Signal::derive(move || lang.get().pick(&name).to_owned()))).collect_view()}
                </p>
            })}
            <Events data=data.clone() partner=partner.clone() />
            <ConflictList data=data.clone() conflicts=partner.conflicts.clone() />
            <Sources data=data.clone() partner=partner />
        </aside>
    })
}

/// A source as a link that opens in a new tab.
fn source_link(source: &Source, lang: Signal<Lang>) -> impl IntoView {
    let published = source.published;
    view! {
        <a href=source.url.clone() target="_blank" rel="noopener noreferrer" hreflang=source.language.clone()>
            {source.publisher.clone()} ": " {source.title.clone()}
        </a>
        " (" {move || format_date(&published, lang.get())} ") "
        <span class="visually-hidden">{move || Key::OpensNewTab.get(lang.get())}</span>
    }
}

/// The partner's dated events in order.
#[component]
fn Events(
    /// The loaded dataset.
    data: Arc<Dataset>,
    /// The partner whose events to list.
    partner: Partner,
) -> impl IntoView {
    let lang = use_lang();
    let mut events = partner.events.clone();
    events.sort_by_key(|e| e.date);
    (!events.is_empty()).then(|| {
        view! {
            <section class="events">
                <h3>{move || Key::Events.get(lang.get())}</h3>
                <ol>
                    {events
                        .into_iter()
                        .map(|e| {
                            let date = e.date;
                            let until = e.until;
                            let kind = e.kind;
                            let title = e.title.clone();
                            let summary = e.summary.clone();
                            let place = e.place.clone();
                            let sectors: Vec<_> = e.sectors.iter().filter_map(|s| data.sector(s)).map(|s| s.label.clone()).collect();
                            view! {
                                <li class="event">
                                    <p class="event-date">
                                        <time datetime=date.to_string()>{move || {
                                            let l = lang.get();
                                            match until {
                                                Some(u) => format!("{} – {}", format_date(&date, l), format_date(&u, l)),
                                                None => format_date(&date, l),
                                            }
                                        }}</time>
                                        " · " {move || event_kind_label(kind, lang.get())}
                                    </p>
                                    <h4>{move || lang.get().pick(&title).to_owned()}</h4>
                                    {place.map(|pl| view! { <p class="place">{move || lang.get().pick(&pl).to_owned()}</p> })}
                                    {summary.map(|s| view! { <p>{move || lang.get().pick(&s).to_owned()}</p> })}
                                    {(!e.people.is_empty()).then(|| view! {
                                        <ul class="people">
                                            {e.people.iter().map(|person| {
                                                let role = person.role.clone();
                                                view! { <li><strong>{person.name.clone()}</strong> ", " {move || lang.get().pick(&role).to_owned()}</li> }
                                            }).collect_view()}
                                        </ul>
                                    })}
                                    {(!sectors.is_empty()).then(|| view! {
                                        <ul class="sector-tags">
                                            {sectors.into_iter().map(|l| view! { <li>{move || lang.get().pick(&l).to_owned()}</li> }).collect_view()}
                                        </ul>
                                    })}
                                    <p class="citations">{citations(&data, &e.sources)}</p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </section>
        }
    })
}

/// Every source the partner's record, events and claims cite, once each.
#[component]
fn Sources(
    /// The loaded dataset.
    data: Arc<Dataset>,
    /// The partner whose sources to list.
    partner: Partner,
) -> impl IntoView {
    let lang = use_lang();
    let mut ids: Vec<&String> = partner.sources.iter().collect();
    ids.extend(partner.events.iter().flat_map(|e| &e.sources));
    ids.extend(
        partner
            .conflicts
            .iter()
            .flat_map(|c| &c.claims)
            .flat_map(|c| &c.sources),
    );
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(*id));
    let sources: Vec<Source> = ids
        .into_iter()
        .filter_map(|id| data.source(id))
        .cloned()
        .collect();
    view! {
        <section class="sources">
            <h3>{move || Key::SourcesHeading.get(lang.get())}</h3>
            <ol>{sources.iter().map(|s| view! { <li>{source_link(s, lang)}</li> }).collect_view()}</ol>
        </section>
    }
}
