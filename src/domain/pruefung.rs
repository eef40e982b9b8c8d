//! The rules a Vorlage must satisfy, in one place: what makes a draft unsaveable
//! ([`Schwere::Fehler`]), what blocks its release ([`Schwere::Unvollstaendig`]) and what
//! merely deserves a look ([`Schwere::Hinweis`]).

use super::befund::{Befund, Schwere};
use super::beratungsfolge;
use super::finanzen::Finanzen;
use super::inhalt::VorlageInhalt;
use super::werte::{Klimarelevanz, Rolle, VorlageArt};
use crate::schriftvorrat;

/// Longest Betreff accepted (the reference papers' longest is under 100 characters).
pub const BETREFF_MAX: usize = 500;

/// What the rules need to know of an Anlage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnlageKurz {
    pub name: String,
    pub alternativenpruefung: bool,
}

/// Checks `inhalt` (normalised) with its Anlagen; returns the finance table in cents
/// (valid where no finding of [`Schwere::Fehler`] is present) and every finding.
pub fn pruefen(inhalt: &VorlageInhalt, anlagen: &[AnlageKurz]) -> (Finanzen, Vec<Befund>) {
    let mut b = Vec::new();
    let art = inhalt.art;
    let betreff = inhalt.betreff.trim();
    if betreff.is_empty() {
        b.push(Befund::unvollstaendig("betreff", "Betreff fehlt."));
    } else if betreff.contains('\n') {
        b.push(Befund::fehler(
            "betreff",
            "Betreff muss in eine Zeile passen (kein Zeilenumbruch).",
        ));
    } else if betreff.chars().count() > BETREFF_MAX {
        b.push(Befund::fehler(
            "betreff",
            format!("Betreff ist zu lang (höchstens {BETREFF_MAX} Zeichen)."),
        ));
    }
    if inhalt.verfasser.trim().is_empty() {
        b.push(Befund::unvollstaendig("verfasser", "Verfasser fehlt."));
    }
    let von_verwaltung = matches!(
        art,
        VorlageArt::Beschlussvorlage | VorlageArt::Mitteilungsvorlage
    );
    if von_verwaltung && inhalt.federfuehrend.trim().is_empty() {
        b.push(Befund::unvollstaendig(
            "federfuehrend",
            "Federführend fehlt: Welche Stelle ist federführend?",
        ));
    }

    if inhalt.beratungsfolge.is_empty() {
        b.push(Befund::unvollstaendig(
            "beratungsfolge",
            "Beratungsfolge fehlt: Tragen Sie mindestens ein Gremium ein.",
        ));
    }
    beratungsfolge::pruefen(&inhalt.beratungsfolge, &mut b);
    if art == VorlageArt::Beschlussvorlage
        && !inhalt.beratungsfolge.is_empty()
        && !inhalt
            .beratungsfolge
            .iter()
            .any(|s| s.rolle == Rolle::Entscheidung)
    {
        b.push(Befund::unvollstaendig(
            "beratungsfolge",
            "Beratungsfolge: Eine Beschlussvorlage braucht ein Gremium mit der Rolle „Entscheidung“.",
        ));
    }

    let (finanzen, fin_befunde) = inhalt.finanzen.pruefen();
    b.extend(fin_befunde);

    match inhalt.klimarelevanz {
        None if art == VorlageArt::Beschlussvorlage => b.push(Befund::unvollstaendig(
            "klimarelevanz",
            "Klimarelevanz: Wählen Sie eine der drei Angaben.",
        )),
        Some(Klimarelevanz::Negativ) if !anlagen.iter().any(|a| a.alternativenpruefung) => {
            b.push(Befund::unvollstaendig(
                "klimarelevanz",
                "Klimarelevanz: Bei negativer Klimawirkung muss die Alternativenprüfung als Anlage beigefügt und als „Alternativenprüfung“ markiert sein.",
            ))
        }
        _ => {}
    }

    if matches!(art, VorlageArt::Beschlussvorlage | VorlageArt::Antrag)
        && inhalt.beschlussvorschlag.trim().is_empty()
    {
        b.push(Befund::unvollstaendig(
            "beschlussvorschlag",
            "Beschlussvorschlag fehlt.",
        ));
    }
    if let Some(u) = &inhalt.unterschrift {
        b.extend(u.pruefen("unterzeichnung"));
    }
    if inhalt.sachverhalt.trim().is_empty() {
        b.push(Befund::unvollstaendig("sachverhalt", "Sachverhalt fehlt."));
    }
    druckbar_pruefen(inhalt, &mut b);
    b.sort_by_key(|x| std::cmp::Reverse(x.schwere));
    (finanzen, b)
}

/// A character no bundled font can print is a wrong value at its field: the draft is saved,
/// but it cannot be released (its PDF could never be made).
fn druckbar_pruefen(inhalt: &VorlageInhalt, b: &mut Vec<Befund>) {
    let mut pruefe = |feld: String, name: String, text: &str| {
        if let Some(m) = schriftvorrat::pruefen(&name, text) {
            b.push(Befund::fehler(feld, m));
        }
    };
    for (feld, name, text) in [
        ("betreff", "Betreff", &inhalt.betreff),
        ("verfasser", "Verfasser", &inhalt.verfasser),
        ("federfuehrend", "Federführend", &inhalt.federfuehrend),
        ("bearbeiter", "Bearbeiter/-in", &inhalt.bearbeiter),
        (
            "beschlussvorschlag",
            "Beschlussvorschlag",
            &inhalt.beschlussvorschlag,
        ),
        ("sachverhalt", "Sachverhalt", &inhalt.sachverhalt),
    ] {
        pruefe(feld.into(), name.into(), text);
    }
    for (i, s) in inhalt.beratungsfolge.iter().enumerate() {
        let nr = i + 1;
        pruefe(
            format!("beratungsfolge.{i}.gremium"),
            format!("Beratungsfolge, Schritt {nr}: Gremium"),
            &s.gremium,
        );
        pruefe(
            format!("beratungsfolge.{i}.ergebnis"),
            format!("Beratungsfolge, Schritt {nr}: Ergebnis"),
            &s.ergebnis,
        );
    }
    if let Some(u) = &inhalt.unterschrift {
        for (feld, name, text) in [
            ("behoerdenleitung", "Behördenleitung", &u.behoerdenleitung),
            ("name", "Name", &u.name),
            ("funktion", "Funktion", &u.funktion),
        ] {
            pruefe(
                format!("unterzeichnung.{feld}"),
                format!("Unterzeichnung, {name}"),
                text,
            );
        }
    }
}

