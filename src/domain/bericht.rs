//! The year's report of the Integrationsrat (Tätigkeitsbericht, issue 27 § 5): what the
//! office puts to the council once a year — the Sitzungen held with the attendance of each
//! member in per cent, the Vorlagen by Art, the decisions with their Beschlusskontrolle
//! status, the Entsendungen and elections, the members who joined and left. Written as the
//! Sachverhalt of a Mitteilungsvorlage draft the office edits further; the public version
//! never names a nichtöffentlichen TOP (it only counts them). Pure: the API gathers.

use super::datum;
use chrono::NaiveDate;

/// What the report is made of, gathered by the API (already without what the public
/// version must not name).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Jahresdaten {
    pub jahr: i32,
    pub gremium: String,
    /// Date and number of each Sitzung held.
    pub sitzungen: Vec<(NaiveDate, i64)>,
    /// Name, Sitzungen present, Sitzungen as a member.
    pub anwesenheit: Vec<(String, u32, u32)>,
    /// The label of an Art and how many Vorlagen of it were released.
    pub vorlagen: Vec<(String, usize)>,
    /// "06.12.2026, Ö 3: Betreff" and its status ("erledigt").
    pub beschluesse: Vec<(String, String)>,
    /// Decisions of the nichtöffentlicher Teil left out of a public report (counted).
    pub beschluesse_nichtoeffentlich: usize,
    /// "Entsendung in die AG: Ayşe Yılmaz, Łukasz Żółkiewski".
    pub wahlen: Vec<String>,
    pub eingetreten: Vec<(String, NaiveDate)>,
    pub ausgeschieden: Vec<(String, NaiveDate)>,
}

/// The Betreff of the report.
pub fn betreff(d: &Jahresdaten) -> String {
    format!("Tätigkeitsbericht {} {}", genitiv(&d.gremium), d.jahr)
}

fn genitiv(gremium: &str) -> String {
    super::gremium::genitiv(gremium)
}

/// Whole per cent, rounded half up; "–" without a Sitzung.
fn prozent(teil: u32, ganz: u32) -> String {
    if ganz == 0 {
        return "–".into();
    }
    format!("{} %", (teil * 200 + ganz) / (2 * ganz))
}

/// The report's text, section by section (plain text with blank lines between).
pub fn sachverhalt(d: &Jahresdaten) -> String {
    let mut t = Vec::new();
    t.push(format!("1. Sitzungen {}", d.jahr));
    if d.sitzungen.is_empty() {
        t.push("Im Berichtsjahr fand keine Sitzung statt.".into());
    } else {
        t.push(format!(
            "{} Sitzung{} fand{} statt: {}.",
            d.sitzungen.len(),
            if d.sitzungen.len() == 1 { "" } else { "en" },
            if d.sitzungen.len() == 1 { "" } else { "en" },
            d.sitzungen
                .iter()
                .map(|(tag, nr)| format!("{nr}. Sitzung am {}", datum::deutsch(*tag)))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    t.push(String::new());
    t.push("2. Anwesenheit der Mitglieder".into());
    for (name, da, von) in &d.anwesenheit {
        t.push(format!(
            "- {name}: {da} von {von} Sitzungen ({})",
            prozent(*da, *von)
        ));
    }
    if d.anwesenheit.is_empty() {
        t.push("Keine Anwesenheit erfasst.".into());
    }
    t.push(String::new());
    t.push("3. Vorlagen".into());
    if d.vorlagen.iter().all(|(_, n)| *n == 0) {
        t.push("Im Berichtsjahr wurde keine Vorlage freigegeben.".into());
    }
    for (art, n) in d.vorlagen.iter().filter(|(_, n)| *n > 0) {
        t.push(format!("- {art}: {n}"));
    }
    t.push(String::new());
    t.push("4. Beschlüsse und was aus ihnen wurde".into());
    for (was, stand) in &d.beschluesse {
        t.push(format!("- {was} – {stand}"));
    }
    if d.beschluesse.is_empty() {
        t.push("Keine Beschlüsse im öffentlichen Teil.".into());
    }
    if d.beschluesse_nichtoeffentlich > 0 {
        t.push(format!(
            "Dazu {} Beschl{} im nichtöffentlichen Teil.",
            d.beschluesse_nichtoeffentlich,
            if d.beschluesse_nichtoeffentlich == 1 {
                "uss"
            } else {
                "üsse"
            }
        ));
    }
    t.push(String::new());
    t.push("5. Wahlen und Entsendungen".into());
    for w in &d.wahlen {
        t.push(format!("- {w}"));
    }
    if d.wahlen.is_empty() {
        t.push("Keine Wahl im Berichtsjahr.".into());
    }
    t.push(String::new());
    t.push("6. Mitglieder".into());
    for (name, tag) in &d.eingetreten {
        t.push(format!("- {name}: Mitglied seit {}", datum::deutsch(*tag)));
    }
    for (name, tag) in &d.ausgeschieden {
        t.push(format!(
            "- {name}: ausgeschieden am {}",
            datum::deutsch(*tag)
        ));
    }
    if d.eingetreten.is_empty() && d.ausgeschieden.is_empty() {
        t.push("Keine Veränderungen.".into());
    }
    t.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_cent_is_rounded_half_up_and_a_member_without_sitzung_has_none() {
        assert_eq!(prozent(2, 3), "67 %");
        assert_eq!(prozent(1, 2), "50 %");
        assert_eq!(prozent(1, 8), "13 %");
        assert_eq!(prozent(0, 0), "–");
    }

    #[test]
    fn the_text_counts_what_it_must_not_name() {
        let d = Jahresdaten {
            jahr: 2026,
            gremium: "Integrationsrat".into(),
            sitzungen: vec![(NaiveDate::from_ymd_opt(2026, 12, 6).unwrap(), 1)],
            anwesenheit: vec![("Ayşe Yılmaz".into(), 1, 1)],
            beschluesse_nichtoeffentlich: 2,
            ..Default::default()
        };
        let t = sachverhalt(&d);
        assert!(
            t.contains("1 Sitzung fand statt: 1. Sitzung am 06.12.2026."),
            "{t}"
        );
        assert!(
            t.contains("- Ayşe Yılmaz: 1 von 1 Sitzungen (100 %)"),
            "{t}"
        );
        assert!(
            t.contains("Dazu 2 Beschlüsse im nichtöffentlichen Teil."),
            "{t}"
        );
        assert_eq!(betreff(&d), "Tätigkeitsbericht des Integrationsrates 2026");
    }
}
