//! Finanzielle Auswirkungen: "keine", or the NKF table of the Kreis Recklinghausen papers.
//!
//! Ergebnisrechnung (Ertrag, Aufwand einmalig / jährlich, with the Aufwand's "darin
//! enthalten" lines Personalaufwand, Sach- und Dienstleistungen, Transferaufwand) and the
//! investiver Finanzplan (Einzahlung with "darin enthalten" Zuschüsse and Beiträge Dritter,
//! Auszahlung), then whether the Haushaltsmittel are available. The form carries amounts as
//! the user typed them ([`FinanzenEingabe`]); [`FinanzenEingabe::pruefen`] turns them into
//! cents ([`Finanzen`]) and reports every inconsistency.

use super::befund::Befund;
use super::betrag::Cent;
use serde::{Deserialize, Serialize};

/// keine / folgende finanzielle Auswirkungen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FinanzArt {
    #[default]
    Keine,
    Folgende,
}

/// Haushaltsmittel stehen zur Verfügung / nicht zur Verfügung.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Haushaltsmittel {
    Verfuegbar,
    NichtVerfuegbar,
}

impl Haushaltsmittel {
    pub fn key(self) -> &'static str {
        match self {
            Haushaltsmittel::Verfuegbar => "verfuegbar",
            Haushaltsmittel::NichtVerfuegbar => "nicht_verfuegbar",
        }
    }
    pub fn from_key(key: &str) -> Option<Self> {
        match key {
            "verfuegbar" => Some(Haushaltsmittel::Verfuegbar),
            "nicht_verfuegbar" => Some(Haushaltsmittel::NichtVerfuegbar),
            _ => None,
        }
    }
}

/// One line of the NKF table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Posten {
    ErtragEinmalig,
    ErtragJaehrlich,
    AufwandEinmalig,
    AufwandJaehrlich,
    Personalaufwand,
    SachUndDienstleistungen,
    Transferaufwand,
    EinzahlungEinmalig,
    EinzahlungJaehrlich,
    Zuschuesse,
    BeitraegeDritter,
    AuszahlungEinmalig,
    AuszahlungJaehrlich,
}

impl Posten {
    pub const ALLE: [Posten; 13] = [
        Posten::ErtragEinmalig,
        Posten::ErtragJaehrlich,
        Posten::AufwandEinmalig,
        Posten::AufwandJaehrlich,
        Posten::Personalaufwand,
        Posten::SachUndDienstleistungen,
        Posten::Transferaufwand,
        Posten::EinzahlungEinmalig,
        Posten::EinzahlungJaehrlich,
        Posten::Zuschuesse,
        Posten::BeitraegeDritter,
        Posten::AuszahlungEinmalig,
        Posten::AuszahlungJaehrlich,
    ];

    /// Field key in JSON, the database column and the UI.
    pub fn key(self) -> &'static str {
        match self {
            Posten::ErtragEinmalig => "ertrag_einmalig",
            Posten::ErtragJaehrlich => "ertrag_jaehrlich",
            Posten::AufwandEinmalig => "aufwand_einmalig",
            Posten::AufwandJaehrlich => "aufwand_jaehrlich",
            Posten::Personalaufwand => "personalaufwand",
            Posten::SachUndDienstleistungen => "sach_und_dienstleistungen",
            Posten::Transferaufwand => "transferaufwand",
            Posten::EinzahlungEinmalig => "einzahlung_einmalig",
            Posten::EinzahlungJaehrlich => "einzahlung_jaehrlich",
            Posten::Zuschuesse => "zuschuesse",
            Posten::BeitraegeDritter => "beitraege_dritter",
            Posten::AuszahlungEinmalig => "auszahlung_einmalig",
            Posten::AuszahlungJaehrlich => "auszahlung_jaehrlich",
        }
    }

    /// The line as a message names it: "Aufwand einmalig", "Zuschüsse (darin enthalten)".
    pub fn label(self) -> &'static str {
        match self {
            Posten::ErtragEinmalig => "Ertrag einmalig",
            Posten::ErtragJaehrlich => "Ertrag jährlich",
            Posten::AufwandEinmalig => "Aufwand einmalig",
            Posten::AufwandJaehrlich => "Aufwand jährlich",
            Posten::Personalaufwand => "Personalaufwand",
            Posten::SachUndDienstleistungen => "Sach- und Dienstleistungen",
            Posten::Transferaufwand => "Transferaufwand",
            Posten::EinzahlungEinmalig => "Einzahlung einmalig",
            Posten::EinzahlungJaehrlich => "Einzahlung jährlich",
            Posten::Zuschuesse => "Zuschüsse",
            Posten::BeitraegeDritter => "Beiträge Dritter",
            Posten::AuszahlungEinmalig => "Auszahlung einmalig",
            Posten::AuszahlungJaehrlich => "Auszahlung jährlich",
        }
    }

    /// The two parts of the NKF table as the Vorlage prints them, each line with whether
    /// it is "darin enthalten" (a part of the line above).
    pub const GRUPPEN: [(&'static str, &'static [(Posten, bool)]); 2] = [
        (
            "Ergebnisrechnung",
            &[
                (Posten::ErtragEinmalig, false),
                (Posten::ErtragJaehrlich, false),
                (Posten::AufwandEinmalig, false),
                (Posten::AufwandJaehrlich, false),
                (Posten::Personalaufwand, true),
                (Posten::SachUndDienstleistungen, true),
                (Posten::Transferaufwand, true),
            ],
        ),
        (
            "investiver Finanzplan",
            &[
                (Posten::EinzahlungEinmalig, false),
                (Posten::EinzahlungJaehrlich, false),
                (Posten::Zuschuesse, true),
                (Posten::BeitraegeDritter, true),
                (Posten::AuszahlungEinmalig, false),
                (Posten::AuszahlungJaehrlich, false),
            ],
        ),
    ];

    fn index(self) -> usize {
        Posten::ALLE.iter().position(|p| *p == self).unwrap_or(0)
    }
}

