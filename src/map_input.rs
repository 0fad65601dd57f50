//! The map's gestures as a pure reducer: pointer down, move and up (drag and two-finger
//! pinch), the wheel, keys, the zoom buttons, resizes and focus on a marker, each turned
//! into a new [`ViewBox`]. `WorldMap` only forwards the browser's events here and applies
//! the outcome, so the rules (the drag threshold, pinch about the fingers' midpoint, wheel
//! about the cursor) are tested natively (`tests/map_input.rs`).

use crate::geo::{math, ViewBox};

/// Screen pixels a pointer must move before a press becomes a drag; below it, a tap on a
/// marker stays a click.
pub const DRAG_THRESHOLD_PX: f64 = 4.0;
/// Zoom factor of one button press or key press.
pub const ZOOM_STEP: f64 = 1.5;
/// Share of the visible width one arrow key press pans.
pub const PAN_STEP: f64 = 0.15;
/// Zoom factor per pixel of wheel movement: 100 px (one notch of most mice) zooms by e^0.2.
pub const WHEEL_RATE: f64 = 0.002;
/// Pixels per line of a wheel that reports lines (Firefox, some mice).
pub const WHEEL_LINE_PX: f64 = 16.0;
/// From this zoom level on, every marker shows its name; below it they would overlap.
pub const LABEL_ZOOM: f64 = 3.0;
/// From this zoom level on, the map draws the countries of `world.svg` in full; below it,
/// those of `world-lite.svg`, which stray by at most about 0.85 map units: at most about two
/// pixels up to here on a map 1,200 pixels wide (`geo::world_svg_lite`).
pub const DETAIL_ZOOM: f64 = 2.0;

/// Where the map's element is on the screen, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    /// Width over height, as `ViewBox` takes it.
    pub fn aspect(&self) -> f64 {
        self.width / self.height
    }

    /// The map point under a point on the screen, for the view `view`.
    fn to_map(self, view: &ViewBox, client_x: f64, client_y: f64) -> (f64, f64) {
        view.to_map(
            client_x - self.left,
            client_y - self.top,
            self.width,
            self.height,
        )
    }
}

/// One thing the person did to the map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MapInput<'a> {
    /// A pointer (mouse button, finger, pen) pressed at a point on the screen.
    Down {
        pointer: i32,
        x: f64,
        y: f64,
    },
    /// A pointer moved; only pressed pointers count.
    Move {
        pointer: i32,
        x: f64,
        y: f64,
    },
    /// A pointer lifted or cancelled.
    Up {
        pointer: i32,
    },
    /// The wheel turned over a point; `lines` when the wheel reports lines, not pixels.
    Wheel {
        x: f64,
        y: f64,
        delta_y: f64,
        lines: bool,
    },
    /// A key pressed while the map has the focus (`KeyboardEvent.key`).
    Key(&'a str),
    ZoomIn,
    ZoomOut,
    Reset,
    /// The element changed size: the same centre and zoom at its new aspect.
    Resize,
    /// A marker at this map point took the focus: bring it into view if it is outside.
    Reveal {
        x: f64,
        y: f64,
    },
}

/// What to do after an input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    /// The view to show.
    pub view: ViewBox,
    /// The input was the map's: stop the browser's own reaction (scrolling the page).
    pub consumed: bool,
    /// Capture this pointer on the element: a drag has begun, and it must go on even if
    /// the pointer leaves the map. Not done on press, which would swallow a tap's click.
    pub capture: Option<i32>,
}

/// The pointers pressed on the map, and whether the press has become a drag.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gesture {
    /// Pressed pointers and where each was last seen.
    pointers: Vec<(i32, (f64, f64))>,
    /// Where the first pointer went down.
    start: Option<(f64, f64)>,
    dragged: bool,
    /// The distance between two fingers at the last move of a pinch.
    pinch_distance: Option<f64>,
}

impl Gesture {
    /// True once the current press has moved beyond the threshold (or pinched): the click
    /// that ends it is not a tap on a marker.
    pub fn dragged(&self) -> bool {
        self.dragged
    }

