//! Text put into markup written as a string: the timeline's chart (one `inner_html`, see
//! `components::timeline_view`) and the pre-renderer's page heads and share images.

/// `text` made safe for an element's text or a quoted attribute value, in HTML, SVG and XML
/// alike: `&`, `<`, `>`, `"` and `'` become references.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
