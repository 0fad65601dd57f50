//! Native tests of `geo`: the Rust projection against d3's own numbers, distances,
//! arcs and their split at the seam, and the pan/zoom clamps.

use jakarta_sister_cities::geo::{
    self, arc, arc_path, distance_km, project, projection, ViewBox, MAP_HEIGHT, MAP_WIDTH,
};

#[path = "generated/reference_points.rs"]
mod reference_points;

use reference_points::REFERENCE_POINTS;

const JAKARTA: (f64, f64) = (-6.2146, 106.8451);
const TOKYO: (f64, f64) = (35.6895, 139.6917);
const LOS_ANGELES: (f64, f64) = (34.0522, -118.2437);
const BUENOS_AIRES: (f64, f64) = (-34.6131, -58.3772);
const MOSCOW: (f64, f64) = (55.7520, 37.6178);
const ROTTERDAM: (f64, f64) = (51.9225, 4.4792);
const SYDNEY: (f64, f64) = (-33.8678, 151.2073);

fn arc_between(a: (f64, f64), b: (f64, f64)) -> Vec<Vec<(f64, f64)>> {
    arc(a.0, a.1, b.0, b.1)
}

fn assert_close(actual: (f64, f64), expected: (f64, f64), tolerance: f64, what: &str) {
    let err = (actual.0 - expected.0)
        .abs()
        .max((actual.1 - expected.1).abs());
    assert!(
        err <= tolerance,
        "{what}: got {actual:?}, expected {expected:?} (off by {err})"
    );
}

/// The largest jump between consecutive points: a sub-path that wraps round the
/// map would jump by hundreds of units, one sample per degree by a few.
fn largest_step(path: &[(f64, f64)]) -> f64 {
    path.windows(2)
        .map(|w| (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1))
        .fold(0.0, f64::max)
}

/// Latitude where the great circle through two points crosses a meridian, by the
/// textbook formula, independent of the vector maths in `geo::arc`.
fn crossing_latitude(a: (f64, f64), b: (f64, f64), lon: f64) -> f64 {
    let (phi1, l1) = (a.0.to_radians(), a.1.to_radians());
    let (phi2, l2) = (b.0.to_radians(), b.1.to_radians());
    let l = lon.to_radians();
    ((phi1.tan() * (l2 - l).sin() + phi2.tan() * (l - l1).sin()) / (l2 - l1).sin())
        .atan()
        .to_degrees()
}

// Projection ---------------------------------------------------------------------

#[test]
fn projection_matches_d3_reference_points() {
    assert!(REFERENCE_POINTS.len() >= 14);
    for &(name, lat, lon, x, y) in REFERENCE_POINTS {
        assert_close(project(lat, lon), (x, y), 1e-6, name);
    }
}

#[test]
fn seam_points_fall_on_the_same_edge_as_in_d3() {
    // -30° itself and just east of it are on the left edge, just west on the right.
    let (seam_x, seam_y) = project(0.0, -30.0);
    assert!(seam_x.abs() < 1e-9, "seam at x {seam_x}");
    assert!((seam_y - projection::TRANSLATE_Y).abs() < 1e-9);
    assert!(project(0.0, -29.9).0 < 1.0);
    assert!(project(0.0, -30.1).0 > MAP_WIDTH - 1.0);
    // Longitudes outside ±180° wrap like d3's.
    assert_close(project(10.0, 390.0), project(10.0, 30.0), 1e-9, "390E");
    assert_close(project(10.0, -300.0), project(10.0, 60.0), 1e-9, "300W");
}

#[test]
fn projection_constants_describe_a_1000_wide_map_centred_on_150e() {
    assert_eq!(projection::CENTRAL_MERIDIAN, 150.0);
    assert_eq!(MAP_WIDTH, 1000.0);
    assert!((MAP_HEIGHT - 487.0).abs() < 1.0, "height {MAP_HEIGHT}");
    assert_close(
        project(0.0, 150.0),
        (MAP_WIDTH / 2.0, MAP_HEIGHT / 2.0),
        1e-9,
        "centre",
    );
    assert_close(
        project(90.0, 150.0),
        (MAP_WIDTH / 2.0, 0.0),
        1e-9,
        "north pole",
    );
    assert_close(
        project(-90.0, 150.0),
        (MAP_WIDTH / 2.0, MAP_HEIGHT),
        1e-9,
        "south pole",
    );
}

