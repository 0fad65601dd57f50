//! The pre-renderer: after Trunk has built the app, writes into the build a page per language
//! (the root in Indonesian, `en/` in English) and per partner and language
//! (`partners/tokyo/`, `en/partners/tokyo/`), each drawn natively by the app's own
//! components, with its own title, description, canonical link, Open Graph and Twitter card
//! tags and share image (`share/<lang>/<id>.png`, 1200x630); and the country geometry that
//! the pages and the app draw from cached files: `world-lite.svg` for the first view, and
//! `world.svg`, in full, for a map zoomed in.
//!
//!   prerender --dist DIR [--data FILE] [--site-url URL] [--no-partner-pages] [--no-images]
//!
//! DIR holds Trunk's `index.html` (the template, kept as `app.html`; its `<div id="app">`
//! receives each page)
//! and `data/partners.json` (read unless `--data` names another file), from which it writes
//! `data/start.json`, what the first view reads (see `data::start_file`). `--site-url` is the
//! address the site is deployed at (`https://owner.github.io/jakarta-sister-cities/`): the
//! canonical links and the share images' addresses are absolute URLs under it, as chat apps
//! and search engines need. Without it they are relative.
//!
//! Built natively with `--no-default-features --features prerender` (see scripts/prerender);
//! never in the same build as the browser's `csr`.

mod offline;
mod policy;

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jakarta_sister_cities::data;
use jakarta_sister_cities::geo;
use jakarta_sister_cities::i18n::{format_date, format_years, Key, Label, Lang};
use jakarta_sister_cities::markup::escape;
use jakarta_sister_cities::model::{Partner, PartnerId};
use jakarta_sister_cities::route;
use jakarta_sister_cities::state::{page_meta, Catalog};
use jakarta_sister_cities::{render_page, APP_ID};

const SHARE_WIDTH: u32 = 1200;
const SHARE_HEIGHT: u32 = 630;

struct Options {
    dist: PathBuf,
    data: Option<PathBuf>,
    site_url: String,
    partner_pages: bool,
    images: bool,
}

fn main() {
    // The components' selectors run effects, which need an executor outside a browser.
    if let Err(err) = any_spawner::Executor::init_futures_executor() {
        fail(&format!("cannot start Leptos's executor: {err}"));
    }
    let options = match read_options() {
        Ok(options) => options,
        Err(message) => fail(&message),
    };
    if let Err(message) = run(&options) {
        fail(&message);
    }
}

fn read_options() -> Result<Options, String> {
    let mut options = Options {
        dist: PathBuf::from("dist"),
        data: None,
        site_url: String::new(),
        partner_pages: true,
        images: true,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--dist" => options.dist = PathBuf::from(value("--dist")?),
            "--data" => options.data = Some(PathBuf::from(value("--data")?)),
            "--site-url" => options.site_url = value("--site-url")?,
            "--no-partner-pages" => options.partner_pages = false,
            "--no-images" => options.images = false,
            other => return Err(format!("unknown option {other}")),
        }
    }
    if !options.site_url.is_empty() && !options.site_url.ends_with('/') {
        options.site_url.push('/');
    }
    Ok(options)
}