/// The form as typed: amounts are German text, empty means "not given".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FinanzenEingabe {
    pub art: FinanzArt,
    pub ertrag_einmalig: String,
    pub ertrag_jaehrlich: String,
    pub aufwand_einmalig: String,
    pub aufwand_jaehrlich: String,
    pub personalaufwand: String,
    pub sach_und_dienstleistungen: String,
    pub transferaufwand: String,
    pub einzahlung_einmalig: String,
    pub einzahlung_jaehrlich: String,
    pub zuschuesse: String,
    pub beitraege_dritter: String,
    pub auszahlung_einmalig: String,
    pub auszahlung_jaehrlich: String,
    pub haushaltsmittel: Option<Haushaltsmittel>,
}

/// The checked table: amounts in cents, indexed by [`Posten`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Finanzen {
    pub art: FinanzArt,
    pub betraege: [Option<Cent>; 13],
    pub haushaltsmittel: Option<Haushaltsmittel>,
}

/// The sums the form shows live beside the table, formatted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FinanzSummen {
    pub aufwand_gesamt: String,
    pub aufwand_darin: String,
    pub einzahlung_gesamt: String,
    pub einzahlung_darin: String,
}

impl FinanzenEingabe {
    fn text(&self, p: Posten) -> &str {
        match p {
            Posten::ErtragEinmalig => &self.ertrag_einmalig,
            Posten::ErtragJaehrlich => &self.ertrag_jaehrlich,
            Posten::AufwandEinmalig => &self.aufwand_einmalig,
            Posten::AufwandJaehrlich => &self.aufwand_jaehrlich,
            Posten::Personalaufwand => &self.personalaufwand,
            Posten::SachUndDienstleistungen => &self.sach_und_dienstleistungen,
            Posten::Transferaufwand => &self.transferaufwand,
            Posten::EinzahlungEinmalig => &self.einzahlung_einmalig,
            Posten::EinzahlungJaehrlich => &self.einzahlung_jaehrlich,
            Posten::Zuschuesse => &self.zuschuesse,
            Posten::BeitraegeDritter => &self.beitraege_dritter,
            Posten::AuszahlungEinmalig => &self.auszahlung_einmalig,
            Posten::AuszahlungJaehrlich => &self.auszahlung_jaehrlich,
        }
    }

    fn text_mut(&mut self, p: Posten) -> &mut String {
        match p {
            Posten::ErtragEinmalig => &mut self.ertrag_einmalig,
            Posten::ErtragJaehrlich => &mut self.ertrag_jaehrlich,
            Posten::AufwandEinmalig => &mut self.aufwand_einmalig,
            Posten::AufwandJaehrlich => &mut self.aufwand_jaehrlich,
            Posten::Personalaufwand => &mut self.personalaufwand,
            Posten::SachUndDienstleistungen => &mut self.sach_und_dienstleistungen,
            Posten::Transferaufwand => &mut self.transferaufwand,
            Posten::EinzahlungEinmalig => &mut self.einzahlung_einmalig,
            Posten::EinzahlungJaehrlich => &mut self.einzahlung_jaehrlich,
            Posten::Zuschuesse => &mut self.zuschuesse,
            Posten::BeitraegeDritter => &mut self.beitraege_dritter,
            Posten::AuszahlungEinmalig => &mut self.auszahlung_einmalig,
            Posten::AuszahlungJaehrlich => &mut self.auszahlung_jaehrlich,
        }
    }

