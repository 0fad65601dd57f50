//! The atlas offline and installable: the service worker (`sw.js`, from `sw.js` here), the
//! script that registers it and shows the "newer data" notice (`offline.js`), a web app
//! manifest per language (`manifest.webmanifest`, `en/manifest.webmanifest`) and its icons
//! (`icons/icon-192.png`, `icons/icon-512.png`, drawn from the site's icon). Everything is
//! addressed relative to the site's root, so it works under any sub-path.

use std::fs;
use std::path::Path;

use jakarta_sister_cities::data;
use jakarta_sister_cities::i18n::{Key, Lang};
use sha2::{Digest, Sha256};

use crate::{escape_json, read, write};

const WORKER: &str = include_str!("sw.js");
const REGISTER: &str = include_str!("offline.js");
pub const ICON_SIZES: [u32; 2] = [192, 512];
pub const THEME: &str = "#0b5d4b";

/// The head tags that link a page (in `lang`, `up` from the root) to all of this.
pub fn head_tags(lang: Lang, up: &str) -> String {
    let manifest = match lang {
        Lang::Id => "manifest.webmanifest",
        Lang::En => "en/manifest.webmanifest",
    };
    format!(
        "\n    <link rel=\"manifest\" href=\"{up}{manifest}\" />\
         \n    <link rel=\"apple-touch-icon\" href=\"{up}icons/icon-192.png\" />\
         \n    <meta name=\"theme-color\" content=\"{THEME}\" />\
         \n    <script src=\"{up}offline.js\" defer></script>"
    )
}

/// Writes the icons, the manifests, the registering script and, last, the worker, whose
/// version hashes every file it keeps (so the pages must be written before).
pub fn write_all(dist: &Path) -> Result<(), String> {
    write_icons(dist)?;
    for lang in [Lang::Id, Lang::En] {
        let dir = match lang {
            Lang::Id => dist.to_path_buf(),
            Lang::En => dist.join("en"),
        };
        write(&dir.join("manifest.webmanifest"), manifest(lang))?;
    }
    write(&dist.join("offline.js"), REGISTER)?;

    // The shell: the two start pages and every file at the root the build made (its names
    // carry Trunk's content hashes), the icons and the manifests. Not the data: the worker
    // keeps it once the first page has loaded it (sw.js, "check-data"), never while that
    // page is still fetching it: two requests for one large file at once share one cache
    // entry, and in a private window (a small in-memory cache) both fail with it.
    let mut files: Vec<String> = vec![String::from("./"), String::from("en/")];
    let mut hashed: Vec<(String, Vec<u8>)> = Vec::new();
    for page in ["index.html", "en/index.html"] {
        hashed.push((
            page.to_owned(),
            fs::read(dist.join(page)).map_err(|e| e.to_string())?,
        ));
    }
    let mut names: Vec<String> = fs::read_dir(dist)
        .map_err(|err| format!("cannot list {}: {err}", dist.display()))?
        .flatten()
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| {
            // app.html is the pre-renderer's template; sw.js is the worker itself.
            !matches!(name.as_str(), "index.html" | "app.html" | "sw.js")
        })
        .collect();
    names.extend(["en/manifest.webmanifest"].into_iter().map(String::from));
    names.extend(
        ICON_SIZES
            .iter()
            .map(|size| format!("icons/icon-{size}.png")),
    );
    names.sort();
    for name in names {
        hashed.push((
            name.clone(),
            fs::read(dist.join(&name)).map_err(|e| e.to_string())?,
        ));
        files.push(name);
    }
    let mut digest = Sha256::new();
    for (name, bytes) in &hashed {
        digest.update(name.as_bytes());
        digest.update([0]);
        digest.update(bytes);
    }
    let version: String = digest
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let list = files
        .iter()
        .map(|f| format!("\"{}\"", escape_json(f)))
        .collect::<Vec<_>>()
        .join(", ");
    let worker = WORKER
        .replacen("__VERSION__", &version, 1)
        .replacen("__FILES__", &format!("[{list}]"), 1)
        .replacen(
            "__DATA__",
            &format!("[\"{}\", \"{}\"]", data::START_URL, data::DATA_URL),
            1,
        );
    write(&dist.join("sw.js"), worker)
}

fn manifest(lang: Lang) -> String {
    let icons = ICON_SIZES
        .iter()
        .map(|size| {
            let up = if lang == Lang::En { "../" } else { "" };
            format!(
                "{{ \"src\": \"{up}icons/icon-{size}.png\", \"sizes\": \"{size}x{size}\", \
                 \"type\": \"image/png\", \"purpose\": \"any maskable\" }}"
            )
        })
        .collect::<Vec<_>>()
        .join(",\n    ");
    format!(
        "{{\n  \"name\": \"{name}\",\n  \"short_name\": \"{short}\",\n  \"description\": \"{description}\",\
         \n  \"lang\": \"{lang}\",\n  \"start_url\": \"./\",\n  \"scope\": \"{scope}\",\
         \n  \"display\": \"standalone\",\n  \"background_color\": \"#ffffff\",\
         \n  \"theme_color\": \"{THEME}\",\n  \"icons\": [\n    {icons}\n  ]\n}}\n",
        name = escape_json(Key::AppTitle.get(lang)),
        short = match lang {
            Lang::Id => "Kota Kembar",
            Lang::En => "Sister Cities",
        },
        description = escape_json(Key::AppTagline.get(lang)),
        lang = lang.tag(),
        // Both languages' pages belong to the one installed app.
        scope = if lang == Lang::En { "../" } else { "./" },
    )
}

/// The app's icons, from the build's own `favicon-*.svg`, on a square of the theme colour
/// (a maskable icon keeps its content inside the middle 80 %).
fn write_icons(dist: &Path) -> Result<(), String> {
    let favicon = fs::read_dir(dist)
        .map_err(|err| format!("cannot list {}: {err}", dist.display()))?
        .flatten()
        .map(|entry| entry.path())
        .find(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("favicon") && n.ends_with(".svg"))
        })
        .ok_or_else(|| format!("no favicon-*.svg in {}", dist.display()))?;
    let icon = read(&favicon)?;
    let inner = icon
        .split_once('>')
        .and_then(|(_, rest)| rest.rsplit_once("</svg>"))
        .map(|(body, _)| body)
        .ok_or_else(|| format!("{} is not an SVG", favicon.display()))?;
    for size in ICON_SIZES {
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{size}\" height=\"{size}\" viewBox=\"0 0 40 40\">\
             <rect width=\"40\" height=\"40\" fill=\"{THEME}\"/><g transform=\"translate(4 4)\">{inner}</g></svg>"
        );
        let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default())
            .map_err(|err| format!("icon: {err}"))?;
        let mut pixmap =
            resvg::tiny_skia::Pixmap::new(size, size).ok_or("icon: cannot allocate the canvas")?;
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::default(),
            &mut pixmap.as_mut(),
        );
        let png = pixmap.encode_png().map_err(|err| format!("icon: {err}"))?;
        write(&dist.join(format!("icons/icon-{size}.png")), png)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifests_stay_inside_the_site_whatever_its_path() {
        for lang in [Lang::Id, Lang::En] {
            let text = manifest(lang);
            assert!(text.contains("\"start_url\": \"./\""), "{text}");
            assert!(
                !text.contains("\"/"),
                "no address from the host's root: {text}"
            );
        }
        assert!(manifest(Lang::En).contains("\"scope\": \"../\""));
    }
}
