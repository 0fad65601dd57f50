//! The world map's geometry: projection, great-circle arcs and the pan/zoom view.
//!
//! Country outlines are projected once by `tools/world/generate.mjs` (d3-geo) and
//! embedded as SVG path data; only what moves (partner markers and arcs) is
//! projected here, with the same Equal Earth formulas and the constants the
//! generator wrote, so markers land exactly on the shipped outlines.
//! Pure: no DOM, so everything is tested natively (`tests/geo.rs`).

use std::f64::consts::{PI, TAU};

#[path = "generated/projection.rs"]
pub mod projection;

/// One line per country, `<name>\t<d>`: Natural Earth 1:110m, already projected. Not in
/// the WebAssembly: the build writes it into `world.svg`, and simplified into
/// `world-lite.svg`, which the pages and the app both draw, so the geometry travels once and
/// is cached on its own.
#[cfg(not(target_arch = "wasm32"))]
pub const WORLD_PATHS: &str = include_str!("generated/world_paths.txt");
/// The map's extent in map units; the SVG viewBox of the whole map is `0 0 MAP_WIDTH MAP_HEIGHT`.
pub const MAP_WIDTH: f64 = projection::WIDTH;
pub const MAP_HEIGHT: f64 = projection::HEIGHT;
/// The outline of the sphere, to draw the ocean behind the countries.
pub const SPHERE_PATH: &str = projection::SPHERE_PATH;

/// Mean Earth radius (IUGG), the usual choice for spherical distances.
const EARTH_RADIUS_KM: f64 = 6371.0088;

// Equal Earth polynomial coefficients (Šavrič, Patterson and Jenny 2018).
const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

/// Below this angle (radians, about 6 mm on the ground) two points count as one,
/// and this close to π they count as antipodes, whose connecting great circle is undefined.
const ANGLE_EPS: f64 = 1e-9;

/// The transcendental functions the map needs. In the WebAssembly they are the browser's
/// own (`Math.sin` and the rest, which d3 also used for the country outlines): Rust's would
/// put libm's into the module, about 8 KB of code for every visitor to download. Natively,
/// the standard library's.
pub mod math {
    #[cfg(target_arch = "wasm32")]
    pub use js_sys::Math::{asin, atan2, cos, exp, hypot, sin};

    #[cfg(not(target_arch = "wasm32"))]
    pub fn sin(x: f64) -> f64 {
        x.sin()
    }
    #[cfg(not(target_arch = "wasm32"))]
    pub fn cos(x: f64) -> f64 {
        x.cos()
    }
    #[cfg(not(target_arch = "wasm32"))]
    pub fn asin(x: f64) -> f64 {
        x.asin()
    }
    #[cfg(not(target_arch = "wasm32"))]
    pub fn atan2(y: f64, x: f64) -> f64 {
        y.atan2(x)
    }
    #[cfg(not(target_arch = "wasm32"))]
    pub fn hypot(x: f64, y: f64) -> f64 {
        x.hypot(y)
    }
    #[cfg(not(target_arch = "wasm32"))]
    pub fn exp(x: f64) -> f64 {
        x.exp()
    }
}

/// Iterates `(name, d)` over [`WORLD_PATHS`], in Natural Earth's order.
#[cfg(not(target_arch = "wasm32"))]
pub fn country_paths() -> impl Iterator<Item = (&'static str, &'static str)> {
    WORLD_PATHS.lines().filter_map(|line| line.split_once('\t'))
}

/// Equal Earth, central meridian 150°E, in map units (x right, y down); the same
/// numbers as d3's `geoEqualEarth().rotate([-150, 0])` fitted by the generator.
///
/// Longitude -30° (the seam) lands on the left edge, as in d3.
pub fn project(lat: f64, lon: f64) -> (f64, f64) {
    // Same operations in the same order as d3 (degrees to radians, then the
    // rotation's add-and-wrap), so points on the seam fall on the same side.
    let lambda = wrap_lambda(lon.to_radians() + (-projection::CENTRAL_MERIDIAN).to_radians());
    project_rotated(lambda, lat.to_radians())
}

/// d3's wrap of a rotated longitude into [-π, π], including its rounding (JS
/// `Math.round` rounds halves up, Rust's `round` away from zero).
fn wrap_lambda(lambda: f64) -> f64 {
    if lambda.abs() > PI {
        lambda - (lambda / TAU + 0.5).floor() * TAU
    } else {
        lambda
    }
}

