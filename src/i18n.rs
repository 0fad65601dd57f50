//! Interface text in Bahasa Indonesia and English, and dates and numbers as each
//! language writes them.
//!
//! Every string is a `Key` whose `pair` gives both languages at once, so a string
//! cannot exist in one language only; a native test also checks none is empty.

use crate::model::{EventKind, Level, Region, Relation, Status, Text};
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
    SkipToList,
    LanguageLabel,
    SearchLabel,
    SearchPlaceholder,
    Filters,
    Sectors,
    RelationLabel,
    StatusLabel,
    RegionLabel,
    Period,
    FromYear,
    ToYear,
    All,
    ClearAll,
    NoResults,
    SortBy,
    SortSince,
    SortName,
    SortDistance,
    MapLabel,
    ZoomIn,
    ZoomOut,
    ResetView,
    Close,
    Events,
    Conflicts,
    ShownInApp,
    WhyShown,
    SourcesHeading,
    LocalTime,
    Note,
    NotOnMap,
    Seat,
    ViewMap,
    ViewList,
    ViewSwitch,
    DetailOf,
    OpensNewTab,
    Related,
    DistanceLabel,
    Credits,
    DataChecked,
    Jakarta,
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
        Key::SkipToList,
        Key::LanguageLabel,
        Key::SearchLabel,
        Key::SearchPlaceholder,
        Key::Filters,
        Key::Sectors,
        Key::RelationLabel,
        Key::StatusLabel,
        Key::RegionLabel,
        Key::Period,
        Key::FromYear,
        Key::ToYear,
        Key::All,
        Key::ClearAll,
        Key::NoResults,
        Key::SortBy,
        Key::SortSince,
        Key::SortName,
        Key::SortDistance,
        Key::MapLabel,
        Key::ZoomIn,
        Key::ZoomOut,
        Key::ResetView,
        Key::Close,
        Key::Events,
        Key::Conflicts,
        Key::ShownInApp,
        Key::WhyShown,
        Key::SourcesHeading,
        Key::LocalTime,
        Key::Note,
        Key::NotOnMap,
        Key::Seat,
        Key::ViewMap,
        Key::ViewList,
        Key::ViewSwitch,
        Key::DetailOf,
        Key::OpensNewTab,
        Key::Related,
        Key::DistanceLabel,
        Key::Credits,
        Key::DataChecked,
        Key::Jakarta,
    ];

    /// (Indonesian, English).
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            Key::AppTitle => ("Atlas Kota Kembar Jakarta", "Jakarta Sister Cities Atlas"),
            Key::AppTagline => ("Kota kembar, provinsi kembar, dan mitra internasional Jakarta, dengan sumber untuk setiap fakta.", "Jakarta's sister cities, sister provinces and international partners, with a source for every fact."),
            Key::Loading => ("Memuat data mitra…", "Loading partner data…"),
            Key::LoadFailed => ("Data mitra tidak dapat dimuat.", "The partner data could not be loaded."),
            Key::Retry => ("Coba lagi", "Retry"),
            Key::Since => ("Sejak", "Since"),
            Key::SinceUnknown => ("Tahun mulai tidak diketahui", "Start year unknown"),
            Key::PartnersHeading => ("Mitra", "Partners"),
            Key::RecordsLeftOut => ("Beberapa catatan dalam berkas data tidak valid dan tidak ditampilkan:", "Some records in the data file are invalid and are not shown:"),
            Key::NoCountry => ("Jaringan internasional", "International network"),
            Key::ErrorNetwork => ("Tidak dapat terhubung ke server. Periksa koneksi internet Anda.", "Could not reach the server. Check your internet connection."),
            Key::ErrorHttp => ("Server tidak memberikan berkas data.", "The server did not return the data file."),
            Key::ErrorParse => ("Berkas data rusak (bukan JSON yang valid).", "The data file is damaged (not valid JSON)."),
            Key::ErrorSchema => ("Berkas data tidak sesuai dengan format yang diharapkan.", "The data file does not have the expected format."),
            Key::SkipToList => ("Lewati peta, langsung ke daftar mitra", "Skip the map, go to the partner list"),
            Key::LanguageLabel => ("Bahasa", "Language"),
            Key::SearchLabel => ("Cari mitra, negara, tokoh, atau bidang", "Search partners, countries, people or sectors"),
            Key::SearchPlaceholder => ("mis. Tokyo, Koike, banjir", "e.g. Tokyo, Koike, flood"),
            Key::Filters => ("Filter", "Filters"),
            Key::Sectors => ("Bidang kerja sama", "Sectors of cooperation"),
            Key::RelationLabel => ("Jenis hubungan", "Relation"),
            Key::StatusLabel => ("Status", "Status"),
            Key::RegionLabel => ("Kawasan", "Region"),
            Key::Period => ("Tahun mulai", "Start year"),
            Key::FromYear => ("Dari tahun", "From year"),
            Key::ToYear => ("Sampai tahun", "To year"),
            Key::All => ("Semua", "All"),
            Key::ClearAll => ("Hapus semua filter", "Clear all filters"),
            Key::NoResults => ("Tidak ada mitra yang cocok dengan filter ini.", "No partner matches these filters."),
            Key::SortBy => ("Urutkan", "Sort by"),
            Key::SortSince => ("Tanggal mulai", "Start date"),
            Key::SortName => ("Nama", "Name"),
            Key::SortDistance => ("Jarak dari Jakarta", "Distance from Jakarta"),
            Key::MapLabel => ("Peta dunia mitra Jakarta. Seret atau gunakan tombol panah untuk menggeser, + dan − untuk memperbesar, 0 untuk mengatur ulang.", "World map of Jakarta's partners. Drag or use the arrow keys to pan, + and − to zoom, 0 to reset."),
            Key::ZoomIn => ("Perbesar", "Zoom in"),
            Key::ZoomOut => ("Perkecil", "Zoom out"),
            Key::ResetView => ("Atur ulang peta", "Reset map"),
            Key::Close => ("Tutup", "Close"),
            Key::Events => ("Peristiwa", "Events"),
            Key::Conflicts => ("Sumber yang berbeda pendapat", "Where sources disagree"),
            Key::ShownInApp => ("ditampilkan", "shown"),
            Key::WhyShown => ("Alasan", "Why"),
            Key::SourcesHeading => ("Sumber", "Sources"),
            Key::LocalTime => ("Waktu setempat sekarang", "Local time now"),
            Key::Note => ("Catatan", "Note"),
            Key::NotOnMap => ("Tanpa titik di peta", "No point on the map"),
            Key::Seat => ("titik: ibu kota/kota pusat", "point: seat city"),
            Key::ViewMap => ("Peta", "Map"),
            Key::ViewList => ("Daftar", "List"),
            Key::ViewSwitch => ("Tampilan", "View"),
            Key::DetailOf => ("Rincian mitra", "Partner details"),
            Key::OpensNewTab => ("(membuka tab baru)", "(opens in a new tab)"),
            Key::Related => ("Terkait", "Related"),
            Key::DistanceLabel => ("Jarak dari Jakarta", "Distance from Jakarta"),
            Key::Credits => ("Kredit dan sumber data", "Credits and data sources"),
            Key::DataChecked => ("Data terakhir diperiksa", "Data last checked"),
            Key::Jakarta => ("Jakarta", "Jakarta"),
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

