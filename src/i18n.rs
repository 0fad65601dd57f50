//! Interface text in Bahasa Indonesia and English, and dates and numbers as each
//! language writes them.
//!
//! Every string is a `Key` whose `pair` gives both languages at once, so a string
//! cannot exist in one language only; a native test also checks none is empty.

use crate::model::{ChangeKind, EventKind, Level, Region, Relation, Status, Text};
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

/// Declares every interface string once, with both languages side by side, and
/// derives the `Key` enum and `Key::ALL` from the same list, so no key can be
/// missing a language or be left out of the native test.
macro_rules! ui_strings {
    ($($key:ident => ($id:expr, $en:expr),)*) => {
        /// Every piece of interface text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Key {
            $($key,)*
        }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key,)*];

            /// (Indonesian, English).
            fn pair(self) -> (&'static str, &'static str) {
                match self {
                    $(Key::$key => ($id, $en),)*
                }
            }
        }
    };
}

ui_strings! {
    AppTitle => ("Atlas Kota Kembar Jakarta", "Jakarta Sister Cities Atlas"),
    AppTagline => ("Kota kembar, provinsi kembar, dan mitra internasional Jakarta, dengan sumber untuk setiap fakta.", "Jakarta's sister cities, sister provinces and international partners, with a source for every fact."),
    Loading => ("Memuat data mitra…", "Loading partner data…"),
    LoadFailed => ("Data mitra tidak dapat dimuat.", "The partner data could not be loaded."),
    Retry => ("Coba lagi", "Retry"),
    Since => ("Sejak", "Since"),
    SinceUnknown => ("Tahun mulai tidak diketahui", "Start year unknown"),
    PartnersHeading => ("Mitra", "Partners"),
    RecordsLeftOut => ("Beberapa catatan dalam berkas data tidak valid dan tidak ditampilkan:", "Some records in the data file are invalid and are not shown:"),
    NoCountry => ("Jaringan internasional", "International network"),
    ErrorNetwork => ("Tidak dapat terhubung ke server. Periksa koneksi internet Anda.", "Could not reach the server. Check your internet connection."),
    ErrorHttp => ("Server tidak memberikan berkas data.", "The server did not return the data file."),
    ErrorParse => ("Berkas data rusak (bukan JSON yang valid).", "The data file is damaged (not valid JSON)."),
    ErrorSchema => ("Berkas data tidak sesuai dengan format yang diharapkan.", "The data file does not have the expected format."),
    SkipToList => ("Lewati peta, langsung ke daftar mitra", "Skip the map, go to the partner list"),
    LanguageLabel => ("Bahasa", "Language"),
    SearchLabel => ("Cari mitra, negara, tokoh, atau bidang", "Search partners, countries, people or sectors"),
    SearchPlaceholder => ("mis. Tokyo, Koike, banjir", "e.g. Tokyo, Koike, flood"),
    Filters => ("Filter", "Filters"),
    Sectors => ("Bidang kerja sama", "Sectors of cooperation"),
    RelationLabel => ("Jenis hubungan", "Relation"),
    StatusLabel => ("Status", "Status"),
    RegionLabel => ("Kawasan", "Region"),
    Period => ("Tahun mulai", "Start year"),
    FromYear => ("Dari tahun", "From year"),
    ToYear => ("Sampai tahun", "To year"),
    All => ("Semua", "All"),
    ClearAll => ("Hapus semua filter", "Clear all filters"),
    NoResults => ("Tidak ada mitra yang cocok dengan filter ini.", "No partner matches these filters."),
    SortBy => ("Urutkan", "Sort by"),
    SortSince => ("Tanggal mulai", "Start date"),
    SortName => ("Nama", "Name"),
    SortDistance => ("Jarak dari Jakarta", "Distance from Jakarta"),
    MapLabel => ("Peta dunia mitra Jakarta. Seret atau gunakan tombol panah untuk menggeser, + dan − untuk memperbesar, 0 untuk mengatur ulang.", "World map of Jakarta's partners. Drag or use the arrow keys to pan, + and − to zoom, 0 to reset."),
    ZoomIn => ("Perbesar", "Zoom in"),
    ZoomOut => ("Perkecil", "Zoom out"),
    ResetView => ("Atur ulang peta", "Reset map"),
    Close => ("Tutup", "Close"),
    Events => ("Peristiwa", "Events"),
    Conflicts => ("Sumber yang berbeda pendapat", "Where sources disagree"),
    ShownInApp => ("ditampilkan", "shown"),
    WhyShown => ("Alasan", "Why"),
    SourcesHeading => ("Sumber", "Sources"),
    LocalTime => ("Waktu setempat sekarang", "Local time now"),
    Note => ("Catatan", "Note"),
    NotOnMap => ("Tanpa titik di peta", "No point on the map"),
    Seat => ("titik: ibu kota/kota pusat", "point: seat city"),
    ViewMap => ("Peta", "Map"),
    ViewList => ("Daftar", "List"),
    ViewSwitch => ("Tampilan", "View"),
    DetailOf => ("Rincian mitra", "Partner details"),
    OpensNewTab => ("(membuka tab baru)", "(opens in a new tab)"),
    Related => ("Terkait", "Related"),
    DistanceLabel => ("Jarak dari Jakarta", "Distance from Jakarta"),
    Credits => ("Kredit dan sumber data", "Credits and data sources"),
    DataChecked => ("Data terakhir diperiksa", "Data last checked"),
    Jakarta => ("Jakarta", "Jakarta"),
    FiguresHeading => ("Angka kunci", "Key figures"),
    LinkIgnored => ("Sebagian tautan ini tidak dikenali dan diabaikan:", "Part of this link was not understood and is ignored:"),
}

impl Key {
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
            Status::Ended => ("Berakhir", "Ended"),
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
            Level::Initiative => ("Inisiatif", "Initiative"),
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

pub fn change_kind_label(kind: ChangeKind, lang: Lang) -> &'static str {
    choose(
        lang,
        match kind {
            ChangeKind::Added => ("Ditambahkan", "Added"),
            ChangeKind::Event => ("Peristiwa baru", "New event"),
            ChangeKind::Status => ("Status berubah", "Status changed"),
            ChangeKind::Conflict => ("Sumber berbeda", "Sources disagree"),
            ChangeKind::Source => ("Sumber baru", "New source"),
            ChangeKind::Corrected => ("Dikoreksi", "Corrected"),
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
