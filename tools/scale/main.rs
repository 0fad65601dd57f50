//! Writes a synthetic dataset of N partners for the scale benchmark (`scripts/bench --scale N`).
//!
//!   cargo run --release --bin scale -- [N] [OUT]     (default 5000, to stdout)
//!
//! The records are today's, repeated: the shipped partners first, then copies of them with
//! their own id, a numbered name, a point moved a little and four events each, so a record is
//! as rich as a real one (about 17 MB of JSON at 5,000). The file is checked with the app's own
//! parser and validator before it is written, and the tool fails if any record breaks a rule.

use std::io::Write as _;

use jakarta_sister_cities::data;
use jakarta_sister_cities::model::{Dataset, Event, Partner};

const SHIPPED: &str = include_str!("../../public/data/partners.json");
/// Events per synthetic partner: with the shipped partners, about 20,000 at 5,000 partners.
const EVENTS_PER_PARTNER: usize = 4;

/// A small deterministic generator (xorshift64*), so every run writes the same file.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let bits = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11;
        bits as f64 / (1u64 << 53) as f64
    }

    /// A value in [-span, span].
    fn spread(&mut self, span: f64) -> f64 {
        (self.next() * 2.0 - 1.0) * span
    }
}

fn copy_of(template: &Partner, pool: &[Event], n: usize, rng: &mut Rng) -> Partner {
    let mut p = template.clone();
    p.id = format!("{}-{n}", template.id).into();
    p.name.id = format!("{} {n}", template.name.id);
    p.name.en = format!("{} {n}", template.name.en);
    if let Some(geo) = &mut p.geo {
        geo.lat = (geo.lat + rng.spread(8.0)).clamp(-85.0, 85.0);
        geo.lon = (geo.lon + rng.spread(8.0) + 180.0).rem_euclid(360.0) - 180.0;
    }
    // Related records would point at partners of another copy; the copy stands alone.
    p.related.clear();
    // The template's own events, or, for a record without any, events of others.
    let events = if template.events.is_empty() {
        pool
    } else {
        &template.events
    };
    let skip = n % events.len().max(1);
    p.events = events
        .iter()
        .cycle()
        .skip(skip)
        .take(EVENTS_PER_PARTNER)
        .cloned()
        .collect();
    p
}

fn synthetic(base: &Dataset, total: usize) -> Dataset {
    let mut data = base.clone();
    let templates = base.partners.clone();
    let pool: Vec<Event> = templates.iter().flat_map(|p| p.events.clone()).collect();
    let mut rng = Rng(0x5EED_CAFE_F00D_BEEF);
    let mut n = 0;
    while data.partners.len() < total {
        let template = &templates[n % templates.len()];
        let copy = copy_of(template, &pool, n / templates.len() + 2, &mut rng);
        data.partners.push(std::sync::Arc::new(copy));
        n += 1;
    }
    data.partners.truncate(total);
    data
}

fn main() {
    let mut args = std::env::args().skip(1);
    let total: usize = match args.next().map(|a| a.parse()) {
        None => 5000,
        Some(Ok(n)) => n,
        Some(Err(err)) => fail(&format!("N must be a whole number: {err}")),
    };
    let out = args.next();
    let today = chrono::Local::now().date_naive();
    let base = match data::parse(SHIPPED, today) {
        Ok(loaded) => loaded.dataset,
        Err(err) => fail(&format!("the shipped data cannot be read: {err}")),
    };
    let dataset = synthetic(&base, total);
    let json = match serde_json::to_string(&dataset) {
        Ok(json) => json,
        Err(err) => fail(&format!("cannot write JSON: {err}")),
    };
    match data::parse(&json, today) {
        Ok(loaded) if loaded.problems.is_empty() => {
            let events: usize = loaded.dataset.partners.iter().map(|p| p.events.len()).sum();
            eprintln!(
                "scale: {} partners, {events} events, {:.1} MB of JSON, no problems",
                loaded.dataset.partners.len(),
                json.len() as f64 / 1e6
            );
        }
        Ok(loaded) => fail(&format!(
            "the synthetic file breaks {} rule(s), first: {}",
            loaded.problems.len(),
            loaded.problems[0]
        )),
        Err(err) => fail(&format!("the synthetic file cannot be read back: {err}")),
    }
    let written = match out {
        Some(path) => std::fs::write(&path, &json),
        None => std::io::stdout().write_all(json.as_bytes()),
    };
    if let Err(err) = written {
        fail(&format!("cannot write the file: {err}"));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("scale: {message}");
    std::process::exit(1);
}