/// Picks one side of an (Indonesian, English) pair.
fn choose(lang: Lang, pair: (&'static str, &'static str)) -> &'static str {
    match lang {
        Lang::Id => pair.0,
        Lang::En => pair.1,
    }
}

pub fn relation_label(relation: Relation, lang: Lang) -> &'static str {
    choose(
        lang,
        match relation {
            Relation::SisterCity => ("Kota kembar", "Sister city"),
            Relation::SisterProvince => ("Provinsi kembar", "Sister province"),
            Relation::LetterOfIntent => ("Surat pernyataan kehendak (LoI)", "Letter of intent"),
            Relation::Memorandum => ("Nota kesepahaman", "Memorandum"),
            Relation::CooperationAgreement => ("Perjanjian kerja sama", "Cooperation agreement"),
            Relation::Programme => ("Program", "Programme"),
            Relation::NetworkMembership => ("Anggota jaringan", "Network membership"),
        },
    )
}

pub fn status_label(status: Status, lang: Lang) -> &'static str {
    choose(
        lang,
        match status {
            Status::Active => ("Aktif", "Active"),
            Status::InProgress => ("Dalam proses", "In progress"),
            Status::Dormant => ("Tidak aktif", "Dormant"),
        },
    )
}

pub fn level_label(level: Level, lang: Lang) -> &'static str {
    choose(
        lang,
        match level {
            Level::City => ("Kota", "City"),
            Level::Province => ("Provinsi", "Province"),
            Level::State => ("Negara bagian", "State"),
            Level::Network => ("Jaringan", "Network"),
            Level::Institution => ("Lembaga", "Institution"),
        },
    )
}

pub fn region_label(region: Region, lang: Lang) -> &'static str {
    choose(
        lang,
        match region {
            Region::Asia => ("Asia", "Asia"),
            Region::Europe => ("Eropa", "Europe"),
            Region::Africa => ("Afrika", "Africa"),
            Region::Americas => ("Amerika", "Americas"),
            Region::Oceania => ("Oseania", "Oceania"),
        },
    )
}

pub fn event_kind_label(kind: EventKind, lang: Lang) -> &'static str {
    choose(
        lang,
        match kind {
            EventKind::Signing => ("Penandatanganan", "Signing"),
            EventKind::Visit => ("Kunjungan", "Visit"),
            EventKind::Meeting => ("Pertemuan", "Meeting"),
            EventKind::Anniversary => ("Peringatan", "Anniversary"),
            EventKind::Programme => ("Program", "Programme"),
            EventKind::Conference => ("Konferensi", "Conference"),
            EventKind::Other => ("Lainnya", "Other"),
        },
    )
}

/// A whole number with the language's thousands separator: "14.450" or "14,450".
pub fn format_int(n: i64, lang: Lang) -> String {
    let sep = match lang {
        Lang::Id => '.',
        Lang::En => ',',
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// "14.450 km" or "14,450 km".
pub fn format_km(km: f64, lang: Lang) -> String {
    format!("{} km", format_int(km.round() as i64, lang))
}

/// "36 tahun" or "36 years" ("1 year").
pub fn format_years(years: i32, lang: Lang) -> String {
    match (lang, years) {
        (Lang::Id, n) => format!("{n} tahun"),
        (Lang::En, 1) => String::from("1 year"),
        (Lang::En, n) => format!("{n} years"),
    }
}

/// "12 dari 41 mitra" or "12 of 41 partners".
pub fn format_count(shown: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("{shown} dari {total} mitra"),
        Lang::En => format!("{shown} of {total} partners"),
    }
}

/// "2 aktif" or "2 active": how many filters are set.
pub fn format_active(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("{n} aktif"),
        Lang::En => format!("{n} active"),
    }
}

/// The flag emoji of an ISO 3166-1 alpha-2 code (regional indicator symbols).
pub fn flag(code: &str) -> String {
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return String::new();
    }
    code.chars()
        .filter_map(|c| char::from_u32(0x1F1E6 + (c as u32 - 'A' as u32)))
        .collect()
}
