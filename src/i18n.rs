//! Interface text in Bahasa Indonesia and English, and dates and numbers as each
//! language writes them.
//!
//! Every fixed string is a `Key` whose `pair` gives both languages at once, and every
//! vocabulary value has a [`Label`] written the same way, so a string cannot exist in one
//! language only; a native test also checks none is empty. Strings with a number in them
//! are made by the `format_*` functions at the end, again with both languages side by side.

use crate::model::{ChangeKind, EventKind, Level, Region, Relation, Status, Text};
use crate::time::PartialDate;
use crate::url_state::{Sort, View};

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

    /// The locale for the browser's `Intl` formatters.
    pub fn locale(self) -> &'static str {
        match self {
            Lang::Id => "id-ID",
            Lang::En => "en-GB",
        }
    }

    /// Picks this language's side of an (Indonesian, English) pair.
    pub fn choose(self, pair: (&'static str, &'static str)) -> &'static str {
        match self {
            Lang::Id => pair.0,
            Lang::En => pair.1,
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
    PartFailed => (
        "Bagian atlas ini tidak dapat dimuat. Periksa koneksi, lalu coba lagi.",
        "This part of the atlas could not be loaded. Check the connection, then try again."
    ),
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
    SkipToTimeline => ("Langsung ke linimasa", "Skip to the timeline"),
    SkipToFigures => ("Langsung ke hitungan", "Skip to the counts"),
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
    ViewSwitch => ("Tampilan", "View"),
    OpensNewTab => ("(membuka tab baru)", "(opens in a new tab)"),
    Related => ("Terkait", "Related"),
    DistanceFrom => ("Jarak dari", "Distance from"),
    Credits => ("Kredit dan sumber data", "Credits and data sources"),
    DataChecked => ("Data terakhir diperiksa", "Data last checked"),
    FiguresHeading => ("Angka kunci", "Key figures"),
    LinkIgnored => ("Sebagian tautan ini tidak dikenali dan diabaikan:", "Part of this link was not understood and is ignored:"),
    ShowMore => ("Tampilkan lebih banyak", "Show more"),
    Checked => ("Diperiksa", "Checked"),
    WhatChanged => ("Apa yang berubah", "What changed"),
    WhatChangedIntro => ("Perubahan terbaru pada data, yang terbaru lebih dulu, masing-masing dengan sumbernya.", "The latest changes to the data, newest first, each with its sources."),
    // Timeline, figures, export and citation (issue 10).
    ExportLabel => ("Unduh yang ditampilkan", "Download what is shown"),
    DownloadCsv => ("Unduh CSV", "Download CSV"),
    DownloadJson => ("Unduh JSON", "Download JSON"),
    DownloadFailed => ("Berkas tidak dapat dibuat:", "The file could not be made:"),
    TimelineHeading => ("Linimasa kemitraan", "Timeline of partnerships"),
    TimelineIntro => ("Kemitraan yang ditampilkan menurut tahun dimulainya, ditumpuk menurut jenis hubungan; polanya menandai status. Di bawah garis: peristiwa bertanggal tiap tahun. Pilih tahun untuk memfilter menurut tahun itu.", "The partnerships shown by the year they began, stacked by relation; the pattern marks the status. Below the line: dated events each year. Choose a year to filter by it."),
    ChartLabel => ("Grafik kemitraan per tahun mulai", "Chart of partnerships by the year they began"),
    SeriesStarted => ("Kemitraan dimulai (di atas garis)", "Partnerships begun (above the line)"),
    SeriesEvents => ("Peristiwa bertanggal (di bawah garis)", "Dated events (below the line)"),
    TableCaption => ("Kemitraan dan peristiwa per tahun", "Partnerships and events by year"),
    Year => ("Tahun", "Year"),
    Began => ("Kemitraan dimulai", "Partnerships begun"),
    AnniversariesHeading => ("Ulang tahun kemitraan", "Anniversaries"),
    NoAnniversaries => ("Tidak ada ulang tahun di antara mitra yang ditampilkan.", "No anniversaries among the partners shown."),
    Passed => ("sudah lewat", "passed"),
    TallyHeading => ("Hitungan dari yang ditampilkan", "Counts of what is shown"),
    NoSector => ("Tanpa bidang yang disebut", "No sector named"),
    SectorsNote => ("Satu mitra dapat dihitung di beberapa bidang.", "A partner can count in several sectors."),
    ReconcileHeading => ("Angka resmi dan hitungan atlas", "The official count and the atlas's count"),
    OfficialCount => ("Angka resmi", "Official count"),
    AtlasCount => ("Atlas ini", "This atlas"),
    HowCounted => ("Bagaimana angka resmi tersusun", "How the official number is made up"),
    CiteHeading => ("Kutip catatan ini", "Cite this"),
    CopyCitation => ("Salin kutipan", "Copy citation"),
    Copied => ("Kutipan disalin.", "Citation copied."),
    CopySelected => ("Kutipan sudah dipilih: tekan Ctrl+C (atau ⌘+C) untuk menyalinnya.", "The citation is selected: press Ctrl+C (or ⌘+C) to copy it."),
}

