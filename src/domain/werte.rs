//! The closed vocabularies of a Vorlage: Art, Status, Rolle in der Beratungsfolge,
//! Klimarelevanz, Zustand.
//!
//! Each value has one ASCII key (used in JSON, the database and the CLI) and the German
//! label the office writes. Parsing an unknown key gives a German message that lists the
//! allowed keys, so an import error names what would have been right.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// An unknown key for one of the vocabularies.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unbekannter Wert „{wert}“ (erlaubt: {erlaubt})")]
pub struct UnbekannterWert {
    pub wert: String,
    pub erlaubt: String,
}

macro_rules! wertliste {
    ($(#[$doc:meta])* $name:ident { $($variante:ident = $key:literal, $label:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variante),+ }

        impl $name {
            pub const ALLE: &'static [$name] = &[$($name::$variante),+];
            /// The ASCII key used in JSON, the database and the CLI.
            pub fn key(self) -> &'static str {
                match self { $($name::$variante => $key),+ }
            }
            /// The German label as the office writes it.
            pub fn label(self) -> &'static str {
                match self { $($name::$variante => $label),+ }
            }
        }

        impl FromStr for $name {
            type Err = UnbekannterWert;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s.trim() {
                    $($key => Ok($name::$variante),)+
                    _ => Err(UnbekannterWert {
                        wert: s.to_string(),
                        erlaubt: [$($key),+].join(", "),
                    }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.label())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.key())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use wertliste;

wertliste!(
    /// Vorlage-Art.
    VorlageArt {
        Beschlussvorlage = "beschlussvorlage", "Beschlussvorlage";
        Mitteilungsvorlage = "mitteilungsvorlage", "Mitteilungsvorlage";
        Anfrage = "anfrage", "Anfrage";
        Antrag = "antrag", "Antrag";
    }
);

wertliste!(
    /// Öffentlich or nichtöffentlich: nichtöffentliche content never leaves through a
    /// public channel.
    Status {
        Oeffentlich = "oeffentlich", "öffentlich";
        Nichtoeffentlich = "nichtoeffentlich", "nichtöffentlich";
    }
);

wertliste!(
    /// The role of a Gremium in one step of the Beratungsfolge.
    Rolle {
        Vorberatung = "vorberatung", "Vorberatung";
        Entscheidung = "entscheidung", "Entscheidung";
        Kenntnisnahme = "kenntnisnahme", "Kenntnisnahme";
        Anhoerung = "anhoerung", "Anhörung";
    }
);

wertliste!(
    /// Klimarelevante Auswirkungen, the three options of the Kreis Recklinghausen papers.
    Klimarelevanz {
        Keine = "keine", "keine wesentliche Klimarelevanz";
        Positiv = "positiv", "keine negative oder eine positive Klimawirkung";
        Negativ = "negativ", "eine negative Klimawirkung";
    }
);

wertliste!(
    /// Lifecycle of one Fassung of a Vorlage.
    Zustand {
        Entwurf = "entwurf", "Entwurf";
        Freigegeben = "freigegeben", "freigegeben";
    }
);

impl Klimarelevanz {
    /// The consequence sentence printed beneath the chosen option.
    pub fn folgesatz(self) -> &'static str {
        match self {
            Klimarelevanz::Keine => {
                "Die Durchführung der Haupt- und Alternativenprüfung war daher nicht notwendig (keine Anlage)."
            }
            Klimarelevanz::Positiv => {
                "Die Durchführung der Alternativenprüfung war daher nicht notwendig (keine Anlage)."
            }
            Klimarelevanz::Negativ => {
                "Die Alternativenprüfung wurde durchgeführt und das Prüfungsergebnis ist als Anlage beigefügt."
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_unknown_key_lists_allowed_values() {
        for art in VorlageArt::ALLE {
            assert_eq!(art.key().parse::<VorlageArt>().unwrap(), *art);
        }
        let err = "beschluss".parse::<VorlageArt>().unwrap_err();
        assert!(err.to_string().contains("„beschluss“"));
        assert!(err.to_string().contains("mitteilungsvorlage"));
    }

    #[test]
    fn json_uses_ascii_keys() {
        assert_eq!(
            serde_json::to_string(&Rolle::Anhoerung).unwrap(),
            "\"anhoerung\""
        );
        let s: Status = serde_json::from_str("\"nichtoeffentlich\"").unwrap();
        assert_eq!(s.label(), "nichtöffentlich");
        assert!(serde_json::from_str::<Status>("\"geheim\"").is_err());
    }

    #[test]
    fn every_klima_option_has_its_own_sentence() {
        let saetze: std::collections::HashSet<_> =
            Klimarelevanz::ALLE.iter().map(|k| k.folgesatz()).collect();
        assert_eq!(saetze.len(), 3);
    }
}