/// Number of findings that block release (shown as a badge in the list).
pub fn offene(befunde: &[Befund]) -> usize {
    befunde
        .iter()
        .filter(|b| b.schwere >= Schwere::Unvollstaendig)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Beratungsschritt, FinanzenEingabe};

    fn vollstaendig() -> VorlageInhalt {
        VorlageInhalt {
            betreff: "Entsendung in die AG Integrationsräte".into(),
            verfasser: "Radojka Mühlenkamp".into(),
            federfuehrend: "Büro Integrationsrat".into(),
            beratungsfolge: vec![Beratungsschritt {
                gremium: "Integrationsrat".into(),
                rolle: Rolle::Entscheidung,
                datum: "2026-12-03".into(),
                ergebnis: String::new(),
            }],
            klimarelevanz: Some(Klimarelevanz::Keine),
            beschlussvorschlag: "Der Integrationsrat entsendet folgende Mitglieder …".into(),
            sachverhalt: "Die AG Integrationsräte tagt zweimal jährlich.".into(),
            ..Default::default()
        }
    }

    fn felder(i: &VorlageInhalt, a: &[AnlageKurz]) -> Vec<String> {
        pruefen(i, a).1.into_iter().map(|b| b.feld).collect()
    }

    #[test]
    fn complete_paper_has_no_findings() {
        assert!(felder(&vollstaendig(), &[]).is_empty());
    }

    #[test]
    fn empty_beschlussvorlage_names_every_missing_part() {
        let f = felder(&VorlageInhalt::default(), &[]);
        for feld in [
            "betreff",
            "verfasser",
            "federfuehrend",
            "beratungsfolge",
            "klimarelevanz",
            "beschlussvorschlag",
            "sachverhalt",
        ] {
            assert!(f.contains(&feld.to_string()), "{feld} fehlt in {f:?}");
        }
    }

    #[test]
    fn anfrage_needs_neither_federfuehrend_nor_beschlussvorschlag_nor_klima() {
        let mut i = vollstaendig();
        i.art = VorlageArt::Anfrage;
        i.federfuehrend.clear();
        i.beschlussvorschlag.clear();
        i.klimarelevanz = None;
        i.beratungsfolge[0].rolle = Rolle::Kenntnisnahme;
        assert!(felder(&i, &[]).is_empty());
    }

    #[test]
    fn beschlussvorlage_needs_an_entscheidung() {
        let mut i = vollstaendig();
        i.beratungsfolge[0].rolle = Rolle::Vorberatung;
        assert_eq!(felder(&i, &[]), ["beratungsfolge"]);
    }

    #[test]
    fn negative_klima_needs_a_marked_alternativenpruefung() {
        let mut i = vollstaendig();
        i.klimarelevanz = Some(Klimarelevanz::Negativ);
        let ohne = AnlageKurz {
            name: "Plan.pdf".into(),
            alternativenpruefung: false,
        };
        assert_eq!(felder(&i, std::slice::from_ref(&ohne)), ["klimarelevanz"]);
        let mit = AnlageKurz {
            name: "Alternativen.pdf".into(),
            alternativenpruefung: true,
        };
        assert!(felder(&i, &[ohne, mit]).is_empty());
    }

    #[test]
    fn a_character_no_font_has_is_a_wrong_value_at_its_field() {
        let mut i = vollstaendig();
        i.betreff = "Fest 👍🏽".into();
        i.beratungsfolge[0].gremium = "Rat 🏛".into();
        let (_, b) = pruefen(&i, &[]);
        let felder: Vec<(&str, Schwere)> = b.iter().map(|x| (x.feld.as_str(), x.schwere)).collect();
        assert_eq!(
            felder,
            [
                ("betreff", Schwere::Fehler),
                ("beratungsfolge.0.gremium", Schwere::Fehler)
            ]
        );
        assert!(
            b[0].meldung.starts_with("Betreff: Das Zeichen „👍“"),
            "{}",
            b[0].meldung
        );
        assert!(b[1]
            .meldung
            .starts_with("Beratungsfolge, Schritt 1: Gremium: Das Zeichen „🏛“"));
    }

    #[test]
    fn errors_sort_before_incomplete_parts_and_multiline_betreff_is_an_error() {
        let mut i = vollstaendig();
        i.betreff = "Zeile 1\nZeile 2".into();
        i.verfasser.clear();
        i.finanzen = FinanzenEingabe {
            aufwand_einmalig: "x".into(),
            ..Default::default()
        };
        let (_, b) = pruefen(&i, &[]);
        assert_eq!(b[0].schwere, Schwere::Fehler);
        assert_eq!(b.last().unwrap().schwere, Schwere::Unvollstaendig);
        assert_eq!(offene(&b), b.len());
    }
}