impl Key {
    pub fn get(self, lang: Lang) -> &'static str {
        lang.choose(self.pair())
    }
}

/// A vocabulary value's name for people, in both languages.
pub trait Label: Copy {
    /// (Indonesian, English).
    fn label_pair(self) -> (&'static str, &'static str);

    fn label(self, lang: Lang) -> &'static str {
        lang.choose(self.label_pair())
    }
}

/// Implements [`Label`] with both languages of each value side by side.
macro_rules! labels {
    ($type:ty { $($value:ident => ($id:expr, $en:expr),)* }) => {
        impl Label for $type {
            fn label_pair(self) -> (&'static str, &'static str) {
                match self {
                    $(<$type>::$value => ($id, $en),)*
                }
            }
        }
    };
}

labels!(Relation {
    SisterCity => ("Kota kembar", "Sister city"),
    SisterProvince => ("Provinsi kembar", "Sister province"),
    LetterOfIntent => ("Surat pernyataan kehendak (LoI)", "Letter of intent"),
    Memorandum => ("Nota kesepahaman", "Memorandum"),
    CooperationAgreement => ("Perjanjian kerja sama", "Cooperation agreement"),
    Programme => ("Program", "Programme"),
    NetworkMembership => ("Anggota jaringan", "Network membership"),
});

labels!(Status {
    Active => ("Aktif", "Active"),
    InProgress => ("Dalam proses", "In progress"),
    Dormant => ("Tidak aktif", "Dormant"),
    Ended => ("Berakhir", "Ended"),
});

labels!(Level {
    City => ("Kota", "City"),
    Province => ("Provinsi", "Province"),
    State => ("Negara bagian", "State"),
    Network => ("Jaringan", "Network"),
    Institution => ("Lembaga", "Institution"),
    Initiative => ("Inisiatif", "Initiative"),
});

labels!(Region {
    Asia => ("Asia", "Asia"),
    Europe => ("Eropa", "Europe"),
    Africa => ("Afrika", "Africa"),
    Americas => ("Amerika", "Americas"),
    Oceania => ("Oseania", "Oceania"),
});

labels!(EventKind {
    Signing => ("Penandatanganan", "Signing"),
    Visit => ("Kunjungan", "Visit"),
    Meeting => ("Pertemuan", "Meeting"),
    Anniversary => ("Peringatan", "Anniversary"),
    Programme => ("Program", "Programme"),
    Conference => ("Konferensi", "Conference"),
    Other => ("Lainnya", "Other"),
});

labels!(ChangeKind {
    Added => ("Ditambahkan", "Added"),
    Event => ("Peristiwa baru", "New event"),
    Status => ("Status berubah", "Status changed"),
    Conflict => ("Sumber berbeda", "Sources disagree"),
    Source => ("Sumber baru", "New source"),
    Corrected => ("Dikoreksi", "Corrected"),
});

labels!(View {
    Map => ("Peta", "Map"),
    List => ("Daftar", "List"),
    Timeline => ("Linimasa", "Timeline"),
    Figures => ("Angka", "Figures"),
});

labels!(Sort {
    Since => ("Tanggal mulai", "Start date"),
    Name => ("Nama", "Name"),
    Distance => ("Jarak", "Distance"),
});

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