// Generated geometry -------------------------------------------------------------

// The country shapes are not in the WebAssembly (the build writes them into world.svg).
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn world_paths_hold_every_natural_earth_country() {
    let countries: Vec<_> = geo::country_paths().collect();
    assert_eq!(countries.len(), 177);
    assert_eq!(countries.len(), geo::WORLD_PATHS.lines().count());
    for name in [
        "Indonesia",
        "Japan",
        "Netherlands",
        "Antarctica",
        "Greenland",
    ] {
        assert!(countries.iter().any(|(n, _)| *n == name), "{name} missing");
    }
    for (name, d) in &countries {
        assert!(d.starts_with('m') && d.ends_with('z'), "{name}: {d:.40}");
    }
}

// The countries read back from their path data and written again are the same text: the
// light file is made from what `rings` reads.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn country_rings_read_and_written_again_are_the_same_path_data() {
    for (name, d) in geo::country_paths() {
        let rings = geo::rings(d);
        assert!(!rings.is_empty(), "{name}");
        assert!(rings.iter().all(|r| r.len() >= 3), "{name}");
        assert_eq!(geo::rings_data(&rings), d, "{name}");
    }
}

/// The distance, in tenths, from `p` to the closed polyline through `ring`.
#[cfg(not(target_arch = "wasm32"))]
fn tenths_to_ring(p: (i64, i64), ring: &[(i64, i64)]) -> f64 {
    let f = |q: (i64, i64)| (q.0 as f64, q.1 as f64);
    let (px, py) = f(p);
    (0..ring.len())
        .map(|i| {
            let ((ax, ay), (bx, by)) = (f(ring[i]), f(ring[(i + 1) % ring.len()]));
            let (dx, dy) = (bx - ax, by - ay);
            let length2 = dx * dx + dy * dy;
            let t = if length2 == 0.0 {
                0.0
            } else {
                (((px - ax) * dx + (py - ay) * dy) / length2).clamp(0.0, 1.0)
            };
            (px - ax - t * dx).hypot(py - ay - t * dy)
        })
        .fold(f64::INFINITY, f64::min)
}

// world-lite.svg: every country and every ring of world.svg, each point on the light grid
// and near a point of the full ring, no point of the full ring further from the light one
// than the tolerance plus half a grid step's diagonal, in 60 % of the bytes or fewer.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn light_countries_keep_every_ring_within_the_tolerance_in_fewer_bytes() {
    let grid = (geo::LITE_GRID * 10.0).round() as i64;
    let bound = geo::LITE_TOLERANCE * 10.0 + (grid as f64 / 2.0) * 2f64.sqrt();
    let (mut full_points, mut lite_points) = (0, 0);
    for (name, d) in geo::country_paths() {
        let full = geo::rings(d);
        let lite = geo::lite_rings(&full);
        assert_eq!(lite.len(), full.len(), "{name}: a ring lost");
        for (f, l) in full.iter().zip(&lite) {
            assert!(l.len() >= 3, "{name}: a ring of {} points", l.len());
            full_points += f.len();
            lite_points += l.len();
            let kept_whole = l == f;
            for &p in l {
                assert!(
                    kept_whole || (p.0 % grid == 0 && p.1 % grid == 0),
                    "{name}: {p:?} off the grid"
                );
                // Each light point is a full point moved onto the grid.
                let near = f
                    .iter()
                    .map(|q| ((p.0 - q.0) as f64).hypot((p.1 - q.1) as f64))
                    .fold(f64::INFINITY, f64::min);
                assert!(
                    near <= grid as f64 / 2.0 * 2f64.sqrt() + 1e-9,
                    "{name}: {p:?} {near}"
                );
            }
            for &q in f {
                let off = tenths_to_ring(q, l);
                assert!(off <= bound + 1e-9, "{name}: {q:?} is {off} tenths off");
            }
        }
    }
    assert!(
        lite_points < full_points,
        "{lite_points} of {full_points} points"
    );
    let (full, lite) = (geo::world_svg(), geo::world_svg_lite());
    assert!(lite.starts_with(&full[..full.find("<path").unwrap_or(0)]));
    assert_eq!(lite.matches("<path ").count(), 177);
    assert!(
        lite.len() * 10 < full.len() * 6,
        "world-lite.svg is {} bytes, world.svg {}",
        lite.len(),
        full.len()
    );
}

