//! The election of one person (§ 50 Abs. 2 GO NRW).
//!
//! First ballot: elected is who has more than half of the valid votes; No votes are valid,
//! abstentions and invalid ballots are not. Otherwise an engere Wahl (run-off) between the
//! two with the most votes follows; equal votes for a run-off place are decided by lot.
//! In the run-off the simple majority wins; a tie is decided by lot. With a single
//! candidate who misses the majority, the run-off is a second ballot on that candidate,
//! in which more Yes than No votes elect.

use crate::domain::werte::{wertliste, UnbekannterWert};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

wertliste!(
    /// Which ballot of an election.
    Wahlgang {
        Erster = "erster", "1. Wahlgang";
        Engere = "engere", "engere Wahl";
    }
);

wertliste!(
    /// What a ballot decided.
    Ausgang {
        Gewaehlt = "gewaehlt", "gewählt";
        Stichwahl = "stichwahl", "engere Wahl erforderlich";
        Los = "los", "Losentscheid erforderlich";
        NichtGewaehlt = "nicht_gewaehlt", "nicht gewählt";
    }
);

/// The count of one ballot.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Einzelstimmen {
    /// Each candidate and their votes (in a one-candidate ballot: the Yes votes).
    pub kandidaten: Vec<(String, u64)>,
    pub nein: u64,
    pub enthaltungen: u64,
    pub ungueltig: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EinzelErgebnis {
    pub ergebnis: Ausgang,
    pub gewaehlt: Option<String>,
    /// Who stands in the run-off (those already certain when a lot decides the rest).
    pub stichwahl: Option<Vec<String>>,
    /// Between whom the lot draws …
    pub los: Option<Vec<String>>,
    /// … and how many places it gives (run-off places, or the seat).
    pub los_plaetze: Option<u32>,
    /// Valid votes (candidates + No) and the votes needed for "more than half".
    pub gueltig: u64,
    pub erforderlich: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EinzelFehler {
    #[error("Es ist kein Bewerber und keine Bewerberin angegeben.")]
    KeinKandidat,
    #[error("„{0}“ ist doppelt angegeben.")]
    Doppelt(String),
    #[error("In der engeren Wahl stehen höchstens zwei Personen zur Wahl, nicht {0}.")]
    ZuVieleEngere(usize),
}

/// Decides one ballot.
pub fn einzelwahl(gang: Wahlgang, s: &Einzelstimmen) -> Result<EinzelErgebnis, EinzelFehler> {
    if s.kandidaten.is_empty() {
        return Err(EinzelFehler::KeinKandidat);
    }
    for (i, (n, _)) in s.kandidaten.iter().enumerate() {
        if s.kandidaten[..i].iter().any(|(m, _)| m == n) {
            return Err(EinzelFehler::Doppelt(n.clone()));
        }
    }
    let gueltig = s.kandidaten.iter().map(|(_, v)| v).sum::<u64>() + s.nein;
    let erforderlich = gueltig / 2 + 1;
    let mut e = EinzelErgebnis {
        ergebnis: Ausgang::NichtGewaehlt,
        gewaehlt: None,
        stichwahl: None,
        los: None,
        los_plaetze: None,
        gueltig,
        erforderlich,
    };
    let namen = |v: &[&(String, u64)]| v.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    let mut sortiert: Vec<&(String, u64)> = s.kandidaten.iter().collect();
    sortiert.sort_by_key(|k| std::cmp::Reverse(k.1));
    match gang {
        Wahlgang::Erster => {
            let (erster, stimmen) = sortiert[0];
            if 2 * stimmen > gueltig {
                e.ergebnis = Ausgang::Gewaehlt;
                e.gewaehlt = Some(erster.clone());
            } else if sortiert.len() == 1 {
                e.ergebnis = Ausgang::Stichwahl;
                e.stichwahl = Some(vec![erster.clone()]);
            } else {
                let oben: Vec<_> = sortiert
                    .iter()
                    .copied()
                    .filter(|k| k.1 == *stimmen)
                    .collect();
                if oben.len() == 2 {
                    e.ergebnis = Ausgang::Stichwahl;
                    e.stichwahl = Some(namen(&oben));
                } else if oben.len() > 2 {
                    e.ergebnis = Ausgang::Los;
                    e.los = Some(namen(&oben));
                    e.los_plaetze = Some(2);
                } else {
                    let zweite = sortiert[1].1;
                    let dahinter: Vec<_> = sortiert[1..]
                        .iter()
                        .copied()
                        .filter(|k| k.1 == zweite)
                        .collect();
                    if dahinter.len() == 1 {
                        e.ergebnis = Ausgang::Stichwahl;
                        e.stichwahl = Some(vec![erster.clone(), dahinter[0].0.clone()]);
                    } else {
                        e.ergebnis = Ausgang::Los;
                        e.stichwahl = Some(vec![erster.clone()]);
                        e.los = Some(namen(&dahinter));
                        e.los_plaetze = Some(1);
                    }
                }
            }
        }
        Wahlgang::Engere => match sortiert.as_slice() {
            [(name, ja)] => {
                if *ja > s.nein {
                    e.ergebnis = Ausgang::Gewaehlt;
                    e.gewaehlt = Some(name.clone());
                }
            }
            [a, b] => {
                if a.1 > b.1 {
                    e.ergebnis = Ausgang::Gewaehlt;
                    e.gewaehlt = Some(a.0.clone());
                } else {
                    e.ergebnis = Ausgang::Los;
                    e.los = Some(namen(&[a, b]));
                    e.los_plaetze = Some(1);
                }
            }
            mehr => return Err(EinzelFehler::ZuVieleEngere(mehr.len())),
        },
    }
    Ok(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(k: &[(&str, u64)], nein: u64, enth: u64) -> Einzelstimmen {
        Einzelstimmen {
            kandidaten: k.iter().map(|(n, v)| (n.to_string(), *v)).collect(),
            nein,
            enthaltungen: enth,
            ungueltig: 0,
        }
    }

    #[test]
    fn more_than_half_of_the_valid_votes_no_counts_abstentions_do_not() {
        // 5 of 9 valid (4 No): elected, although 5 of 14 ballots.
        let e = einzelwahl(Wahlgang::Erster, &st(&[("Ayşe", 5)], 4, 5)).unwrap();
        assert_eq!(
            (e.ergebnis, e.gewaehlt.as_deref(), e.gueltig, e.erforderlich),
            (Ausgang::Gewaehlt, Some("Ayşe"), 9, 5)
        );
        // 5 of 10 valid is exactly half: not more than half.
        let e = einzelwahl(Wahlgang::Erster, &st(&[("A", 5), ("B", 3)], 2, 0)).unwrap();
        assert_eq!(e.ergebnis, Ausgang::Stichwahl);
        assert_eq!(e.stichwahl.unwrap(), ["A", "B"]);
    }

    #[test]
    fn ties_for_run_off_places_and_in_the_run_off_go_to_the_lot() {
        let e = einzelwahl(Wahlgang::Erster, &st(&[("A", 5), ("B", 3), ("C", 3)], 0, 0)).unwrap();
        assert_eq!(
            (
                e.ergebnis,
                e.stichwahl.unwrap(),
                e.los.unwrap(),
                e.los_plaetze
            ),
            (
                Ausgang::Los,
                vec!["A".to_string()],
                vec!["B".to_string(), "C".to_string()],
                Some(1)
            )
        );
        let e = einzelwahl(Wahlgang::Erster, &st(&[("A", 3), ("B", 3), ("C", 3)], 1, 0)).unwrap();
        assert_eq!((e.ergebnis, e.los_plaetze), (Ausgang::Los, Some(2)));
        let e = einzelwahl(Wahlgang::Engere, &st(&[("A", 6), ("B", 6)], 0, 1)).unwrap();
        assert_eq!((e.ergebnis, e.los.unwrap().len()), (Ausgang::Los, 2));
        let e = einzelwahl(Wahlgang::Engere, &st(&[("A", 6), ("B", 5)], 0, 1)).unwrap();
        assert_eq!(e.gewaehlt.as_deref(), Some("A"));
    }

    #[test]
    fn a_single_candidate_missing_the_majority_faces_a_second_ballot() {
        let e = einzelwahl(Wahlgang::Erster, &st(&[("A", 4)], 4, 1)).unwrap();
        assert_eq!(
            (e.ergebnis, e.stichwahl.unwrap()),
            (Ausgang::Stichwahl, vec!["A".to_string()])
        );
        let e = einzelwahl(Wahlgang::Engere, &st(&[("A", 4)], 4, 1)).unwrap();
        assert_eq!(e.ergebnis, Ausgang::NichtGewaehlt);
        assert!(einzelwahl(Wahlgang::Engere, &st(&[("A", 1), ("B", 1), ("C", 1)], 0, 0)).is_err());
        assert_eq!(
            einzelwahl(Wahlgang::Erster, &st(&[("A", 1), ("A", 2)], 0, 0))
                .unwrap_err()
                .to_string(),
            "„A“ ist doppelt angegeben."
        );
    }
}
