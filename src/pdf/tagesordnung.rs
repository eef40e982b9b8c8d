//! The front of a session packet: the Einladung (date, time, place, signed by the chair)
//! and the Tagesordnung in öffentlicher and — for members — nichtöffentlicher Teil, each
//! TOP with its Vorlage-Nr. and the page where it starts in the packet (the table of
//! contents). The public variant is given only the öffentliche TOPs: it cannot print
//! what it does not have.

use super::satz;
use super::schrift::{metrik, Schnitt, Schriften};
use super::seiten::{farbe, Rand, Seiten, A4_BREITE, A4_HOEHE};
use super::PdfFehler;
use crate::domain::sitzung::{MitgliedRolle, Teil};
use crate::domain::Buero;
use crate::domain::{Mitglied, SitzungAkte};
use chrono::NaiveDateTime;
use printpdf::{PdfDocument, PdfSaveOptions};

const TEXT: f32 = 10.5;
const ZEILE: f32 = 14.5;

/// One line of the Tagesordnung: TOP number, title, Vorlage-Nr., first page in the packet.
#[derive(Debug, Clone)]
pub struct Eintrag {
    pub teil: Teil,
    pub nummer: String,
    pub titel: String,
    pub vorlage: Option<String>,
    pub seite: Option<usize>,
}

fn wochentag(t: NaiveDateTime) -> &'static str {
    crate::domain::datum::wochentag(t.date())
}

/// Who the Einladung is addressed to.
#[derive(Debug, Clone, Copy)]
pub enum Empfaenger<'a> {
    /// The public notice (öffentlicher Teil only).
    Oeffentlichkeit,
    /// All members at once (the front of the members' packet).
    Mitglieder,
    /// A letter to one member, with address and personal salutation.
    Mitglied(&'a Mitglied),
}

