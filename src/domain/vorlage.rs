//! One Fassung of a Vorlage as every layer sees it (its number, state, lineage, content,
//! Anlagen and findings), and the § 48 GO NRW rule of what a public output may show.

use super::anlage::AnlageInfo;
use super::befund::Befund;
use super::finanzen::FinanzSummen;
use super::ids::VorlageId;
use super::inhalt::VorlageInhalt;
use super::werte::{Status, Zustand};
use chrono::NaiveDateTime;
use serde::Serialize;

/// One Fassung of a Vorlage with everything the editor shows.
#[derive(Debug, Clone, Serialize)]
pub struct VorlageAkte {
    pub id: VorlageId,
    pub nummer: Option<String>,
    pub zustand: Zustand,
    pub fassung: i64,
    pub stamm_id: Option<VorlageId>,
    pub vorgaenger_id: Option<VorlageId>,
    pub nachfolger_id: Option<VorlageId>,
    pub version: i64,
    pub erstellt: NaiveDateTime,
    pub geaendert: NaiveDateTime,
    pub freigegeben_am: Option<NaiveDateTime>,
    pub inhalt: VorlageInhalt,
    pub anlagen: Vec<AnlageInfo>,
    pub befunde: Vec<Befund>,
    pub summen: FinanzSummen,
}

impl VorlageAkte {
    /// The Vorlage as a public output shows it: a nichtöffentliche Anlage's very name is
    /// nichtöffentlich, so it leaves the Anlagen list (OParl export, public packet).
    pub fn oeffentliche_fassung(mut self) -> VorlageAkte {
        self.anlagen.retain(|a| a.status == Status::Oeffentlich);
        self
    }
}
