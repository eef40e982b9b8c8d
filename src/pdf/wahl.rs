//! Documents of a Wahl: the Stimmzettel of the ballot that is due, and the
//! Wahlniederschrift.
//!
//! A Stimmzettel carries title, Gremium, date, Wahlgang and the instruction, then one box
//! per option: the candidates (Einzelwahl; Ja/Nein where one candidate stands) or the
//! Wahlvorschläge with their candidates (Listenwahl). One, two or four ballots share an A4
//! sheet, with dashed cut lines; a ballot that is too long for a whole sheet continues on
//! the next page, so any number of candidates prints. The Wahlniederschrift records the
//! counts of each Wahlgang, the computation (quotas and remainders, or the Höchstzahlen),
//! every lot, the result, and is signed by the chair and the Schriftführer/-in.

use super::niederschrift::{angaben, kopf, rahmen, speichern, unterschriften};
use super::pdfa::Metadaten;
use super::satz;
use super::schrift::{metrik, Schnitt, Schriften};
use super::seiten::{Rand, Seiten, A4_BREITE, A4_HOEHE};
use super::vorlage::{abschnitt, sitzung_des, text};
use super::PdfFehler;
use crate::domain::sitzung::MitgliedRolle;
use crate::domain::wahl::{Schritt, Verfahren, WahlArt, Wahlgang};
use crate::domain::{datum, Buero};
use crate::store::{SitzungAkte, WahlAkte};
use chrono::NaiveDateTime;
use printpdf::PdfDocument;

const TEXT: f32 = 10.5;
const ZEILE: f32 = 14.0;

/// Why no ballot can be printed now.
fn kein_zettel(grund: &str) -> PdfFehler {
    PdfFehler::Wahl(grund.to_string())
}

/// One option on the ballot: its label and, below it, small print (a list's candidates).
struct Wahlfeld {
    text: String,
    klein: Vec<String>,
}

/// What a ballot says.
struct Zettel {
    kopf: Vec<String>,
    titel: String,
    gang: String,
    anleitung: String,
    optionen: Vec<Wahlfeld>,
}

fn zettel_inhalt(akte: &WahlAkte) -> Result<Zettel, PdfFehler> {
    let (nr, gang, optionen) = match &akte.stand.schritt {
        Schritt::Zaehlung { nr, gang, optionen } => (*nr, *gang, optionen.clone()),
        Schritt::Los { .. } => return Err(kein_zettel("Zuerst muss das Los entscheiden; danach gibt es Stimmzettel für den nächsten Wahlgang.")),
        Schritt::Fertig => return Err(kein_zettel("Die Wahl ist entschieden; es ist kein Wahlgang mehr offen.")),
    };
    if optionen.is_empty() {
        return Err(kein_zettel(
            "Es steht noch niemand zur Wahl (Bewerber oder Wahlvorschläge fehlen).",
        ));
    }
    let mut o: Vec<Wahlfeld> = Vec::new();
    let anleitung;
    match akte.daten.art {
        WahlArt::Einzel if optionen.len() == 1 => {
            anleitung = format!(
                "Stimmen Sie mit Ja oder Nein für {}. Nur ein Kreuz.",
                optionen[0]
            );
            o.push(Wahlfeld {
                text: format!("Ja – {}", optionen[0]),
                klein: vec![],
            });
            o.push(Wahlfeld {
                text: "Nein".into(),
                klein: vec![],
            });
        }
        WahlArt::Einzel => {
            anleitung = "Sie haben eine Stimme. Kreuzen Sie einen Namen an.".into();
            o.extend(optionen.iter().map(|n| Wahlfeld {
                text: n.clone(),
                klein: vec![],
            }));
            if gang == Wahlgang::Erster {
                o.push(Wahlfeld {
                    text: "Nein (gegen alle)".into(),
                    klein: vec![],
                });
            }
        }
        WahlArt::Einheitlich => {
            anleitung =
                "Stimmen Sie über den einheitlichen Wahlvorschlag ab. Nur ein Kreuz.".into();
            let k = akte
                .vorschlaege
                .first()
                .map(|v| v.kandidaten.iter().map(|p| p.name.clone()).collect())
                .unwrap_or_default();
            o.push(Wahlfeld {
                text: format!("Ja – {}", optionen[0]),
                klein: k,
            });
            o.push(Wahlfeld {
                text: "Nein".into(),
                klein: vec![],
            });
        }
        WahlArt::Liste => {
            anleitung = "Sie haben eine Stimme. Kreuzen Sie einen Wahlvorschlag an.".into();
            for v in &akte.vorschlaege {
                let mut klein: Vec<String> = if akte.daten.stellvertreter {
                    v.kandidaten
                        .chunks(2)
                        .enumerate()
                        .map(|(i, p)| {
                            format!(
                                "{}. {} – Stellvertretung: {}",
                                i + 1,
                                p[0].name,
                                p.get(1).map(|x| x.name.as_str()).unwrap_or("—")
                            )
                        })
                        .collect()
                } else {
                    v.kandidaten
                        .iter()
                        .enumerate()
                        .map(|(i, p)| format!("{}. {}", i + 1, p.name))
                        .collect()
                };
                if !v.eingereicht_von.is_empty() {
                    klein.insert(0, format!("eingereicht von {}", v.eingereicht_von));
                }
                o.push(Wahlfeld {
                    text: v.name.clone(),
                    klein,
                });
            }
        }
    }
    o.push(Wahlfeld {
        text: "Enthaltung".into(),
        klein: vec![],
    });
    Ok(Zettel {
        kopf: vec![
            akte.gremium.clone(),
            format!(
                "{}. Sitzung am {}",
                akte.sitzung_nummer,
                datum::deutsch(akte.sitzung_beginn.date())
            ),
        ],
        titel: akte.daten.titel.clone(),
        gang: if gang == Wahlgang::Erster && nr == 1 {
            "1. Wahlgang".into()
        } else {
            format!("{nr}. Wahlgang – engere Wahl")
        },
        anleitung,
        optionen: o,
    })
}

