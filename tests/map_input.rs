//! The map's gestures (`map_input`): a press becomes a drag only past the threshold, so a tap
//! on a marker stays a click; two fingers pinch about their midpoint; the wheel zooms about
//! the cursor; keys pan and zoom and leave other keys alone.

use jakarta_sister_cities::geo::{ViewBox, MAP_HEIGHT, MAP_WIDTH};
use jakarta_sister_cities::map_input::{
    Gesture, MapInput, Outcome, Rect, DRAG_THRESHOLD_PX, ZOOM_STEP,
};

/// An element at (100, 50) on the screen, sized like the map itself at one unit per pixel.
const RECT: Rect = Rect {
    left: 100.0,
    top: 50.0,
    width: MAP_WIDTH,
    height: MAP_HEIGHT,
};

fn fitted() -> ViewBox {
    ViewBox::fit(RECT.aspect())
}

/// Zoomed in 4x about the centre, so there is room to pan in every direction.
fn zoomed() -> ViewBox {
    let (cx, cy) = fitted().center();
    fitted().zoom_at(4.0, cx, cy, RECT.aspect())
}

/// Runs inputs in order from `view`, returning every outcome.
fn run(gesture: &mut Gesture, mut view: ViewBox, inputs: &[MapInput]) -> Vec<Outcome> {
    inputs
        .iter()
        .map(|&input| {
            let outcome = gesture.step(view, input, RECT);
            view = outcome.view;
            outcome
        })
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn a_press_that_moves_less_than_the_threshold_is_a_tap() {
    let mut g = Gesture::default();
    let small = DRAG_THRESHOLD_PX * 0.9;
    let outcomes = run(
        &mut g,
        zoomed(),
        &[
            MapInput::Down {
                pointer: 1,
                x: 300.0,
                y: 200.0,
            },
            MapInput::Move {
                pointer: 1,
                x: 300.0 + small,
                y: 200.0,
            },
            MapInput::Up { pointer: 1 },
        ],
    );
    assert!(!g.dragged(), "a small wobble must stay a tap");
    assert!(outcomes
        .iter()
        .all(|o| o.view == zoomed() && o.capture.is_none()));
}

#[test]
fn a_press_that_moves_past_the_threshold_pans_and_captures_once() {
    let mut g = Gesture::default();
    let start = zoomed();
    let outcomes = run(
        &mut g,
        start,
        &[
            MapInput::Down {
                pointer: 7,
                x: 300.0,
                y: 200.0,
            },
            MapInput::Move {
                pointer: 7,
                x: 300.0 - 10.0,
                y: 200.0,
            },
            MapInput::Move {
                pointer: 7,
                x: 300.0 - 30.0,
                y: 200.0 - 5.0,
            },
        ],
    );
    assert!(g.dragged());
    assert_eq!(
        outcomes[1].capture,
        Some(7),
        "captured when the drag begins"
    );
    assert_eq!(outcomes[2].capture, None, "and only then");
    // Dragging left by 30 px shows more of the east by 30 px worth of map units.
    let k = start.units_per_px(RECT.width);
    let end = outcomes[2].view;
    assert!(close(end.x - start.x, 30.0 * k), "{end:?}");
    assert!(close(end.y - start.y, 5.0 * k), "{end:?}");
    assert!(outcomes[1].consumed && outcomes[2].consumed);
    // The next press starts afresh.
    g.step(end, MapInput::Up { pointer: 7 }, RECT);
    g.step(
        end,
        MapInput::Down {
            pointer: 8,
            x: 0.0,
            y: 0.0,
        },
        RECT,
    );
    assert!(!g.dragged());
}

#[test]
fn a_mouse_moving_without_a_button_changes_nothing() {
    let mut g = Gesture::default();
    let outcome = g.step(
        zoomed(),
        MapInput::Move {
            pointer: 1,
            x: 10.0,
            y: 10.0,
        },
        RECT,
    );
    assert_eq!(outcome.view, zoomed());
    assert!(!outcome.consumed);
}

#[test]
fn two_fingers_pinch_about_their_midpoint() {
    let mut g = Gesture::default();
    let start = fitted();
    // Fingers 100 px apart around (500, 250) on the screen, moving to 200 px apart.
    let outcomes = run(
        &mut g,
        start,
        &[
            MapInput::Down {
                pointer: 1,
                x: 450.0,
                y: 250.0,
            },
            MapInput::Down {
                pointer: 2,
                x: 550.0,
                y: 250.0,
            },
            MapInput::Move {
                pointer: 1,
                x: 450.0,
                y: 250.0,
            },
            MapInput::Move {
                pointer: 2,
                x: 650.0,
                y: 250.0,
            },
        ],
    );
    assert!(g.dragged(), "a pinch is never a tap");
    let end = outcomes[3].view;
    assert!(
        close(start.w / end.w, 2.0),
        "zoomed by the ratio of distances: {end:?}"
    );
    // The map point under the fingers' centre stays under it while they spread.
    let (mx, my) = (550.0 - RECT.left, 250.0 - RECT.top);
    let before = start.to_map(mx, my, RECT.width, RECT.height);
    let after = end.to_map(mx, my, RECT.width, RECT.height);
    assert!(
        close(before.0, after.0) && close(before.1, after.1),
        "{before:?} {after:?}"
    );
}

#[test]
fn lifting_a_finger_ends_the_pinch_without_a_jump() {
    let mut g = Gesture::default();
    let view = run(
        &mut g,
        fitted(),
        &[
            MapInput::Down {
                pointer: 1,
                x: 450.0,
                y: 250.0,
            },
            MapInput::Down {
                pointer: 2,
                x: 550.0,
                y: 250.0,
            },
            MapInput::Move {
                pointer: 2,
                x: 600.0,
                y: 250.0,
            },
            MapInput::Up { pointer: 2 },
        ],
    )[3]
    .view;
    // The remaining finger pans from where it is, not from where the pinch began.
    let after = g.step(
        view,
        MapInput::Move {
            pointer: 1,
            x: 450.0,
            y: 250.0,
        },
        RECT,
    );
    assert_eq!(after.view, view);
}

#[test]
fn the_wheel_zooms_about_the_cursor() {
    let mut g = Gesture::default();
    let start = fitted();
    let (x, y) = (RECT.left + 200.0, RECT.top + 100.0);
    let anchor = start.to_map(200.0, 100.0, RECT.width, RECT.height);
    let zoomed_in = g.step(
        start,
        MapInput::Wheel {
            x,
            y,
            delta_y: -100.0,
            lines: false,
        },
        RECT,
    );
    assert!(zoomed_in.consumed);
    assert!(close(start.w / zoomed_in.view.w, (0.2f64).exp()));
    let still = zoomed_in.view.to_map(200.0, 100.0, RECT.width, RECT.height);
    assert!(
        close(anchor.0, still.0) && close(anchor.1, still.1),
        "{anchor:?} {still:?}"
    );
    // Three lines are as far as 48 pixels.
    let by_lines = g.step(
        start,
        MapInput::Wheel {
            x,
            y,
            delta_y: -3.0,
            lines: true,
        },
        RECT,
    );
    let by_pixels = g.step(
        start,
        MapInput::Wheel {
            x,
            y,
            delta_y: -48.0,
            lines: false,
        },
        RECT,
    );
    assert_eq!(by_lines.view, by_pixels.view);
    // Scrolling down from the fitted view cannot zoom out past 1x.
    let out = g.step(
        start,
        MapInput::Wheel {
            x,
            y,
            delta_y: 500.0,
            lines: false,
        },
        RECT,
    );
    assert_eq!(out.view, start);
}

#[test]
fn keys_pan_and_zoom_and_leave_other_keys_alone() {
    let mut g = Gesture::default();
    let start = zoomed();
    let right = g.step(start, MapInput::Key("ArrowRight"), RECT);
    assert!(right.consumed && right.view.x > start.x);
    let up = g.step(start, MapInput::Key("ArrowUp"), RECT);
    assert!(up.view.y < start.y);
    let plus = g.step(start, MapInput::Key("+"), RECT);
    assert!(close(start.w / plus.view.w, ZOOM_STEP));
    let (a, b) = (plus.view.center(), start.center());
    assert!(close(a.0, b.0) && close(a.1, b.1), "{a:?} {b:?}");
    let minus = g.step(start, MapInput::Key("-"), RECT);
    assert!(close(minus.view.w / start.w, ZOOM_STEP));
    assert_eq!(g.step(start, MapInput::Key("0"), RECT).view, fitted());
    for key in ["Tab", "Enter", " ", "a"] {
        let other = g.step(start, MapInput::Key(key), RECT);
        assert!(!other.consumed, "{key:?} is not the map's");
        assert_eq!(other.view, start);
    }
}

#[test]
fn buttons_zoom_about_the_centre_and_reset_fits() {
    let mut g = Gesture::default();
    let start = fitted();
    let zoomed_in = g.step(start, MapInput::ZoomIn, RECT).view;
    assert!(close(start.w / zoomed_in.w, ZOOM_STEP));
    let back = g.step(zoomed_in, MapInput::ZoomOut, RECT).view;
    assert!(close(back.w, start.w));
    assert_eq!(g.step(zoomed_in, MapInput::Reset, RECT).view, fitted());
}

#[test]
fn a_focused_marker_outside_the_view_comes_into_it() {
    let mut g = Gesture::default();
    let view = zoomed();
    let inside = view.center();
    assert_eq!(
        g.step(
            view,
            MapInput::Reveal {
                x: inside.0,
                y: inside.1
            },
            RECT
        )
        .view,
        view
    );
    let outside = (view.x - 50.0, view.y + view.h / 2.0);
    let moved = g
        .step(
            view,
            MapInput::Reveal {
                x: outside.0,
                y: outside.1,
            },
            RECT,
        )
        .view;
    assert!(moved.contains(outside.0, outside.1), "{moved:?}");
    assert!(close(moved.w, view.w), "the zoom stays");
}

#[test]
fn a_resize_keeps_the_centre_and_takes_the_new_aspect() {
    let mut g = Gesture::default();
    let view = zoomed();
    let tall = Rect {
        width: 390.0,
        height: 600.0,
        ..RECT
    };
    let resized = g.step(view, MapInput::Resize, tall).view;
    assert!(close(resized.w / resized.h, tall.aspect()));
    assert!(resized.contains(view.center().0, view.center().1));
}