#[test]
fn sphere_path_is_a_closed_outline() {
    assert!(geo::SPHERE_PATH.starts_with('m'));
    assert!(geo::SPHERE_PATH.ends_with('z'));
}

// Distance -----------------------------------------------------------------------

#[test]
fn distances_match_published_great_circle_figures() {
    let la = distance_km(JAKARTA.0, JAKARTA.1, LOS_ANGELES.0, LOS_ANGELES.1);
    assert!((la - 14_450.0).abs() <= 50.0, "Jakarta-Los Angeles {la}");
    let tokyo = distance_km(JAKARTA.0, JAKARTA.1, TOKYO.0, TOKYO.1);
    assert!((tokyo - 5_780.0).abs() <= 50.0, "Jakarta-Tokyo {tokyo}");
}

#[test]
fn distance_is_symmetric_zero_for_a_point_and_half_the_globe_for_antipodes() {
    let ab = distance_km(JAKARTA.0, JAKARTA.1, TOKYO.0, TOKYO.1);
    let ba = distance_km(TOKYO.0, TOKYO.1, JAKARTA.0, JAKARTA.1);
    assert!((ab - ba).abs() < 1e-9);
    assert_eq!(distance_km(JAKARTA.0, JAKARTA.1, JAKARTA.0, JAKARTA.1), 0.0);
    let half = distance_km(JAKARTA.0, JAKARTA.1, -JAKARTA.0, JAKARTA.1 - 180.0);
    assert!(
        (half - std::f64::consts::PI * 6371.0088).abs() < 1e-6,
        "{half}"
    );
}

// Arcs ---------------------------------------------------------------------------

#[test]
fn jakarta_to_tokyo_is_one_continuous_sub_path_between_the_markers() {
    let paths = arc_between(JAKARTA, TOKYO);
    assert_eq!(paths.len(), 1);
    let path = &paths[0];
    assert!(path.len() >= 17, "{} points", path.len());
    assert_close(path[0], project(JAKARTA.0, JAKARTA.1), 1e-9, "start");
    assert_close(path[path.len() - 1], project(TOKYO.0, TOKYO.1), 1e-9, "end");
    assert!(largest_step(path) < 10.0);
}

#[test]
fn jakarta_to_los_angeles_stays_continuous_across_the_pacific() {
    let paths = arc_between(JAKARTA, LOS_ANGELES);
    assert_eq!(paths.len(), 1);
    assert!(largest_step(&paths[0]) < 10.0);
    // About one sample per degree: the arc spans about 130°.
    let degrees = distance_km(JAKARTA.0, JAKARTA.1, LOS_ANGELES.0, LOS_ANGELES.1) / 6371.0088;
    let expected = degrees.to_degrees().ceil() as usize + 1;
    assert_eq!(paths[0].len(), expected);
}

#[test]
fn jakarta_arcs_to_europe_and_australia_stay_continuous() {
    for (name, place) in [
        ("Rotterdam", ROTTERDAM),
        ("Sydney", SYDNEY),
        ("Moscow", MOSCOW),
    ] {
        let paths = arc_between(JAKARTA, place);
        assert_eq!(paths.len(), 1, "{name}");
        assert!(largest_step(&paths[0]) < 10.0, "{name}");
    }
}