/// A figure as the language writes it: "14.450" or "14,450"; "1,5" or "1.5".
pub fn format_number(value: f64, lang: Lang) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        return format_int(value as i64, lang);
    }
    // To hundredths in whole numbers: core's float formatting would bring its own code into
    // the WebAssembly (see `crate::num`).
    let hundredths = (value * 100.0).round() as i64;
    let (whole, fraction) = (
        hundredths.unsigned_abs() / 100,
        hundredths.unsigned_abs() % 100,
    );
    let sign = if hundredths < 0 { "-" } else { "" };
    let whole = format_int(whole as i64, lang);
    let point = match lang {
        Lang::Id => ',',
        Lang::En => '.',
    };
    match fraction {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}{point}{}", f / 10),
        f => format!("{sign}{whole}{point}{f:02}"),
    }
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
    let (shown, total) = (
        format_int(shown as i64, lang),
        format_int(total as i64, lang),
    );
    match lang {
        Lang::Id => format!("{shown} dari {total} mitra"),
        Lang::En => format!("{shown} of {total} partners"),
    }
}

/// "Menampilkan 100 dari 5.000" or "Showing 100 of 5,000": how much of a long list is shown.
pub fn format_showing(shown: usize, total: usize, lang: Lang) -> String {
    let (shown, total) = (
        format_int(shown as i64, lang),
        format_int(total as i64, lang),
    );
    match lang {
        Lang::Id => format!("Menampilkan {shown} dari {total}"),
        Lang::En => format!("Showing {shown} of {total}"),
    }
}

/// "2 aktif" or "2 active": how many filters are set.
pub fn format_active(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("{n} aktif"),
        Lang::En => format!("{n} active"),
    }
}

/// "37 tahun pada 23 Oktober 2026" or "37 years on 23 October 2026": an anniversary at the
/// precision of the start date ("in October 2026", "in 2026").
pub fn format_anniversary(years: i32, date: &PartialDate, lang: Lang) -> String {
    let (years, when) = (format_years(years, lang), format_date(date, lang));
    match (lang, date.day()) {
        (Lang::Id, _) => format!("{years} pada {when}"),
        (Lang::En, Some(_)) => format!("{years} on {when}"),
        (Lang::En, None) => format!("{years} in {when}"),
    }
}

/// "Tahun ini (2026)" or "This year (2026)"; with `next`, "Tahun depan (2027)".
pub fn format_anniversary_year(year: i32, next: bool, lang: Lang) -> String {
    match (lang, next) {
        (Lang::Id, false) => format!("Tahun ini ({year})"),
        (Lang::Id, true) => format!("Tahun depan ({year})"),
        (Lang::En, false) => format!("This year ({year})"),
        (Lang::En, true) => format!("Next year ({year})"),
    }
}

/// The name of a year's link in the timeline: what the year holds, and what choosing it does.
pub fn format_year_link(year: i32, started: usize, events: usize, lang: Lang) -> String {
    let (s, e) = (
        format_int(started as i64, lang),
        format_int(events as i64, lang),
    );
    match lang {
        Lang::Id => format!(
            "{year}: {s} kemitraan dimulai, {e} peristiwa. Tampilkan hanya yang dimulai pada {year}"
        ),
        Lang::En => {
            let began = if started == 1 {
                "partnership began"
            } else {
                "partnerships began"
            };
            let happened = if events == 1 { "event" } else { "events" };
            format!("{year}: {s} {began}, {e} {happened}. Show only those begun in {year}")
        }
    }
}

/// "12 kemitraan tanpa tanggal mulai yang diketahui tidak ada di grafik." and its English.
pub fn format_undated(n: usize, lang: Lang) -> String {
    let n_text = format_int(n as i64, lang);
    match (lang, n) {
        (Lang::Id, _) => {
            format!("{n_text} kemitraan tanpa tanggal mulai yang diketahui tidak ada di grafik.")
        }
        (Lang::En, 1) => {
            String::from("1 partnership with no known start date is not on the chart.")
        }
        (Lang::En, _) => {
            format!("{n_text} partnerships with no known start date are not on the chart.")
        }
    }
}

/// "20 kota kembar dan 3 provinsi kembar, 23 seluruhnya" and its English.
pub fn format_atlas_sisters(cities: usize, provinces: usize, lang: Lang) -> String {
    let total = format_int((cities + provinces) as i64, lang);
    let (c, p) = (
        format_int(cities as i64, lang),
        format_int(provinces as i64, lang),
    );
    match lang {
        Lang::Id => format!("{c} kota kembar dan {p} provinsi kembar, {total} seluruhnya"),
        Lang::En => {
            let cities = if cities == 1 {
                "sister city"
            } else {
                "sister cities"
            };
            let provinces = if provinces == 1 {
                "sister province"
            } else {
                "sister provinces"
            };
            format!("{c} {cities} and {p} {provinces}, {total} in all")
        }
    }
}

