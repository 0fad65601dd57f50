//! "Download what is shown": the partners the filters show as CSV or JSON.

use leptos::prelude::*;

use crate::browser;
use crate::export;
use crate::i18n::{format_downloaded, format_view_citation, Key, Lang};
use crate::state::{t, use_app, use_lang, AppState, Catalog};
use crate::time::{today, PartialDate};

/// The two formats a reader can take away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Json,
}

/// Two buttons that download the partners shown, in their order, as a CSV table or as JSON
/// records with a citation; a status line says what was downloaded, or what failed.
#[component]
pub fn ExportButtons() -> impl IntoView {
    let state = use_app();
    let lang = use_lang();
    let status = RwSignal::new(String::new());
    let run = move |format: Format| {
        let lang = lang.get_untracked();
        leptos::task::spawn_local(async move {
            // Each record whole, with its events and sources: the whole data file, loaded
            // once when the first view read only the part it shows.
            let said = match state.whole_data().await {
                Ok(data) => export_file(state, data, lang, format).await.ok(),
                Err(_) => None,
            };
            // None: the writers' part, or the whole data, could not be loaded.
            status.set(said.unwrap_or_else(|| {
                format!(
                    "{} {}",
                    Key::DownloadFailed.get(lang),
                    Key::PartFailed.get(lang)
                )
            }));
        });
    };
    view! {
        <div class="export" role="group" aria-label=t(Key::ExportLabel)>
            <button type="button" class="button secondary" on:click=move |_| run(Format::Csv)>
                {t(Key::DownloadCsv)}
            </button>
            <button type="button" class="button secondary" on:click=move |_| run(Format::Json)>
                {t(Key::DownloadJson)}
            </button>
            <p class="export-status" role="status">
                {move || status.get()}
            </p>
        </div>
    }
}

lazy_part! {
    /// The writers of both formats and the download, in a file of their own: what the status
    /// line then says (see [`make_file`]).
    fn export_file(
        state: AppState,
        data: std::sync::Arc<Catalog>,
        lang: Lang,
        format: Format
    ) -> String, ready export_ready {
        make_file(state, &data, lang, format)
            .and_then(|(name, mime, text)| browser::download(&name, mime, &text).map(|()| name))
            .map(|name| {
                let shown = state.visible().with_untracked(|v| v.len());
                format_downloaded(&name, shown, lang)
            })
            .unwrap_or_else(|err| format!("{} {err}", Key::DownloadFailed.get(lang)))
    }
}

/// The file's name, type and text for the partners shown now.
fn make_file(
    state: AppState,
    data: &Catalog,
    lang: Lang,
    format: Format,
) -> Result<(String, &'static str, String), String> {
    let visible = state.visible().get_untracked();
    let today = today();
    match format {
        Format::Csv => {
            let permalink = |id: &_| browser::absolute_url(&state.partner_href_in(id, lang));
            let text = export::csv(data, &visible, today, &permalink);
            Ok((
                export::file_name(data, "csv"),
                "text/csv;charset=utf-8",
                text,
            ))
        }
        Format::Json => {
            let here = browser::absolute_url(&state.view_href(state.view().get_untracked()));
            let citation = format_view_citation(
                visible.len(),
                data.partners.len(),
                &data.checked,
                &here,
                &PartialDate::from(today),
                lang,
            );
            let text = export::json(data, &visible, &citation);
            Ok((
                export::file_name(data, "json"),
                "application/json;charset=utf-8",
                text,
            ))
        }
    }
}
