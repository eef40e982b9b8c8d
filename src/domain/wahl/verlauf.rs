//! The course of one Wahl: from its ballots and lots to who is elected, or to what must
//! happen next (count a ballot, hold a run-off, draw a lot). Also the checks of a count
//! and the app's own draw (a recorded seed makes it repeatable).

use super::einzelwahl::{einzelwahl, Ausgang, EinzelErgebnis, Einzelstimmen, Wahlgang};
use super::sitzverteilung::{verteilen, Gruppe, Sitzverteilung, Verfahren};
use crate::domain::befund::Befund;
use crate::domain::werte::{wertliste, UnbekannterWert};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

wertliste!(
    /// The kind of a Wahl (§ 50 Abs. 2–4 GO NRW).
    WahlArt {
        Einheitlich = "einheitlich", "einheitlicher Wahlvorschlag";
        Einzel = "einzel", "Einzelwahl";
        Liste = "liste", "Listenwahl";
    }
);

/// A list with its candidates in list order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Vorschlag {
    pub name: String,
    pub kandidaten: Vec<String>,
}

/// The count of one ballot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Zaehlung {
    pub gang: Wahlgang,
    pub abgegeben: u64,
    pub ungueltig: u64,
    pub enthaltungen: u64,
    pub nein: u64,
    /// Votes per option: a candidate (Einzelwahl) or a list (Listenwahl, joint list).
    pub stimmen: Vec<(String, u64)>,
}

/// A draw by lot, after ballot `nach_gang` (1-based).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Losziehung {
    pub nach_gang: u32,
    pub zwischen: Vec<String>,
    pub plaetze: u32,
    pub ergebnis: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wahlvorgabe {
    pub art: WahlArt,
    pub sitze: u32,
    pub verfahren: Verfahren,
    /// Joint list: a majority suffices (otherwise it must be unanimous).
    pub einheitlich_mehrheit: bool,
    /// Each seat has a personal deputy: a list names pairs (member, deputy) in order.
    pub stellvertreter: bool,
    pub vorschlaege: Vec<Vorschlag>,
    /// Candidates of an Einzelwahl.
    pub kandidaten: Vec<String>,
}

