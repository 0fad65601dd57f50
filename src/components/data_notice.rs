use leptos::prelude::*;

use crate::i18n::Key;
use crate::state::t;
use crate::validate::Problem;

/// Lists the records of the data file that were left out because they break a rule;
/// renders nothing when every record is valid.
#[component]
pub fn DataNotice(
    /// The problems found while loading.
    problems: Vec<Problem>,
) -> impl IntoView {
    (!problems.is_empty()).then(|| {
        view! {
            // The note is a `div` around the `details`: `details` may take no role but its own
            // (axe's `aria-allowed-role`).
            <div class="data-notice" role="note">
                <details>
                    <summary>{t(Key::RecordsLeftOut)} " " {problems.len()}</summary>
                    <ul>
                        {problems
                            .iter()
                            .map(|p| {
                                view! {
                                    <li>
                                        <code>{p.to_string()}</code>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </details>
            </div>
        }
    })
}
