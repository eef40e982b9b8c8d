//! A Gremium of the office (Integrationsrat, Rat, the Kreis's AG …) as every layer sees it,
//! the rules its form obeys, and the grammar of its name in the documents' sentences.

use super::befund::Befund;
use super::ids::GremiumId;
use super::sitzung::{GremiumTyp, Vertretung};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GremiumNeu {
    pub name: String,
    #[serde(default)]
    pub kurzname: String,
    pub typ: GremiumTyp,
    #[serde(default)]
    pub wahlperiode: String,
    #[serde(default = "sieben")]
    pub ladungsfrist_tage: u32,
    #[serde(default)]
    pub mindestsitzungen_jahr: u32,
    /// How its deputies step in (domain::sitzung::stimmen).
    #[serde(default)]
    pub vertretung: Vertretung,
    /// Its members are paid no Sitzungsgeld and no Fahrtkosten (domain::entschaedigung).
    #[serde(default)]
    pub ohne_entschaedigung: bool,
}

fn sieben() -> u32 {
    7
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gremium {
    pub id: GremiumId,
    #[serde(flatten)]
    pub daten: GremiumNeu,
    /// The OParl Organization this Gremium was read from (the town's RIS): read-only here.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ris: Option<String>,
}

impl GremiumNeu {
    /// The rules of the Gremium form; the name's uniqueness is the store's to check.
    pub fn pruefen(&self) -> Result<(), Befund> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(Befund::fehler("name", "Name des Gremiums fehlt."));
        }
        super::druckbar::pruefen("name", "Name des Gremiums", name)?;
        if self.ladungsfrist_tage > 60 {
            return Err(Befund::fehler(
                "ladungsfrist_tage",
                format!(
                    "Ladungsfrist: {} Tage sind zu viel (höchstens 60).",
                    self.ladungsfrist_tage
                ),
            ));
        }
        if self.mindestsitzungen_jahr > 52 {
            return Err(Befund::fehler(
                "mindestsitzungen_jahr",
                "Mindestzahl der Sitzungen: höchstens 52 im Jahr.",
            ));
        }
        Ok(())
    }
}

/// The grammatical gender of a Gremium's head noun, which the sentences of the documents
/// need ("des Integrationsrates", "Der Rat", "in die AG").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Genus {
    Maskulin,
    Feminin,
}

/// The one table: how a head noun ends, its gender, and its genitive ending.
const ENDUNGEN: &[(&str, Genus, &str)] = &[
    ("beirat", Genus::Maskulin, "es"),
    ("rat", Genus::Maskulin, "es"),
    ("ausschuss", Genus::Maskulin, "es"),
    ("tag", Genus::Maskulin, "es"),
    ("kreis", Genus::Maskulin, "es"),
    ("vorstand", Genus::Maskulin, "es"),
    ("ag", Genus::Feminin, ""),
    ("arbeitsgemeinschaft", Genus::Feminin, ""),
    ("konferenz", Genus::Feminin, ""),
    ("kommission", Genus::Feminin, ""),
];

/// A Gremium's name split where its head ends: "Rat | der Stadt", "Ausschuss | für …".
fn kopf_und_rest(name: &str) -> (&str, &str) {
    let g = name.trim();
    match [" der ", " des ", " für "]
        .iter()
        .filter_map(|t| g.find(t))
        .min()
    {
        Some(i) => (&g[..i], &g[i..]),
        None => (g, ""),
    }
}

/// The head noun's gender and genitive ending. The head noun is the last word of the
/// head ("Haupt- und Finanzausschuss"), or an abbreviation standing first ("AG …").
fn genus(name: &str) -> Option<(Genus, &'static str)> {
    let (kopf, _) = kopf_und_rest(name);
    let klein = kopf.to_lowercase();
    let erstes = klein.split([' ', '-']).next().unwrap_or("");
    let letztes = klein.rsplit([' ', '-']).next().unwrap_or("");
    ENDUNGEN
        .iter()
        .find(|(e, g, _)| match g {
            // Feminine heads stand first: "AG Integrationsräte", "Arbeitsgemeinschaft …".
            Genus::Feminin => erstes == *e || (e.len() > 2 && erstes.ends_with(e)),
            Genus::Maskulin => letztes.ends_with(e),
        })
        .map(|(_, g, endung)| (*g, *endung))
}