/// What happens next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "art", rename_all = "lowercase")]
pub enum Schritt {
    /// Count ballot `nr` (`gang`) with these options.
    Zaehlung {
        nr: u32,
        gang: Wahlgang,
        optionen: Vec<String>,
    },
    /// Draw `plaetze` among `zwischen` (after ballot `nach_gang`).
    Los {
        nach_gang: u32,
        zwischen: Vec<String>,
        plaetze: u32,
    },
    Fertig,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WahlStand {
    pub schritt: Schritt,
    /// Elected, in order (list seats in the order they fall).
    pub gewaehlt: Vec<String>,
    /// The personal deputy of each elected member (same order), where the Wahl has them.
    pub stellvertretung: Vec<String>,
    /// Per ballot of a one-person election, its outcome.
    pub einzel: Vec<EinzelErgebnis>,
    #[serde(skip)]
    pub verteilung: Option<Sitzverteilung>,
    /// Seats per list after the lot.
    pub sitze_je_liste: Vec<(String, u32)>,
    pub befunde: Vec<Befund>,
}

impl WahlStand {
    fn neu(schritt: Schritt) -> Self {
        WahlStand {
            schritt,
            gewaehlt: Vec::new(),
            stellvertretung: Vec::new(),
            einzel: Vec::new(),
            verteilung: None,
            sitze_je_liste: Vec::new(),
            befunde: Vec::new(),
        }
    }
}

impl WahlStand {
    /// The elected as a numbered list, each with their deputy where there is one:
    /// "1. Ayşe Yılmaz (persönliche Stellvertretung: Thị Hồng Nguyễn)".
    pub fn gewaehlte_liste(&self, vertretung: &str) -> Vec<String> {
        self.gewaehlt
            .iter()
            .enumerate()
            .map(|(i, n)| match self.stellvertretung.get(i) {
                Some(v) if !v.is_empty() => format!("{}. {n} ({vertretung}: {v})", i + 1),
                _ => format!("{}. {n}", i + 1),
            })
            .collect()
    }
}

/// The options a ballot of this Wahl offers.
pub fn optionen(v: &Wahlvorgabe) -> Vec<String> {
    match v.art {
        WahlArt::Einzel => v.kandidaten.clone(),
        _ => v.vorschlaege.iter().map(|w| w.name.clone()).collect(),
    }
}

fn los_nach(lose: &[Losziehung], gang: u32) -> Option<&Losziehung> {
    lose.iter().find(|l| l.nach_gang == gang)
}

/// Follows the ballots and lots recorded so far.
pub fn stand(v: &Wahlvorgabe, gaenge: &[Zaehlung], lose: &[Losziehung]) -> WahlStand {
    let erster = || Schritt::Zaehlung {
        nr: 1,
        gang: Wahlgang::Erster,
        optionen: optionen(v),
    };
    let Some(g1) = gaenge.first() else {
        return WahlStand::neu(erster());
    };
    let stimmen_von = |g: &Zaehlung, name: &str| {
        g.stimmen
            .iter()
            .find(|(n, _)| n == name)
            .map_or(0, |(_, s)| *s)
    };
    match v.art {
        WahlArt::Einheitlich => {
            let mut st = WahlStand::neu(Schritt::Fertig);
            let liste = v.vorschlaege.first();
            let ja = liste.map_or(0, |l| stimmen_von(g1, &l.name));
            let angenommen = if v.einheitlich_mehrheit {
                ja > g1.nein
            } else {
                ja > 0 && g1.nein == 0
            };
            if angenommen {
                let kandidaten = liste.map(|l| l.kandidaten.as_slice()).unwrap_or_default();
                for k in 0..v.sitze as usize {
                    if let Some((mitglied, vertretung)) = platz(kandidaten, k, v.stellvertreter) {
                        st.gewaehlt.push(mitglied);
                        st.stellvertretung.extend(vertretung);
                    }
                }
            } else {
                st.befunde.push(Befund::hinweis("ergebnis", if v.einheitlich_mehrheit {
                    "Der einheitliche Wahlvorschlag hat keine Mehrheit; es folgt eine Listenwahl nach § 50 Abs. 3 GO NRW."
                } else {
                    "Der einheitliche Wahlvorschlag ist nicht einstimmig angenommen; es folgt eine Listenwahl nach § 50 Abs. 3 GO NRW."
                }));
            }
            st
        }
        WahlArt::Einzel => {
            let mut st = WahlStand::neu(Schritt::Fertig);
            let zu = |g: &Zaehlung| Einzelstimmen {
                kandidaten: g.stimmen.clone(),
                nein: g.nein,
                enthaltungen: g.enthaltungen,
                ungueltig: g.ungueltig,
            };
            let Ok(e1) = einzelwahl(Wahlgang::Erster, &zu(g1)) else {
                return WahlStand::neu(erster());
            };
            st.einzel.push(e1.clone());
            let mut stichwahl = e1.stichwahl.clone().unwrap_or_default();
            match e1.ergebnis {
                Ausgang::Gewaehlt => {
                    st.gewaehlt = e1.gewaehlt.into_iter().collect();
                    return st;
                }
                Ausgang::NichtGewaehlt => return st,
                Ausgang::Los => match los_nach(lose, 1) {
                    Some(l) => stichwahl.extend(l.ergebnis.iter().cloned()),
                    None => {
                        st.schritt = Schritt::Los {
                            nach_gang: 1,
                            zwischen: e1.los.unwrap_or_default(),
                            plaetze: e1.los_plaetze.unwrap_or(1),
                        };
                        return st;
                    }
                },
                Ausgang::Stichwahl => {}
            }
            let Some(g2) = gaenge.get(1) else {
                st.schritt = Schritt::Zaehlung {
                    nr: 2,
                    gang: Wahlgang::Engere,
                    optionen: stichwahl,
                };
                return st;
            };
            let Ok(e2) = einzelwahl(Wahlgang::Engere, &zu(g2)) else {
                return st;
            };
            st.einzel.push(e2.clone());
            match e2.ergebnis {
                Ausgang::Gewaehlt => st.gewaehlt = e2.gewaehlt.into_iter().collect(),
                Ausgang::Los => match los_nach(lose, 2) {
                    Some(l) => st.gewaehlt = l.ergebnis.clone(),
                    None => {
                        st.schritt = Schritt::Los {
                            nach_gang: 2,
                            zwischen: e2.los.unwrap_or_default(),
                            plaetze: 1,
                        }
                    }
                },
                _ => st.befunde.push(Befund::hinweis(
                    "ergebnis",
                    "In der engeren Wahl ist niemand gewählt.",
                )),
            }
            st
        }
        WahlArt::Liste => {
            let mut st = WahlStand::neu(Schritt::Fertig);
            let gruppen: Vec<Gruppe> = v
                .vorschlaege
                .iter()
                .map(|w| Gruppe {
                    name: w.name.clone(),
                    stimmen: stimmen_von(g1, &w.name),
                })
                .collect();
            let verteilung = match verteilen(v.verfahren, v.sitze, &gruppen) {
                Ok(x) => x,
                Err(e) => {
                    st.befunde.push(Befund::fehler("stimmen", e.to_string()));
                    return st;
                }
            };
            let mut sitze = verteilung.verteilung.clone();
            let mut reihe: Vec<String> = verteilung
                .reihenfolge
                .iter()
                .map(|z| z.gruppe.clone())
                .collect();
            if let Some(p) = &verteilung.los {
                match los_nach(lose, 1) {
                    Some(l) => {
                        for name in &l.ergebnis {
                            if let Some(s) = sitze.iter_mut().find(|(n, _)| n == name) {
                                s.1 += 1;
                            }
                            reihe.push(name.clone());
                        }
                    }
                    None => {
                        st.schritt = Schritt::Los {
                            nach_gang: 1,
                            zwischen: p.gruppen.clone(),
                            plaetze: p.sitze,
                        };
                        st.verteilung = Some(verteilung);
                        st.sitze_je_liste = sitze;
                        return st;
                    }
                }
            }
            // The seats of each list go to its candidates in list order, as the seats fall.
            let mut naechster = vec![0usize; v.vorschlaege.len()];
            for liste in &reihe {
                let i = v
                    .vorschlaege
                    .iter()
                    .position(|w| &w.name == liste)
                    .expect("Liste");
                match platz(&v.vorschlaege[i].kandidaten, naechster[i], v.stellvertreter) {
                    Some((k, vertretung)) => {
                        st.gewaehlt.push(k);
                        st.stellvertretung.extend(vertretung);
                    }
                    None => st.befunde.push(Befund::hinweis("kandidaten", format!("Der Wahlvorschlag „{liste}“ hat weniger Bewerber als Sitze; ein Sitz bleibt unbesetzt."))),
                }
                naechster[i] += 1;
            }
            st.verteilung = Some(verteilung);
            st.sitze_je_liste = sitze;
            st
        }
    }
}

/// The `k`-th seat of a list: its k-th candidate, or with deputies the k-th pair
/// (member, deputy).
fn platz(
    kandidaten: &[String],
    k: usize,
    stellvertreter: bool,
) -> Option<(String, Option<String>)> {
    if stellvertreter {
        let m = kandidaten.get(2 * k)?;
        Some((
            m.clone(),
            Some(kandidaten.get(2 * k + 1).cloned().unwrap_or_default()),
        ))
    } else {
        kandidaten.get(k).map(|m| (m.clone(), None))
    }
}

/// Checks a count before it is recorded: options of this ballot only, each once; the
/// votes not more than the ballots cast; the ballots not more than the members present
/// with a voting right (`anwesend`, when attendance is recorded), and never more than
/// the Gremium's members with a voting right (`mitglieder`), also before attendance is
/// recorded.
pub fn zaehlung_pruefen(
    z: &Zaehlung,
    optionen: &[String],
    anwesend: Option<u64>,
    mitglieder: u64,
) -> Vec<Befund> {
    let mut b = Vec::new();
    for (i, (name, _)) in z.stimmen.iter().enumerate() {
        if !optionen.contains(name) {
            b.push(Befund::fehler(
                "stimmen",
                format!("„{name}“ steht in diesem Wahlgang nicht zur Wahl."),
            ));
        }
        if z.stimmen[..i].iter().any(|(n, _)| n == name) {
            b.push(Befund::fehler(
                "stimmen",
                format!("„{name}“ ist doppelt angegeben."),
            ));
        }
    }
    let summe: u64 =
        z.stimmen.iter().map(|(_, s)| s).sum::<u64>() + z.nein + z.enthaltungen + z.ungueltig;
    if summe > z.abgegeben {
        b.push(Befund::fehler("abgegeben", format!(
            "Stimmen, Nein, Enthaltungen und ungültige zusammen ({summe}) sind mehr als die abgegebenen Stimmzettel ({}).",
            z.abgegeben
        )));
    } else if summe < z.abgegeben {
        b.push(Befund::hinweis("abgegeben", format!(
            "{} Stimmzettel sind keiner Stimme, keinem Nein, keiner Enthaltung und keinem ungültigen zugeordnet.",
            z.abgegeben - summe
        )));
    }
    match anwesend {
        Some(n) if z.abgegeben > n => b.push(Befund::fehler("abgegeben", format!(
            "Abgegebene Stimmzettel ({}) sind mehr als anwesende stimmberechtigte Mitglieder ({n}).",
            z.abgegeben
        ))),
        None if z.abgegeben > mitglieder => b.push(Befund::fehler("abgegeben", format!(
            "Abgegebene Stimmzettel ({}) sind mehr, als das Gremium stimmberechtigte Mitglieder hat ({mitglieder}).",
            z.abgegeben
        ))),
        _ => {}
    }
    b
}

/// The app's own draw: a shuffle of `zwischen` by SplitMix64 from `seed`, the first
/// `plaetze` win. The seed is recorded, so anyone can repeat the draw.
pub fn los_ziehen(zwischen: &[String], plaetze: u32, seed: u64) -> Vec<String> {
    let mut zustand = seed;
    let mut naechste = || {
        zustand = zustand.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = zustand;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut reihe: Vec<String> = zwischen.to_vec();
    for i in (1..reihe.len()).rev() {
        let j = (naechste() % (i as u64 + 1)) as usize;
        reihe.swap(i, j);
    }
    reihe.truncate(plaetze as usize);
    reihe
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gang(gang: Wahlgang, stimmen: &[(&str, u64)], nein: u64) -> Zaehlung {
        let s: Vec<(String, u64)> = stimmen.iter().map(|(n, v)| (n.to_string(), *v)).collect();
        let summe = s.iter().map(|x| x.1).sum::<u64>() + nein;
        Zaehlung {
            gang,
            abgegeben: summe,
            ungueltig: 0,
            enthaltungen: 0,
            nein,
            stimmen: s,
        }
    }

    #[test]
    fn einzelwahl_through_run_off_and_lot() {
        let v = Wahlvorgabe {
            art: WahlArt::Einzel,
            sitze: 1,
            verfahren: Verfahren::HareNiemeyer,
            einheitlich_mehrheit: false,
            stellvertreter: false,
            vorschlaege: vec![],
            kandidaten: vec!["A".into(), "B".into(), "C".into()],
        };
        assert!(matches!(
            stand(&v, &[], &[]).schritt,
            Schritt::Zaehlung { nr: 1, .. }
        ));
        let g1 = gang(Wahlgang::Erster, &[("A", 4), ("B", 3), ("C", 3)], 0);
        let s = stand(&v, std::slice::from_ref(&g1), &[]);
        assert_eq!(
            s.schritt,
            Schritt::Los {
                nach_gang: 1,
                zwischen: vec!["B".into(), "C".into()],
                plaetze: 1
            }
        );
        let los = Losziehung {
            nach_gang: 1,
            zwischen: vec!["B".into(), "C".into()],
            plaetze: 1,
            ergebnis: vec!["C".into()],
        };
        let s = stand(&v, std::slice::from_ref(&g1), std::slice::from_ref(&los));
        assert_eq!(
            s.schritt,
            Schritt::Zaehlung {
                nr: 2,
                gang: Wahlgang::Engere,
                optionen: vec!["A".into(), "C".into()]
            }
        );
        let g2 = gang(Wahlgang::Engere, &[("A", 5), ("C", 5)], 0);
        let s = stand(&v, &[g1.clone(), g2.clone()], std::slice::from_ref(&los));
        assert!(matches!(s.schritt, Schritt::Los { nach_gang: 2, .. }));
        let los2 = Losziehung {
            nach_gang: 2,
            zwischen: vec!["A".into(), "C".into()],
            plaetze: 1,
            ergebnis: vec!["A".into()],
        };
        let s = stand(&v, &[g1, g2], &[los, los2]);
        assert_eq!(
            (s.schritt, s.gewaehlt),
            (Schritt::Fertig, vec!["A".to_string()])
        );
    }

    #[test]
    fn list_seats_go_to_candidates_in_list_order() {
        let v = Wahlvorgabe {
            art: WahlArt::Liste,
            sitze: 3,
            verfahren: Verfahren::HareNiemeyer,
            einheitlich_mehrheit: false,
            stellvertreter: false,
            kandidaten: vec![],
            vorschlaege: vec![
                Vorschlag {
                    name: "Liste Vielfalt".into(),
                    kandidaten: vec!["Ayşe".into(), "Thị".into()],
                },
                Vorschlag {
                    name: "Internationale Liste".into(),
                    kandidaten: vec!["Łukasz".into(), "Ștefan".into()],
                },
            ],
        };
        let g = gang(
            Wahlgang::Erster,
            &[("Liste Vielfalt", 10), ("Internationale Liste", 5)],
            0,
        );
        let s = stand(&v, &[g], &[]);
        // Hare/Niemeyer: 2 and 1 seats, falling as 2/1, 2/2 and 1/1 (equal values keep list order).
        assert_eq!(s.gewaehlt, ["Ayşe", "Thị", "Łukasz"]);
        assert_eq!(
            s.sitze_je_liste,
            [
                ("Liste Vielfalt".to_string(), 2),
                ("Internationale Liste".to_string(), 1)
            ]
        );
    }

    #[test]
    fn with_deputies_a_list_names_pairs_and_each_seat_takes_one() {
        let v = Wahlvorgabe {
            art: WahlArt::Liste,
            sitze: 2,
            verfahren: Verfahren::DHondt,
            einheitlich_mehrheit: false,
            stellvertreter: true,
            kandidaten: vec![],
            vorschlaege: vec![
                Vorschlag {
                    name: "L1".into(),
                    kandidaten: ["A", "a", "B", "b"].map(String::from).to_vec(),
                },
                Vorschlag {
                    name: "L2".into(),
                    kandidaten: ["C", "c"].map(String::from).to_vec(),
                },
            ],
        };
        let s = stand(
            &v,
            &[gang(Wahlgang::Erster, &[("L1", 9), ("L2", 2)], 0)],
            &[],
        );
        assert_eq!(
            (s.gewaehlt, s.stellvertretung),
            (
                vec!["A".to_string(), "B".to_string()],
                vec!["a".to_string(), "b".to_string()]
            )
        );
    }

    #[test]
    fn before_attendance_the_ballots_are_counted_against_the_members_with_a_vote() {
        let z = Zaehlung {
            gang: Wahlgang::Erster,
            abgegeben: 9,
            ungueltig: 0,
            enthaltungen: 0,
            nein: 0,
            stimmen: vec![("A".into(), 9)],
        };
        let b = zaehlung_pruefen(&z, &["A".into()], None, 8);
        assert_eq!(b.len(), 1, "{b:?}");
        assert_eq!(
            b[0].meldung,
            "Abgegebene Stimmzettel (9) sind mehr, als das Gremium stimmberechtigte Mitglieder hat (8)."
        );
        assert!(zaehlung_pruefen(&z, &["A".into()], None, 9).is_empty());
    }

    #[test]
    fn count_checks_and_a_repeatable_draw() {
        let z = Zaehlung {
            gang: Wahlgang::Erster,
            abgegeben: 5,
            ungueltig: 1,
            enthaltungen: 0,
            nein: 0,
            stimmen: vec![("A".into(), 4), ("X".into(), 1)],
        };
        let b = zaehlung_pruefen(&z, &["A".into()], Some(4), 20);
        let m: Vec<&str> = b.iter().map(|b| b.meldung.as_str()).collect();
        assert!(
            m.contains(&"„X“ steht in diesem Wahlgang nicht zur Wahl."),
            "{m:?}"
        );
        assert!(
            m.iter()
                .any(|t| t.contains("(6) sind mehr als die abgegebenen Stimmzettel (5)")),
            "{m:?}"
        );
        assert!(
            m.iter()
                .any(|t| t.contains("mehr als anwesende stimmberechtigte Mitglieder (4)")),
            "{m:?}"
        );
        let n: Vec<String> = ["A", "B", "C", "D"].iter().map(|s| s.to_string()).collect();
        assert_eq!(los_ziehen(&n, 2, 42), los_ziehen(&n, 2, 42));
        assert_eq!(los_ziehen(&n, 2, 42).len(), 2);
        let verschieden: std::collections::BTreeSet<Vec<String>> =
            (0..50).map(|s| los_ziehen(&n, 1, s)).collect();
        assert_eq!(verschieden.len(), 4, "jeder kann gezogen werden");
    }
}