#[test]
fn an_arc_across_the_seam_is_split_at_the_map_edge() {
    // Buenos Aires (right half) to Moscow (left half) crosses -30° in the Atlantic.
    let paths = arc_between(BUENOS_AIRES, MOSCOW);
    assert_eq!(paths.len(), 2, "{paths:?}");
    let (first, second) = (&paths[0], &paths[1]);
    assert_close(
        first[0],
        project(BUENOS_AIRES.0, BUENOS_AIRES.1),
        1e-9,
        "start",
    );
    assert_close(
        second[second.len() - 1],
        project(MOSCOW.0, MOSCOW.1),
        1e-9,
        "end",
    );
    for path in &paths {
        assert!(largest_step(path) < 10.0, "a sub-path jumps across the map");
    }

    let lat = crossing_latitude(BUENOS_AIRES, MOSCOW, -30.0);
    // d3 puts -30° itself on the left edge; the right edge mirrors it about the centre.
    let left = project(lat, -30.0);
    let right = (MAP_WIDTH - left.0, left.1);
    assert!(
        left.0 < 250.0,
        "the crossing should be at low latitude: {lat}"
    );
    assert_close(
        first[first.len() - 1],
        right,
        1e-6,
        "leaves by the right edge",
    );
    assert_close(second[0], left, 1e-6, "re-enters by the left edge");

    // The other way round leaves by the left edge.
    let back = arc_between(MOSCOW, BUENOS_AIRES);
    assert_eq!(back.len(), 2);
    assert_close(back[0][back[0].len() - 1], left, 1e-6, "back: left edge");
    assert_close(back[1][0], right, 1e-6, "back: right edge");
}

#[test]
fn an_arc_ending_on_the_seam_leaves_no_dot_on_the_other_edge() {
    // Rio de Janeiro (right half) to the equator at -30°, which d3 puts on the left edge.
    for (from, to) in [
        ((-22.9, -43.2), (0.0, -30.0)),
        ((0.0, -30.0), (-22.9, -43.2)),
    ] {
        let paths = arc_between(from, to);
        assert_eq!(paths.len(), 1, "{from:?} to {to:?}: {paths:?}");
        assert!(paths[0].len() >= 17);
    }
}

#[test]
fn identical_points_and_antipodes_have_no_arc() {
    assert!(arc_between(JAKARTA, JAKARTA).is_empty());
    // 180° and -180° are the same meridian.
    assert!(arc(10.0, 180.0, 10.0, -180.0).is_empty());
    assert!(arc(JAKARTA.0, JAKARTA.1, -JAKARTA.0, JAKARTA.1 - 180.0).is_empty());
    assert!(arc(90.0, 0.0, -90.0, 0.0).is_empty());
    assert!(arc_path(JAKARTA.0, JAKARTA.1, JAKARTA.0, JAKARTA.1).is_empty());
    assert!(arc(f64::NAN, 0.0, 1.0, 1.0).is_empty());
}

#[test]
fn short_arcs_still_have_at_least_16_segments() {
    // Jakarta to Bogor, about 45 km.
    let paths = arc(JAKARTA.0, JAKARTA.1, -6.5950, 106.7890);
    assert_eq!(paths.len(), 1);
    assert_eq!(paths[0].len(), 17);
}

