//! Text put into markup written as a string.
#![cfg(not(target_arch = "wasm32"))]

use jakarta_sister_cities::markup::escape;

#[test]
fn markup_characters_become_references_and_the_rest_stays() {
    assert_eq!(
        escape(r#"<a href="x" title='y'>Kuala & Lumpur</a>"#),
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Kuala &amp; Lumpur&lt;/a&gt;"
    );
    assert_eq!(escape("Île-de-France · 東京"), "Île-de-France · 東京");
    // Already escaped text is escaped again: the function is for raw text only.
    assert_eq!(escape("&amp;"), "&amp;amp;");
}