/// Projects a longitude already relative to the central meridian (radians, in [-π, π]).
fn project_rotated(lambda: f64, phi: f64) -> (f64, f64) {
    let m = 3f64.sqrt() / 2.0;
    let l = math::asin(m * math::sin(phi));
    let l2 = l * l;
    let l6 = l2 * l2 * l2;
    let x = lambda * math::cos(l) / (m * (A1 + 3.0 * A2 * l2 + l6 * (7.0 * A3 + 9.0 * A4 * l2)));
    let y = l * (A1 + A2 * l2 + l6 * (A3 + A4 * l2));
    (
        projection::TRANSLATE_X + projection::SCALE * x,
        projection::TRANSLATE_Y - projection::SCALE * y,
    )
}

/// A unit vector in the map's rotated frame: +x at the central meridian on the
/// equator, so the seam is the half-plane y = 0, x < 0.
#[derive(Debug, Clone, Copy)]
struct Vec3 {
    x: f64,
    y: f64,
    z: f64,
}

impl Vec3 {
    fn from_lat_lon(lat: f64, lon: f64) -> Vec3 {
        let phi = lat.to_radians();
        let lambda = (lon - projection::CENTRAL_MERIDIAN).to_radians();
        Vec3 {
            x: math::cos(phi) * math::cos(lambda),
            y: math::cos(phi) * math::sin(lambda),
            z: math::sin(phi),
        }
    }

    fn dot(self, o: Vec3) -> f64 {
        self.x * o.x + self.y * o.y + self.z * o.z
    }

    fn cross_norm(self, o: Vec3) -> f64 {
        let cx = self.y * o.z - self.z * o.y;
        let cy = self.z * o.x - self.x * o.z;
        let cz = self.x * o.y - self.y * o.x;
        (cx * cx + cy * cy + cz * cz).sqrt()
    }

    fn scaled_sum(self, a: f64, o: Vec3, b: f64) -> Vec3 {
        Vec3 {
            x: a * self.x + b * o.x,
            y: a * self.y + b * o.y,
            z: a * self.z + b * o.z,
        }
    }

    /// Latitude in radians; atan2 stays accurate near the poles where asin does not.
    fn phi(self) -> f64 {
        math::atan2(self.z, math::hypot(self.x, self.y))
    }

    fn project(self) -> (f64, f64) {
        project_rotated(math::atan2(self.y, self.x), self.phi())
    }

    /// East of the central meridian (right half of the map), counting the seam's
    /// +0 side as east, consistently with `atan2`.
    fn east(self) -> bool {
        self.y.is_sign_positive()
    }
}

/// The central angle between two points, in radians; atan2 of |a×b| and a·b is
/// accurate at every distance, unlike acos near 0 and π.
fn central_angle(a: Vec3, b: Vec3) -> f64 {
    math::atan2(a.cross_norm(b), a.dot(b))
}

/// Great-circle distance in km on a sphere of the mean Earth radius (6371.0088 km).
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    EARTH_RADIUS_KM
        * central_angle(
            Vec3::from_lat_lon(lat1, lon1),
            Vec3::from_lat_lon(lat2, lon2),
        )
}