/// Einladung and Tagesordnung as PDF bytes (not yet PDF/A: they become part of a packet).
pub fn einladung(
    sitzung: &SitzungAkte,
    buero: &Buero,
    eintraege: &[Eintrag],
    empfaenger: Empfaenger,
    datum: NaiveDateTime,
) -> Result<Vec<u8>, PdfFehler> {
    let mitglieder_fassung = !matches!(empfaenger, Empfaenger::Oeffentlichkeit);
    let gremium = &sitzung.gremium.daten.name;
    if let Empfaenger::Mitglied(m) = empfaenger {
        super::schrift::pruefen(&format!("Mitglied {}, Name", m.person.name), &m.person.name)?;
        super::schrift::pruefen(
            &format!("Mitglied {}, Anschrift", m.person.name),
            &m.person.daten.anschrift,
        )?;
    }
    for e in eintraege {
        super::schrift::pruefen(&format!("Tagesordnung, TOP {}", e.nummer), &e.titel)?;
    }
    let vorsitz = sitzung
        .mitglieder
        .iter()
        .find(|m| m.rolle == MitgliedRolle::Vorsitz)
        .map(|m| m.person.name.clone());
    if let Some(v) = &vorsitz {
        super::schrift::pruefen(&format!("Vorsitz {v}"), v)?;
    }
    super::schrift::pruefen("Sitzung, Ort", &sitzung.ort)?;

    let mut doc = PdfDocument::new(&format!("Einladung {}. Sitzung {gremium}", sitzung.nummer));
    let schriften = Schriften::einbetten(&mut doc)?;
    let mut s = Seiten::neu(&schriften, Rand::default());
    let links = s.rand.links;
    let rechts = A4_BREITE - s.rand.rechts;
    s.zeile(0.0, &buero.kommune, Schnitt::Fett, 14.0, 18.0);
    s.zeile(0.0, gremium, Schnitt::Normal, 11.0, 16.0);
    s.text_rechts(
        rechts,
        &crate::domain::datum::deutsch(datum.date()),
        Schnitt::Normal,
        TEXT,
    );
    s.vorschub(24.0);
    match empfaenger {
        Empfaenger::Oeffentlichkeit => s.zeile(
            0.0,
            "Öffentliche Bekanntmachung",
            Schnitt::Normal,
            TEXT,
            ZEILE,
        ),
        Empfaenger::Mitglieder => s.zeile(
            0.0,
            &format!("An die Mitglieder des Gremiums „{gremium}“"),
            Schnitt::Normal,
            TEXT,
            ZEILE,
        ),
        Empfaenger::Mitglied(m) => {
            let p = &m.person.daten;
            if !p.anrede.trim().is_empty() {
                s.zeile(0.0, p.anrede.trim(), Schnitt::Normal, TEXT, ZEILE);
            }
            s.zeile(0.0, &m.person.name, Schnitt::Normal, TEXT, ZEILE);
            for z in p.anschrift.lines().map(str::trim).filter(|z| !z.is_empty()) {
                s.zeile(0.0, z, Schnitt::Normal, TEXT, ZEILE);
            }
        }
    }
    s.vorschub(14.0);
    s.zeile(
        0.0,
        &format!("Einladung zur {}. Sitzung", sitzung.nummer),
        Schnitt::Fett,
        13.0,
        18.0,
    );
    s.vorschub(6.0);
    let wann = format!(
        "{}, {}, {} Uhr",
        wochentag(sitzung.beginn),
        crate::domain::datum::deutsch(sitzung.beginn.date()),
        sitzung.beginn.format("%H:%M")
    );
    let anrede = match empfaenger {
        Empfaenger::Oeffentlichkeit => {
            "Die Sitzung ist im öffentlichen Teil für jedermann zugänglich.".to_string()
        }
        Empfaenger::Mitglieder => "Sehr geehrte Damen und Herren,".to_string(),
        Empfaenger::Mitglied(m) => m.person.daten.briefanrede(),
    };
    let absatz = format!(
        "hiermit lade ich Sie zur {}. Sitzung {} ein: {wann}, {}.",
        sitzung.nummer,
        crate::domain::gremium::genitiv(gremium),
        if sitzung.ort.trim().is_empty() {
            "Ort folgt"
        } else {
            sitzung.ort.trim()
        }
    );
    s.zeile(0.0, &anrede, Schnitt::Normal, TEXT, ZEILE);
    if mitglieder_fassung {
        for z in satz::umbrechen(&absatz, s.breite(), Schnitt::Normal, TEXT) {
            s.zeile(0.0, &z, Schnitt::Normal, TEXT, ZEILE);
        }
        if let Empfaenger::Mitglied(m) = empfaenger {
            let zusatz = match m.rolle {
                MitgliedRolle::StellvMitglied => Some("Sie erhalten die Einladung als stellvertretendes Mitglied. Bitte halten Sie sich für eine Vertretung bereit."),
                MitgliedRolle::Beratend => Some("Sie erhalten die Einladung als beratendes Mitglied."),
                _ => None,
            };
            if let Some(z) = zusatz {
                s.vorschub(4.0);
                for z in satz::umbrechen(z, s.breite(), Schnitt::Normal, TEXT) {
                    s.zeile(0.0, &z, Schnitt::Normal, TEXT, ZEILE);
                }
            }
            s.vorschub(4.0);
            for z in satz::umbrechen(
                "Sollten Sie verhindert sein, bitte ich um Nachricht an die Geschäftsstelle.",
                s.breite(),
                Schnitt::Normal,
                TEXT,
            ) {
                s.zeile(0.0, &z, Schnitt::Normal, TEXT, ZEILE);
            }
        }
    } else {
        let termin = format!("Termin: {wann}, {}", sitzung.ort.trim());
        for z in satz::umbrechen(&termin, s.breite(), Schnitt::Normal, TEXT) {
            s.zeile(0.0, &z, Schnitt::Normal, TEXT, ZEILE);
        }
    }
    s.vorschub(14.0);
    s.zeile(0.0, "Tagesordnung", Schnitt::Fett, 12.0, 18.0);
    for teil in [Teil::Oeffentlich, Teil::Nichtoeffentlich] {
        let zeilen: Vec<&Eintrag> = eintraege.iter().filter(|e| e.teil == teil).collect();
        if zeilen.is_empty() && (teil == Teil::Nichtoeffentlich || !mitglieder_fassung) {
            continue;
        }
        s.platz(20.0 + 2.0 * ZEILE);
        s.vorschub(6.0);
        let kopf = match teil {
            Teil::Oeffentlich => "Öffentlicher Teil",
            Teil::Nichtoeffentlich => "Nichtöffentlicher Teil",
        };
        let y = s.y();
        s.text_abs(
            links,
            y + 11.0,
            kopf,
            Schnitt::Fett,
            11.0,
            (teil == Teil::Nichtoeffentlich).then(|| farbe(138, 28, 28)),
        );
        if eintraege.iter().any(|e| e.seite.is_some()) {
            s.text_rechts(rechts, "Seite", Schnitt::Fett, 9.0);
        }
        s.vorschub(17.0);
        for e in zeilen {
            let titel = match &e.vorlage {
                Some(n) => format!("{} (Vorlage {n})", e.titel),
                None => e.titel.clone(),
            };
            let spalte = 48.0;
            let umbruch =
                satz::umbrechen(&titel, s.breite() - spalte - 40.0, Schnitt::Normal, TEXT);
            s.platz(umbruch.len() as f32 * ZEILE);
            s.text_bei(links, &e.nummer, Schnitt::Fett, TEXT);
            if let Some(p) = e.seite {
                s.text_rechts(rechts, &p.to_string(), Schnitt::Normal, TEXT);
            }
            for z in umbruch {
                s.zeile(spalte, &z, Schnitt::Normal, TEXT, ZEILE);
            }
            s.vorschub(3.0);
        }
    }
    if mitglieder_fassung {
        s.platz(5.0 * ZEILE);
        s.vorschub(20.0);
        s.zeile(0.0, "Mit freundlichen Grüßen", Schnitt::Normal, TEXT, ZEILE);
        s.vorschub(24.0);
        if let Some(v) = &vorsitz {
            s.zeile(0.0, v, Schnitt::Normal, TEXT, ZEILE);
        }
        s.zeile(0.0, "Vorsitz", Schnitt::Normal, TEXT, ZEILE);
    }
    let kennung = format!("{}. Sitzung {gremium}", sitzung.nummer);
    let (seiten, struktur) = s.fertig(|s, nr, von| {
        let unten = A4_HOEHE - 36.0;
        let t = format!("{kennung} · Einladung und Tagesordnung · Blatt {nr} von {von}");
        let b = metrik(Schnitt::Normal).breite(&t, 8.5);
        s.text_abs((A4_BREITE - b) / 2.0, unten, &t, Schnitt::Normal, 8.5, None);
    });
    doc.with_pages(seiten);
    let mut warnungen = Vec::new();
    super::struktur::taggen(
        &doc.save(&PdfSaveOptions::default(), &mut warnungen),
        &struktur,
    )
}