fn run(options: &Options) -> Result<(), String> {
    // Trunk's page is kept as app.html (the app with nothing pre-rendered), so that the
    // pages can be made again over a build, e.g. with other data for the scale benchmark.
    let empty = format!("<div id=\"{APP_ID}\"></div>");
    let index = read(&options.dist.join("index.html"))?;
    let shell_path = options.dist.join("app.html");
    if index.contains(&empty) {
        write(&shell_path, &index)?;
    }
    let template = read(&shell_path)?;
    if !template.contains(&empty) {
        return Err(format!(
            "{} has no empty {empty} to fill",
            shell_path.display()
        ));
    }
    let data_path = options
        .data
        .clone()
        .unwrap_or_else(|| options.dist.join(data::DATA_URL));
    let text = read(&data_path)?;
    let loaded = data::parse(&text, jakarta_sister_cities::time::today())
        .map_err(|err| format!("{}: {err}", data_path.display()))?;
    // What the first view reads: the app at a page's take-over, and the page's preload.
    let start = data::start_file(&text).map_err(|err| format!("{}: {err}", data_path.display()))?;
    write(&options.dist.join(data::START_URL), &start)?;
    let fingerprint = data::fingerprint(&start);
    for problem in &loaded.problems {
        eprintln!("prerender: left out: {problem}");
    }
    // The files checked here and found whole, which the app then reads without checking them
    // again (data::read_checked): the same text gives the same answer. A file with a record
    // left out is checked again in the browser, which says what is wrong with it.
    let start_whole = data::parse(&start, jakarta_sister_cities::time::today())
        .map_err(|err| format!("{}: {err}", data::START_URL))?
        .problems
        .is_empty();
    let checked = [
        (start_whole, fingerprint.clone()),
        (loaded.problems.is_empty(), data::fingerprint(&text)),
    ]
    .into_iter()
    .filter_map(|(whole, print)| whole.then_some(print))
    .collect::<Vec<_>>()
    .join(" ");
    let data_attrs = format!("data-data=\"{fingerprint}\" data-checked=\"{checked}\"");
    let catalog = Arc::new(Catalog::new(loaded.dataset));
    write(&options.dist.join("world.svg"), geo::world_svg())?;
    write(&options.dist.join("world-lite.svg"), geo::world_svg_lite())?;

    let mut pages = 0;
    for lang in [Lang::Id, Lang::En] {
        let mut partners: Vec<Option<PartnerId>> = vec![None];
        if options.partner_pages {
            partners.extend(catalog.partners.iter().map(|p| Some(p.id.clone())));
        }
        for partner in partners {
            let page = Page::new(&catalog, lang, partner, &options.site_url);
            let html = policy::with_policy(&page.html(&template, &catalog, &data_attrs))?;
            write(&options.dist.join(&page.dir).join("index.html"), &html)?;
            if options.images {
                let png = share_image(&catalog, lang, page.partner.as_deref())?;
                write(&options.dist.join(&page.image_path), &png)?;
            }
            pages += 1;
        }
    }
    offline::write_all(&options.dist)?;
    eprintln!(
        "prerender: {pages} pages from {} partners into {}",
        catalog.partners.len(),
        options.dist.display()
    );
    Ok(())
}

/// One page of the site: where it is, and how it names itself.
struct Page {
    lang: Lang,
    partner: Option<Arc<Partner>>,
    /// Its directory under the root (`en/partners/tokyo/`).
    dir: String,
    /// The way back to the root from it (`../../../`).
    up: String,
    /// Its share image under the root (`share/en/tokyo.png`).
    image_path: String,
    site_url: String,
}

impl Page {
    fn new(catalog: &Catalog, lang: Lang, partner: Option<PartnerId>, site_url: &str) -> Page {
        let partner = partner.and_then(|id| catalog.partner(&id).cloned());
        let id = partner.as_ref().map(|p| p.id.clone());
        Page {
            lang,
            dir: route::page_dir(lang, id.as_ref()),
            up: route::up_to_root(lang, id.as_ref()),
            image_path: format!(
                "share/{}/{}.png",
                lang.tag(),
                id.as_deref().unwrap_or("atlas")
            ),
            partner,
            site_url: site_url.to_owned(),
        }
    }

    /// An address under the root: absolute when the site's URL is known, else relative.
    fn url(&self, path: &str) -> String {
        if self.site_url.is_empty() {
            format!("{}{path}", self.up)
        } else {
            format!("{}{path}", self.site_url)
        }
    }

