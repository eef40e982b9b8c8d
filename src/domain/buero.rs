//! The office's settings: Kommune, the Gremium the office serves (its name and kind are
//! data: "Integrationsrat" or, since 2025, "Ausschuss für Chancengerechtigkeit und
//! Integration"), the Vorlage numbering scheme and the current Wahlperiode.

use super::befund::Befund;
use super::nummer::Nummernschema;
use super::unterschrift::Unterschrift;
use super::zeitzone::{self, Zeitzone};
use serde::{Deserialize, Serialize};

/// Which kind of body the office serves (§ 27 GO NRW).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum GremiumArt {
    #[default]
    Integrationsrat,
    AusschussChancengerechtigkeit,
}

impl GremiumArt {
    pub fn label(self) -> &'static str {
        match self {
            GremiumArt::Integrationsrat => "Integrationsrat",
            GremiumArt::AusschussChancengerechtigkeit => {
                "Ausschuss für Chancengerechtigkeit und Integration"
            }
        }
    }
}

/// The settings. `eingerichtet` is false until someone confirmed them at first start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Buero {
    pub kommune: String,
    pub gremium_name: String,
    pub gremium_art: GremiumArt,
    pub nummernschema: String,
    #[serde(default)]
    pub wahlperiode: String,
    #[serde(default)]
    pub eingerichtet: bool,
    /// Who signs the office's Vorlagen (and under which head of administration) unless a
    /// Vorlage names someone else.
    #[serde(default)]
    pub unterschrift: Unterschrift,
    /// The office's time zone, as an IANA name (`Europe/Berlin`): every time is shown,
    /// printed and sent on this clock ([`super::zeitzone`]).
    #[serde(default = "berlin")]
    pub zeitzone: String,
    /// From how many days before the last day of a Gremium's Ladungsfrist a Sitzung not
    /// yet invited is shown as "Einladung bis … versenden" ([`super::sitzung::einladungsfrist`]).
    #[serde(default = "sieben")]
    pub einladung_vorlauf_tage: u32,
}

fn sieben() -> u32 {
    7
}

fn berlin() -> String {
    zeitzone::BERLIN.name().into()
}

impl Default for Buero {
    /// The defaults the first-start dialog offers.
    fn default() -> Self {
        Buero {
            kommune: String::new(),
            gremium_name: "Integrationsrat".into(),
            gremium_art: GremiumArt::Integrationsrat,
            nummernschema: "{jahr}/{nr:04}".into(),
            wahlperiode: String::new(),
            eingerichtet: false,
            unterschrift: Unterschrift {
                behoerdenleitung: "Der Bürgermeister".into(),
                ..Unterschrift::default()
            },
            zeitzone: berlin(),
            einladung_vorlauf_tage: sieben(),
        }
    }
}

impl Buero {
    /// Every problem of the settings; any finding blocks saving them.
    pub fn pruefen(&self) -> Vec<Befund> {
        let mut b = Vec::new();
        if self.kommune.trim().is_empty() {
            b.push(Befund::fehler("kommune", "Kommune fehlt."));
        }
        if self.gremium_name.trim().is_empty() {
            b.push(Befund::fehler("gremium_name", "Name des Gremiums fehlt."));
        }
        match Nummernschema::parse(&self.nummernschema) {
            Ok(s) if s.braucht_wahlperiode() && self.wahlperiode.trim().is_empty() => {
                b.push(Befund::fehler(
                    "wahlperiode",
                    "Wahlperiode fehlt: das Nummernschema enthält {wahlperiode}.",
                ))
            }
            Ok(_) => {}
            Err(e) => b.push(Befund::fehler(
                "nummernschema",
                format!("Nummernschema: {e}."),
            )),
        }
        if self.wahlperiode.contains(['/', '{', '}']) {
            b.push(Befund::fehler(
                "wahlperiode",
                "Wahlperiode darf kein „/“ und keine Klammern enthalten.",
            ));
        }
        if self.einladung_vorlauf_tage > 60 {
            b.push(Befund::fehler(
                "einladung_vorlauf_tage",
                format!(
                    "Erinnerung an die Einladung: {} Tage vorher sind zu viel (höchstens 60).",
                    self.einladung_vorlauf_tage
                ),
            ));
        }
        if Zeitzone::parse(&self.zeitzone).is_none() {
            b.push(Befund::fehler(
                "zeitzone",
                format!(
                    "Zeitzone: „{}“ ist keine bekannte Zeitzone (Name der IANA-Zeitzonendatenbank wie Europe/Berlin).",
                    self.zeitzone.trim()
                ),
            ));
        }
        b
    }

    /// The office's time zone (Europe/Berlin while the setting is not a known zone).
    pub fn zone(&self) -> Zeitzone {
        Zeitzone::parse(&self.zeitzone).unwrap_or_default()
    }
}