    /// Checks the table and returns it in cents with every finding. Malformed or negative
    /// amounts and a "darin enthalten" sum above its total are [`Schwere::Fehler`]
    /// (never saved); a "folgende" table without amounts or without the
    /// Haushaltsmittel answer is incomplete.
    ///
    /// [`Schwere::Fehler`]: super::Schwere::Fehler
    pub fn pruefen(&self) -> (Finanzen, Vec<Befund>) {
        let mut befunde = Vec::new();
        let mut fin = Finanzen {
            art: self.art,
            haushaltsmittel: self.haushaltsmittel,
            ..Default::default()
        };
        for p in Posten::ALLE {
            let text = self.text(p).trim();
            if text.is_empty() {
                continue;
            }
            let feld = format!("finanzen.{}", p.key());
            match Cent::parse(text) {
                Ok(c) if c.0 < 0 => befunde.push(Befund::fehler(
                    feld,
                    format!(
                        "Finanzielle Auswirkungen, {}: Der Betrag darf nicht negativ sein.",
                        p.label()
                    ),
                )),
                Ok(c) => fin.betraege[p.index()] = Some(c),
                Err(e) => befunde.push(Befund::fehler(
                    feld,
                    format!("Finanzielle Auswirkungen, {}: {e}.", p.label()),
                )),
            }
        }
        let summen = fin.summen_roh();
        if summen.aufwand_darin > summen.aufwand_gesamt {
            befunde.push(Befund::fehler(
                "finanzen.aufwand_darin",
                format!(
                    "Finanzielle Auswirkungen: Die Beträge „darin enthalten“ beim Aufwand ({}) übersteigen den Aufwand einmalig und jährlich ({}).",
                    summen.aufwand_darin, summen.aufwand_gesamt
                ),
            ));
        }
        if summen.einzahlung_darin > summen.einzahlung_gesamt {
            befunde.push(Befund::fehler(
                "finanzen.einzahlung_darin",
                format!(
                    "Finanzielle Auswirkungen: Die Beträge „darin enthalten“ bei der Einzahlung ({}) übersteigen die Einzahlung einmalig und jährlich ({}).",
                    summen.einzahlung_darin, summen.einzahlung_gesamt
                ),
            ));
        }
        let irgendein_betrag = fin.betraege.iter().any(Option::is_some);
        match self.art {
            FinanzArt::Keine if irgendein_betrag || self.haushaltsmittel.is_some() => {
                befunde.push(Befund::unvollstaendig(
                    "finanzen.art",
                    "Finanzielle Auswirkungen: „keine“ ist gewählt, aber Beträge sind eingetragen. Wählen Sie „folgende“ oder leeren Sie die Tabelle.",
                ))
            }
            FinanzArt::Folgende if !irgendein_betrag => befunde.push(Befund::unvollstaendig(
                "finanzen.art",
                "Finanzielle Auswirkungen: „folgende“ ist gewählt, aber kein Betrag ist eingetragen.",
            )),
            _ => {}
        }
        if self.art == FinanzArt::Folgende && self.haushaltsmittel.is_none() {
            befunde.push(Befund::unvollstaendig(
                "finanzen.haushaltsmittel",
                "Finanzielle Auswirkungen: Geben Sie an, ob Haushaltsmittel zur Verfügung stehen.",
            ));
        }
        (fin, befunde)
    }
}

struct RohSummen {
    aufwand_gesamt: Cent,
    aufwand_darin: Cent,
    einzahlung_gesamt: Cent,
    einzahlung_darin: Cent,
}

impl Finanzen {
    pub fn betrag(&self, p: Posten) -> Option<Cent> {
        self.betraege[p.index()]
    }

    pub fn setzen(&mut self, p: Posten, wert: Option<Cent>) {
        self.betraege[p.index()] = wert;
    }

    fn summe(&self, posten: &[Posten]) -> Cent {
        // Each amount is capped far below i64::MAX / 13, so the sum cannot overflow.
        Cent(
            posten
                .iter()
                .filter_map(|p| self.betrag(*p))
                .map(|c| c.0)
                .sum(),
        )
    }

    fn summen_roh(&self) -> RohSummen {
        RohSummen {
            aufwand_gesamt: self.summe(&[Posten::AufwandEinmalig, Posten::AufwandJaehrlich]),
            aufwand_darin: self.summe(&[
                Posten::Personalaufwand,
                Posten::SachUndDienstleistungen,
                Posten::Transferaufwand,
            ]),
            einzahlung_gesamt: self
                .summe(&[Posten::EinzahlungEinmalig, Posten::EinzahlungJaehrlich]),
            einzahlung_darin: self.summe(&[Posten::Zuschuesse, Posten::BeitraegeDritter]),
        }
    }