/// How the list behind the official figure compares with the atlas's sister cities and
/// provinces: `in_both` of `listed` are in the atlas as such.
pub fn format_reconciled(listed: usize, in_both: usize, lang: Lang) -> String {
    let (l, b) = (
        format_int(listed as i64, lang),
        format_int(in_both as i64, lang),
    );
    match (lang, listed == in_both) {
        (Lang::Id, true) => format!(
            "Ke-{l} mitra yang dimaksud angka resmi semuanya ada di atlas ini sebagai kota atau provinsi kembar."
        ),
        (Lang::En, true) => format!(
            "The {l} partners the official figure is taken to mean are all in this atlas as sister cities or provinces."
        ),
        (Lang::Id, false) => format!(
            "Dari {l} mitra yang dimaksud angka resmi, {b} ada di atlas ini sebagai kota atau provinsi kembar."
        ),
        (Lang::En, false) => format!(
            "Of the {l} partners the official figure is taken to mean, {b} are in this atlas as sister cities or provinces."
        ),
    }
}

/// The start of the sentence that names the listed partners the atlas does not hold as sister
/// cities or provinces; with `atlas_only`, of those the atlas holds that the list leaves out.
pub fn format_unmatched_intro(atlas_only: bool, lang: Lang) -> &'static str {
    match (lang, atlas_only) {
        (Lang::Id, false) => {
            "Dalam daftar resmi, tetapi bukan kota atau provinsi kembar di atlas ini:"
        }
        (Lang::En, false) => {
            "In the official list but not a sister city or province in this atlas:"
        }
        (Lang::Id, true) => {
            "Kota atau provinsi kembar di atlas ini yang tidak ada dalam daftar resmi:"
        }
        (Lang::En, true) => {
            "Sister cities or provinces in this atlas that the official list leaves out:"
        }
    }
}

/// "Dengan filter saat ini, 5 dari 23 ditampilkan." and its English.
pub fn format_sisters_shown(shown: usize, total: usize, lang: Lang) -> String {
    let (s, t) = (
        format_int(shown as i64, lang),
        format_int(total as i64, lang),
    );
    match lang {
        Lang::Id => format!("Dengan filter saat ini, {s} dari {t} ditampilkan."),
        Lang::En => format!("With the current filters, {s} of the {t} are shown."),
    }
}

/// "Diunduh: jakarta-partners-2026-11-30.csv (12 mitra)." and its English.
pub fn format_downloaded(file: &str, partners: usize, lang: Lang) -> String {
    let n = format_int(partners as i64, lang);
    match (lang, partners) {
        (Lang::Id, _) => format!("Diunduh: {file} ({n} mitra)."),
        (Lang::En, 1) => format!("Downloaded {file} (1 partner)."),
        (Lang::En, _) => format!("Downloaded {file} ({n} partners)."),
    }
}

/// A citation of what is shown, for the export: the atlas, the data's date, how much is
/// shown, the address of this very view and the day it was retrieved.
pub fn format_view_citation(
    shown: usize,
    total: usize,
    checked: &PartialDate,
    url: &str,
    today: &PartialDate,
    lang: Lang,
) -> String {
    let (title, count) = (Key::AppTitle.get(lang), format_count(shown, total, lang));
    let (checked, today) = (format_date(checked, lang), format_date(today, lang));
    match lang {
        Lang::Id => format!(
            "{title}, data diperiksa {checked}: {count} ditampilkan. {url} (diakses {today})."
        ),
        Lang::En => {
            format!("{title}, data checked {checked}: {count} shown. {url} (retrieved {today}).")
        }
    }
}

/// A citation of one partner's record, in words: its name, the atlas, when the record was
/// last checked, its permalink and the day it was retrieved.
pub fn format_partner_citation(
    name: &str,
    checked: &PartialDate,
    url: &str,
    today: &PartialDate,
    lang: Lang,
) -> String {
    let title = Key::AppTitle.get(lang);
    let (checked, today) = (format_date(checked, lang), format_date(today, lang));
    match lang {
        Lang::Id => format!(
            "\u{201c}{name}\u{201d}, dalam {title}, catatan diperiksa {checked}. {url} (diakses {today})."
        ),
        Lang::En => format!(
            "\u{201c}{name}\u{201d}, in {title}, record checked {checked}. {url} (retrieved {today})."
        ),
    }
}
