//! What stays after a Sitzung: the Niederschrift (§ 52 GO NRW) and the Beschlussauszüge.
//!
//! The Niederschrift records day, beginning, end and place, who attended (present,
//! excused, absent, with the notes), the quorum (§ 49 GO NRW), then for each TOP its
//! Vorlage, the resolution text and the result, and is signed by the chair and the
//! Schriftführer/-in. A Beschlussauszug is the extract of one TOP, certified by the
//! Schriftführer/-in. The public Niederschrift is given only the öffentliche TOPs; in the
//! members' version the nichtöffentlicher Teil starts on its own page and every one of
//! its pages says "nichtöffentlich".

use super::pdfa::{self, Metadaten};
use super::satz;
use super::schrift::{metrik, Schnitt, Schriften};
use super::seiten::{farbe, Rand, Seiten, A4_BREITE, A4_HOEHE};
use super::vorlage::{abschnitt, text};
use super::PdfFehler;
use crate::domain::gremium;
use crate::domain::sitzung::{self, Anwesenheit, MitgliedRolle, Teil, TopErgebnis};
use crate::domain::{datum, Buero};
use crate::domain::{SitzungAkte, Top};
use chrono::NaiveDateTime;
use printpdf::{PdfDocument, PdfSaveOptions};

const TEXT: f32 = 10.5;
const ZEILE: f32 = 14.0;
const KLEIN: f32 = 8.5;
const ROT: (u8, u8, u8) = (138, 28, 28);

/// A TOP with the text that was resolved: the Beschlussvorschlag of its Vorlage when it
/// was adopted as proposed, else the text recorded with the result.
pub struct Beschluss<'a> {
    pub top: &'a Top,
    pub vorlage_nummer: Option<String>,
    pub text: String,
}

impl<'a> Beschluss<'a> {
    /// `beschlussvorschlag`: that of the TOP's Vorlage, if it has one.
    pub fn neu(top: &'a Top, beschlussvorschlag: Option<&str>) -> Self {
        let text = match (top.ergebnis, beschlussvorschlag) {
            (Some(TopErgebnis::Beschlossen), Some(v)) if top.ergebnis_text.trim().is_empty() => {
                v.to_string()
            }
            _ => top.ergebnis_text.clone(),
        };
        Beschluss {
            top,
            vorlage_nummer: top.vorlage.as_ref().and_then(|v| v.nummer.clone()),
            text,
        }
    }
}

/// "die 3. Sitzung des Integrationsrates am 07.12.2026".
pub(super) fn die_sitzung(sitzung: &SitzungAkte) -> String {
    format!(
        "die {}. Sitzung {} am {}",
        sitzung.nummer,
        gremium::genitiv(&sitzung.gremium.daten.name),
        datum::deutsch(sitzung.beginn.date())
    )
}

/// Refuses a Niederschrift of a Sitzung that is not closed: its end and Schriftführung
/// are part of the record.
fn abgeschlossen(sitzung: &SitzungAkte) -> Result<NaiveDateTime, PdfFehler> {
    match sitzung.ende {
        Some(e) if !sitzung.schriftfuehrung.trim().is_empty() => Ok(e),
        _ => Err(PdfFehler::NichtAbgeschlossen),
    }
}

fn zeichen_pruefen(sitzung: &SitzungAkte, beschluesse: &[Beschluss]) -> Result<(), PdfFehler> {
    use super::schrift::pruefen;
    pruefen("Ort", &sitzung.ort)?;
    pruefen("Schriftführung", &sitzung.schriftfuehrung)?;
    for m in &sitzung.mitglieder {
        pruefen("Mitglied", &m.person.name)?;
        pruefen("Anwesenheit", &m.bemerkung)?;
    }
    for b in beschluesse {
        pruefen(&format!("TOP {}", b.top.nummer), &b.top.titel)?;
        pruefen(&format!("TOP {}", b.top.nummer), &b.text)?;
    }
    Ok(())
}

/// Who chaired: the member in the role Vorsitz (signs the minutes).
pub(super) fn name_vorsitz(sitzung: &SitzungAkte) -> String {
    sitzung
        .mitglieder
        .iter()
        .find(|m| m.rolle == MitgliedRolle::Vorsitz)
        .map(|m| m.person.name.clone())
        .unwrap_or_default()
}