/// The sub-paths that path data of `M x y l dx dy …` draws, in map units; panics on
/// anything else, and on numbers that are off the 0.1 grid or not written minimally.
fn decode(d: &str) -> Vec<Vec<(f64, f64)>> {
    let mut tokens = Vec::new();
    let mut number = String::new();
    for c in d.chars() {
        let ends = c == ' ' || c == 'M' || c == 'l' || (c == '-' && !number.is_empty());
        if ends && !number.is_empty() {
            tokens.push(std::mem::take(&mut number));
        }
        match c {
            'M' | 'l' => tokens.push(c.to_string()),
            ' ' => {}
            '-' | '.' | '0'..='9' => number.push(c),
            other => panic!("unexpected {other:?} in {d:.60}"),
        }
    }
    if !number.is_empty() {
        tokens.push(number);
    }
    let mut paths: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut relative = false;
    let mut pending: Option<f64> = None;
    for token in tokens {
        match token.as_str() {
            "M" => {
                assert!(pending.is_none(), "odd count of numbers in {d:.60}");
                relative = false;
                paths.push(Vec::new());
            }
            "l" => relative = true,
            _ => {
                assert!(
                    token != "-0" && !token.ends_with(".0") && !token.starts_with("00"),
                    "{token} is not minimal"
                );
                let v: f64 = token
                    .parse()
                    .unwrap_or_else(|_| panic!("bad number {token:?}"));
                assert!(
                    (v * 10.0 - (v * 10.0).round()).abs() < 1e-9,
                    "{token} is off the grid"
                );
                let Some(x) = pending.take() else {
                    pending = Some(v);
                    continue;
                };
                let path = paths.last_mut().expect("path data starts with M");
                let next = match (relative, path.last()) {
                    (true, Some(&(px, py))) => (px + x, py + v),
                    _ => (x, v),
                };
                path.push(next);
            }
        }
    }
    assert!(pending.is_none(), "odd count of numbers in {d:.60}");
    paths
}

fn distance_to_polyline(p: (f64, f64), line: &[(f64, f64)]) -> f64 {
    let segment = |a: (f64, f64), b: (f64, f64)| {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let l2 = dx * dx + dy * dy;
        let t = if l2 > 0.0 {
            (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / l2).clamp(0.0, 1.0)
        } else {
            0.0
        };
        (p.0 - a.0 - t * dx).hypot(p.1 - a.1 - t * dy)
    };
    match line {
        [only] => (p.0 - only.0).hypot(p.1 - only.1),
        _ => line
            .windows(2)
            .map(|w| segment(w[0], w[1]))
            .fold(f64::INFINITY, f64::min),
    }
}