/// "des Integrationsrates", "des Rates der Stadt"; a name whose genitive is not a plain
/// ending stays as it is, quoted: "„AG Integrationsräte“" ("In der Sitzung …").
pub fn genitiv(name: &str) -> String {
    let (kopf, rest) = kopf_und_rest(name);
    match genus(name) {
        Some((Genus::Maskulin, endung)) => format!("des {kopf}{endung}{rest}"),
        _ => format!("„{}“", name.trim()),
    }
}

/// "Der Integrationsrat", "Die AG …", else "Das Gremium „…“" (the subject of a
/// Beschluss).
pub fn nominativ(name: &str) -> String {
    let name = name.trim();
    match genus(name) {
        Some((Genus::Maskulin, _)) => format!("Der {name}"),
        Some((Genus::Feminin, _)) => format!("Die {name}"),
        None => format!("Das Gremium „{name}“"),
    }
}

/// "in den Beirat …", "in die AG …", else "in das Gremium „…“" (where delegates go).
pub fn in_akkusativ(name: &str) -> String {
    let name = name.trim();
    match genus(name) {
        Some((Genus::Maskulin, _)) => format!("in den {name}"),
        Some((Genus::Feminin, _)) => format!("in die {name}"),
        None => format!("in das Gremium „{name}“"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn genitive_of_the_gremien_of_the_reference_papers() {
        assert_eq!(genitiv("Integrationsrat"), "des Integrationsrates");
        assert_eq!(genitiv("Rat der Stadt"), "des Rates der Stadt");
        assert_eq!(
            genitiv("Haupt- und Finanzausschuss"),
            "des Haupt- und Finanzausschusses"
        );
        assert_eq!(genitiv("Kreistag"), "des Kreistages");
        assert_eq!(
            genitiv("Ausschuss für Chancengerechtigkeit und Integration"),
            "des Ausschusses für Chancengerechtigkeit und Integration"
        );
        assert_eq!(genitiv("AG Integrationsräte"), "„AG Integrationsräte“");
    }

    #[test]
    fn the_cases_follow_one_table() {
        for (name, gen, nom, akk) in [
            (
                "Integrationsrat",
                "des Integrationsrates",
                "Der Integrationsrat",
                "in den Integrationsrat",
            ),
            (
                "Rat der Stadt",
                "des Rates der Stadt",
                "Der Rat der Stadt",
                "in den Rat der Stadt",
            ),
            (
                "Haupt- und Finanzausschuss",
                "des Haupt- und Finanzausschusses",
                "Der Haupt- und Finanzausschuss",
                "in den Haupt- und Finanzausschuss",
            ),
            (
                "Kreistag",
                "des Kreistages",
                "Der Kreistag",
                "in den Kreistag",
            ),
            (
                "Ausschuss für Chancengerechtigkeit und Integration",
                "des Ausschusses für Chancengerechtigkeit und Integration",
                "Der Ausschuss für Chancengerechtigkeit und Integration",
                "in den Ausschuss für Chancengerechtigkeit und Integration",
            ),
            (
                "AG Integrationsräte Kreis Recklinghausen",
                "„AG Integrationsräte Kreis Recklinghausen“",
                "Die AG Integrationsräte Kreis Recklinghausen",
                "in die AG Integrationsräte Kreis Recklinghausen",
            ),
            (
                "Arbeitsgemeinschaft der Integrationsräte",
                "„Arbeitsgemeinschaft der Integrationsräte“",
                "Die Arbeitsgemeinschaft der Integrationsräte",
                "in die Arbeitsgemeinschaft der Integrationsräte",
            ),
            (
                "Seniorenbeirat",
                "des Seniorenbeirates",
                "Der Seniorenbeirat",
                "in den Seniorenbeirat",
            ),
            (
                "Forum Vielfalt",
                "„Forum Vielfalt“",
                "Das Gremium „Forum Vielfalt“",
                "in das Gremium „Forum Vielfalt“",
            ),
        ] {
            assert_eq!(genitiv(name), gen, "{name}");
            assert_eq!(nominativ(name), nom, "{name}");
            assert_eq!(in_akkusativ(name), akk, "{name}");
        }
    }
}
