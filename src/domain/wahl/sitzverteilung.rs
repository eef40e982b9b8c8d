//! Apportionment of seats among lists (§ 50 Abs. 3 and 4 GO NRW): Hare/Niemeyer (largest
//! remainder, the NRW default), d'Hondt and Sainte-Laguë/Schepers (divisor methods).
//!
//! Exact arithmetic only. The result gives the seats that are certain, and — where equal
//! remainders or equal Höchstzahlen compete for the last seat(s) — the tied lists and how
//! many seats the lot must give among them; nothing is decided silently. `reihenfolge`
//! lists the certain seats in the order they fall (the Zugriffsreihenfolge): for divisor
//! methods by Höchstzahl, for Hare/Niemeyer by seats ÷ 1, 2, 3 …; equal values keep the
//! order in which the lists were given. This is the convention of the Munich reference
//! cases (testdata/sitzverteilung-muenchen), which the tests pass exactly.

use super::bruch::Bruch;
use crate::domain::werte::{wertliste, UnbekannterWert};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

wertliste!(
    /// How seats are apportioned.
    Verfahren {
        HareNiemeyer = "hare-niemeyer", "Hare/Niemeyer";
        DHondt = "dhondt", "d'Hondt";
        SainteLague = "sainte-lague", "Sainte-Laguë/Schepers";
    }
);

/// A list (Wahlvorschlag, Fraktion) and its votes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gruppe {
    pub name: String,
    pub stimmen: u64,
}

/// Equal remainders or Höchstzahlen at the last seat(s): the lot gives `sitze` seats among
/// `gruppen`; `wert` is the remainder or Höchstzahl they share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Patt {
    pub gruppen: Vec<String>,
    pub sitze: u32,
    pub wert: Bruch,
}

/// One certain seat in the order seats fall.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Zuteilung {
    pub gruppe: String,
    pub wert: Bruch,
}

/// The computation per list, for the Wahlniederschrift: the quota and its remainder
/// (Hare/Niemeyer) or the Höchstzahlen (divisor methods, the first `sitze + 1`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rechnung {
    pub name: String,
    pub stimmen: u64,
    pub quote: Option<Bruch>,
    pub hoechstzahlen: Vec<Bruch>,
    pub sitze: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sitzverteilung {
    pub verfahren: Verfahren,
    pub sitze: u32,
    /// Certain seats per list, in the order the lists were given.
    pub verteilung: Vec<(String, u32)>,
    pub los: Option<Patt>,
    pub reihenfolge: Vec<Zuteilung>,
    pub rechnung: Vec<Rechnung>,
}

/// Why the seats cannot be apportioned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerteilungFehler {
    #[error("Sitze: Es muss mindestens ein Sitz zu vergeben sein.")]
    KeineSitze,
    #[error("Es ist kein Wahlvorschlag angegeben.")]
    KeineGruppe,
    #[error("Der Wahlvorschlag „{0}“ ist doppelt angegeben.")]
    Doppelt(String),
    #[error("Ein Wahlvorschlag hat keinen Namen.")]
    OhneName,
    #[error("Kein Wahlvorschlag hat eine Stimme erhalten; es gibt nichts zu verteilen.")]
    KeineStimmen,
}

/// Apportions `sitze` seats among `gruppen` by `verfahren`.
pub fn verteilen(
    verfahren: Verfahren,
    sitze: u32,
    gruppen: &[Gruppe],
) -> Result<Sitzverteilung, VerteilungFehler> {
    if sitze == 0 {
        return Err(VerteilungFehler::KeineSitze);
    }
    if gruppen.is_empty() {
        return Err(VerteilungFehler::KeineGruppe);
    }
    for (i, g) in gruppen.iter().enumerate() {
        if g.name.trim().is_empty() {
            return Err(VerteilungFehler::OhneName);
        }
        if gruppen[..i].iter().any(|h| h.name == g.name) {
            return Err(VerteilungFehler::Doppelt(g.name.clone()));
        }
    }
    if gruppen.iter().all(|g| g.stimmen == 0) {
        return Err(VerteilungFehler::KeineStimmen);
    }
    let ergebnis = match verfahren {
        Verfahren::HareNiemeyer => hare_niemeyer(sitze, gruppen),
        Verfahren::DHondt => hoechstzahlen(sitze, gruppen, |k| u128::from(k) + 1),
        Verfahren::SainteLague => hoechstzahlen(sitze, gruppen, |k| 2 * u128::from(k) + 1),
    };
    let name = |i: usize| gruppen[i].name.clone();
    Ok(Sitzverteilung {
        verfahren,
        sitze,
        verteilung: ergebnis
            .sicher
            .iter()
            .enumerate()
            .map(|(i, &s)| (name(i), s))
            .collect(),
        los: ergebnis.patt.map(|(tied, sitze, wert)| Patt {
            gruppen: tied.into_iter().map(name).collect(),
            sitze,
            wert,
        }),
        reihenfolge: ergebnis
            .reihenfolge
            .into_iter()
            .map(|(i, wert)| Zuteilung {
                gruppe: name(i),
                wert,
            })
            .collect(),
        rechnung: ergebnis.rechnung,
    })
}

