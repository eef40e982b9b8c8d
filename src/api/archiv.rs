//! `demo --umfang N`: a synthetic archive of a large city's office (issue 28 § 3), for the
//! scale benchmarks and for trying the product with decades of papers. Deterministic: the
//! same `N` gives the same papers.
//!
//! N released Vorlagen over the 20 years 2007–2026 (numbered per year as the office's
//! scheme does), of the four kinds, with German texts built from the words of the field —
//! compounds ("Sprachförderung", "Quartiersmanagement", "Bahnhofstraße") that the part
//! index must find — and names in Latin with diacritics, Cyrillic, Greek, Arabic and
//! Ethiopic script. Every second paper has an Anlage with a text layer (an OpenDocument
//! "Stellungnahme" whose words are not in the paper itself, so a phrase found in an Anlage
//! is found there only). Each paper is written as the app writes it (draft, Anlage,
//! release: the same transactions and indexes), so the archive measures the real thing.

use super::ApiFehler;
use crate::domain::{
    AnlageNeu, Beratungsschritt, Klimarelevanz, Rolle, Status, VorlageArt, VorlageId, VorlageInhalt,
};
use crate::store::Store;
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use std::io::Write;

/// What the archive holds once made.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ArchivErzeugt {
    pub vorlagen: usize,
    pub anlagen: usize,
    /// The bytes of all Anlagen.
    pub anlagen_bytes: u64,
}

/// The topics: compounds as German councils write them.
const THEMEN: &[&str] = &[
    "Sprachförderung in Kindertagesstätten",
    "Quartiersmanagement im Stadtteil",
    "Umgestaltung der Bahnhofstraße",
    "Migrationsberatung für Erwachsene",
    "Antidiskriminierungsstelle",
    "Einbürgerungsfeier im Ratssaal",
    "Integrationskursangebote der Volkshochschule",
    "Flüchtlingsunterkunft an der Hauptstraße",
    "Ehrenamtskoordination und Patenschaftsprojekte",
    "Wohnraumversorgung und Mietpreisentwicklung",
    "Jugendmigrationsdienst",
    "Elternbeteiligung an Grundschulen",
    "Gesundheitslotsenprojekt",
    "Arbeitsmarktintegration von Zugewanderten",
    "Dolmetscherpool der Stadtverwaltung",
    "Seniorenbegegnungsstätte Nord",
    "Willkommenskultur in der Ausländerbehörde",
    "Interkulturelle Woche",
    "Zuschüsse für Migrantenselbstorganisationen",
    "Haushaltsplanentwurf des Integrationsrates",
];

const NAMEN: &[&str] = &[
    "Radojka Mühlenkamp",
    "Ayşe Yılmaz",
    "Łukasz Wiśniewski",
    "Ștefan Țurcanu",
    "Nguyễn Thị Hồng",
    "Елена Смирнова",
    "Γιώργος Παπαδόπουλος",
    "محمد الأحمد",
    "ሰላም ተስፋዬ",
    "Mehmet Çelik",
    "Zofia Żak",
    "Michael Barszap",
];

const STELLEN: &[&str] = &[
    "FB 51 – Kinder, Jugend und Familie",
    "FB 32 – Ordnung und Ausländerangelegenheiten",
    "FB 61 – Stadtplanung",
    "Büro Integrationsrat",
    "Kommunales Integrationszentrum",
];

const SAETZE: &[&str] = &[
    "Die Verwaltung berichtet über den Sachstand zu {thema}.",
    "Im Haushaltsjahr {jahr} stehen hierfür Haushaltsmittel in Höhe von {betrag} Euro zur Verfügung.",
    "An der Arbeitsgruppe beteiligten sich {name} und {name2}.",
    "Die Zusammenarbeit mit den Migrantenselbstorganisationen wurde fortgesetzt.",
    "Die Teilnehmendenzahlen sind gegenüber dem Vorjahr gestiegen.",
    "Der Integrationsrat hat sich in seiner Sitzung mit der Angelegenheit befasst.",
    "Eine Bürgerbeteiligung fand im Stadtteilzentrum statt.",
    "Die Fördermittel des Landes werden über das Kommunale Integrationszentrum abgerufen.",
    "Zur Barrierefreiheit der Angebote liegt eine gesonderte Stellungnahme vor.",
    "Die Ergebnisse werden im Fachausschuss vorgestellt.",
];

