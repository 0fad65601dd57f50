use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::Arc;

use leptos::prelude::*;
use leptos::{ev, svg};
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::components::follow_partner_link;
use crate::components::partner_list::{shown_then_kept, PAGE_SIZE};
use crate::geo::{self, ViewBox};
use crate::i18n::Key;
use crate::map_input::{Gesture, MapInput, Rect, DETAIL_ZOOM, LABEL_ZOOM};
use crate::model::{PartnerId, Text};
use crate::num::Fixed;
use crate::state::{effect, t, use_app, use_data, use_lang};

/// Past this many shown partners with a point, the map is "dense": it draws them as one path
/// of dots without arcs, and a click or hover finds the nearest point. Hundreds of separate
/// links and arcs cost more than the picture gains (at 5,000 partners a search matching 184
/// spent 90 ms of its 190 in style and layout for them), and a keyboard reaches them all
/// through the list: the same size as the list's page.
const ONE_BY_ONE: usize = PAGE_SIZE;
/// How many markers (each with its arc) the map holds in all: those shown, then, hidden,
/// those shown before, so that a partner coming back (a search cleared) costs an attribute
/// rather than new elements. As the list keeps its cards.
const KEPT_MARKERS: usize = 2 * ONE_BY_ONE;
/// How far from a dot, in screen pixels, a click or hover still finds it (a 44 px target).
const HIT_RADIUS_PX: f64 = 22.0;

/// A partner placed on the map.
#[derive(Debug, Clone)]
pub struct MapPoint {
    pub x: f64,
    pub y: f64,
    /// Short name for the label.
    pub name: Text,
    /// Accessible name with the country, e.g. "Tokyo, Jepang".
    pub full_name: Text,
    /// The arc from home, drawn when needed (a dense map draws none).
    arc: (f64, f64, f64, f64),
}

impl MapPoint {
    /// SVG path data of the great-circle arc from home.
    pub fn arc_path(&self) -> String {
        let (lat1, lon1, lat2, lon2) = self.arc;
        geo::arc_path(lat1, lon1, lat2, lon2)
    }
}

/// Every partner with a point, placed once per dataset.
type MapPoints = Arc<HashMap<PartnerId, MapPoint>>;

fn map_points() -> MapPoints {
    let data = use_data();
    let home = &data.home.geo;
    let points = data
        .partners
        .iter()
        .filter_map(|p| {
            let g = p.geo.as_ref()?;
            let (x, y) = geo::project(g.lat, g.lon);
            let full_name = match data.country_text(p) {
                Some(c) => Text {
                    id: format!("{}, {}", p.name.id, c.id),
                    en: format!("{}, {}", p.name.en, c.en),
                },
                None => p.name.clone(),
            };
            let point = MapPoint {
                x,
                y,
                name: p.name.clone(),
                full_name,
                arc: (home.lat, home.lon, g.lat, g.lon),
            };
            Some((p.id.clone(), point))
        })
        .collect();
    Arc::new(points)
}

