//! A membership in a Gremium (role, vote, list, origin, first and last day) and a member
//! as a Sitzung lists them; the rules of the membership form's dates.

use super::befund::Befund;
use super::ids::{GremiumId, PersonId, TopId};
use super::person::Person;
use super::sitzung::{Anwesenheit, Herkunft, MitgliedRolle};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MitgliedschaftNeu {
    pub person: PersonId,
    pub gremium: GremiumId,
    pub rolle: MitgliedRolle,
    #[serde(default = "ja")]
    pub stimmrecht: bool,
    #[serde(default)]
    pub fuer: String,
    pub herkunft: Herkunft,
    #[serde(default)]
    pub von: String,
    #[serde(default)]
    pub bis: String,
}

fn ja() -> bool {
    true
}

/// A member as the Sitzung lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mitglied {
    pub person: Person,
    pub rolle: MitgliedRolle,
    pub stimmrecht: bool,
    pub fuer: String,
    pub herkunft: Herkunft,
    /// The first and the last day of the membership (open when none).
    pub von: Option<NaiveDate>,
    pub bis: Option<NaiveDate>,
    /// Recorded for this Sitzung (none before it is).
    pub anwesenheit: Option<Anwesenheit>,
    pub bemerkung: String,
    /// The TOP from which a member present has left the Sitzung ("geht ab TOP Ö 4"; not
    /// counted from there on: [`super::sitzung::beschlussfaehigkeit`]).
    pub geht_ab: Option<TopId>,
}

#[cfg(test)]
impl Mitglied {
    /// A member for the unit tests: with a vote, no dates, no note.
    pub fn beispiel(
        name: &str,
        rolle: MitgliedRolle,
        fuer: &str,
        da: Option<Anwesenheit>,
    ) -> Mitglied {
        Mitglied {
            person: Person {
                id: PersonId(0),
                daten: super::person::PersonNeu::default(),
                name: name.into(),
            },
            rolle,
            stimmrecht: true,
            fuer: fuer.into(),
            herkunft: Herkunft::Direkt,
            von: None,
            bis: None,
            anwesenheit: da,
            bemerkung: String::new(),
            geht_ab: None,
        }
    }
}

impl Mitglied {
    /// Whether the membership has ended before `tag`.
    pub fn ausgeschieden_am(&self, tag: NaiveDate) -> bool {
        self.bis.is_some_and(|bis| bis < tag)
    }
}

impl MitgliedschaftNeu {
    /// The first and the last day as typed (German or ISO), checked: each a real date,
    /// "bis" not before "von". `name` is the person's, for the message.
    pub fn tage_pruefen(
        &self,
        name: &str,
    ) -> Result<(Option<NaiveDate>, Option<NaiveDate>), Befund> {
        let mut tage = [None, None];
        for (i, (feld, wort, d)) in [
            ("von", "Mitglied seit", &self.von),
            ("bis", "Mitglied bis", &self.bis),
        ]
        .into_iter()
        .enumerate()
        {
            if !d.trim().is_empty() {
                let tag = super::datum::parse(d).map_err(|e| {
                    Befund::fehler(feld, format!("Mitgliedschaft von {name}, {wort}: {e}."))
                })?;
                tage[i] = Some(tag);
            }
        }
        if let [Some(von), Some(bis)] = tage {
            if bis < von {
                return Err(Befund::fehler(
                    "bis",
                    format!("Mitgliedschaft von {name}: „Mitglied bis“ liegt vor „Mitglied seit“."),
                ));
            }
        }
        Ok((tage[0], tage[1]))
    }
}