/// Rare words: one of them in one paper of 500 (a word the clerk looks for once).
const SELTEN: &[&str] = &[
    "Wärmedämmverbundsystem",
    "Friedhofsgebührensatzung",
    "Kirmesplatzvergabe",
    "Straßenbaumkataster",
];

/// Words only the Anlagen hold: a phrase found there is found in an Anlage alone.
const STELLUNGNAHME: &[&str] = &[
    "Die Kostenaufstellung weist Personalkosten für Sprachmittlerinnen aus.",
    "Nach Auffassung des Fachbereichs ist die Trägervielfalt zu erhalten.",
    "Die Evaluationsergebnisse des Modellprojekts liegen als Tabelle bei.",
    "Eine Verstetigung über das Förderjahr hinaus wird empfohlen.",
    "Die Raumbedarfsplanung berücksichtigt die Gemeinschaftsunterkünfte.",
];

/// A small deterministic generator (xorshift), one per paper.
struct Zufall(u64);

impl Zufall {
    fn neu(i: usize) -> Zufall {
        Zufall((i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn zahl(&mut self, bis: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % bis as u64) as usize
    }
    fn aus<'a>(&mut self, liste: &[&'a str]) -> &'a str {
        liste[self.zahl(liste.len())]
    }
}

fn satz(z: &mut Zufall, vorlage: &str, thema: &str, jahr: i32) -> String {
    vorlage
        .replace("{thema}", thema)
        .replace("{jahr}", &jahr.to_string())
        .replace(
            "{betrag}",
            &format!("{}.{:03}", 1 + z.zahl(250), z.zahl(1000)),
        )
        .replace("{name}", z.aus(NAMEN))
        .replace("{name2}", z.aus(NAMEN))
}

/// The day of paper `i` of `umfang`: spread evenly over 2007–2026.
fn tag(i: usize, umfang: usize) -> NaiveDate {
    let jahr = 2007 + (i * 20 / umfang.max(1)) as i32;
    let im_jahr = (i * 20 % umfang.max(1)) * 360 / umfang.max(1);
    NaiveDate::from_ymd_opt(jahr, 1, 1).unwrap() + chrono::Duration::days(im_jahr as i64)
}

/// The content of paper `i` (its day `am`).
pub fn inhalt(i: usize, am: NaiveDate) -> VorlageInhalt {
    let mut z = Zufall::neu(i);
    let thema = z.aus(THEMEN);
    let art = match z.zahl(10) {
        0..=5 => VorlageArt::Beschlussvorlage,
        6 | 7 => VorlageArt::Mitteilungsvorlage,
        8 => VorlageArt::Anfrage,
        _ => VorlageArt::Antrag,
    };
    let mut sachverhalt = Vec::new();
    for _ in 0..4 + z.zahl(5) {
        let s = z.aus(SAETZE);
        sachverhalt.push(satz(&mut z, s, thema, am.year()));
    }
    if i % 500 == 250 {
        sachverhalt.push(format!(
            "Zu prüfen bleibt das {}.",
            SELTEN[(i / 500) % SELTEN.len()]
        ));
    }
    let datum = |tage: i64| {
        (am + chrono::Duration::days(tage))
            .format("%Y-%m-%d")
            .to_string()
    };
    VorlageInhalt {
        art,
        betreff: format!("{thema} ({})", am.year()),
        verfasser: z.aus(NAMEN).into(),
        federfuehrend: z.aus(STELLEN).into(),
        bearbeiter: z.aus(NAMEN).into(),
        beratungsfolge: vec![
            Beratungsschritt {
                gremium: "Integrationsrat".into(),
                rolle: Rolle::Vorberatung,
                datum: datum(14),
                ergebnis: String::new(),
            },
            Beratungsschritt {
                gremium: "Rat der Stadt".into(),
                rolle: Rolle::Entscheidung,
                datum: datum(35),
                ergebnis: String::new(),
            },
        ],
        klimarelevanz: Some(Klimarelevanz::Keine),
        beschlussvorschlag: format!(
            "Der Rat der Stadt beschließt zu „{thema}“ wie im Sachverhalt dargestellt."
        ),
        sachverhalt: sachverhalt.join(" "),
        ..Default::default()
    }
}

