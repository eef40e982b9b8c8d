//! The Wahlniederschrift: the counts of each Wahlgang, the computation (quotas and
//! remainders, or the Höchstzahlen), every lot, the result, signed by the chair and the
//! Schriftführer/-in.

use crate::domain::gremium;
use crate::domain::wahl::{Schritt, Verfahren, WahlArt, Wahlgang};
use crate::domain::{datum, Buero};
use crate::domain::{SitzungAkte, WahlAkte};
use crate::pdf::niederschrift::{angaben, kopf, name_vorsitz, rahmen, speichern, unterschriften};
use crate::pdf::pdfa::Metadaten;
use crate::pdf::satz;
use crate::pdf::schrift::{metrik, Schnitt, Schriften};
use crate::pdf::seiten::{Rand, Seiten, A4_BREITE};
use crate::pdf::vorlage::{abschnitt, text};
use crate::pdf::PdfFehler;
use chrono::NaiveDateTime;
use printpdf::PdfDocument;

const TEXT: f32 = 10.5;
const ZEILE: f32 = 14.0;

/// "1.234": thousands separated by a point, as German tables write counts.
fn zahl(n: u64) -> String {
    crate::domain::betrag::tausender(n)
}

/// The Wahlniederschrift.
pub fn wahlniederschrift(
    akte: &WahlAkte,
    sitzung: &SitzungAkte,
    buero: &Buero,
    gedruckt: NaiveDateTime,
) -> Result<Vec<u8>, PdfFehler> {
    let titel = format!("Wahlniederschrift: {}", akte.daten.titel);
    crate::pdf::schrift::pruefen("Wahl", &titel)?;
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
        crate::pdf::schrift::pruefen("Bewerber", n)?;
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
                gremium::genitiv(&akte.gremium),
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
    let vorsitz = name_vorsitz(sitzung);
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
