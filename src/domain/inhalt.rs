//! The editable content of one Fassung of a Vorlage: everything the office types.
//!
//! The same shape is the import JSON (README: "Import-Format"), what the editor sends on
//! every save, and what `vorlage zeigen --json` prints, so a paper round-trips unchanged.

use super::beratungsfolge::{self, Beratungsschritt};
use super::finanzen::FinanzenEingabe;
use super::unterschrift::Unterschrift;
use super::werte::{Klimarelevanz, Status, VorlageArt};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct VorlageInhalt {
    pub art: VorlageArt,
    pub status: Status,
    pub betreff: String,
    pub verfasser: String,
    pub federfuehrend: String,
    pub bearbeiter: String,
    pub beratungsfolge: Vec<Beratungsschritt>,
    #[serde(rename = "finanzielle_auswirkungen")]
    pub finanzen: FinanzenEingabe,
    pub klimarelevanz: Option<Klimarelevanz>,
    pub beschlussvorschlag: String,
    pub sachverhalt: String,
    /// Who signs this paper; `None` means the office's default signer.
    #[serde(rename = "unterzeichnung")]
    pub unterschrift: Option<Unterschrift>,
}

impl Default for VorlageInhalt {
    fn default() -> Self {
        VorlageInhalt {
            art: VorlageArt::Beschlussvorlage,
            status: Status::Oeffentlich,
            betreff: String::new(),
            verfasser: String::new(),
            federfuehrend: String::new(),
            bearbeiter: String::new(),
            beratungsfolge: Vec::new(),
            finanzen: FinanzenEingabe::default(),
            klimarelevanz: None,
            beschlussvorschlag: String::new(),
            sachverhalt: String::new(),
            unterschrift: None,
        }
    }
}

impl VorlageInhalt {
    /// Trims what the user typed around the text, normalises dates to ISO and line ends to
    /// `\n`. Long texts keep their inner blank lines (paragraphs) and list markers.
    pub fn normalisiert(&self) -> VorlageInhalt {
        let lang = |s: &str| {
            s.replace("\r\n", "\n")
                .replace('\r', "\n")
                .trim()
                .to_string()
        };
        VorlageInhalt {
            art: self.art,
            status: self.status,
            betreff: self.betreff.trim().to_string(),
            verfasser: self.verfasser.trim().to_string(),
            federfuehrend: self.federfuehrend.trim().to_string(),
            bearbeiter: self.bearbeiter.trim().to_string(),
            beratungsfolge: self
                .beratungsfolge
                .iter()
                .map(beratungsfolge::normalisieren)
                .collect(),
            finanzen: self.finanzen.clone(),
            klimarelevanz: self.klimarelevanz,
            beschlussvorschlag: lang(&self.beschlussvorschlag),
            sachverhalt: lang(&self.sachverhalt),
            unterschrift: self.unterschrift.as_ref().map(|u| Unterschrift {
                behoerdenleitung: u.behoerdenleitung.trim().to_string(),
                modus: u.modus,
                name: u.name.trim().to_string(),
                funktion: u.funktion.trim().to_string(),
            }),
        }
    }
}