/// What a method finds, by list index.
struct Ergebnis {
    sicher: Vec<u32>,
    /// Tied lists, seats for the lot, the shared value.
    patt: Option<(Vec<usize>, u32, Bruch)>,
    reihenfolge: Vec<(usize, Bruch)>,
    rechnung: Vec<Rechnung>,
}

/// Sorts seat entries by value, highest first; equal values keep the lists' order.
fn ordnen(eintraege: &mut [(usize, Bruch)]) {
    eintraege.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
}

/// Divisor methods: the seats go to the `sitze` highest quotients votes ÷ divisor(k).
fn hoechstzahlen(sitze: u32, gruppen: &[Gruppe], divisor: impl Fn(u32) -> u128) -> Ergebnis {
    let n = gruppen.len();
    let quotient = |i: usize, k: u32| Bruch::neu(u128::from(gruppen[i].stimmen), divisor(k));
    // The first sitze + 1 Höchstzahlen (one more, to see whether the last seat is tied).
    let mut genommen = vec![0u32; n];
    let mut folge: Vec<(usize, Bruch)> = Vec::with_capacity(sitze as usize + 1);
    for _ in 0..=sitze {
        let (i, q) = (0..n)
            .map(|i| (i, quotient(i, genommen[i])))
            .reduce(|best, x| if x.1 > best.1 { x } else { best })
            .expect("mindestens eine Gruppe");
        folge.push((i, q));
        genommen[i] += 1;
    }
    let grenze = folge[sitze as usize - 1].1;
    let patt = folge[sitze as usize].1 == grenze;
    let zaehlt = |q: &Bruch| if patt { *q > grenze } else { true };
    let reihenfolge: Vec<(usize, Bruch)> = folge[..sitze as usize]
        .iter()
        .filter(|(_, q)| zaehlt(q))
        .copied()
        .collect();
    let mut sicher = vec![0u32; n];
    for (i, _) in &reihenfolge {
        sicher[*i] += 1;
    }
    let patt = patt.then(|| {
        // A list is tied when its next Höchstzahl equals the last seat's.
        let gruppen: Vec<usize> = (0..n)
            .filter(|&i| quotient(i, sicher[i]) == grenze)
            .collect();
        (gruppen, sitze - reihenfolge.len() as u32, grenze)
    });
    let rechnung = gruppen
        .iter()
        .enumerate()
        .map(|(i, g)| Rechnung {
            name: g.name.clone(),
            stimmen: g.stimmen,
            quote: None,
            hoechstzahlen: (0..=sicher[i]).map(|k| quotient(i, k)).collect(),
            sitze: sicher[i],
        })
        .collect();
    Ergebnis {
        sicher,
        patt,
        reihenfolge,
        rechnung,
    }
}

