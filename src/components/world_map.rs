use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::{ev, svg};
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::components::partner_href;
use crate::geo::{self, ViewBox};
use crate::i18n::Key;
use crate::model::{Dataset, Text};
use crate::{use_app, use_lang, Nav};

/// Screen pixels a pointer must move before a press becomes a drag; below it, a tap
/// on a marker stays a click.
const DRAG_THRESHOLD_PX: f64 = 4.0;
/// Zoom factor of one button press or key press.
const ZOOM_STEP: f64 = 1.5;
/// Share of the visible width one arrow key press pans.
const PAN_STEP: f64 = 0.15;

/// A partner placed on the map.
#[derive(Clone)]
struct Placed {
    id: String,
    x: f64,
    y: f64,
    arc: String,
    /// Short name for the label.
    name: Text,
    /// Accessible name with the country, e.g. "Tokyo, Jepang".
    full_name: Text,
}

/// Where the pointers pressed on the map are, for drag and pinch.
#[derive(Default)]
struct Gesture {
    pointers: HashMap<i32, (f64, f64)>,
    start: Option<(f64, f64)>,
    dragged: bool,
    pinch_distance: Option<f64>,
}

/// The world map: countries, an arc from Jakarta and a marker per partner with a point,
/// with pan and zoom by mouse, touch, keyboard and buttons.
#[component]
pub fn WorldMap(
    /// The loaded dataset.
    data: Arc<Dataset>,
    /// Indices of the partners that match the filters, in list order.
    #[prop(into)]
    filtered: Signal<Vec<usize>>,
) -> impl IntoView {
    let state = use_app();
    let lang = use_lang();
    let svg_ref = NodeRef::<svg::Svg>::new();
    // Element size in CSS pixels; the real size is known only after mount.
    let size = RwSignal::new((geo::MAP_WIDTH, geo::MAP_HEIGHT));
    let aspect = move || {
        size.with(|(w, h)| {
            if *h > 0.0 {
                w / h
            } else {
                geo::MAP_WIDTH / geo::MAP_HEIGHT
            }
        })
    };
    let view_box = RwSignal::new(ViewBox::fit(geo::MAP_WIDTH / geo::MAP_HEIGHT));
    let gesture = StoredValue::new(Gesture::default());

    let home = &data.home.geo;
    let (home_x, home_y) = geo::project(home.lat, home.lon);
    let placed: Arc<HashMap<String, Placed>> = Arc::new(
        data.partners
            .iter()
            .filter_map(|p| {
                let g = p.geo.as_ref()?;
                let (x, y) = geo::project(g.lat, g.lon);
                let country = data.country_text(p);
                let full_name = match &country {
                    Some(c) => Text {
                        id: format!("{}, {}", p.name.id, c.id),
                        en: format!("{}, {}", p.name.en, c.en),
                    },
                    None => p.name.clone(),
                };
                Some((
                    p.id.clone(),
                    Placed {
                        id: p.id.clone(),
                        x,
                        y,
                        arc: geo::arc_path(home.lat, home.lon, g.lat, g.lon),
                        name: p.name.clone(),
                        full_name,
                    },
                ))
            })
            .collect(),
    );
    let countries: String = geo::country_paths()
        .map(|(_, d)| format!("<path d=\"{d}\"/>"))
        .collect();

    // Markers in list order, so the tab order on the map matches the list.
    let shown = {
        let data = data.clone();
        let placed = placed.clone();
        move || {
            filtered.with(|f| {
                f.iter()
                    .filter_map(|&i| data.partners.get(i))
                    .filter_map(|p| placed.get(&p.id).cloned())
                    .collect::<Vec<_>>()
            })
        }
    };
    let units_per_px = move || view_box.with(|v| v.units_per_px(size.with(|(w, _)| *w).max(1.0)));
    let zoom = move || view_box.with(|v| v.zoom_level(aspect()));

    // Keeps the view's aspect equal to the element's through every resize.
    Effect::new(move |_| {
        let Some(svg) = svg_ref.get() else { return };
        let read = move |el: &web_sys::Element| {
            let rect = el.get_bounding_client_rect();
            if rect.width() > 0.0 && rect.height() > 0.0 {
                size.set((rect.width(), rect.height()));
                view_box.update(|v| *v = v.with_aspect(rect.width() / rect.height()));
            }
        };
        let element: web_sys::Element = svg.clone().into();
        read(&element);
        let target = element.clone();
        let callback = Closure::<dyn FnMut()>::new(move || read(&target));
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&element);
            let keep = SendWrapper::new((observer, callback));
            on_cleanup(move || keep.0.disconnect());
        }
    });

    let to_map = move |client_x: f64, client_y: f64| -> Option<(f64, f64)> {
        let svg = svg_ref.get_untracked()?;
        let rect = svg.get_bounding_client_rect();
        Some(view_box.get_untracked().to_map(
            client_x - rect.left(),
            client_y - rect.top(),
            rect.width(),
            rect.height(),
        ))
    };
    let zoom_by = move |factor: f64, at: Option<(f64, f64)>| {
        let v = view_box.get_untracked();
        let (px, py) = at.unwrap_or((v.x + v.w / 2.0, v.y + v.h / 2.0));
        view_box.set(v.zoom_at(factor, px, py, aspect()));
    };
    let reset = move || view_box.set(ViewBox::fit(aspect()));

    let on_pointerdown = move |e: ev::PointerEvent| {
        gesture.update_value(|g| {
            g.pointers
                .insert(e.pointer_id(), (e.client_x() as f64, e.client_y() as f64));
            if g.pointers.len() == 1 {
                g.start = Some((e.client_x() as f64, e.client_y() as f64));
                g.dragged = false;
            }
            g.pinch_distance = None;
        });
    };
    let on_pointermove = move |e: ev::PointerEvent| {
        let (x, y) = (e.client_x() as f64, e.client_y() as f64);
        let Some(previous) = gesture.with_value(|g| g.pointers.get(&e.pointer_id()).copied())
        else {
            return;
        };
        let count = gesture.with_value(|g| g.pointers.len());
        let width = size.get_untracked().0.max(1.0);
        if count == 1 {
            let beyond = gesture.with_value(|g| {
                g.start
                    .is_some_and(|(sx, sy)| (x - sx).hypot(y - sy) > DRAG_THRESHOLD_PX)
            });
            if !gesture.with_value(|g| g.dragged) && !beyond {
                return;
            }
            if !gesture.with_value(|g| g.dragged) {
                gesture.update_value(|g| g.dragged = true);
                // Captured only now: capturing on press would swallow a tap's click on a marker.
                if let Some(target) = e
                    .current_target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                {
                    let _ = target.set_pointer_capture(e.pointer_id());
                }
            }
            let v = view_box.get_untracked();
            let k = v.w / width;
            view_box.set(v.pan(-(x - previous.0) * k, -(y - previous.1) * k, aspect()));
        } else if count == 2 {
            gesture.update_value(|g| g.dragged = true);
            let others: Vec<(f64, f64)> = gesture.with_value(|g| {
                g.pointers
                    .iter()
                    .filter(|(id, _)| **id != e.pointer_id())
                    .map(|(_, p)| *p)
                    .collect()
            });
            if let Some(&(ox, oy)) = others.first() {
                let distance = (x - ox).hypot(y - oy);
                if let Some(before) = gesture.with_value(|g| g.pinch_distance) {
                    if before > 0.0 {
                        zoom_by(distance / before, to_map((x + ox) / 2.0, (y + oy) / 2.0));
                    }
                }
                gesture.update_value(|g| g.pinch_distance = Some(distance));
            }
        }
        gesture.update_value(|g| {
            g.pointers.insert(e.pointer_id(), (x, y));
        });
    };
    let on_pointerup = move |e: ev::PointerEvent| {
        gesture.update_value(|g| {
            g.pointers.remove(&e.pointer_id());
            g.pinch_distance = None;
        });
    };
    let on_wheel = move |e: ev::WheelEvent| {
        e.prevent_default();
        // Line-mode deltas (Firefox, some mice) are about 16 pixels each.
        let scale = if e.delta_mode() == 1 { 16.0 } else { 1.0 };
        let factor = (-e.delta_y() * scale * 0.002).exp();
        zoom_by(factor, to_map(e.client_x() as f64, e.client_y() as f64));
    };
    let on_keydown = move |e: ev::KeyboardEvent| {
        let v = view_box.get_untracked();
        let (step, a) = (v.w * PAN_STEP, aspect());
        let (cx, cy) = (v.x + v.w / 2.0, v.y + v.h / 2.0);
        let next = match e.key().as_str() {
            "ArrowLeft" => v.pan(-step, 0.0, a),
            "ArrowRight" => v.pan(step, 0.0, a),
            "ArrowUp" => v.pan(0.0, -step, a),
            "ArrowDown" => v.pan(0.0, step, a),
            "+" | "=" => v.zoom_at(ZOOM_STEP, cx, cy, a),
            "-" | "_" => v.zoom_at(1.0 / ZOOM_STEP, cx, cy, a),
            "0" => ViewBox::fit(a),
            // Other keys (Tab, Enter on a marker) keep their usual meaning.
            _ => return,
        };
        // The page must not scroll while the map has the keys.
        e.prevent_default();
        view_box.set(next);
    };

    let is_shown = {
        let data = data.clone();
        move |id: &str| {
            filtered.with(|f| {
                f.iter()
                    .any(|&i| data.partners.get(i).is_some_and(|p| p.id == id))
            })
        }
    };
    let arcs: Vec<Placed> = {
        let mut v: Vec<Placed> = placed.values().cloned().collect();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v
    };

    view! {
        <div class="world-map">
            <svg
                node_ref=svg_ref
                class="map-svg"
                role="group"
                tabindex="0"
                aria-label=move || Key::MapLabel.get(lang.get())
                viewBox=move || view_box.with(ViewBox::attr)
                preserveAspectRatio="xMidYMid meet"
                on:pointerdown=on_pointerdown
                on:pointermove=on_pointermove
                on:pointerup=on_pointerup
                on:pointercancel=on_pointerup
                on:wheel=on_wheel
                // Markers are links; the browser's own link dragging would cancel our pan.
                on:dragstart=|e: ev::DragEvent| e.prevent_default()
                on:keydown=on_keydown
            >
                <g aria-hidden="true">
                    <path class="sphere" d=geo::SPHERE_PATH />
                    <g class="countries" inner_html=countries />
                    <g class="arcs">
                        {arcs
                            .into_iter()
                            .map(|p| {
                                let id = p.id.clone();
                                let shown = is_shown.clone();
                                let hovered = {
                                    let id = id.clone();
                                    move || state.hovered.with(|h| h.as_deref() == Some(id.as_str()))
                                        || state.query.with(|q| q.partner.as_deref() == Some(id.as_str()))
                                };
                                view! { <path class="arc" class:out=move || !shown(&id) class:active=hovered d=p.arc /> }
                            })
                            .collect_view()}
                    </g>
                    <g class="marker home" transform=move || format!("translate({home_x:.1} {home_y:.1}) scale({:.4})", units_per_px())>
                        <circle r="7" />
                        <text x="10" y="4">{move || Key::Jakarta.get(lang.get())}</text>
                    </g>
                </g>
                <g class="markers">
                    <For each=shown key=|p| p.id.clone() let:p>
                        {
                            let id = p.id.clone();
                            let full_name = p.full_name.clone();
                            let label = p.name.clone();
                            let selected = {
                                let id = id.clone();
                                move || state.query.with(|q| q.partner.as_deref() == Some(id.as_str()))
                            };
                            let hovered = {
                                let id = id.clone();
                                move || state.hovered.with(|h| h.as_deref() == Some(id.as_str()))
                            };
                            let href = partner_href(id.clone());
                            let open = {
                                let id = id.clone();
                                move |e: ev::MouseEvent| {
                                    e.prevent_default();
                                    // A drag that started on the marker is a pan, not a tap.
                                    if gesture.with_value(|g| g.dragged) {
                                        return;
                                    }
                                    let id = id.clone();
                                    state.update(Nav::Push, move |q| q.partner = Some(id));
                                }
                            };
                            let enter = {
                                let id = id.clone();
                                move || state.hovered.set(Some(id.clone()))
                            };
                            let (px, py) = (p.x, p.y);
                            // Labels stay hidden at low zoom, where they would overlap.
                            let label_class = move || if zoom() >= 3.0 { "label always" } else { "label" };
                            let focus = move |_| {
                                enter();
                                // Pans to a marker reached by Tab that lies outside the view.
                                let v = view_box.get_untracked();
                                if px < v.x || px > v.x + v.w || py < v.y || py > v.y + v.h {
                                    view_box.set(v.center_on(px, py, aspect()));
                                }
                            };
                            let enter2 = {
                                let id = id.clone();
                                move || state.hovered.set(Some(id.clone()))
                            };
                            view! {
                                <g
                                    class="marker"
                                    class:selected=selected
                                    class:hovered=hovered
                                    data-partner=id.clone()
                                    transform=move || format!("translate({:.1} {:.1}) scale({:.4})", p.x, p.y, units_per_px())
                                >
                                    <a
                                        href=href
                                        aria-label=move || lang.get().pick(&full_name).to_owned()
                                        on:click=open
                                        on:focus=focus
                                        on:blur=move |_| state.hovered.set(None)
                                        on:mouseenter=move |_| enter2()
                                        on:mouseleave=move |_| state.hovered.set(None)
                                    >
                                        // 46 px across: a thumb-sized target (44 px) with room for rounding of the scale.
                                        <circle class="hit" r="23" />
                                        <circle class="dot" r="5" />
                                        <text class=label_class x="8" y="4" aria-hidden="true">
                                            {move || lang.get().pick(&label).to_owned()}
                                        </text>
                                    </a>
                                </g>
                            }
                        }
                    </For>
                </g>
            </svg>
            <div class="map-controls">
                <button type="button" class="button map-button" aria-label=move || Key::ZoomIn.get(lang.get()) on:click=move |_| zoom_by(ZOOM_STEP, None)>"+"</button>
                <button type="button" class="button map-button" aria-label=move || Key::ZoomOut.get(lang.get()) on:click=move |_| zoom_by(1.0 / ZOOM_STEP, None)>"−"</button>
                <button type="button" class="button map-button" aria-label=move || Key::ResetView.get(lang.get()) on:click=move |_| reset()>"⟲"</button>
            </div>
        </div>
    }
}