    /// Applies one input to the view `view` shown in the element at `rect`.
    pub fn step(&mut self, view: ViewBox, input: MapInput, rect: Rect) -> Outcome {
        let aspect = rect.aspect();
        let unchanged = Outcome {
            view,
            consumed: false,
            capture: None,
        };
        let to = |view: ViewBox| Outcome {
            view,
            consumed: true,
            capture: None,
        };
        match input {
            MapInput::Down { pointer, x, y } => {
                self.pointers.retain(|(p, _)| *p != pointer);
                self.pointers.push((pointer, (x, y)));
                if self.pointers.len() == 1 {
                    self.start = Some((x, y));
                    self.dragged = false;
                }
                self.pinch_distance = None;
                unchanged
            }
            MapInput::Move { pointer, x, y } => self.moved(view, pointer, (x, y), rect),
            MapInput::Up { pointer } => {
                self.pointers.retain(|(p, _)| *p != pointer);
                self.pinch_distance = None;
                unchanged
            }
            MapInput::Wheel {
                x,
                y,
                delta_y,
                lines,
            } => {
                let pixels = if lines {
                    delta_y * WHEEL_LINE_PX
                } else {
                    delta_y
                };
                let (px, py) = rect.to_map(&view, x, y);
                to(view.zoom_at(math::exp(-pixels * WHEEL_RATE), px, py, aspect))
            }
            MapInput::Key(key) => {
                let step = view.w * PAN_STEP;
                let (cx, cy) = view.center();
                match key {
                    "ArrowLeft" => to(view.pan(-step, 0.0, aspect)),
                    "ArrowRight" => to(view.pan(step, 0.0, aspect)),
                    "ArrowUp" => to(view.pan(0.0, -step, aspect)),
                    "ArrowDown" => to(view.pan(0.0, step, aspect)),
                    "+" | "=" => to(view.zoom_at(ZOOM_STEP, cx, cy, aspect)),
                    "-" | "_" => to(view.zoom_at(1.0 / ZOOM_STEP, cx, cy, aspect)),
                    "0" => to(ViewBox::fit(aspect)),
                    // Other keys (Tab, Enter on a marker) keep their usual meaning.
                    _ => unchanged,
                }
            }
            MapInput::ZoomIn | MapInput::ZoomOut => {
                let factor = if input == MapInput::ZoomIn {
                    ZOOM_STEP
                } else {
                    1.0 / ZOOM_STEP
                };
                let (cx, cy) = view.center();
                to(view.zoom_at(factor, cx, cy, aspect))
            }
            MapInput::Reset => to(ViewBox::fit(aspect)),
            MapInput::Resize => to(view.with_aspect(aspect)),
            MapInput::Reveal { x, y } => {
                if view.contains(x, y) {
                    unchanged
                } else {
                    to(view.center_on(x, y, aspect))
                }
            }
        }
    }

    fn moved(&mut self, view: ViewBox, pointer: i32, to: (f64, f64), rect: Rect) -> Outcome {
        let mut outcome = Outcome {
            view,
            consumed: false,
            capture: None,
        };
        let Some(at) = self.pointers.iter().position(|(p, _)| *p == pointer) else {
            // A mouse moving over the map with no button pressed.
            return outcome;
        };
        let previous = self.pointers[at].1;
        self.pointers[at].1 = to;
        match self.pointers.len() {
            1 => {
                if !self.dragged {
                    let beyond = self.start.is_some_and(|(sx, sy)| {
                        math::hypot(to.0 - sx, to.1 - sy) > DRAG_THRESHOLD_PX
                    });
                    if !beyond {
                        return outcome;
                    }
                    self.dragged = true;
                    outcome.capture = Some(pointer);
                }
                let k = view.units_per_px(rect.width);
                outcome.view = view.pan(
                    -(to.0 - previous.0) * k,
                    -(to.1 - previous.1) * k,
                    rect.aspect(),
                );
                outcome.consumed = true;
            }
            2 => {
                self.dragged = true;
                let (_, other) = self.pointers[1 - at];
                let distance = math::hypot(to.0 - other.0, to.1 - other.1);
                if let Some(before) = self.pinch_distance.filter(|d| *d > 0.0) {
                    let (mx, my) = ((to.0 + other.0) / 2.0, (to.1 + other.1) / 2.0);
                    let (px, py) = rect.to_map(&view, mx, my);
                    outcome.view = view.zoom_at(distance / before, px, py, rect.aspect());
                }
                self.pinch_distance = Some(distance);
                outcome.consumed = true;
            }
            // A third finger: hold the view until it is lifted.
            _ => {}
        }
        outcome
    }
}