/// The world map: countries, an arc from home and a marker per shown partner with a
/// point, with pan and zoom by mouse, touch, keyboard and buttons. The gestures are the
/// pure reducer of `map_input`; this component forwards the browser's events to it.
#[component]
pub fn WorldMap() -> impl IntoView {
    let svg_ref = NodeRef::<svg::Svg>::new();
    // Element size in CSS pixels; the real size is known only after mount.
    let size = RwSignal::new((geo::MAP_WIDTH, geo::MAP_HEIGHT));
    let view_box = RwSignal::new(ViewBox::default());
    let gesture = StoredValue::new(Gesture::default());
    let points = map_points();
    let state = use_app();
    let visible = state.visible();
    // The shown partners that have a point, in list order.
    let placed = {
        let points = points.clone();
        Memo::new(move |_| {
            visible.with(|v| {
                v.iter()
                    .filter(|id| points.contains_key(*id))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    };
    let dense = Memo::new(move |_| placed.with(|p| p.len() > ONE_BY_ONE));
    // The markers and arcs in the page: those placed, in list order (the tab order), then,
    // hidden, those placed before. A dense map has none and keeps the last.
    let mounted = Memo::new(move |previous: Option<&Vec<PartnerId>>| {
        placed.with(|placed| {
            if placed.len() > ONE_BY_ONE {
                return previous.cloned().unwrap_or_default();
            }
            shown_then_kept(placed, previous, KEPT_MARKERS)
        })
    });

    let rect = move || -> Rect {
        let (width, height) = size.get_untracked();
        match svg_ref.get_untracked() {
            Some(svg) => {
                let r = svg.get_bounding_client_rect();
                Rect {
                    left: r.left(),
                    top: r.top(),
                    width: r.width(),
                    height: r.height(),
                }
            }
            None => Rect {
                left: 0.0,
                top: 0.0,
                width,
                height,
            },
        }
    };
    // Every input goes through the reducer; its outcome says what to do with the event.
    let apply = move |input: MapInput| {
        let rect = rect();
        let outcome = gesture
            .try_update_value(|g| g.step(view_box.get_untracked(), input, rect))
            .unwrap_or(crate::map_input::Outcome {
                view: view_box.get_untracked(),
                consumed: false,
                capture: None,
            });
        if outcome.view != view_box.get_untracked() {
            view_box.set(outcome.view);
        }
        outcome
    };
    watch_size(svg_ref, size, move || {
        apply(MapInput::Resize);
    });

    let units_per_px =
        Memo::new(move |_| view_box.with(|v| v.units_per_px(size.with(|(w, _)| *w).max(1.0))));
    let zoom = Memo::new(move |_| view_box.with(|v| v.zoom_level(size.with(|(w, h)| w / h))));
    // Markers keep their screen size at every zoom through one CSS variable on the map,
    // not one attribute per marker.
    effect(move || {
        let scale = units_per_px.get();
        if let Some(svg) = svg_ref.get() {
            let el: &web_sys::SvgElement = svg.as_ref();
            let _ = el
                .style()
                .set_property("--marker-scale", &Fixed(scale, 4).to_string());
        }
    });

    // Dense mode: the shown point nearest to where the pointer is, within reach.
    let nearest = {
        let points = points.clone();
        move |client_x: f64, client_y: f64| -> Option<PartnerId> {
            let rect = rect();
            let view = view_box.get_untracked();
            let (x, y) = view.to_map(
                client_x - rect.left,
                client_y - rect.top,
                rect.width,
                rect.height,
            );
            let reach = HIT_RADIUS_PX * view.units_per_px(rect.width);
            // Squared distances: no square root for each of thousands of markers at every
            // move of the pointer (in the WebAssembly, a call to the browser's Math).
            let reach2 = reach * reach;
            placed.with_untracked(|ids| {
                ids.iter()
                    .filter_map(|id| {
                        let (dx, dy) = points.get(id).map(|p| (p.x - x, p.y - y))?;
                        Some((id, dx * dx + dy * dy))
                    })
                    .filter(|(_, d2)| *d2 <= reach2)
                    .min_by(|a, b| a.1.total_cmp(&b.1))
                    .map(|(id, _)| id.clone())
            })
        }
    };
    let nearest_for_hover = nearest.clone();
    let on_dense_click = move |e: ev::MouseEvent| {
        if !dense.get_untracked() || gesture.with_value(Gesture::dragged) {
            return;
        }
        if let Some(id) = nearest(e.client_x() as f64, e.client_y() as f64) {
            state.open_partner(id);
        }
    };
    let pointer = move |e: ev::PointerEvent, input: MapInput| {
        let outcome = apply(input);
        if let Some(id) = outcome.capture {
            if let Some(target) = e
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = target.set_pointer_capture(id);
            }
        }
    };
    let on_down = move |e: ev::PointerEvent| {
        let (id, x, y) = (e.pointer_id(), e.client_x() as f64, e.client_y() as f64);
        pointer(e, MapInput::Down { pointer: id, x, y });
    };
    let on_move = move |e: ev::PointerEvent| {
        let (id, x, y) = (e.pointer_id(), e.client_x() as f64, e.client_y() as f64);
        if dense.get_untracked() && e.buttons() == 0 {
            state.hover(nearest_for_hover(x, y));
        }
        pointer(e, MapInput::Move { pointer: id, x, y });
    };
    let on_up = move |e: ev::PointerEvent| {
        let id = e.pointer_id();
        pointer(e, MapInput::Up { pointer: id });
    };

    let view_box_attr = move || view_box.with(ViewBox::attr);
    view! {
        <div class="world-map">
            // The countries never change: drawn in a layer of their own, they are not painted
            // again when a filter changes the arcs and markers drawn over them.
            <svg
                class="map-base"
                aria-hidden="true"
                viewBox=view_box_attr
                preserveAspectRatio="xMidYMid meet"
            >
                <path class="sphere" d=geo::SPHERE_PATH />
                <Countries zoom=zoom />
            </svg>
            <svg
                node_ref=svg_ref
                class="map-svg"
                class:labels=move || { zoom.get() >= LABEL_ZOOM }
                role="group"
                tabindex="0"
                aria-label=t(Key::MapLabel)
                viewBox=view_box_attr
                preserveAspectRatio="xMidYMid meet"
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_up
                on:click=on_dense_click
                on:wheel=move |e: ev::WheelEvent| {
                    e.prevent_default();
                    apply(MapInput::Wheel {
                        x: e.client_x() as f64,
                        y: e.client_y() as f64,
                        delta_y: e.delta_y(),
                        lines: e.delta_mode() == 1,
                    });
                }
                // Markers are links; the browser's own link dragging would cancel our pan.
                on:dragstart=|e: ev::DragEvent| e.prevent_default()
                on:keydown=move |e: ev::KeyboardEvent| {
                    let key = e.key();
                    if apply(MapInput::Key(&key)).consumed {
                        e.prevent_default();
                    }
                }
            >
                <g aria-hidden="true">
                    <MapArcs points=points.clone() placed=placed mounted=mounted dense=dense />
                    <HomeMarker />
                </g>
                <MapMarkers
                    points=points.clone()
                    placed=placed
                    mounted=mounted
                    dense=dense
                    dragged=Signal::derive(move || gesture.with_value(Gesture::dragged))
                    reveal=Callback::new(move |(x, y)| {
                        apply(MapInput::Reveal { x, y });
                    })
                />
                <MapHighlight points=points />
            </svg>
            <div class="map-controls">
                <button
                    type="button"
                    class="button map-button"
                    aria-label=t(Key::ZoomIn)
                    on:click=move |_| {
                        apply(MapInput::ZoomIn);
                    }
                >
                    "+"
                </button>
                <button
                    type="button"
                    class="button map-button"
                    aria-label=t(Key::ZoomOut)
                    on:click=move |_| {
                        apply(MapInput::ZoomOut);
                    }
                >
                    "−"
                </button>
                <button
                    type="button"
                    class="button map-button"
                    aria-label=t(Key::ResetView)
                    on:click=move |_| {
                        apply(MapInput::Reset);
                    }
                >
                    "⟲"
                </button>
            </div>
        </div>
    }
}

/// Reports the element's size in `size` and calls `resized` on every change, so that the
/// view keeps the element's aspect (see `ViewBox`: a box of another aspect would be
/// letterboxed and the pointer maths would no longer map pixels linearly).
fn watch_size(
    svg_ref: NodeRef<svg::Svg>,
    size: RwSignal<(f64, f64)>,
    resized: impl Fn() + Clone + 'static,
) {
    effect(move || {
        let Some(svg) = svg_ref.get() else { return };
        let element: web_sys::Element = svg.into();
        let read = {
            let resized = resized.clone();
            move |el: &web_sys::Element| {
                let rect = el.get_bounding_client_rect();
                if rect.width() > 0.0 && rect.height() > 0.0 {
                    size.set((rect.width(), rect.height()));
                    resized();
                }
            }
        };
        read(&element);
        let target = element.clone();
        let callback = Closure::<dyn FnMut()>::new(move || read(&target));
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&element);
            let keep = SendWrapper::new((observer, callback));
            on_cleanup(move || keep.0.disconnect());
        }
    });
}

/// The countries, from files cached and shared with the pre-rendered pages: `world-lite.svg`
/// (half the bytes, what the first view loads) below [`DETAIL_ZOOM`], and `world.svg`, in
/// full, from there on. The full file is asked for once the map is first zoomed in, drawn
/// hidden, and takes the light one's place only once it has loaded: zooming in never shows a
/// map without its countries, whatever the signal.
#[component]
fn Countries(zoom: Memo<f64>) -> impl IntoView {
    let app = use_app();
    let lite = app.root_file("world-lite.svg#countries");
    let full = app.root_file("world.svg#countries");
    let group = NodeRef::<svg::G>::new();
    let loaded = RwSignal::new(false);
    // Plain DOM calls in one effect: the cheapest code for what changes only with the zoom.
    effect(move || {
        let (zoom, loaded_now) = (zoom.get(), loaded.get());
        let Some(group) = group.get() else {
            return;
        };
        let Ok(Some(detail)) = group.query_selector("use.full") else {
            return;
        };
        // Once asked for, kept: zoomed out and in again, it is drawn from what has loaded.
        if zoom > WANT_DETAIL_ZOOM && !detail.has_attribute("href") {
            // Freed once called; never called (no load), it stays with the page.
            let on_load = Closure::once_into_js(move || loaded.set(true));
            let _ = detail.add_event_listener_with_callback("load", on_load.unchecked_ref());
            let _ = detail.set_attribute("href", &full);
        }
        // Firefox sends no load event for a <use>: there, its shapes having a size tell that
        // the file has come, from the next zoom on.
        let fine =
            zoom >= DETAIL_ZOOM && (loaded_now || detail.get_bounding_client_rect().width() > 0.0);
        let _ = group.set_attribute("class", if fine { "countries fine" } else { "countries" });
    });
    // A fragment inside an SVG must start with an SVG-only tag to be made as SVG.
    view! {
        <g class="countries" node_ref=group>
            <use class="lite" href=lite></use>
            <use class="full"></use>
        </g>
    }
}

/// Past this zoom the map asks for `world.svg`, so that it has loaded by [`DETAIL_ZOOM`].
const WANT_DETAIL_ZOOM: f64 = 1.1;

/// Jakarta (the home city), in amber, named in the dataset's words.
#[component]
fn HomeMarker() -> impl IntoView {
    let data = use_data();
    let home = &data.home.geo;
    let (x, y) = geo::project(home.lat, home.lon);
    let name = crate::state::tr(&data.home.name);
    view! {
        <g class="marker home" transform=format!("translate({} {})", Fixed(x, 1), Fixed(y, 1))>
            <g class="marker-body">
                <circle r="7" />
                <text x="10" y="4">
                    {name}
                </text>
            </g>
        </g>
    }
}

/// The arcs of the shown partners, keyed so that a change of filter adds and removes only
/// what changed. In dense mode there are none: thousands of arcs from one city fill the
/// map with one colour and tell nothing, and cost much to draw; the hovered and the open
/// partner's arc is still drawn (`MapHighlight`).
#[component]
fn MapArcs(
    points: MapPoints,
    /// The shown partners with a point, in list order.
    placed: Memo<Vec<PartnerId>>,
    /// The partners with an arc in the page: those placed, then (hidden) those placed before.
    mounted: Memo<Vec<PartnerId>>,
    /// Whether there are too many for one element each.
    dense: Memo<bool>,
) -> impl IntoView {
    let group = NodeRef::<svg::G>::new();
    show_placed(group, placed, mounted, dense, None);
    view! {
        <g class="arcs" node_ref=group>
            <For
                each=move || if dense.get() { Vec::new() } else { mounted.get() }
                key=|id| id.clone()
                children=move |id| {
                    let d = points.get(&id).map(MapPoint::arc_path).unwrap_or_default();
                    view! { <path class="arc" data-partner=id.to_string() d=d /> }
                }
            />
        </g>
    }
}

/// Keeps the children of `group` (each with `data-partner`) hidden but those placed, whenever
/// the placed or the mounted partners change, or the dense map or the language (`lang`, for
/// the markers) draws them afresh.
fn show_placed(
    group: NodeRef<svg::G>,
    placed: Memo<Vec<PartnerId>>,
    mounted: Memo<Vec<PartnerId>>,
    dense: Memo<bool>,
    lang: Option<Signal<crate::i18n::Lang>>,
) {
    effect(move || {
        let shown: HashSet<PartnerId> = placed.with(|p| p.iter().cloned().collect());
        mounted.track();
        dense.track();
        if let Some(lang) = lang {
            lang.track();
        }
        let Some(group) = group.get() else {
            return;
        };
        let items = group.children();
        for i in 0..items.length() {
            let Some(item) = items.item(i) else {
                continue;
            };
            let Some(id) = item.get_attribute("data-partner") else {
                continue;
            };
            let hide = !shown.contains(id.as_str());
            if item.has_attribute("display") != hide {
                let _ = if hide {
                    item.set_attribute("display", "none")
                } else {
                    item.remove_attribute("display")
                };
            }
        }
    });
}

/// A marker per shown partner with a point: a link named "Tokyo, Jepang", in list order so
/// that the tab order on the map matches the list. Each marker is static markup; clicks,
/// hover and focus are handled once for the whole group, and the language rebuilds the
/// group, so a marker costs no closure of its own and a keystroke touches only the markers
/// that come or go.
#[component]
fn MapMarkers(
    points: MapPoints,
    /// The shown partners with a point, in list order.
    placed: Memo<Vec<PartnerId>>,
    /// The partners with a marker in the page: those placed, then (hidden) those placed before.
    mounted: Memo<Vec<PartnerId>>,
    /// Whether there are too many for a link each: then one path of dots.
    dense: Memo<bool>,
    /// Whether the press that ends in a click was a drag (a pan, not a tap).
    dragged: Signal<bool>,
    /// Called with a marker's map point when it takes the focus.
    reveal: Callback<(f64, f64)>,
) -> impl IntoView {
    let state = use_app();
    let lang = use_lang();
    let marker_of = |target: Option<web_sys::EventTarget>| -> Option<PartnerId> {
        let el = target?.dyn_into::<web_sys::Element>().ok()?;
        let marker = el.closest("g.marker[data-partner]").ok()??;
        marker.get_attribute("data-partner").map(PartnerId::from)
    };
    let on_click = move |e: ev::MouseEvent| {
        let Some(id) = marker_of(e.target()) else {
            return;
        };
        if dragged.get_untracked() {
            // A drag that started on the marker is a pan, not a tap.
            e.prevent_default();
            return;
        }
        follow_partner_link(state, &e, id);
    };
    let on_focus = {
        let points = points.clone();
        move |e: ev::FocusEvent| {
            if let Some(id) = marker_of(e.target()) {
                // A marker reached by Tab that lies outside the view comes into it.
                if let Some(p) = points.get(&id) {
                    reveal.run((p.x, p.y));
                }
                state.hover(Some(id));
            }
        }
    };
    let dots = {
        let points = points.clone();
        move || {
            placed.with(|ids| {
                let mut d = String::new();
                for p in ids.iter().filter_map(|id| points.get(id)) {
                    // A zero-length line with round caps of a fixed screen width: a dot that
                    // keeps its size at every zoom without redrawing the path.
                    let _ = std::fmt::Write::write_fmt(
                        &mut d,
                        format_args!("M{} {}h0", Fixed(p.x, 1), Fixed(p.y, 1)),
                    );
                }
                d
            })
        }
    };
    let markers = move || {
        if dense.get() {
            let dots = dots.clone();
            return view! { <path class="dots" d=dots aria-hidden="true" /> }.into_any();
        }
        let lang = lang.get();
        let points = points.clone();
        view! {
            <For
                each=move || mounted.get()
                key=|id| id.clone()
                children={
                    let points = points.clone();
                    move |id| {
                        let point = points.get(&id).cloned();
                        let href = state.partner_href_in(&id, lang);
                        point
                            .map(|p| {
                                view! {
                                    <g
                                        class="marker"
                                        data-partner=id.to_string()
                                        transform=format!(
                                            "translate({} {})",
                                            Fixed(p.x, 1),
                                            Fixed(p.y, 1),
                                        )
                                    >
                                        <a href=href aria-label=lang.pick(&p.full_name).to_owned()>
                                            <g class="marker-body">
                                                // 46 px across: a thumb-sized target (44 px) with room for rounding of the scale.
                                                <circle class="hit" r="23" />
                                                <circle class="dot" r="5" />
                                                <text class="label" x="8" y="4" aria-hidden="true">
                                                    {lang.pick(&p.name).to_owned()}
                                                </text>
                                            </g>
                                        </a>
                                    </g>
                                }
                            })
                    }
                }
            />
        }
        .into_any()
    };
    let group = NodeRef::<svg::G>::new();
    show_placed(group, placed, mounted, dense, Some(lang));
    view! {
        <g
            class="markers"
            node_ref=group
            on:click=on_click
            on:focusin=on_focus
            on:focusout=move |_| state.hover(None)
            on:mouseover=move |e: ev::MouseEvent| state.hover(marker_of(e.target()))
            on:mouseleave=move |_| state.hover(None)
        >
            {markers}
        </g>
    }
}

/// The open and the hovered partner drawn over the rest: a larger point with its name, and
/// its arc in full colour. Two elements follow the state, not one per marker.
#[component]
fn MapHighlight(points: MapPoints) -> impl IntoView {
    let state = use_app();
    let lang = use_lang();
    let visible = state.visible();
    let open = state.open();
    let hovered = state.hovered();
    let shown = move |id: Option<PartnerId>| {
        id.filter(|id| visible.with(|v| v.contains(id)))
            .and_then(|id| points.get(&id).cloned())
    };
    let mark = move |point: Option<MapPoint>| {
        point.map(|p| {
            view! {
                <g class="highlight">
                    <path class="arc active" d=p.arc_path() />
                    <g
                        class="marker selected"
                        transform=format!("translate({} {})", Fixed(p.x, 1), Fixed(p.y, 1))
                    >
                        <g class="marker-body">
                            <circle class="dot" r="5" />
                            <text class="label" x="8" y="4">
                                {move || lang.get().pick(&p.name).to_owned()}
                            </text>
                        </g>
                    </g>
                </g>
            }
        })
    };
    let shown_open = shown.clone();
    view! {
        <g class="highlights" aria-hidden="true">
            {move || mark(shown_open(open.get()))}
            {move || mark(shown(hovered.get().filter(|h| Some(h) != open.get().as_ref())))}
        </g>
    }
}