    /// The sums for the form, formatted `1.234,56 €`.
    pub fn summen(&self) -> FinanzSummen {
        let s = self.summen_roh();
        FinanzSummen {
            aufwand_gesamt: s.aufwand_gesamt.to_string(),
            aufwand_darin: s.aufwand_darin.to_string(),
            einzahlung_gesamt: s.einzahlung_gesamt.to_string(),
            einzahlung_darin: s.einzahlung_darin.to_string(),
        }
    }

    /// Back into the form's text, amounts written `1.234,56`.
    pub fn als_eingabe(&self) -> FinanzenEingabe {
        let mut e = FinanzenEingabe {
            art: self.art,
            haushaltsmittel: self.haushaltsmittel,
            ..Default::default()
        };
        for p in Posten::ALLE {
            if let Some(c) = self.betrag(p) {
                *e.text_mut(p) = c.zahl();
            }
        }
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Schwere;

    fn folgende() -> FinanzenEingabe {
        FinanzenEingabe {
            art: FinanzArt::Folgende,
            aufwand_einmalig: "10.000,00".into(),
            aufwand_jaehrlich: "2.000".into(),
            personalaufwand: "8.000,00".into(),
            sach_und_dienstleistungen: "4.000,00".into(),
            haushaltsmittel: Some(Haushaltsmittel::Verfuegbar),
            ..Default::default()
        }
    }

    #[test]
    fn consistent_table_has_no_findings_and_round_trips() {
        let (fin, befunde) = folgende().pruefen();
        assert!(befunde.is_empty(), "{befunde:?}");
        assert_eq!(fin.betrag(Posten::AufwandJaehrlich), Some(Cent(200_000)));
        assert_eq!(fin.summen().aufwand_gesamt, "12.000,00 €");
        assert_eq!(fin.summen().aufwand_darin, "12.000,00 €");
        let wieder = fin.als_eingabe();
        assert_eq!(wieder.aufwand_jaehrlich, "2.000,00");
        assert_eq!(wieder.pruefen().0, fin);
    }

    #[test]
    fn darin_enthalten_above_total_is_an_error() {
        let mut e = folgende();
        e.transferaufwand = "0,01".into();
        let (_, befunde) = e.pruefen();
        assert_eq!(befunde.len(), 1);
        assert_eq!(befunde[0].schwere, Schwere::Fehler);
        assert!(
            befunde[0].meldung.contains("12.000,01 €"),
            "{}",
            befunde[0].meldung
        );

        let e = FinanzenEingabe {
            art: FinanzArt::Folgende,
            einzahlung_einmalig: "100".into(),
            zuschuesse: "60".into(),
            beitraege_dritter: "50".into(),
            haushaltsmittel: Some(Haushaltsmittel::NichtVerfuegbar),
            ..Default::default()
        };
        let (_, befunde) = e.pruefen();
        assert_eq!(
            befunde.iter().map(|b| b.feld.as_str()).collect::<Vec<_>>(),
            ["finanzen.einzahlung_darin"]
        );
    }

    #[test]
    fn malformed_and_negative_amounts_name_the_line() {
        let mut e = folgende();
        e.ertrag_einmalig = "12,3x".into();
        e.auszahlung_jaehrlich = "-1,00".into();
        let (_, befunde) = e.pruefen();
        let meldungen: Vec<_> = befunde.iter().map(|b| b.meldung.clone()).collect();
        assert!(
            meldungen
                .iter()
                .any(|m| m.contains("Ertrag einmalig") && m.contains("„12,3x“")),
            "{meldungen:?}"
        );
        assert!(meldungen
            .iter()
            .any(|m| m.contains("Auszahlung jährlich") && m.contains("negativ")));
        assert!(befunde.iter().all(|b| b.schwere == Schwere::Fehler));
    }

    #[test]
    fn keine_with_amounts_and_folgende_without_are_incomplete() {
        let mut e = folgende();
        e.art = FinanzArt::Keine;
        assert_eq!(e.pruefen().1[0].schwere, Schwere::Unvollstaendig);
        let e = FinanzenEingabe {
            art: FinanzArt::Folgende,
            ..Default::default()
        };
        let felder: Vec<_> = e.pruefen().1.into_iter().map(|b| b.feld).collect();
        assert_eq!(felder, ["finanzen.art", "finanzen.haushaltsmittel"]);
        assert!(FinanzenEingabe::default().pruefen().1.is_empty());
    }
}