/// Kommune and Gremium at the top, then the title in bold.
pub(super) fn kopf(s: &mut Seiten, buero: &Buero, sitzung: &SitzungAkte, titel: &str) {
    s.zeile(0.0, &buero.kommune, Schnitt::Fett, 14.0, 18.0);
    s.zeile(
        0.0,
        &sitzung.gremium.daten.name,
        Schnitt::Normal,
        11.0,
        16.0,
    );
    s.vorschub(18.0);
    for z in satz::umbrechen(titel, s.breite(), Schnitt::Fett, 13.0) {
        s.zeile(0.0, &z, Schnitt::Fett, 13.0, 17.0);
    }
    s.vorschub(8.0);
}

/// "Label:  value" lines with the values in one column.
pub(super) fn angaben(s: &mut Seiten, zeilen: &[(&str, String)]) {
    for (label, wert) in zeilen {
        let umbruch = satz::umbrechen(wert, s.breite() - 110.0, Schnitt::Normal, TEXT);
        s.platz(umbruch.len() as f32 * ZEILE);
        let x = s.rand.links;
        s.text_bei(x, label, Schnitt::Fett, TEXT);
        for z in umbruch {
            s.zeile(110.0, &z, Schnitt::Normal, TEXT, ZEILE);
        }
    }
}

/// A TOP's heading, resolution and result.
fn top_abschnitt(s: &mut Seiten, b: &Beschluss) {
    let kopf = format!("{}  {}", b.top.nummer, b.top.titel);
    let zeilen = satz::umbrechen(&kopf, s.breite(), Schnitt::Fett, 11.0);
    s.platz(zeilen.len() as f32 * 15.0 + 3.0 * ZEILE);
    s.vorschub(6.0);
    for z in zeilen {
        s.zeile(0.0, &z, Schnitt::Fett, 11.0, 15.0);
    }
    if let Some(n) = &b.vorlage_nummer {
        s.zeile(0.0, &format!("Vorlage {n}"), Schnitt::Normal, TEXT, ZEILE);
    }
    s.vorschub(3.0);
    if !b.text.trim().is_empty() {
        let ueberschrift = if b.top.vorlage.is_some() || b.top.ergebnis.is_some() {
            "Beschluss:"
        } else {
            "Inhalt:"
        };
        s.zeile(0.0, ueberschrift, Schnitt::Fett, TEXT, ZEILE);
        text(s, &b.text);
    }
    let ergebnis = match b.top.ergebnis {
        Some(e) => format!("Ergebnis: {}", e.label()),
        None if b.top.vorlage.is_some() => "Ergebnis: nicht eingetragen".to_string(),
        None => String::new(),
    };
    if !ergebnis.is_empty() {
        s.zeile(0.0, &ergebnis, Schnitt::Fett, TEXT, ZEILE);
    }
    s.vorschub(6.0);
}

/// Two signature lines side by side: the chair and the Schriftführer/-in.
pub(super) fn unterschriften(s: &mut Seiten, links: (&str, &str), rechts: Option<(&str, &str)>) {
    s.platz(40.0 + 3.0 * ZEILE);
    s.vorschub(40.0);
    let y = s.y();
    let x1 = s.rand.links;
    let x2 = s.rand.links + s.breite() / 2.0 + 10.0;
    let spalte = s.breite() / 2.0 - 20.0;
    for (x, (name, rolle)) in [(x1, Some(links)), (x2, rechts)]
        .into_iter()
        .filter_map(|(x, r)| r.map(|r| (x, r)))
    {
        s.strecke(x, y, x + spalte, y, 0.5);
        s.text_abs(x, y + 12.0, name, Schnitt::Normal, TEXT, None);
        s.text_abs(x, y + 12.0 + ZEILE, rolle, Schnitt::Normal, TEXT, None);
    }
    s.vorschub(12.0 + 2.0 * ZEILE);
}

/// Header line, "nichtöffentlich" on the pages from `noe_ab` on, and "Seite x von y".
pub(super) fn rahmen(s: &mut Seiten, nr: usize, von: usize, kennung: &str, noe_ab: Option<usize>) {
    let rechts = A4_BREITE - s.rand.rechts;
    let oben = 40.0;
    s.text_abs(s.rand.links, oben, kennung, Schnitt::Normal, KLEIN, None);
    if noe_ab.is_some_and(|ab| nr >= ab) {
        let t = "nichtöffentlich";
        let b = metrik(Schnitt::Fett).breite(t, 9.5);
        s.text_abs(
            rechts - b,
            oben,
            t,
            Schnitt::Fett,
            9.5,
            Some(farbe(ROT.0, ROT.1, ROT.2)),
        );
    }
    s.strecke(s.rand.links, oben + 5.0, rechts, oben + 5.0, 0.4);
    let unten = A4_HOEHE - 36.0;
    let seite = format!("Seite {nr} von {von}");
    let b = metrik(Schnitt::Normal).breite(&seite, KLEIN);
    s.text_abs(
        (A4_BREITE - b) / 2.0,
        unten,
        &seite,
        Schnitt::Normal,
        KLEIN,
        None,
    );
}