/// A rectangle on the sheet (pt from the top-left corner).
#[derive(Clone, Copy)]
struct Feld {
    x: f32,
    y: f32,
    b: f32,
    h: f32,
}

/// Draws one ballot into `f` with size factor `m`; continues on new pages when
/// `mehrseitig`, else returns `false` if it does not fit.
fn zeichnen(s: &mut Seiten, f: Feld, z: &Zettel, m: f32, mehrseitig: bool, pruefen: bool) -> bool {
    let rand = 28.0 * m;
    let links = f.x + rand;
    let breite = f.b - 2.0 * rand;
    let unten = f.y + f.h - rand;
    let mut y = f.y + rand;
    let mut feld = f;
    let mut zeile =
        |s: &mut Seiten, y: &mut f32, t: &str, schnitt: Schnitt, g: f32, einzug: f32| -> bool {
            for z in satz::umbrechen(t, breite - einzug, schnitt, g) {
                if *y + g * 1.35 > unten.max(feld.y + feld.h - rand) {
                    if !mehrseitig {
                        return false;
                    }
                    s.neue_seite();
                    feld = Feld {
                        x: 0.0,
                        y: 0.0,
                        b: A4_BREITE,
                        h: A4_HOEHE,
                    };
                    *y = rand + 20.0;
                    if !pruefen {
                        s.text_abs(
                            links,
                            *y - 6.0,
                            "Stimmzettel (Fortsetzung)",
                            Schnitt::Normal,
                            8.0 * m,
                            None,
                        );
                    }
                    *y += 8.0;
                }
                if !pruefen {
                    s.text_abs(links + einzug, *y + g, &z, schnitt, g, None);
                }
                *y += g * 1.35;
            }
            true
        };
    let mut ok = true;
    for k in &z.kopf {
        ok &= zeile(s, &mut y, k, Schnitt::Normal, 9.5 * m, 0.0);
    }
    y += 6.0 * m;
    ok &= zeile(s, &mut y, "Stimmzettel", Schnitt::Fett, 16.0 * m, 0.0);
    ok &= zeile(s, &mut y, &z.titel, Schnitt::Fett, 11.5 * m, 0.0);
    ok &= zeile(s, &mut y, &z.gang, Schnitt::Normal, 10.5 * m, 0.0);
    y += 4.0 * m;
    ok &= zeile(s, &mut y, &z.anleitung, Schnitt::Normal, 9.5 * m, 0.0);
    y += 8.0 * m;
    let kasten = 13.0 * m;
    for o in &z.optionen {
        if !ok {
            return false;
        }
        let vorher_seite = s.seite_nr();
        let start = y;
        ok &= zeile(
            s,
            &mut y,
            &o.text,
            Schnitt::Fett,
            11.0 * m,
            kasten + 10.0 * m,
        );
        let neu = s.seite_nr() != vorher_seite;
        let oben = if neu { y - 11.0 * m * 1.35 } else { start };
        if !pruefen && ok {
            s.kaestchen(links, oben + 1.0, kasten, false);
        }
        for k in &o.klein {
            ok &= zeile(s, &mut y, k, Schnitt::Normal, 8.5 * m, kasten + 10.0 * m);
        }
        y += 7.0 * m;
    }
    y += 4.0 * m;
    ok &= zeile(
        s,
        &mut y,
        "Ein Stimmzettel mit mehr als einem Kreuz oder mit Zusätzen ist ungültig.",
        Schnitt::Normal,
        8.0 * m,
        0.0,
    );
    ok
}