fn on_grid(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// The path data of the arc from `a` to `b` draws the same sub-paths as `arc`, each starting
/// and ending on its exact (rounded) end points, and every point of the arc within
/// `PATH_TOLERANCE` (plus the rounding to the grid) of what is drawn; returns how many points
/// the data keeps and how many the arc has.
fn check_arc_path(a: (f64, f64), b: (f64, f64)) -> (usize, usize) {
    let sampled = arc_between(a, b);
    let drawn = decode(&arc_path(a.0, a.1, b.0, b.1));
    assert_eq!(drawn.len(), sampled.len(), "sub-paths of {a:?} to {b:?}");
    let rounding = 0.05_f64.hypot(0.05);
    for (line, points) in drawn.iter().zip(&sampled) {
        let ends = [points[0], points[points.len() - 1]];
        let drawn_ends = [line[0], line[line.len() - 1]];
        for (end, drawn_end) in ends.iter().zip(drawn_ends) {
            assert_close(drawn_end, (on_grid(end.0), on_grid(end.1)), 1e-9, "an end");
        }
        for &p in points {
            let off = distance_to_polyline(p, line);
            assert!(
                off <= geo::PATH_TOLERANCE + rounding + 1e-9,
                "{p:?} of {a:?} to {b:?} is {off} from what is drawn"
            );
        }
    }
    (
        drawn.iter().map(Vec::len).sum(),
        sampled.iter().map(Vec::len).sum(),
    )
}

#[test]
fn arc_path_draws_the_arc_within_the_tolerance_in_far_fewer_points() {
    let (kept, sampled) = check_arc_path(BUENOS_AIRES, MOSCOW);
    assert!(kept * 3 < sampled, "kept {kept} of {sampled} points");
    let d = arc_path(BUENOS_AIRES.0, BUENOS_AIRES.1, MOSCOW.0, MOSCOW.1);
    assert_eq!(d.matches('M').count(), 2);
    let (x, y) = project(BUENOS_AIRES.0, BUENOS_AIRES.1);
    assert!(
        d.starts_with(&format!("M{} {}l", on_grid(x), on_grid(y))),
        "{d:.40}"
    );
    for place in [TOKYO, LOS_ANGELES, ROTTERDAM, SYDNEY, MOSCOW] {
        check_arc_path(JAKARTA, place);
    }
    // Jakarta to Bogor: a short arc is a straight line, kept as its two ends.
    assert_eq!(check_arc_path(JAKARTA, (-6.5950, 106.7890)).0, 2);
}

#[test]
fn a_point_exactly_one_step_off_is_within_the_tolerance_whatever_the_square_root_says() {
    // (0.4, 0.7) is exactly 0.1 from the segment (0, 0)-(0.6, 0.8): |cross| / |segment| =
    // 10 / 10 tenths. A float distance gives 1.0000000000000004 tenths, and the browser's
    // and the native library's may differ in that last bit; the simplification must not.
    assert_eq!(
        geo::path_data(vec![vec![(0.0, 0.0), (0.4, 0.7), (0.6, 0.8)]]),
        "M0 0l0.6 0.8"
    );
    // One more tenth off, it is kept.
    assert_eq!(
        geo::path_data(vec![vec![(0.0, 0.0), (0.4, 0.8), (0.6, 0.8)]]),
        "M0 0l0.4 0.8 0.2 0"
    );
}

// proptest is a native-only dev-dependency (see Cargo.toml).
#[cfg(not(target_arch = "wasm32"))]
mod any_arc {
    use super::check_arc_path;

    proptest::proptest! {
        #[test]
        fn arc_path_draws_any_arc_within_the_tolerance(
            lat1 in -89.0_f64..89.0, lon1 in -180.0_f64..180.0,
            lat2 in -89.0_f64..89.0, lon2 in -180.0_f64..180.0,
        ) {
            check_arc_path((lat1, lon1), (lat2, lon2));
        }
    }
}

// ViewBox ------------------------------------------------------------------------

const WIDE: f64 = 2.5; // wider than the map (about 2.05)
const TALL: f64 = 9.0 / 16.0;

fn assert_view_close(a: ViewBox, b: ViewBox, what: &str) {
    let err = [a.x - b.x, a.y - b.y, a.w - b.w, a.h - b.h]
        .iter()
        .fold(0.0f64, |m, v| m.max(v.abs()));
    assert!(err < 1e-9, "{what}: {a:?} vs {b:?}");
}

#[test]
fn fit_fills_the_limiting_side_and_centres_the_other() {
    let wide = ViewBox::fit(WIDE);
    assert!((wide.w / wide.h - WIDE).abs() < 1e-12);
    assert_eq!(wide.h, MAP_HEIGHT);
    assert_eq!(wide.y, 0.0);
    assert!((wide.x + wide.w / 2.0 - MAP_WIDTH / 2.0).abs() < 1e-9);
    assert!(wide.x < 0.0);

    let tall = ViewBox::fit(TALL);
    assert!((tall.w / tall.h - TALL).abs() < 1e-12);
    assert_eq!(tall.w, MAP_WIDTH);
    assert_eq!(tall.x, 0.0);
    assert!((tall.y + tall.h / 2.0 - MAP_HEIGHT / 2.0).abs() < 1e-9);

    assert_eq!(ViewBox::fit(WIDE).zoom_level(WIDE), 1.0);
    // An element not laid out yet reports 0 x 0.
    assert_view_close(ViewBox::fit(f64::NAN), ViewBox::default(), "NaN aspect");
    assert_eq!(
        ViewBox::default(),
        ViewBox {
            x: 0.0,
            y: 0.0,
            w: MAP_WIDTH,
            h: MAP_HEIGHT
        }
    );
}

#[test]
fn zoom_at_keeps_the_anchor_fixed_on_screen() {
    let start = ViewBox::fit(WIDE);
    let (el_w, el_h) = (1200.0, 1200.0 / WIDE);
    // Over Jakarta, a cursor at some pixel; zoom in there twice, then out once.
    let (px, py) = (400.0, 300.0);
    let anchor = start.to_map(px, py, el_w, el_h);
    let mut view = start;
    for factor in [2.0, 1.5, 0.8] {
        view = view.zoom_at(factor, anchor.0, anchor.1, WIDE);
        assert_close(
            view.to_map(px, py, el_w, el_h),
            anchor,
            1e-9,
            "anchor moved",
        );
    }
    assert!(
        (view.zoom_level(WIDE) - 2.4).abs() < 1e-9,
        "{}",
        view.zoom_level(WIDE)
    );
    assert!((view.w / view.h - WIDE).abs() < 1e-9);
}

#[test]
fn zoom_is_clamped_between_1x_and_16x() {
    let (cx, cy) = project(JAKARTA.0, JAKARTA.1);
    let most = ViewBox::fit(WIDE).zoom_at(1000.0, cx, cy, WIDE);
    assert!((most.zoom_level(WIDE) - ViewBox::MAX_ZOOM).abs() < 1e-9);
    assert_view_close(most.zoom_at(2.0, cx, cy, WIDE), most, "past 16x");
    let least = most.zoom_at(1e-6, cx, cy, WIDE);
    assert_view_close(least, ViewBox::fit(WIDE), "below 1x is the fitted view");
    // Nonsense factors leave the view alone.
    assert_view_close(most.zoom_at(f64::NAN, cx, cy, WIDE), most, "NaN factor");
    assert_view_close(most.zoom_at(-2.0, cx, cy, WIDE), most, "negative factor");
}

#[test]
fn pan_moves_the_view_but_never_off_the_map() {
    let view = ViewBox::fit(WIDE).zoom_at(4.0, 500.0, 240.0, WIDE);
    let moved = view.pan(10.0, -5.0, WIDE);
    assert!((moved.x - view.x - 10.0).abs() < 1e-9 && (moved.y - view.y + 5.0).abs() < 1e-9);

    let far_east = view.pan(1e6, 1e6, WIDE);
    assert!(
        (far_east.x + far_east.w - MAP_WIDTH).abs() < 1e-9,
        "{far_east:?}"
    );
    assert!(
        (far_east.y + far_east.h - MAP_HEIGHT).abs() < 1e-9,
        "{far_east:?}"
    );
    let far_west = view.pan(-1e6, -1e6, WIDE);
    assert_eq!((far_west.x, far_west.y), (0.0, 0.0));
    assert_eq!((far_west.w, far_west.h), (view.w, view.h));

    // At 1x the map already fills the width and height as far as it can: nothing to pan.
    let fitted = ViewBox::fit(WIDE);
    assert_view_close(fitted.pan(50.0, 50.0, WIDE), fitted, "pan at 1x");
}

#[test]
fn on_an_axis_where_the_view_is_larger_than_the_map_the_map_stays_centred() {
    // A phone in portrait at 2x: the view is narrower than the map but taller.
    let view = ViewBox::fit(TALL).zoom_at(2.0, 500.0, 240.0, TALL);
    assert!(view.w < MAP_WIDTH && view.h > MAP_HEIGHT);
    let panned = view.pan(100.0, 100.0, TALL);
    assert!((panned.x - view.x - 100.0).abs() < 1e-9);
    assert!((panned.y + panned.h / 2.0 - MAP_HEIGHT / 2.0).abs() < 1e-9);
}

#[test]
fn with_aspect_keeps_centre_and_zoom() {
    let (cx, cy) = project(TOKYO.0, TOKYO.1);
    let view = ViewBox::fit(WIDE)
        .zoom_at(3.0, cx, cy, WIDE)
        .center_on(cx, cy, WIDE);
    let squarer = 1.5;
    let resized = view.with_aspect(squarer);
    assert!((resized.w / resized.h - squarer).abs() < 1e-12);
    assert!((resized.zoom_level(squarer) - 3.0).abs() < 1e-9);
    assert_close(resized.center(), (cx, cy), 1e-9, "centre after resize");
    // In portrait the 3x view is taller than the map, which then sits centred.
    let portrait = view.with_aspect(TALL);
    assert!((portrait.zoom_level(TALL) - 3.0).abs() < 1e-9);
    assert!(portrait.h > MAP_HEIGHT);
    assert_close(portrait.center(), (cx, MAP_HEIGHT / 2.0), 1e-9, "portrait");
    // Same aspect: nothing changes, not even by rounding.
    assert_eq!(view.with_aspect(WIDE), view);
    // A box with a NaN in it (say from a 0 x 0 element) comes back fitted.
    let broken = ViewBox {
        x: f64::NAN,
        y: 0.0,
        w: 10.0,
        h: 10.0,
    };
    assert_view_close(broken.with_aspect(WIDE), ViewBox::fit(WIDE), "repair");
}

#[test]
fn center_on_centres_inside_the_map_and_clamps_at_its_edges() {
    let view = ViewBox::fit(WIDE).zoom_at(4.0, 500.0, 240.0, WIDE);
    let (jx, jy) = project(JAKARTA.0, JAKARTA.1);
    let centred = view.center_on(jx, jy, WIDE);
    assert_close(centred.center(), (jx, jy), 1e-9, "Jakarta");
    assert!((centred.zoom_level(WIDE) - 4.0).abs() < 1e-9);

    // Near the edge it cannot be centred, but it is in view.
    let (rx, ry) = project(64.1355, -21.8954); // Reykjavik, far left, far north
    let edge = ViewBox::fit(WIDE)
        .zoom_at(2.0, 500.0, 240.0, WIDE)
        .center_on(rx, ry, WIDE);
    assert!(
        rx < edge.w / 2.0 && ry < edge.h / 2.0,
        "the test needs a point near the corner"
    );
    assert_eq!((edge.x, edge.y), (0.0, 0.0));
    assert!(edge.contains(rx, ry));
}

#[test]
fn to_map_round_trips_pixels_and_map_units() {
    let view = ViewBox::fit(WIDE).zoom_at(5.0, 300.0, 200.0, WIDE);
    let (el_w, el_h) = (1024.0, 1024.0 / WIDE);
    assert_close(
        view.to_map(0.0, 0.0, el_w, el_h),
        (view.x, view.y),
        1e-9,
        "top-left",
    );
    assert_close(
        view.to_map(el_w, el_h, el_w, el_h),
        (view.x + view.w, view.y + view.h),
        1e-9,
        "bottom-right",
    );
    let (mx, my) = view.to_map(123.0, 45.0, el_w, el_h);
    let back = (
        (mx - view.x) / view.units_per_px(el_w),
        (my - view.y) / view.units_per_px(el_w),
    );
    assert_close(back, (123.0, 45.0), 1e-9, "round trip");
    // A letterboxed element (wider than the box) follows SVG's xMidYMid meet.
    let fitted = ViewBox::default();
    let centre = fitted.to_map(1000.0, 250.0, 2000.0, 500.0);
    assert_close(centre, fitted.center(), 1e-9, "meet centre");
    let left_margin = (2000.0 - MAP_WIDTH * 500.0 / MAP_HEIGHT) / 2.0;
    assert_close(
        fitted.to_map(left_margin, 0.0, 2000.0, 500.0),
        (0.0, 0.0),
        1e-9,
        "meet left",
    );
}

#[test]
fn units_per_px_and_attr() {
    let view = ViewBox {
        x: 12.5,
        y: -3.25,
        w: 250.0,
        h: 125.0,
    };
    assert_eq!(view.units_per_px(1000.0), 0.25);
    assert_eq!(view.units_per_px(0.0), 1.0);
    assert_eq!(view.attr(), "12.5 -3.25 250 125");
    assert_eq!(
        ViewBox {
            x: -0.0001,
            y: 1.0 / 3.0,
            w: 1.0,
            h: 2.0
        }
        .attr(),
        "0 0.333 1 2"
    );
}