/// The great-circle arc from point 1 to point 2, projected, as sub-paths in map units.
///
/// The arc is split where it crosses the map's seam (longitude -30°): the first
/// sub-path ends on one edge of the map and the next starts on the opposite edge
/// at the same latitude. About one sample per degree of arc, at least 16 segments.
/// Empty for identical points and for antipodes (no unique great circle), and for
/// non-finite input.
pub fn arc(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> Vec<Vec<(f64, f64)>> {
    arc_sampled(lat1, lon1, lat2, lon2, 1.0, 16)
}

/// [`arc`] with one sample every `degrees` of arc and at least `min_segments`: coarser
/// arcs for maps that draw thousands at once.
pub fn arc_sampled(
    lat1: f64,
    lon1: f64,
    lat2: f64,
    lon2: f64,
    degrees: f64,
    min_segments: usize,
) -> Vec<Vec<(f64, f64)>> {
    if ![lat1, lon1, lat2, lon2].iter().all(|v| v.is_finite()) {
        return Vec::new();
    }
    let a = Vec3::from_lat_lon(lat1, lon1);
    let b = Vec3::from_lat_lon(lat2, lon2);
    let omega = central_angle(a, b);
    if omega < ANGLE_EPS || PI - omega < ANGLE_EPS {
        return Vec::new();
    }
    let degrees = if degrees.is_finite() && degrees > 0.0 {
        degrees
    } else {
        1.0
    };
    let segments = ((omega.to_degrees() / degrees).ceil() as usize).max(min_segments.max(1));
    let sin_omega = math::sin(omega);
    let sample = |i: usize| -> Vec3 {
        // The exact endpoints, so the arc meets the markers projected with `project`.
        if i == 0 {
            return a;
        }
        if i == segments {
            return b;
        }
        let t = i as f64 / segments as f64;
        a.scaled_sum(
            math::sin((1.0 - t) * omega) / sin_omega,
            b,
            math::sin(t * omega) / sin_omega,
        )
    };

    let mut paths = Vec::new();
    let mut current = vec![a.project()];
    let mut prev = a;
    for i in 1..=segments {
        let next = sample(i);
        if prev.east() != next.east() {
            // The chord between two points of a great circle lies in its plane, so
            // the chord's point with y = 0, pushed back onto the sphere, is where
            // the arc meets the plane of the central meridian and the seam.
            let s = prev.y / (prev.y - next.y);
            let cx = prev.x + s * (next.x - prev.x);
            let cz = prev.z + s * (next.z - prev.z);
            if cx < 0.0 {
                let phi = math::atan2(cz, -cx);
                let (from_edge, to_edge) = if prev.east() { (PI, -PI) } else { (-PI, PI) };
                current.push(project_rotated(from_edge, phi));
                paths.push(std::mem::take(&mut current));
                current.push(project_rotated(to_edge, phi));
            }
        }
        current.push(next.project());
        prev = next;
    }
    paths.push(current);
    // An endpoint exactly on the seam leaves a sub-path of one point repeated (give
    // or take rounding), which round line caps would draw as a dot on the edge.
    paths.retain(|p| {
        p.windows(2)
            .any(|w| (w[1].0 - w[0].0).abs() + (w[1].1 - w[0].1).abs() > 1e-6)
    });
    paths
}

/// The document `world.svg`: every country, each a `<path>` in a group with the id
/// `countries`, drawn with non-scaling strokes. Colours are left to the page, which sets them
/// on the `<use>` element that shows the group (and inherited there). The map shows it from
/// [`crate::map_input::DETAIL_ZOOM`] on; below, it shows [`world_svg_lite`].
#[cfg(not(target_arch = "wasm32"))]
pub fn world_svg() -> String {
    world_document(country_paths().map(|(_, d)| d.to_owned()))
}

/// The document `world-lite.svg`: the same countries in the same form as [`world_svg`], each
/// ring simplified to within [`LITE_TOLERANCE`] and its points moved onto a grid of
/// [`LITE_GRID`], so that no outline is off by more than about 0.85 map units. Below 2x zoom
/// that is at most about two pixels on a map 1,200 pixels wide (the desktop's is 560), and it
/// is half the bytes gzipped: the first view loads this one.
#[cfg(not(target_arch = "wasm32"))]
pub fn world_svg_lite() -> String {
    world_document(country_paths().map(|(_, d)| rings_data(&lite_rings(&rings(d)))))
}

/// How far (in map units) a ring of `world-lite.svg` may stray from the points of
/// `world.svg` before its points are moved onto the [`LITE_GRID`].
pub const LITE_TOLERANCE: f64 = 0.5;
/// The grid (in map units) that the points of `world-lite.svg` lie on.
pub const LITE_GRID: f64 = 0.5;

#[cfg(not(target_arch = "wasm32"))]
fn world_document(paths: impl Iterator<Item = String>) -> String {
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {MAP_WIDTH} {MAP_HEIGHT}\">\
         <g id=\"countries\">"
    );
    for d in paths {
        out.push_str(&format!(
            "<path d=\"{d}\" vector-effect=\"non-scaling-stroke\"/>"
        ));
    }
    out.push_str("</g></svg>\n");
    out
}

