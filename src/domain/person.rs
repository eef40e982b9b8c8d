//! A person of the office (member, deputy, candidate): the name as letters and lists
//! print it, the salutation, the sort key, and the rules of the person form.

use super::befund::Befund;
use super::ids::PersonId;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PersonNeu {
    pub anrede: String,
    pub titel: String,
    pub vorname: String,
    pub nachname: String,
    pub email: String,
    pub telefon: String,
    pub anschrift: String,
    /// The account the Entschädigung is paid to (domain::entschaedigung::iban); personal,
    /// only in the Auszahlungsliste.
    pub iban: String,
    /// The cash office's number for the person, if the town uses one.
    pub personalnummer: String,
}

impl PersonNeu {
    /// "Dr. Ayşe Yılmaz".
    pub fn name(&self) -> String {
        [self.titel.trim(), self.vorname.trim(), self.nachname.trim()]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The salutation of a letter: "Sehr geehrte Frau Dr. Yılmaz,", "Sehr geehrter Herr
    /// Nowak,"; without a known Anrede the neutral "Guten Tag Alex Đặng,".
    pub fn briefanrede(&self) -> String {
        let nachname = [self.titel.trim(), self.nachname.trim()]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        match self.anrede.trim() {
            "Frau" => format!("Sehr geehrte Frau {nachname},"),
            "Herr" => format!("Sehr geehrter Herr {nachname},"),
            _ => format!("Guten Tag {},", self.name()),
        }
    }

    /// The sort key: family name, then given name, folded ("Çelik" sorts as "celik").
    pub fn sortname(&self) -> String {
        format!(
            "{} {}",
            super::suchtext::ohne_zeichen(self.nachname.trim()),
            super::suchtext::ohne_zeichen(self.vorname.trim())
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub id: PersonId,
    #[serde(flatten)]
    pub daten: PersonNeu,
    pub name: String,
}

impl PersonNeu {
    /// A family name, and every part of the name and address printable (Einladung,
    /// Niederschrift).
    pub fn pruefen(&self) -> Result<(), Befund> {
        if self.nachname.trim().is_empty() {
            return Err(Befund::fehler("nachname", "Nachname fehlt."));
        }
        let wer = format!("{} {}", self.vorname.trim(), self.nachname.trim());
        let wer = wer.trim();
        for (feld, name, text) in [
            ("anrede", "Anrede", &self.anrede),
            ("titel", "Titel", &self.titel),
            ("vorname", "Vorname", &self.vorname),
            ("nachname", "Nachname", &self.nachname),
            ("anschrift", "Anschrift", &self.anschrift),
            ("personalnummer", "Personalnummer", &self.personalnummer),
        ] {
            super::druckbar::pruefen(feld, &format!("Mitglied {wer}, {name}"), text)?;
        }
        super::entschaedigung::iban::pruefen(wer, &self.iban)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::PersonNeu;

    #[test]
    fn salutation_by_anrede() {
        let p = |anrede: &str, titel: &str, vorname: &str, nachname: &str| PersonNeu {
            anrede: anrede.into(),
            titel: titel.into(),
            vorname: vorname.into(),
            nachname: nachname.into(),
            ..Default::default()
        };
        assert_eq!(
            p("Frau", "Dr.", "Ayşe", "Yılmaz").briefanrede(),
            "Sehr geehrte Frau Dr. Yılmaz,"
        );
        assert_eq!(
            p("Herr", "", "Łukasz", "Wiśniewski").briefanrede(),
            "Sehr geehrter Herr Wiśniewski,"
        );
        assert_eq!(
            p("", "", "Thị Mai", "Nguyễn").briefanrede(),
            "Guten Tag Thị Mai Nguyễn,"
        );
    }
}
