//! Where a page is: the site's root, its language and its partner, read from the path, and
//! the address of any state written back as a path and a query.
//!
//! Every partner has a page of its own in each language (`partners/tokyo/`,
//! `en/partners/tokyo/`) and each language a start page (the root, `en/`), made at build
//! time so that a shared link shows its partner before any script runs and previews it in
//! a chat. The app writes its URLs in the same form; it still reads the older query form
//! (`?lang=en&partner=tokyo`) of links shared before.
//!
//! The site may live under any sub-path (`/jakarta-sister-cities/`), so the root is what is
//! left of the path once the known endings are taken off. Pure, and tested natively.

use crate::i18n::Lang;
use crate::model::PartnerId;
use crate::url_state::Query;

/// The language of the root's pages; the other has its pages under `en/`.
pub const ROOT_LANG: Lang = Lang::Id;

/// What a page's path says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PagePath {
    /// The site's root, always ending in `/` (`/jakarta-sister-cities/`).
    pub root: String,
    pub lang: Lang,
    pub partner: Option<PartnerId>,
}

/// Reads a page's path (`location.pathname`); never fails: a path it does not know is the root.
pub fn parse_path(pathname: &str) -> PagePath {
    let path = pathname.strip_suffix("index.html").unwrap_or(pathname);
    let mut segments: Vec<&str> = path.split('/').collect();
    // "/a/b/" splits into ["", "a", "b", ""]: the empty ends are not segments.
    if segments.last() == Some(&"") {
        segments.pop();
    }
    let mut partner = None;
    if segments.len() >= 2 && segments[segments.len() - 2] == "partners" {
        if let Some(id) = PartnerId::parse(segments[segments.len() - 1]) {
            partner = Some(id);
            segments.truncate(segments.len() - 2);
        }
    }
    let mut lang = ROOT_LANG;
    if segments.last() == Some(&"en") {
        lang = Lang::En;
        segments.pop();
    }
    let mut root = segments.join("/");
    root.push('/');
    if !root.starts_with('/') {
        root.insert(0, '/');
    }
    PagePath {
        root,
        lang,
        partner,
    }
}

impl PagePath {
    /// The state a page opened at `search` shows: what the path says, unless the query
    /// says otherwise (an older link's `lang=` and `partner=`).
    pub fn query(&self, search: &str) -> Query {
        let mut query = Query::parse(search);
        query.lang = query.lang.or(Some(self.lang));
        if query.partner.is_none() {
            query.partner = self.partner.clone();
        }
        query
    }
}

/// The address of a state as a path and a query, after `base`: the language and the open
/// partner in the path, everything else in the query. `base` is the root as the page
/// reaches it: an absolute path in the browser (`/jakarta-sister-cities/`), or a relative
/// one in a pre-rendered page (`../../`), which works under any sub-path.
pub fn href(base: &str, query: &Query) -> String {
    let mut out = String::from(base);
    if query.lang.unwrap_or(ROOT_LANG) != ROOT_LANG {
        out.push_str("en/");
    }
    if let Some(id) = &query.partner {
        out.push_str("partners/");
        out.push_str(id);
        out.push('/');
    }
    let rest = Query {
        lang: None,
        partner: None,
        ..query.clone()
    };
    out.push_str(&rest.to_search());
    if out.is_empty() {
        out.push_str("./");
    }
    out
}

/// The relative way from a page's directory back to the root: `""` for the root itself,
/// `"../"` for `en/`, `"../../"` for `partners/tokyo/`, `"../../../"` for `en/partners/tokyo/`.
pub fn up_to_root(lang: Lang, partner: Option<&PartnerId>) -> String {
    let depth = usize::from(lang != ROOT_LANG) + 2 * usize::from(partner.is_some());
    "../".repeat(depth)
}

/// The directory of a page under the root, as the build writes it: `""`, `"en/"`,
/// `"partners/tokyo/"`, `"en/partners/tokyo/"`.
pub fn page_dir(lang: Lang, partner: Option<&PartnerId>) -> String {
    href(
        "",
        &Query {
            lang: Some(lang),
            partner: partner.cloned(),
            ..Query::default()
        },
    )
    .trim_start_matches("./")
    .to_owned()
}