/// The closed rings of a country's path data as [`WORLD_PATHS`] writes it (`m dx dy dx dy …
/// z m …`, every number relative, on the 0.1-unit grid), in absolute tenths of a unit.
#[cfg(not(target_arch = "wasm32"))]
pub fn rings(d: &str) -> Vec<Vec<(i64, i64)>> {
    let mut rings: Vec<Vec<(i64, i64)>> = Vec::new();
    let (mut at, mut start) = ((0, 0), (0, 0));
    let mut numbers = Vec::new();
    let mut number = String::new();
    // Each ring's numbers, then its points: a new `m` moves from the last ring's start.
    let mut flush = |numbers: &mut Vec<i64>, rings: &mut Vec<Vec<(i64, i64)>>| {
        if numbers.len() >= 2 {
            let mut ring = Vec::with_capacity(numbers.len() / 2);
            for step in numbers.chunks_exact(2) {
                at = (at.0 + step[0], at.1 + step[1]);
                ring.push(at);
            }
            start = ring[0];
            rings.push(ring);
        }
        at = start;
        numbers.clear();
    };
    let end_number = |number: &mut String, numbers: &mut Vec<i64>| {
        if let Ok(v) = number.parse::<f64>() {
            numbers.push((v * 10.0).round() as i64);
        }
        number.clear();
    };
    for c in d.chars() {
        match c {
            '0'..='9' | '.' => number.push(c),
            '-' => {
                end_number(&mut number, &mut numbers);
                number.push(c);
            }
            'm' | 'z' => {
                end_number(&mut number, &mut numbers);
                flush(&mut numbers, &mut rings);
            }
            _ => end_number(&mut number, &mut numbers),
        }
    }
    end_number(&mut number, &mut numbers);
    flush(&mut numbers, &mut rings);
    rings
}

/// [`rings`] for `world-lite.svg`: each simplified within [`LITE_TOLERANCE`] (exactly, as
/// [`path_data`] does) and its points moved onto the [`LITE_GRID`], dropping a point that
/// lands on the one before. A ring that would keep fewer than three points (an islet) is
/// kept as it was, so that no country loses a part.
#[cfg(not(target_arch = "wasm32"))]
pub fn lite_rings(rings: &[Vec<(i64, i64)>]) -> Vec<Vec<(i64, i64)>> {
    let tolerance = (LITE_TOLERANCE * 10.0).round() as i64;
    let grid = (LITE_GRID * 10.0).round() as i64;
    let snap = |v: i64| (v as f64 / grid as f64).round() as i64 * grid;
    rings
        .iter()
        .map(|ring| {
            let mut kept: Vec<(i64, i64)> = Vec::new();
            for (x, y) in simplify(ring, tolerance) {
                let p = (snap(x), snap(y));
                if kept.last() != Some(&p) {
                    kept.push(p);
                }
            }
            if kept.len() > 1 && kept.first() == kept.last() {
                kept.pop();
            }
            if kept.len() < 3 {
                ring.clone()
            } else {
                kept
            }
        })
        .collect()
}

/// Closed rings in tenths written as [`WORLD_PATHS`] writes them: `m` relative to the last
/// ring's start (the first from the origin), each next point relative, `z` to close.
#[cfg(not(target_arch = "wasm32"))]
pub fn rings_data(rings: &[Vec<(i64, i64)>]) -> String {
    let mut d = String::new();
    let mut from = (0, 0);
    for ring in rings {
        let Some(&first) = ring.first() else {
            continue;
        };
        d.push('m');
        let mut last = from;
        for (i, &(x, y)) in ring.iter().enumerate() {
            for (j, step) in [x - last.0, y - last.1].into_iter().enumerate() {
                // A minus sign separates numbers by itself.
                if (i, j) != (0, 0) && step >= 0 {
                    d.push(' ');
                }
                push_tenths_short(&mut d, step);
            }
            last = (x, y);
        }
        d.push('z');
        from = first;
    }
    d
}

/// [`push_tenths`] without the zero before the point, as the generator writes: ".7", "-.6".
#[cfg(not(target_arch = "wasm32"))]
fn push_tenths_short(d: &mut String, tenths: i64) {
    let start = d.len();
    push_tenths(d, tenths);
    let digits = if tenths < 0 { start + 1 } else { start };
    if d[digits..].starts_with("0.") {
        d.remove(digits);
    }
}