/// Dashed cut lines between the ballots of a sheet.
fn schnittlinien(s: &mut Seiten, je_blatt: u32) {
    let gestrichelt = |s: &mut Seiten, x1: f32, y1: f32, x2: f32, y2: f32| {
        let laenge = ((x2 - x1).powi(2) + (y2 - y1).powi(2)).sqrt();
        let n = (laenge / 10.0) as usize;
        for i in 0..n {
            let a = i as f32 / n as f32;
            let b = (i as f32 + 0.5) / n as f32;
            s.strecke(
                x1 + (x2 - x1) * a,
                y1 + (y2 - y1) * a,
                x1 + (x2 - x1) * b,
                y1 + (y2 - y1) * b,
                0.4,
            );
        }
    };
    if je_blatt >= 2 {
        gestrichelt(s, 0.0, A4_HOEHE / 2.0, A4_BREITE, A4_HOEHE / 2.0);
    }
    if je_blatt == 4 {
        gestrichelt(s, A4_BREITE / 2.0, 0.0, A4_BREITE / 2.0, A4_HOEHE);
    }
}

/// The Stimmzettel of the ballot that is due: `kopien` ballots, `je_blatt` (1, 2 or 4)
/// on each A4 sheet.
pub fn stimmzettel(
    akte: &WahlAkte,
    kopien: u32,
    je_blatt: u32,
    gedruckt: NaiveDateTime,
) -> Result<Vec<u8>, PdfFehler> {
    if ![1, 2, 4].contains(&je_blatt) {
        return Err(kein_zettel("Stimmzettel je Blatt: 1, 2 oder 4."));
    }
    if kopien == 0 || kopien > 2000 {
        return Err(kein_zettel("Anzahl der Stimmzettel: 1 bis 2000."));
    }
    let z = zettel_inhalt(akte)?;
    for t in z.kopf.iter().chain([&z.titel]) {
        super::schrift::pruefen("Stimmzettel", t)?;
    }
    for o in &z.optionen {
        super::schrift::pruefen("Stimmzettel", &o.text)?;
        for k in &o.klein {
            super::schrift::pruefen("Stimmzettel", k)?;
        }
    }
    let mut doc = PdfDocument::new(&format!("Stimmzettel – {}", z.titel));
    let schriften = Schriften::einbetten(&mut doc)?;
    let mut s = Seiten::neu(&schriften, Rand::default());
    let (b, h) = match je_blatt {
        1 => (A4_BREITE, A4_HOEHE),
        2 => (A4_BREITE, A4_HOEHE / 2.0),
        _ => (A4_BREITE / 2.0, A4_HOEHE / 2.0),
    };
    let m = if je_blatt == 4 { 0.72 } else { 1.0 };
    let felder: Vec<Feld> = (0..je_blatt)
        .map(|i| Feld {
            x: if je_blatt == 4 {
                (i % 2) as f32 * b
            } else {
                0.0
            },
            y: if je_blatt == 1 {
                0.0
            } else {
                (i / (je_blatt / 2).max(1)) as f32 * h
            },
            b,
            h,
        })
        .collect();
    // Does one ballot fit in its part of the sheet? (Measured without drawing.)
    let mut probe = Seiten::neu(&schriften, Rand::default());
    if je_blatt > 1 && !zeichnen(&mut probe, felder[0], &z, m, false, true) {
        return Err(kein_zettel(&format!(
            "{} Optionen passen nicht auf einen Stimmzettel im Format {} je Blatt; bitte 1 Stimmzettel je Blatt wählen (er läuft dann über mehrere Seiten).",
            z.optionen.len(),
            je_blatt
        )));
    }
    for n in 0..kopien {
        let i = (n % je_blatt) as usize;
        if i == 0 && n > 0 {
            s.neue_seite();
        }
        if i == 0 && je_blatt > 1 {
            schnittlinien(&mut s, je_blatt);
        }
        zeichnen(&mut s, felder[i], &z, m, je_blatt == 1, false);
    }
    let seiten = s.fertig(|_, _, _| {});
    speichern(
        doc,
        seiten,
        Metadaten {
            titel: format!("Stimmzettel – {}", z.titel),
            autor: akte.gremium.clone(),
            betreff: z.gang.clone(),
            erstellt: gedruckt,
        },
    )
}

