//! Interface text in Bahasa Indonesia and English, and dates and numbers as each
//! language writes them.
//!
//! Every string is a `Key` whose `pair` gives both languages at once, so a string
//! cannot exist in one language only; a native test also checks none is empty.

use crate::model::Text;
use crate::time::PartialDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    /// The BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Reads `id` or `en`; anything else is not a language of the app.
    pub fn parse(tag: &str) -> Option<Lang> {
        match tag.trim().to_ascii_lowercase().as_str() {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language for a visitor: the URL's choice if valid, else Indonesian
    /// for a browser set to Indonesian (`id`, `id-ID`, `in`), else English.
    pub fn choose(param: Option<&str>, browser: Option<&str>) -> Lang {
        if let Some(lang) = param.and_then(Lang::parse) {
            return lang;
        }
        let primary = browser
            .and_then(|tag| tag.split(['-', '_']).next())
            .map(str::to_ascii_lowercase);
        match primary.as_deref() {
            Some("id" | "in") => Lang::Id,
            _ => Lang::En,
        }
    }

    /// Picks this language's side of a dataset text.
    pub fn pick(self, text: &Text) -> &str {
        match self {
            Lang::Id => &text.id,
            Lang::En => &text.en,
        }
    }
}

/// Every piece of interface text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    AppTitle,
    AppTagline,
    Loading,
    LoadFailed,
    Retry,
    Since,
    SinceUnknown,
    PartnersHeading,
    RecordsLeftOut,
    NoCountry,
    ErrorNetwork,
    ErrorHttp,
    ErrorParse,
    ErrorSchema,
}

impl Key {
    pub const ALL: &'static [Key] = &[
        Key::AppTitle,
        Key::AppTagline,
        Key::Loading,
        Key::LoadFailed,
        Key::Retry,
        Key::Since,
        Key::SinceUnknown,
        Key::PartnersHeading,
        Key::RecordsLeftOut,
        Key::NoCountry,
        Key::ErrorNetwork,
        Key::ErrorHttp,
        Key::ErrorParse,
        Key::ErrorSchema,
    ];

    /// (Indonesian, English).
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            Key::AppTitle => ("Atlas Kota Kembar Jakarta", "Jakarta Sister Cities Atlas"),
            Key::AppTagline => (
                "Kota kembar, provinsi kembar, dan mitra internasional Jakarta, dengan sumber untuk setiap fakta.",
                "Jakarta's sister cities, sister provinces and international partners, with a source for every fact.",
            ),
            Key::Loading => ("Memuat data mitra…", "Loading partner data…"),
            Key::LoadFailed => ("Data mitra tidak dapat dimuat.", "The partner data could not be loaded."),
            Key::Retry => ("Coba lagi", "Retry"),
            Key::Since => ("Sejak", "Since"),
            Key::SinceUnknown => ("Tahun mulai tidak diketahui", "Start year unknown"),
            Key::PartnersHeading => ("Mitra", "Partners"),
            Key::RecordsLeftOut => (
                "Beberapa catatan dalam berkas data tidak valid dan tidak ditampilkan:",
                "Some records in the data file are invalid and are not shown:",
            ),
            Key::NoCountry => ("Jaringan internasional", "International network"),
            Key::ErrorNetwork => (
                "Tidak dapat terhubung ke server. Periksa koneksi internet Anda.",
                "Could not reach the server. Check your internet connection.",
            ),
            Key::ErrorHttp => ("Server tidak memberikan berkas data.", "The server did not return the data file."),
            Key::ErrorParse => ("Berkas data rusak (bukan JSON yang valid).", "The data file is damaged (not valid JSON)."),
            Key::ErrorSchema => (
                "Berkas data tidak sesuai dengan format yang diharapkan.",
                "The data file does not have the expected format.",
            ),
        }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        let (id, en) = self.pair();
        match lang {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date at its precision: "23 Oktober 1989", "Oktober 1989", "1989".
pub fn format_date(date: &PartialDate, lang: Lang) -> String {
    let months = match lang {
        Lang::Id => &MONTHS_ID,
        Lang::En => &MONTHS_EN,
    };
    let month_name = |m: u32| {
        m.checked_sub(1)
            .and_then(|i| months.get(i as usize))
            .copied()
            .unwrap_or("?")
    };
    match (date.day(), date.month()) {
        (Some(day), Some(month)) => format!("{day} {} {}", month_name(month), date.year()),
        (None, Some(month)) => format!("{} {}", month_name(month), date.year()),
        _ => date.year().to_string(),
    }
}