/// SVG path data for [`arc`], as [`path_data`] writes it.
pub fn arc_path(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> String {
    path_data(arc(lat1, lon1, lat2, lon2))
}

/// How far (in map units) a simplified sub-path may stray from the points it was given:
/// one step of the 0.1-unit grid they are rounded to. At the map's deepest zoom (16x) on a
/// 600-pixel map that is about one pixel.
pub const PATH_TOLERANCE: f64 = 0.1;

/// SVG path data for sub-paths in map units: each point on a 0.1-unit grid, each sub-path
/// simplified to within [`PATH_TOLERANCE`] of its points (a smooth arc needs far fewer
/// points than it is sampled with), then written as `M x y l dx dy dx dy … M …`: the start
/// absolute, each next point relative to the one before. The page carries an arc per
/// partner; relative steps are a third of the characters and compress four times better.
pub fn path_data(paths: Vec<Vec<(f64, f64)>>) -> String {
    let mut d = String::new();
    for path in paths {
        // In tenths of a unit, so that steps add up exactly to the rounded points.
        let grid: Vec<(i64, i64)> = path
            .iter()
            .map(|&(x, y)| ((x * 10.0).round() as i64, (y * 10.0).round() as i64))
            .collect();
        let kept = simplify(&grid, (PATH_TOLERANCE * 10.0).round() as i64);
        let Some(&(x0, y0)) = kept.first() else {
            continue;
        };
        d.push('M');
        push_tenths(&mut d, x0);
        d.push(' ');
        push_tenths(&mut d, y0);
        if kept.len() > 1 {
            d.push('l');
            for (i, pair) in kept.windows(2).enumerate() {
                for (j, step) in [pair[1].0 - pair[0].0, pair[1].1 - pair[0].1]
                    .into_iter()
                    .enumerate()
                {
                    // A minus sign separates numbers by itself.
                    if (i, j) != (0, 0) && step >= 0 {
                        d.push(' ');
                    }
                    push_tenths(&mut d, step);
                }
            }
        }
    }
    d
}

/// The points of `points` to keep so that the polyline through them stays within
/// `tolerance` grid steps of every point (Douglas and Peucker): always the first and the last.
///
/// Distances are compared exactly, as fractions of integers: a point exactly one step off a
/// segment is common on the grid, and a float distance computed for it could fall on either
/// side of the tolerance depending on the platform's square root (the browser's or the
/// native library's), so that the app and the page written at build time would keep
/// different points of the same arc.
fn simplify(points: &[(i64, i64)], tolerance: i64) -> Vec<(i64, i64)> {
    if points.len() < 3 {
        return points.to_vec();
    }
    let tolerance2 = i128::from(tolerance) * i128::from(tolerance);
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut spans = vec![(0, points.len() - 1)];
    while let Some((first, last)) = spans.pop() {
        let (mut far, mut at) = ((0, 1), 0);
        for (i, &p) in points.iter().enumerate().take(last).skip(first + 1) {
            let off = distance2_to_segment(p, points[first], points[last]);
            if off.0 * far.1 > far.0 * off.1 {
                (far, at) = (off, i);
            }
        }
        if far.0 > tolerance2 * far.1 {
            keep[at] = true;
            spans.push((first, at));
            spans.push((at, last));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter_map(|(&p, k)| k.then_some(p))
        .collect()
}

/// The squared distance from `p` to the segment from `a` to `b`, exactly, as a fraction
/// `(numerator, denominator)`; the denominator is positive. Grid coordinates are at most a
/// few tens of thousands, so the products stay far inside `i128`.
fn distance2_to_segment(p: (i64, i64), a: (i64, i64), b: (i64, i64)) -> (i128, i128) {
    let wide = |v: (i64, i64)| (i128::from(v.0), i128::from(v.1));
    let ((px, py), (ax, ay), (bx, by)) = (wide(p), wide(a), wide(b));
    let (dx, dy) = (bx - ax, by - ay);
    let (qx, qy) = (px - ax, py - ay);
    let along = qx * dx + qy * dy;
    let length2 = dx * dx + dy * dy;
    if along <= 0 || length2 == 0 {
        // Nearest to `a`.
        (qx * qx + qy * qy, 1)
    } else if along >= length2 {
        // Nearest to `b`.
        let (rx, ry) = (px - bx, py - by);
        (rx * rx + ry * ry, 1)
    } else {
        // Beside the segment: |cross|² / |b - a|².
        let cross = qx * dy - qy * dx;
        (cross * cross, length2)
    }
}

/// A number of tenths written in units: "12.3", "-0.4", "7" (no trailing ".0", never "-0").
fn push_tenths(d: &mut String, tenths: i64) {
    use std::fmt::Write as _;
    if tenths < 0 {
        d.push('-');
    }
    let t = tenths.unsigned_abs();
    let _ = match t % 10 {
        0 => write!(d, "{}", t / 10),
        frac => write!(d, "{}.{frac}", t / 10),
    };
}

/// The visible part of the map in map units: the `<svg>` element's viewBox.
///
/// Pure pan/zoom state. Every operation takes the element's aspect ratio
/// (width / height) and returns a box of exactly that aspect, so the SVG's
/// default `preserveAspectRatio` never letterboxes and pixels map linearly.
///
/// Clamping: zoom stays between 1x (the whole map fits the element) and 16x. On
/// each axis where the view is smaller than the map, the view stays inside the
/// map; where it is larger, the map is centred. So the map can never be panned
/// out of view and its edges never show beyond the sphere's bounding box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewBox {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Default for ViewBox {
    /// The whole map at its own aspect ratio, exactly `0 0 MAP_WIDTH MAP_HEIGHT`.
    fn default() -> Self {
        ViewBox {
            x: 0.0,
            y: 0.0,
            w: MAP_WIDTH,
            h: MAP_HEIGHT,
        }
    }
}

impl ViewBox {
    pub const MIN_ZOOM: f64 = 1.0;
    pub const MAX_ZOOM: f64 = 16.0;

    /// The whole map fitted to an element of the given aspect ratio (width /
    /// height): the map fills the width or the height and is centred on the other axis.
    ///
    /// An element that has not been laid out yet reports 0 x 0; a non-finite or
    /// non-positive aspect is taken as the map's own, and extreme ones are capped.
    pub fn fit(aspect: f64) -> ViewBox {
        let aspect = sane_aspect(aspect);
        let (w, h) = if aspect >= MAP_WIDTH / MAP_HEIGHT {
            (MAP_HEIGHT * aspect, MAP_HEIGHT)
        } else {
            (MAP_WIDTH, MAP_WIDTH / aspect)
        };
        ViewBox {
            x: (MAP_WIDTH - w) / 2.0,
            y: (MAP_HEIGHT - h) / 2.0,
            w,
            h,
        }
    }

    /// How far in this view is: 1 = fitted, 16 = the most, for an element of this aspect.
    ///
    /// If the box's own aspect differs, the SVG shows it letterboxed ("meet"), so
    /// the zoom is that of the letterboxed view: the smaller of the two ratios.
    pub fn zoom_level(&self, aspect: f64) -> f64 {
        let fitted = ViewBox::fit(aspect);
        (fitted.w / self.w).min(fitted.h / self.h)
    }

    /// The centre of the view in map units.
    pub fn center(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    /// Whether the map point (x, y) is inside the view (edges included).
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x <= self.x + self.w && y >= self.y && y <= self.y + self.h
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the map point (px, py) at the same
    /// place on screen, as far as the clamps allow; zoom stays within 1..16.
    ///
    /// For the +/- buttons and keys, zoom about [`ViewBox::center`].
    pub fn zoom_at(self, factor: f64, px: f64, py: f64, aspect: f64) -> ViewBox {
        let view = self.with_aspect(aspect);
        if !(factor.is_finite() && factor > 0.0 && px.is_finite() && py.is_finite()) {
            return view;
        }
        let aspect = sane_aspect(aspect);
        let w = clamp_width(view.w / factor, aspect);
        let h = w / aspect;
        // The anchor keeps its fraction of the view's width and height.
        let fx = (px - view.x) / view.w;
        let fy = (py - view.y) / view.h;
        ViewBox {
            x: px - fx * w,
            y: py - fy * h,
            w,
            h,
        }
        .clamp_position()
    }

    /// Moves the view by (dx, dy) map units (positive dx shows more of the east,
    /// so a drag to the right by n pixels is `pan(-n * units_per_px, …)`), clamped.
    pub fn pan(self, dx: f64, dy: f64, aspect: f64) -> ViewBox {
        let view = self.with_aspect(aspect);
        let dx = if dx.is_finite() { dx } else { 0.0 };
        let dy = if dy.is_finite() { dy } else { 0.0 };
        ViewBox {
            x: view.x + dx,
            y: view.y + dy,
            ..view
        }
        .clamp_position()
    }

    /// The same centre and zoom level for an element of a new aspect (after a
    /// resize), clamped; also repairs a box whose numbers are not finite.
    pub fn with_aspect(self, aspect: f64) -> ViewBox {
        let aspect = sane_aspect(aspect);
        if ![self.x, self.y, self.w, self.h]
            .iter()
            .all(|v| v.is_finite())
            || self.w <= 0.0
            || self.h <= 0.0
        {
            return ViewBox::fit(aspect);
        }
        let own = self.w / self.h;
        let (cx, cy) = self.center();
        // Recomputing from the zoom level would drift by rounding on every call;
        // most calls pass the aspect the box already has.
        let w = if (own - aspect).abs() <= 1e-12 * aspect {
            clamp_width(self.w, aspect)
        } else {
            clamp_width(ViewBox::fit(aspect).w / self.zoom_level(own), aspect)
        };
        let h = w / aspect;
        ViewBox {
            x: cx - w / 2.0,
            y: cy - h / 2.0,
            w,
            h,
        }
        .clamp_position()
    }

    /// Centres the view on the map point (x, y) without changing the zoom, as far
    /// as the clamps allow (a point inside the map always ends up in view).
    pub fn center_on(self, x: f64, y: f64, aspect: f64) -> ViewBox {
        let view = self.with_aspect(aspect);
        if !(x.is_finite() && y.is_finite()) {
            return view;
        }
        ViewBox {
            x: x - view.w / 2.0,
            y: y - view.h / 2.0,
            ..view
        }
        .clamp_position()
    }

    /// Maps a point in element pixels (px, py from the top-left of an element
    /// el_w x el_h pixels) to map units, as the SVG's default
    /// `preserveAspectRatio="xMidYMid meet"` draws it. An element without a size
    /// maps everything to the view's centre.
    pub fn to_map(&self, px: f64, py: f64, el_w: f64, el_h: f64) -> (f64, f64) {
        if !(el_w > 0.0 && el_h > 0.0 && el_w.is_finite() && el_h.is_finite()) {
            return self.center();
        }
        let s = (el_w / self.w).min(el_h / self.h);
        let ox = (el_w - self.w * s) / 2.0;
        let oy = (el_h - self.h * s) / 2.0;
        (self.x + (px - ox) / s, self.y + (py - oy) / s)
    }

    /// The `viewBox` attribute value, "x y w h" to 0.001 map units (well below a
    /// pixel even at 16x).
    pub fn attr(&self) -> String {
        [self.x, self.y, self.w, self.h]
            .iter()
            .map(|&v| thousandths(v))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Map units per screen pixel for an element `el_w` pixels wide, to draw
    /// markers at a constant screen size; 1 when the element has no width yet.
    pub fn units_per_px(&self, el_w: f64) -> f64 {
        if el_w > 0.0 && el_w.is_finite() {
            self.w / el_w
        } else {
            1.0
        }
    }

    /// Applies the position rule of the type's documentation; the size is already clamped.
    fn clamp_position(self) -> ViewBox {
        ViewBox {
            x: clamp_axis(self.x, self.w, MAP_WIDTH),
            y: clamp_axis(self.y, self.h, MAP_HEIGHT),
            ..self
        }
    }
}

/// Element aspect ratios outside this range are not real layouts and would
/// overflow the arithmetic; the range is wide enough for any screen.
const ASPECT_RANGE: (f64, f64) = (1e-3, 1e3);

fn sane_aspect(aspect: f64) -> f64 {
    if aspect.is_finite() && aspect > 0.0 {
        within(aspect, ASPECT_RANGE.0, ASPECT_RANGE.1)
    } else {
        MAP_WIDTH / MAP_HEIGHT
    }
}

/// A view width for this aspect between the fitted one (1x) and 16 times smaller.
fn clamp_width(w: f64, aspect: f64) -> f64 {
    let fitted = ViewBox::fit(aspect).w;
    within(w, fitted / ViewBox::MAX_ZOOM, fitted / ViewBox::MIN_ZOOM)
}

fn clamp_axis(start: f64, size: f64, map: f64) -> f64 {
    if size >= map {
        (map - size) / 2.0
    } else {
        within(start, 0.0, map - size)
    }
}

/// `x` brought within `lo..=hi` (`lo` for NaN), for bounds known to be in order. Not
/// `f64::clamp`: its check that `lo <= hi` panics with both bounds written by `{:?}`, and that
/// one message kept core's float formatting in the WebAssembly (see `crate::num`).
fn within(x: f64, lo: f64, hi: f64) -> f64 {
    x.max(lo).min(hi)
}

/// `v` to 0.001, without trailing zeros; `Fixed` never writes `-0`.
fn thousandths(v: f64) -> String {
    let s = crate::num::Fixed(v, 3).to_string();
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}