    /// The page: `template` with its head tags and its content, which says what it shows
    /// (`data-page`, its directory) and, in `data_attrs`, the data it was drawn from
    /// (`data-data`, the data's fingerprint), so that the app can leave it as it is until the
    /// reader acts, and the data files this build checked (`data-checked`).
    fn html(&self, template: &str, catalog: &Arc<Catalog>, data_attrs: &str) -> String {
        let id = self.partner.as_ref().map(|p| p.id.clone());
        let body = render_page(
            catalog.clone(),
            self.lang,
            id.clone(),
            &self.up,
            &self.site_url,
        );
        let (title, description) = page_meta(
            self.lang,
            self.partner.as_ref().map(|p| (&p.name, &p.summary)),
        );
        let (head_end, _) = split_once(template, "</head>");
        // Trunk writes the assets' addresses relative to the root page (`./x.js`).
        let mut head = if self.up.is_empty() {
            head_end.to_owned()
        } else {
            head_end
                .replace("\"./", &format!("\"{}", self.up))
                .replace("'./", &format!("'{}", self.up))
        };
        head = replace_element(&head, "<title>", "</title>", &escape(&title));
        head = replace_attr(&head, "<meta name=\"description\"", &escape(&description));
        head = head.replacen(
            "<html lang=\"id\">",
            &format!("<html lang=\"{}\">", self.lang.tag()),
            1,
        );
        let mut extra = String::new();
        let canonical = self.url(&self.dir);
        let image = self.url(&self.image_path);
        let locale = match self.lang {
            Lang::Id => "id_ID",
            Lang::En => "en_GB",
        };
        let _ = write!(
            extra,
            "\n    <link rel=\"preload\" href=\"{up}{data}\" as=\"fetch\" crossorigin />\
             \n    <link rel=\"canonical\" href=\"{canonical}\" />",
            up = self.up,
            data = data::START_URL,
        );
        for lang in [Lang::Id, Lang::En] {
            let dir = route::page_dir(lang, id.as_ref());
            let _ = write!(
                extra,
                "\n    <link rel=\"alternate\" hreflang=\"{}\" href=\"{}\" />",
                lang.tag(),
                self.url(&dir)
            );
        }
        let title = escape(&title);
        let description = escape(&description);
        let _ = write!(
            extra,
            "\n    <meta property=\"og:type\" content=\"website\" />\
             \n    <meta property=\"og:site_name\" content=\"{site}\" />\
             \n    <meta property=\"og:locale\" content=\"{locale}\" />\
             \n    <meta property=\"og:title\" content=\"{title}\" />\
             \n    <meta property=\"og:description\" content=\"{description}\" />\
             \n    <meta property=\"og:url\" content=\"{canonical}\" />\
             \n    <meta property=\"og:image\" content=\"{image}\" />\
             \n    <meta property=\"og:image:width\" content=\"{SHARE_WIDTH}\" />\
             \n    <meta property=\"og:image:height\" content=\"{SHARE_HEIGHT}\" />\
             \n    <meta property=\"og:image:alt\" content=\"{title}\" />\
             \n    <meta name=\"twitter:card\" content=\"summary_large_image\" />\
             \n    <meta name=\"twitter:title\" content=\"{title}\" />\
             \n    <meta name=\"twitter:description\" content=\"{description}\" />\
             \n    <meta name=\"twitter:image\" content=\"{image}\" />\n  ",
            site = escape(Key::AppTitle.get(self.lang)),
        );
        extra.push_str(&offline::head_tags(self.lang, &self.up));
        let (_, after_head) = split_once(template, "</head>");
        let empty = format!("<div id=\"{APP_ID}\"></div>");
        let filled = format!(
            "<div id=\"{APP_ID}\" data-page=\"{}\" {data_attrs}>{body}</div>",
            self.dir
        );
        format!(
            "{head}{extra}</head>{}",
            after_head.replacen(&empty, &filled, 1)
        )
    }
}

/// The share image of a page (a PNG of a few colours, so it stays small: the map is drawn
/// without anti-aliasing, the arc and the text with it): the map with the arc from home to the partner (every partner's
/// point for the atlas), the partner's name, what binds it to the home city and since when.
fn share_image(
    catalog: &Catalog,
    lang: Lang,
    partner: Option<&Partner>,
) -> Result<Vec<u8>, String> {
    let svg = share_svg(catalog, lang, partner);
    let mut options = resvg::usvg::Options::default();
    options.fontdb_mut().load_system_fonts();
    options.font_family = String::from("DejaVu Sans");
    if options.fontdb.faces().next().is_none() {
        return Err(String::from(
            "no fonts found for the share images: install fonts-dejavu-core (scripts/setup does)",
        ));
    }
    let tree =
        resvg::usvg::Tree::from_str(&svg, &options).map_err(|err| format!("share image: {err}"))?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(SHARE_WIDTH, SHARE_HEIGHT)
        .ok_or("share image: cannot allocate the canvas")?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|err| format!("share image: {err}"))
}