/// Hare/Niemeyer: each list's quota votes × seats ÷ all votes; first the whole numbers,
/// then the remaining seats by the largest remainders.
fn hare_niemeyer(sitze: u32, gruppen: &[Gruppe]) -> Ergebnis {
    let n = gruppen.len();
    let alle: u128 = gruppen.iter().map(|g| u128::from(g.stimmen)).sum();
    let produkt = |i: usize| u128::from(gruppen[i].stimmen) * u128::from(sitze);
    let mut sicher: Vec<u32> = (0..n).map(|i| (produkt(i) / alle) as u32).collect();
    let rest: Vec<u128> = (0..n).map(|i| produkt(i) % alle).collect();
    let offen = sitze - sicher.iter().sum::<u32>();
    let mut nach_rest: Vec<usize> = (0..n).collect();
    nach_rest.sort_by(|&a, &b| rest[b].cmp(&rest[a]).then(a.cmp(&b)));
    let mut patt = None;
    if offen > 0 {
        let grenze = rest[nach_rest[offen as usize - 1]];
        let gleich = nach_rest
            .get(offen as usize)
            .is_some_and(|&i| rest[i] == grenze);
        let mut vergeben = 0;
        for &i in &nach_rest[..offen as usize] {
            if !gleich || rest[i] > grenze {
                sicher[i] += 1;
                vergeben += 1;
            }
        }
        if gleich {
            let gruppen: Vec<usize> = (0..n).filter(|&i| rest[i] == grenze).collect();
            patt = Some((gruppen, offen - vergeben, Bruch::neu(grenze, alle)));
        }
    }
    let mut reihenfolge: Vec<(usize, Bruch)> = (0..n)
        .flat_map(|i| {
            let s = sicher[i];
            (1..=s).map(move |k| (i, Bruch::neu(u128::from(s), u128::from(k))))
        })
        .collect();
    ordnen(&mut reihenfolge);
    let rechnung = gruppen
        .iter()
        .enumerate()
        .map(|(i, g)| Rechnung {
            name: g.name.clone(),
            stimmen: g.stimmen,
            quote: Some(Bruch::neu(produkt(i), alle)),
            hoechstzahlen: Vec::new(),
            sitze: sicher[i],
        })
        .collect();
    Ergebnis {
        sicher,
        patt,
        reihenfolge,
        rechnung,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(paare: &[(&str, u64)]) -> Vec<Gruppe> {
        paare
            .iter()
            .map(|(n, s)| Gruppe {
                name: n.to_string(),
                stimmen: *s,
            })
            .collect()
    }

    #[test]
    fn hare_niemeyer_with_a_tie_for_three_seats() {
        let v = verteilen(
            Verfahren::HareNiemeyer,
            13,
            &g(&[
                ("A", 24),
                ("B", 22),
                ("C", 18),
                ("D", 4),
                ("E", 4),
                ("F", 4),
                ("G", 4),
            ]),
        )
        .unwrap();
        let sitze: Vec<u32> = v.verteilung.iter().map(|(_, s)| *s).collect();
        assert_eq!(sitze, [4, 3, 3, 0, 0, 0, 0]);
        let p = v.los.unwrap();
        assert_eq!(p.gruppen, ["D", "E", "F", "G"]);
        assert_eq!(p.sitze, 3);
        assert_eq!(p.wert, Bruch::neu(13, 20));
    }

    #[test]
    fn dhondt_tie_at_the_last_seat() {
        let v = verteilen(
            Verfahren::DHondt,
            7,
            &g(&[("A", 10000), ("B", 6000), ("C", 1500)]),
        )
        .unwrap();
        assert_eq!(
            v.verteilung,
            [("A".into(), 4), ("B".into(), 2), ("C".into(), 0)]
        );
        let p = v.los.unwrap();
        assert_eq!(
            (p.gruppen, p.sitze, p.wert),
            (vec!["A".into(), "B".into()], 1, Bruch::neu(2000, 1))
        );
        assert_eq!(v.reihenfolge.len(), 6);
    }

    #[test]
    fn bad_input_is_refused_in_german() {
        assert_eq!(
            verteilen(Verfahren::DHondt, 0, &g(&[("A", 1)]))
                .unwrap_err()
                .to_string(),
            "Sitze: Es muss mindestens ein Sitz zu vergeben sein."
        );
        assert_eq!(
            verteilen(Verfahren::DHondt, 3, &[]).unwrap_err(),
            VerteilungFehler::KeineGruppe
        );
        assert_eq!(
            verteilen(Verfahren::DHondt, 3, &g(&[("A", 1), ("A", 2)]))
                .unwrap_err()
                .to_string(),
            "Der Wahlvorschlag „A“ ist doppelt angegeben."
        );
        assert_eq!(
            verteilen(Verfahren::SainteLague, 3, &g(&[("A", 0)])).unwrap_err(),
            VerteilungFehler::KeineStimmen
        );
    }
}