pub(super) fn speichern(
    mut doc: PdfDocument,
    (seiten, struktur): (Vec<printpdf::PdfPage>, super::struktur::Struktur),
    meta: Metadaten,
) -> Result<Vec<u8>, PdfFehler> {
    doc.with_pages(seiten);
    let mut warnungen = Vec::new();
    let roh = doc.save(&PdfSaveOptions::default(), &mut warnungen);
    pdfa::nachbearbeiten(roh, &meta, &struktur)
}

/// The Niederschrift. `beschluesse` holds the TOPs to record, in order (the public
/// version is given only the öffentliche).
pub fn niederschrift(
    sitzung: &SitzungAkte,
    buero: &Buero,
    beschluesse: &[Beschluss],
    gedruckt: NaiveDateTime,
) -> Result<Vec<u8>, PdfFehler> {
    let ende = abgeschlossen(sitzung)?;
    zeichen_pruefen(sitzung, beschluesse)?;
    let gremium = &sitzung.gremium.daten.name;
    let nur_oeffentlich = beschluesse.iter().all(|b| b.top.teil == Teil::Oeffentlich);
    let titel = format!("Niederschrift über {}", die_sitzung(sitzung));
    let mut doc = PdfDocument::new(&titel);
    let schriften = Schriften::einbetten(&mut doc)?;
    let mut s = Seiten::neu(&schriften, Rand::default());
    kopf(&mut s, buero, sitzung, &titel);
    angaben(
        &mut s,
        &[
            ("Beginn:", format!("{} Uhr", sitzung.beginn.format("%H:%M"))),
            ("Ende:", format!("{} Uhr", ende.format("%H:%M"))),
            ("Ort:", sitzung.ort.clone()),
        ],
    );
    s.vorschub(6.0);
    let mit = |status: Anwesenheit| -> Vec<String> {
        sitzung
            .mitglieder
            .iter()
            .filter(|m| m.anwesenheit == Some(status))
            .map(|m| {
                let mut t = format!("{} ({}", m.person.name, m.rolle.label());
                if !m.fuer.is_empty() {
                    t.push_str(&format!(", {}", m.fuer));
                }
                t.push(')');
                if !m.bemerkung.is_empty() {
                    t.push_str(&format!(" – {}", m.bemerkung));
                }
                t
            })
            .collect()
    };
    let ohne: Vec<String> = sitzung
        .mitglieder
        .iter()
        .filter(|m| m.anwesenheit.is_none())
        .map(|m| m.person.name.clone())
        .collect();
    for (titel, namen) in [
        ("Anwesend:", mit(Anwesenheit::Anwesend)),
        ("Entschuldigt:", mit(Anwesenheit::Entschuldigt)),
        ("Nicht anwesend:", mit(Anwesenheit::Abwesend)),
        ("Ohne Angabe:", ohne),
    ] {
        if namen.is_empty() {
            continue;
        }
        abschnitt(&mut s, titel);
        for n in namen {
            for (k, z) in satz::umbrechen(&n, s.breite() - 12.0, Schnitt::Normal, TEXT)
                .into_iter()
                .enumerate()
            {
                s.zeile(
                    if k == 0 { 0.0 } else { 12.0 },
                    &z,
                    Schnitt::Normal,
                    TEXT,
                    ZEILE,
                );
            }
        }
    }
    abschnitt(&mut s, "Schriftführung:");
    s.zeile(0.0, &sitzung.schriftfuehrung, Schnitt::Normal, TEXT, ZEILE);
    // Deputies count only in place of an absent member (domain::sitzung::stimmen).
    let stimmen = sitzung::stimmen::zaehlen(sitzung.gremium.daten.vertretung, &sitzung.mitglieder);
    let (anwesend, stimmberechtigt) = (stimmen.anwesend, stimmen.mitglieder);
    let feststellung = if sitzung::beschlussfaehig(anwesend, stimmberechtigt) {
        format!("Der Vorsitz eröffnet die Sitzung und stellt die ordnungsgemäße Einladung sowie die Beschlussfähigkeit fest ({anwesend} von {stimmberechtigt} stimmberechtigten Mitgliedern anwesend).")
    } else {
        format!("Der Vorsitz eröffnet die Sitzung und stellt fest, dass das Gremium nicht beschlussfähig ist ({anwesend} von {stimmberechtigt} stimmberechtigten Mitgliedern anwesend).")
    };
    s.vorschub(8.0);
    text(&mut s, &feststellung);

    let mut noe_ab = None;
    for teil in [Teil::Oeffentlich, Teil::Nichtoeffentlich] {
        let tops: Vec<&Beschluss> = beschluesse.iter().filter(|b| b.top.teil == teil).collect();
        if tops.is_empty() {
            continue;
        }
        if teil == Teil::Nichtoeffentlich {
            s.neue_seite();
            noe_ab = Some(s.seite_nr());
        }
        abschnitt(
            &mut s,
            match teil {
                Teil::Oeffentlich => "Öffentlicher Teil",
                Teil::Nichtoeffentlich => "Nichtöffentlicher Teil",
            },
        );
        for b in tops {
            // Who left before this TOP, the count then, the finding of Beschlussunfähigkeit.
            for v in sitzung::beschlussfaehigkeit::vermerke(sitzung, b.top.id) {
                s.vorschub(4.0);
                text(&mut s, &v);
            }
            top_abschnitt(&mut s, b);
        }
    }
    s.vorschub(6.0);
    text(
        &mut s,
        &format!(
            "Der Vorsitz schließt die Sitzung um {} Uhr.",
            ende.format("%H:%M")
        ),
    );
    let vorsitz = name_vorsitz(sitzung);
    unterschriften(
        &mut s,
        (&vorsitz, "Vorsitz"),
        Some((&sitzung.schriftfuehrung, "Schriftführung")),
    );
    let kennung = format!(
        "Niederschrift {}. Sitzung {gremium} am {}{}",
        sitzung.nummer,
        datum::deutsch(sitzung.beginn.date()),
        if nur_oeffentlich {
            " – öffentlicher Teil"
        } else {
            ""
        }
    );
    let seiten = s.fertig(|s, nr, von| rahmen(s, nr, von, &kennung, noe_ab));
    speichern(
        doc,
        seiten,
        Metadaten {
            titel,
            autor: sitzung.schriftfuehrung.clone(),
            betreff: format!("Niederschrift – {}", buero.kommune),
            erstellt: gedruckt,
        },
    )
}