fn share_svg(catalog: &Catalog, lang: Lang, partner: Option<&Partner>) -> String {
    let home = &catalog.home.geo;
    let (hx, hy) = geo::project(home.lat, home.lon);
    // The map fills the image's width above a band of text.
    let scale = f64::from(SHARE_WIDTH) / geo::MAP_WIDTH;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{SHARE_WIDTH}\" height=\"{SHARE_HEIGHT}\">\
         <rect width=\"100%\" height=\"100%\" fill=\"#0b5a4a\"/>\
         <g transform=\"translate(0 10) scale({scale:.4})\">\
         <path d=\"{sphere}\" fill=\"#dbe9f2\" shape-rendering=\"crispEdges\"/>\
         <g fill=\"#c9d3cd\" shape-rendering=\"crispEdges\">",
        sphere = geo::SPHERE_PATH,
    );
    for (_, d) in geo::country_paths() {
        let _ = write!(svg, "<path d=\"{d}\"/>");
    }
    svg.push_str("</g>");
    let points: Vec<&Partner> = match partner {
        Some(p) => vec![p],
        None => catalog.partners.iter().map(|p| &**p).collect(),
    };
    let width = if partner.is_some() { 3.0 } else { 1.2 };
    for p in &points {
        if let Some(g) = &p.geo {
            let d = geo::arc_path(home.lat, home.lon, g.lat, g.lon);
            let _ = write!(
                svg,
                "<path d=\"{d}\" fill=\"none\" stroke=\"#0b5a4a\" stroke-width=\"{width}\" stroke-linecap=\"round\"/>"
            );
        }
    }
    for p in &points {
        if let Some(g) = &p.geo {
            let (x, y) = geo::project(g.lat, g.lon);
            let _ = write!(
                svg,
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"5\" fill=\"#c0392b\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>"
            );
        }
    }
    let _ = write!(
        svg,
        "<circle cx=\"{hx:.1}\" cy=\"{hy:.1}\" r=\"7\" fill=\"#e8a33d\" stroke=\"#1d2521\" stroke-width=\"2\"/></g>"
    );
    let (title, line) = match partner {
        Some(p) => {
            let since = p.since.map(|d| {
                let years = d
                    .whole_years_until(jakarta_sister_cities::time::today())
                    .map(|y| format!(" · {}", format_years(y, lang)))
                    .unwrap_or_default();
                format!(
                    " · {} {}{years}",
                    Key::Since.get(lang),
                    format_date(&d, lang)
                )
            });
            (
                lang.pick(&p.name).to_owned(),
                format!(
                    "{} – {}{}",
                    lang.pick(&catalog.home.name),
                    p.relation.label(lang),
                    since.unwrap_or_default()
                ),
            )
        }
        None => (
            Key::AppTitle.get(lang).to_owned(),
            format!(
                "{} {}",
                catalog.partners.len(),
                Key::PartnersHeading.get(lang).to_lowercase()
            ),
        ),
    };
    let _ = write!(
        svg,
        "<rect y=\"505\" width=\"100%\" height=\"125\" fill=\"#0b5a4a\"/>\
         <text x=\"48\" y=\"560\" font-size=\"46\" font-weight=\"bold\" fill=\"#ffffff\">{}</text>\
         <text x=\"48\" y=\"606\" font-size=\"28\" fill=\"#e6f2ee\">{}</text>\
         <text x=\"24\" y=\"40\" font-size=\"22\" fill=\"#ffffff\">{}</text></svg>",
        escape(&title),
        escape(&line),
        escape(if partner.is_some() {
            Key::AppTitle.get(lang)
        } else {
            ""
        }),
    );
    svg
}

fn split_once<'a>(text: &'a str, at: &str) -> (&'a str, &'a str) {
    text.split_once(at).unwrap_or((text, ""))
}

/// Replaces the text between `open` and `close` (the first of each).
fn replace_element(html: &str, open: &str, close: &str, text: &str) -> String {
    match (html.find(open), html.find(close)) {
        (Some(a), Some(b)) if a < b => format!("{}{open}{text}{}", &html[..a], &html[b..]),
        _ => html.to_owned(),
    }
}

/// Replaces the `content` of the first tag that starts with `tag_start`.
fn replace_attr(html: &str, tag_start: &str, content: &str) -> String {
    let Some(a) = html.find(tag_start) else {
        return html.to_owned();
    };
    let Some(end) = html[a..].find('>').map(|e| a + e) else {
        return html.to_owned();
    };
    format!(
        "{}{tag_start} content=\"{content}\" />{}",
        &html[..a],
        &html[end + 1..]
    )
}

/// `text` inside a JSON string.
fn escape_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|err| format!("cannot read {}: {err}", path.display()))
}

fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|err| format!("cannot create {}: {err}", dir.display()))?;
    }
    fs::write(path, contents).map_err(|err| format!("cannot write {}: {err}", path.display()))
}

fn fail(message: &str) -> ! {
    eprintln!("prerender: {message}");
    std::process::exit(1);
}