/// The Anlage of paper `i`: an OpenDocument text with the Stellungnahme of a Fachbereich.
pub fn anlage(i: usize) -> Result<Vec<u8>, ApiFehler> {
    let mut z = Zufall::neu(i ^ 0x5A5A);
    let mut absaetze = String::new();
    for _ in 0..6 + z.zahl(6) {
        absaetze.push_str("<text:p>");
        absaetze.push_str(z.aus(STELLUNGNAHME));
        absaetze.push(' ');
        absaetze.push_str(z.aus(NAMEN));
        absaetze.push_str("</text:p>");
    }
    let inhalt = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:text><text:h>Stellungnahme zu Vorlage {i}</text:h>{absaetze}</office:text></office:body></office:document-content>"#
    );
    let fehler =
        |e: &dyn std::fmt::Display| ApiFehler::neu("intern", format!("Anlage nicht erzeugt: {e}"));
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let gespeichert =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let gepackt = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("mimetype", gespeichert)
        .map_err(|e| fehler(&e))?;
    zip.write_all(b"application/vnd.oasis.opendocument.text")
        .map_err(|e| fehler(&e))?;
    zip.start_file("content.xml", gepackt)
        .map_err(|e| fehler(&e))?;
    zip.write_all(inhalt.as_bytes()).map_err(|e| fehler(&e))?;
    zip.start_file("META-INF/manifest.xml", gepackt)
        .map_err(|e| fehler(&e))?;
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).map_err(|e| fehler(&e))?;
    Ok(zip.finish().map_err(|e| fehler(&e))?.into_inner())
}

/// Makes the archive in an office without Vorlagen; `melden` hears how many are done.
pub fn archiv_erzeugen(
    store: &mut Store,
    umfang: usize,
    melden: &mut dyn FnMut(usize),
) -> Result<ArchivErzeugt, ApiFehler> {
    let leer = store
        .vorlagen(&crate::store::VorlagenFilter {
            grenze: Some(1),
            ..Default::default()
        })?
        .is_empty();
    if !leer {
        return Err(ApiFehler::neu(
            "nicht_leer",
            "Das Archiv wird nur in einem Büro ohne Vorlagen erzeugt (neue Datenbank mit --db).",
        ));
    }
    let mut aus = ArchivErzeugt::default();
    for i in 0..umfang {
        let am = tag(i, umfang);
        let jetzt: NaiveDateTime = am.and_hms_opt(10, 0, 0).expect("10 Uhr");
        let g = store.vorlage_anlegen(&inhalt(i, am), jetzt)?;
        let mut basis = g.version;
        if i % 2 == 0 {
            let daten = anlage(i)?;
            aus.anlagen += 1;
            aus.anlagen_bytes += daten.len() as u64;
            let neu = AnlageNeu {
                name: format!("Stellungnahme {i}.odt"),
                status: Status::Oeffentlich,
                alternativenpruefung: false,
                daten,
            };
            basis = store
                .anlage_hinzufuegen(VorlageId(g.id.0), basis, neu, jetzt)?
                .0
                .version;
        }
        store.vorlage_freigeben(g.id, basis, jetzt)?;
        aus.vorlagen += 1;
        if (i + 1) % 500 == 0 || i + 1 == umfang {
            melden(i + 1);
        }
    }
    Ok(aus)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_papers_spread_over_twenty_years_and_the_anlage_has_its_own_words() {
        assert_eq!(tag(0, 1000).year(), 2007);
        assert_eq!(tag(999, 1000).year(), 2026);
        assert_eq!(
            inhalt(7, tag(7, 1000)),
            inhalt(7, tag(7, 1000)),
            "deterministic"
        );
        let text = crate::volltext::lesen("Stellungnahme 4.odt", &anlage(4).unwrap());
        assert_eq!(text.textschicht, crate::volltext::Textschicht::Text);
        assert!(
            text.seiten[0].1.contains("Stellungnahme zu Vorlage 4"),
            "{:?}",
            text.seiten
        );
    }
}
