//! The Content-Security-Policy every page carries. GitHub Pages sends no security headers, so
//! each page states its own policy in a `<meta http-equiv>`, placed before anything it governs.
//!
//! What it allows, and why:
//! - `default-src 'self'`: every file comes from the site itself; nothing else is loaded.
//! - `script-src 'self' 'wasm-unsafe-eval' 'sha256-…'`: the site's own scripts; compiling
//!   WebAssembly (which a policy with `script-src` otherwise forbids); and the one inline
//!   script Trunk writes (its loader), by the hash of its exact text on that page. Never
//!   `'unsafe-inline'`.
//! - `style-src 'self'`: the stylesheet file only; the app sets no `style` attributes (sizes go
//!   through the CSSOM, which a policy does not govern).
//! - `img-src 'self' data:`: the icon and the share images; `data:` for images the browser
//!   makes itself.
//! - `connect-src 'self'`: the data file, and the service worker's fetches.
//! - `object-src 'none'`, `base-uri 'self'`, `form-action 'none'`: no plug-ins, no `<base>`
//!   that moves every relative link elsewhere, no form that posts anywhere.
//! - `manifest-src 'self'`, `worker-src 'self'`: the web app manifest and the service worker.
//!
//! `frame-ancestors` cannot be set from a `<meta>`; Pages cannot send it as a header.

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// The policy for a page whose inline scripts are `inline` (their exact text).
pub fn policy<'a>(inline: impl IntoIterator<Item = &'a str>) -> String {
    let mut scripts = String::from("'self' 'wasm-unsafe-eval'");
    for text in inline {
        let digest = Sha256::digest(text.as_bytes());
        scripts.push_str(" 'sha256-");
        scripts.push_str(&base64::engine::general_purpose::STANDARD.encode(digest));
        scripts.push('\'');
    }
    format!(
        "default-src 'self'; script-src {scripts}; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'; \
         manifest-src 'self'; worker-src 'self'"
    )
}

/// The text of every inline `<script>` (one without `src`) in `html`.
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let open = &after[..open_end];
        let body = &after[open_end + 1..];
        let Some(close) = body.find("</script>") else {
            break;
        };
        if !open.contains(" src=") {
            found.push(&body[..close]);
        }
        rest = &body[close..];
    }
    found
}

/// `html` with its policy as the first thing after `<meta charset>` (or at the start of
/// `<head>`), so that it governs every script and style of the page.
pub fn with_policy(html: &str) -> Result<String, String> {
    let meta = format!(
        "\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{}\" />",
        policy(inline_scripts(html))
    );
    for anchor in [
        "<meta charset=\"utf-8\" />",
        "<meta charset=\"utf-8\">",
        "<head>",
    ] {
        if let Some(at) = html.find(anchor) {
            let at = at + anchor.len();
            return Ok(format!("{}{meta}{}", &html[..at], &html[at..]));
        }
    }
    Err(String::from(
        "the page has no <meta charset> or <head> to put its security policy after",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_inline_script_is_hashed_and_scripts_with_a_source_are_not() {
        let html = "<head><meta charset=\"utf-8\" /><script type=\"module\">go()</script>\
                    <script src=\"./a.js\" defer></script></head>";
        assert_eq!(inline_scripts(html), vec!["go()"]);
        let page = with_policy(html).expect("a page with a charset");
        // sha256("go()"), base64: the browser hashes the exact text between the tags.
        let digest = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"go()"));
        assert!(page.contains(&format!("'sha256-{digest}'")));
        assert!(!page.contains("unsafe-inline"));
        assert!(page.find("Content-Security-Policy") < page.find("<script"));
    }
}
