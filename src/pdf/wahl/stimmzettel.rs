//! The Stimmzettel of the ballot that is due: one box per option, one, two or four
//! ballots to an A4 sheet with cut lines, long ballots continued on the next page.

use crate::domain::datum;
use crate::domain::wahl::{Schritt, WahlArt, Wahlgang};
use crate::domain::WahlAkte;
use crate::pdf::niederschrift::speichern;
use crate::pdf::pdfa::Metadaten;
use crate::pdf::satz;
use crate::pdf::schrift::{Schnitt, Schriften};
use crate::pdf::seiten::{Rand, Seiten, A4_BREITE, A4_HOEHE};
use crate::pdf::PdfFehler;
use chrono::NaiveDateTime;
use printpdf::PdfDocument;

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
        crate::pdf::schrift::pruefen("Stimmzettel", t)?;
    }
    for o in &z.optionen {
        crate::pdf::schrift::pruefen("Stimmzettel", &o.text)?;
        for k in &o.klein {
            crate::pdf::schrift::pruefen("Stimmzettel", k)?;
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