/// The Beschlussauszug of one TOP, certified by the Schriftführer/-in.
pub fn beschlussauszug(
    sitzung: &SitzungAkte,
    buero: &Buero,
    beschluss: &Beschluss,
    gedruckt: NaiveDateTime,
) -> Result<Vec<u8>, PdfFehler> {
    abgeschlossen(sitzung)?;
    zeichen_pruefen(sitzung, std::slice::from_ref(beschluss))?;
    let gremium = &sitzung.gremium.daten.name;
    let titel = format!("Auszug aus der Niederschrift über {}", die_sitzung(sitzung));
    let mut doc = PdfDocument::new(&titel);
    let schriften = Schriften::einbetten(&mut doc)?;
    let mut s = Seiten::neu(&schriften, Rand::default());
    kopf(&mut s, buero, sitzung, &titel);
    let noe = beschluss.top.teil == Teil::Nichtoeffentlich;
    s.zeile(
        0.0,
        if noe {
            "Nichtöffentlicher Teil"
        } else {
            "Öffentlicher Teil"
        },
        Schnitt::Normal,
        TEXT,
        ZEILE,
    );
    top_abschnitt(&mut s, beschluss);
    s.vorschub(12.0);
    s.zeile(
        0.0,
        "Für die Richtigkeit des Auszugs:",
        Schnitt::Normal,
        TEXT,
        ZEILE,
    );
    s.zeile(
        0.0,
        &format!("{}, {}", buero.kommune, datum::deutsch(gedruckt.date())),
        Schnitt::Normal,
        TEXT,
        ZEILE,
    );
    unterschriften(&mut s, (&sitzung.schriftfuehrung, "Schriftführung"), None);
    let kennung = format!(
        "Beschlussauszug {} · {}. Sitzung {gremium}",
        beschluss.top.nummer, sitzung.nummer
    );
    let seiten = s.fertig(|s, nr, von| rahmen(s, nr, von, &kennung, noe.then_some(1)));
    speichern(
        doc,
        seiten,
        Metadaten {
            titel: format!("{titel}, TOP {}", beschluss.top.nummer),
            autor: sitzung.schriftfuehrung.clone(),
            betreff: format!("Beschlussauszug – {}", buero.kommune),
            erstellt: gedruckt,
        },
    )
}