/// "1.234": thousands separated by a point, as German tables write counts.
fn zahl(n: u64) -> String {
    let z = n.to_string();
    let mut aus = String::new();
    for (i, c) in z.chars().enumerate() {
        if i > 0 && (z.len() - i) % 3 == 0 {
            aus.push('.');
        }
        aus.push(c);
    }
    aus
}

/// The Wahlniederschrift.
pub fn wahlniederschrift(
    akte: &WahlAkte,
    sitzung: &SitzungAkte,
    buero: &Buero,
    gedruckt: NaiveDateTime,
) -> Result<Vec<u8>, PdfFehler> {
    let titel = format!("Wahlniederschrift: {}", akte.daten.titel);
    super::schrift::pruefen("Wahl", &titel)?;
    for n in akte
        .stand
        .gewaehlt
        .iter()
        .chain(
            akte.vorschlaege
                .iter()
                .flat_map(|v| v.kandidaten.iter().map(|p| &p.name)),
        )
        .chain(akte.kandidaten.iter().map(|p| &p.name))
    {
        super::schrift::pruefen("Bewerber", n)?;
    }
    let mut doc = PdfDocument::new(&titel);
    let schriften = Schriften::einbetten(&mut doc)?;
    let mut s = Seiten::neu(&schriften, Rand::default());
    kopf(&mut s, buero, sitzung, &titel);
    let mut zeilen = vec![
        (
            "Sitzung:",
            format!(
                "{}. Sitzung {} am {}",
                akte.sitzung_nummer,
                sitzung_des(&akte.gremium),
                datum::deutsch(akte.sitzung_beginn.date())
            ),
        ),
        (
            "Wahl:",
            format!(
                "{}, {} {}",
                akte.daten.art.label(),
                akte.daten.sitze,
                if akte.daten.sitze == 1 {
                    "Sitz"
                } else {
                    "Sitze"
                }
            ),
        ),
        (
            "Abstimmung:",
            if akte.daten.geheim {
                "geheim, mit Stimmzetteln".into()
            } else {
                "offen".into()
            },
        ),
    ];
    if akte.daten.art == WahlArt::Liste {
        zeilen.push(("Verfahren:", akte.daten.verfahren.label().to_string()));
    }
    if let Some(z) = &akte.ziel {
        zeilen.push(("Entsendung in:", z.clone()));
    }
    angaben(&mut s, &zeilen);
    if !akte.vorschlaege.is_empty() {
        abschnitt(&mut s, "Wahlvorschläge");
        for v in &akte.vorschlaege {
            let namen: Vec<String> = v
                .kandidaten
                .iter()
                .enumerate()
                .map(|(i, p)| format!("{}. {}", i + 1, p.name))
                .collect();
            text(
                &mut s,
                &format!(
                    "{}{}: {}",
                    v.name,
                    if v.eingereicht_von.is_empty() {
                        String::new()
                    } else {
                        format!(" (eingereicht von {})", v.eingereicht_von)
                    },
                    namen.join(", ")
                ),
            );
        }
    }
    if !akte.kandidaten.is_empty() {
        abschnitt(&mut s, "Bewerberinnen und Bewerber");
        text(
            &mut s,
            &akte
                .kandidaten
                .iter()
                .map(|p| p.name.clone())
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    for (i, g) in akte.gaenge.iter().enumerate() {
        let nr = i as u32 + 1;
        abschnitt(
            &mut s,
            &format!(
                "{}. Wahlgang{}",
                nr,
                if g.gang == Wahlgang::Engere {
                    " – engere Wahl"
                } else {
                    ""
                }
            ),
        );
        let gueltig: u64 = g.stimmen.iter().map(|(_, n)| n).sum::<u64>() + g.nein;
        let mut z = vec![
            ("Abgegeben:", zahl(g.abgegeben)),
            ("Ungültig:", zahl(g.ungueltig)),
            ("Enthaltungen:", zahl(g.enthaltungen)),
        ];
        if g.nein > 0 || akte.daten.art != WahlArt::Liste {
            z.push(("Nein:", zahl(g.nein)));
        }
        z.push(("Gültig:", zahl(gueltig)));
        angaben(&mut s, &z);
        s.vorschub(4.0);
        for (name, n) in &g.stimmen {
            s.zeile(
                12.0,
                &format!(
                    "{name}: {} {}",
                    zahl(*n),
                    if *n == 1 { "Stimme" } else { "Stimmen" }
                ),
                Schnitt::Normal,
                TEXT,
                ZEILE,
            );
        }
        if let Some(e) = akte.stand.einzel.get(i) {
            s.vorschub(4.0);
            let satz = match g.gang {
                Wahlgang::Erster => format!("Erforderlich ist mehr als die Hälfte der gültigen Stimmen (Nein-Stimmen zählen mit, Enthaltungen nicht): {} Stimmen. Ergebnis: {}.", zahl(e.erforderlich), e.ergebnis.label()),
                Wahlgang::Engere => format!("In der engeren Wahl entscheidet die einfache Mehrheit. Ergebnis: {}.", e.ergebnis.label()),
            };
            text(&mut s, &satz);
        }
        if akte.daten.art == WahlArt::Liste && i == 0 {
            if let Some(v) = &akte.stand.verteilung {
                rechnung(&mut s, v);
            }
        }
        for l in akte.lose.iter().filter(|l| l.los.nach_gang == nr) {
            let wie = match l.seed {
                Some(seed) => format!("von der Anwendung gezogen (Startwert {seed}, wiederholbar) in Anwesenheit von {}", l.gezogen_von),
                None => format!("gezogen von {}", l.gezogen_von),
            };
            text(
                &mut s,
                &format!(
                    "Losentscheid am {} um {} Uhr zwischen {} um {} {}; {wie}. Gezogen: {}.",
                    datum::deutsch(l.zeit.date()),
                    l.zeit.format("%H:%M"),
                    l.los.zwischen.join(", "),
                    l.los.plaetze,
                    if l.los.plaetze == 1 {
                        "Platz"
                    } else {
                        "Plätze"
                    },
                    l.los.ergebnis.join(", ")
                ),
            );
        }
    }
    abschnitt(&mut s, "Ergebnis");
    match &akte.stand.schritt {
        Schritt::Fertig if akte.stand.gewaehlt.is_empty() => text(&mut s, "Gewählt ist niemand."),
        Schritt::Fertig => {
            let liste = akte.stand.gewaehlte_liste("Stellvertretung");
            text(
                &mut s,
                &format!(
                    "Gewählt {}:\n{}",
                    if liste.len() == 1 { "ist" } else { "sind" },
                    liste.join("\n")
                ),
            );
        }
        Schritt::Los {
            zwischen, plaetze, ..
        } => text(
            &mut s,
            &format!(
                "Noch offen: Das Los entscheidet zwischen {} um {plaetze} {}.",
                zwischen.join(", "),
                if *plaetze == 1 { "Platz" } else { "Plätze" }
            ),
        ),
        Schritt::Zaehlung { nr, .. } => {
            text(&mut s, &format!("Noch offen: Es folgt der {nr}. Wahlgang."))
        }
    }
    for b in &akte.stand.befunde {
        text(&mut s, &b.meldung);
    }
    let vorsitz = sitzung
        .mitglieder
        .iter()
        .find(|m| m.rolle == MitgliedRolle::Vorsitz)
        .map(|m| m.person.name.clone())
        .unwrap_or_default();
    unterschriften(
        &mut s,
        (&vorsitz, "Vorsitz"),
        Some((&sitzung.schriftfuehrung, "Schriftführung")),
    );
    let kennung = format!(
        "Wahlniederschrift · {} · {}. Sitzung {}",
        akte.daten.titel, akte.sitzung_nummer, akte.gremium
    );
    let noe = akte.nichtoeffentlich.then_some(1);
    let seiten = s.fertig(|s, nr, von| rahmen(s, nr, von, &kennung, noe));
    speichern(
        doc,
        seiten,
        Metadaten {
            titel,
            autor: sitzung.schriftfuehrung.clone(),
            betreff: format!("Wahl – {}", buero.kommune),
            erstellt: gedruckt,
        },
    )
}

/// The computation of a Listenwahl: quotas (Hare/Niemeyer) or Höchstzahlen.
fn rechnung(s: &mut Seiten, v: &crate::domain::wahl::Sitzverteilung) {
    s.vorschub(6.0);
    let x = s.rand.links;
    let rechts = A4_BREITE - s.rand.rechts;
    let kopf = match v.verfahren {
        Verfahren::HareNiemeyer => "Quote = Stimmen × Sitze ÷ gültige Stimmen; erst die ganzen Zahlen, dann die größten Reste.",
        Verfahren::DHondt => "Höchstzahlen: Stimmen ÷ 1, 2, 3 …; die Sitze fallen auf die höchsten Zahlen.",
        Verfahren::SainteLague => "Höchstzahlen: Stimmen ÷ 1, 3, 5 …; die Sitze fallen auf die höchsten Zahlen.",
    };
    text(s, kopf);
    s.platz(ZEILE * 2.0);
    let y = s.y();
    s.text_abs(x, y + 10.0, "Wahlvorschlag", Schnitt::Fett, 9.5, None);
    s.text_abs(x + 190.0, y + 10.0, "Stimmen", Schnitt::Fett, 9.5, None);
    s.text_abs(
        x + 250.0,
        y + 10.0,
        if v.verfahren == Verfahren::HareNiemeyer {
            "Quote"
        } else {
            "Höchstzahlen (Sitz)"
        },
        Schnitt::Fett,
        9.5,
        None,
    );
    let b = metrik(Schnitt::Fett).breite("Sitze", 9.5);
    s.text_abs(rechts - b, y + 10.0, "Sitze", Schnitt::Fett, 9.5, None);
    s.vorschub(ZEILE);
    for r in &v.rechnung {
        let wert = match r.quote {
            Some(q) => q.deutsch(4),
            None => r
                .hoechstzahlen
                .iter()
                .enumerate()
                .map(|(k, h)| {
                    if (k as u32) < r.sitze {
                        format!("{}*", h.deutsch(3))
                    } else {
                        h.deutsch(3)
                    }
                })
                .collect::<Vec<_>>()
                .join("  "),
        };
        let umbruch = satz::umbrechen(&wert, rechts - x - 290.0, Schnitt::Normal, 9.5);
        let name = satz::umbrechen(&r.name, 180.0, Schnitt::Normal, 9.5);
        s.platz(ZEILE * umbruch.len().max(name.len()) as f32);
        let y = s.y();
        for (k, z) in name.iter().enumerate() {
            s.text_abs(x, y + 10.0 + k as f32 * 12.0, z, Schnitt::Normal, 9.5, None);
        }
        s.text_abs(
            x + 190.0,
            y + 10.0,
            &zahl(r.stimmen),
            Schnitt::Normal,
            9.5,
            None,
        );
        for (k, z) in umbruch.iter().enumerate() {
            s.text_abs(
                x + 250.0,
                y + 10.0 + k as f32 * 12.0,
                z,
                Schnitt::Normal,
                9.5,
                None,
            );
        }
        let sitze = r.sitze.to_string();
        let b = metrik(Schnitt::Normal).breite(&sitze, 9.5);
        s.text_abs(rechts - b, y + 10.0, &sitze, Schnitt::Normal, 9.5, None);
        s.vorschub(12.0 * umbruch.len().max(name.len()) as f32 + 3.0);
    }
    if v.verfahren != Verfahren::HareNiemeyer {
        s.zeile(
            0.0,
            "* = Höchstzahl, auf die ein Sitz fällt",
            Schnitt::Normal,
            8.5,
            12.0,
        );
    }
    if let Some(p) = &v.los {
        text(
            s,
            &format!(
                "Gleichstand beim letzten Sitz ({}): {} um {} {} – das Los entscheidet.",
                p.wert.deutsch(4),
                p.gruppen.join(", "),
                p.sitze,
                if p.sitze == 1 { "Sitz" } else { "Sitze" }
            ),
        );
    }
}
