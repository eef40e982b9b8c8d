//! What the store benchmarks share: the clock, the generated Vorlagen (names in many
//! scripts, the office's topics) and the percentiles they report.

use chrono::NaiveDate;
use ratsbuero::domain::{Beratungsschritt, Klimarelevanz, Rolle, VorlageInhalt};
use std::time::Duration;

/// The fixed time every generated Vorlage is saved at.
pub fn jetzt() -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

pub const NAMEN: &[&str] = &[
    "Radojka Mühlenkamp",
    "Ayşe Yılmaz",
    "Łukasz Wiśniewski",
    "Ștefan Țurcanu",
    "Nguyễn Thị Hồng",
    "Елена Смирнова",
    "Γιώργος Παπαδόπουλος",
    "Mehmet Çelik",
    "Zofia Żak",
    "Michael Barszap",
];
pub const THEMEN: &[&str] = &[
    "Integrationskonzept",
    "Entsendung in die AG Integrationsräte",
    "Sprachförderung in Kitas",
    "Umgestaltung der Bahnhofstraße",
    "Zuschüsse für Migrantenselbstorganisationen",
    "Interkulturelle Woche",
    "Antidiskriminierungsstelle",
    "Haushalt des Integrationsrates",
    "Einbürgerungsfeier",
    "Wohnungsmarkt und Teilhabe",
];

/// The generated Vorlage `i`.
pub fn inhalt(i: usize) -> VorlageInhalt {
    let thema = THEMEN[i % THEMEN.len()];
    VorlageInhalt {
        betreff: format!("{thema} – Vorlage {i}"),
        verfasser: NAMEN[i % NAMEN.len()].into(),
        federfuehrend: "Büro Integrationsrat".into(),
        bearbeiter: NAMEN[(i * 7 + 3) % NAMEN.len()].into(),
        beratungsfolge: vec![Beratungsschritt {
            gremium: "Integrationsrat".into(),
            rolle: Rolle::Entscheidung,
            datum: format!("2026-{:02}-{:02}", i % 12 + 1, i % 28 + 1),
            ergebnis: String::new(),
        }],
        klimarelevanz: Some(Klimarelevanz::Keine),
        beschlussvorschlag: format!("Der Integrationsrat beschließt zu „{thema}“ wie in der Anlage {i} dargestellt."),
        sachverhalt: format!(
            "Die Verwaltung berichtet über {thema}. Beteiligt waren {} und {}.\n\n- Stand {i}\n- Haushaltsjahr {}",
            NAMEN[(i + 1) % NAMEN.len()],
            NAMEN[(i + 5) % NAMEN.len()],
            2020 + i % 7
        ),
        ..Default::default()
    }
}

/// p50 and p95 in milliseconds.
pub fn perzentile(mut t: Vec<Duration>) -> (f64, f64) {
    t.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    (ms(t[t.len() / 2]), ms(t[t.len() * 95 / 100]))
}

/// The queries both store benchmarks time.
pub const ANFRAGEN: &[&str] = &[
    "integrationsrat",
    "muehlenkamp",
    "bahnhofstrasse",
    "çelik sprachförderung",
    "vorlage 4711",
    // Parts of compounds only (issue 28 § 2): "Sprachförderung", "Antidiskriminierungsstelle".
    "förderung",
    "diskriminierung",
];
