//! The signature block under a Vorlage: the head of administration ("Die Bürgermeisterin",
//! "Der Landrat"), how the paper is signed (personally; "In Vertretung" by a
//! Beigeordnete/r, § 68 Abs. 2 GO NRW; "Im Auftrag" by other staff; "gez." on a copy of a
//! signed original), the name as the office writes it ("- Rainer Weichelt -") and the
//! function ("Erster Beigeordneter"). The office sets a default; a Vorlage may differ.

use super::befund::Befund;
use serde::{Deserialize, Serialize};

/// How the paper is signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Zeichnung {
    /// The head of administration signs personally.
    Selbst,
    /// i.V. – a Beigeordnete/r signs for the head of administration.
    #[default]
    InVertretung,
    /// i.A. – other staff sign on behalf.
    ImAuftrag,
    /// gez. – a copy of a signed original.
    Gez,
}

impl Zeichnung {
    pub fn key(self) -> &'static str {
        match self {
            Zeichnung::Selbst => "selbst",
            Zeichnung::InVertretung => "in_vertretung",
            Zeichnung::ImAuftrag => "im_auftrag",
            Zeichnung::Gez => "gez",
        }
    }

    pub fn from_key(k: &str) -> Option<Zeichnung> {
        [
            Zeichnung::Selbst,
            Zeichnung::InVertretung,
            Zeichnung::ImAuftrag,
            Zeichnung::Gez,
        ]
        .into_iter()
        .find(|z| z.key() == k)
    }
}

/// Who signs and how.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Unterschrift {
    /// The head of administration: "Die Bürgermeisterin", "Der Landrat".
    pub behoerdenleitung: String,
    pub modus: Zeichnung,
    pub name: String,
    pub funktion: String,
}

/// One line of the block; `luecke` asks for room for the handwritten signature above it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Zeile {
    pub text: String,
    pub luecke: bool,
}

impl Unterschrift {
    /// The lines of the block in print order.
    pub fn zeilen(&self) -> Vec<Zeile> {
        let leitung = self.behoerdenleitung.trim();
        let z = |text: &str, luecke: bool| Zeile {
            text: text.to_string(),
            luecke,
        };
        let name = self.name.trim();
        let funktion = self.funktion.trim();
        let mut v = Vec::new();
        if !leitung.is_empty() {
            v.push(z(leitung, false));
        }
        match self.modus {
            Zeichnung::Selbst => v.push(z(&format!("- {name} -"), true)),
            Zeichnung::InVertretung | Zeichnung::ImAuftrag => {
                v.push(z(
                    if self.modus == Zeichnung::InVertretung {
                        "In Vertretung"
                    } else {
                        "Im Auftrag"
                    },
                    false,
                ));
                v.push(z(&format!("- {name} -"), true));
            }
            Zeichnung::Gez => v.push(z(&format!("gez. {name}"), false)),
        }
        if !funktion.is_empty() && self.modus != Zeichnung::Selbst {
            v.push(z(funktion, false));
        }
        v
    }

    /// A block without a name cannot be printed.
    pub fn pruefen(&self, feld: &str) -> Vec<Befund> {
        let mut b = Vec::new();
        if self.name.trim().is_empty() {
            b.push(Befund::unvollstaendig(
                format!("{feld}.name"),
                "Unterschrift: Der Name der unterzeichnenden Person fehlt.",
            ));
        }
        if matches!(self.modus, Zeichnung::InVertretung | Zeichnung::ImAuftrag)
            && self.funktion.trim().is_empty()
        {
            b.push(Befund::unvollstaendig(
                format!("{feld}.funktion"),
                "Unterschrift: Bei „In Vertretung“ oder „Im Auftrag“ fehlt die Funktion (z. B. „Erster Beigeordneter“).",
            ));
        }
        b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(leitung: &str, modus: Zeichnung, name: &str, funktion: &str) -> Unterschrift {
        Unterschrift {
            behoerdenleitung: leitung.into(),
            modus,
            name: name.into(),
            funktion: funktion.into(),
        }
    }

    fn texte(u: &Unterschrift) -> Vec<String> {
        u.zeilen().into_iter().map(|z| z.text).collect()
    }

    #[test]
    fn in_vertretung_as_in_the_reference_paper() {
        let u = u(
            "Die Bürgermeisterin",
            Zeichnung::InVertretung,
            "Rainer Weichelt",
            "Erster Beigeordneter",
        );
        assert_eq!(
            texte(&u),
            [
                "Die Bürgermeisterin",
                "In Vertretung",
                "- Rainer Weichelt -",
                "Erster Beigeordneter"
            ]
        );
        assert!(u.zeilen()[2].luecke);
    }

    #[test]
    fn the_other_modes() {
        assert_eq!(
            texte(&u(
                "Der Landrat",
                Zeichnung::Selbst,
                "Sebastian Schuster",
                "Landrat"
            )),
            ["Der Landrat", "- Sebastian Schuster -"]
        );
        let i_a = u(
            "Der Landrat",
            Zeichnung::ImAuftrag,
            "Heike Kretschmer",
            "Fachbereichsleiterin",
        );
        assert_eq!(texte(&i_a)[1], "Im Auftrag");
        let gez = u(
            "",
            Zeichnung::Gez,
            "Heike Kretschmer",
            "Fachbereichsleiterin",
        );
        assert_eq!(
            texte(&gez),
            ["gez. Heike Kretschmer", "Fachbereichsleiterin"]
        );
        assert!(gez.zeilen().iter().all(|z| !z.luecke));
    }

    #[test]
    fn missing_name_and_function_are_reported() {
        let u = Unterschrift {
            modus: Zeichnung::InVertretung,
            ..Default::default()
        };
        let felder: Vec<_> = u
            .pruefen("unterzeichnung")
            .into_iter()
            .map(|b| b.feld)
            .collect();
        assert_eq!(felder, ["unterzeichnung.name", "unterzeichnung.funktion"]);
    }

    #[test]
    fn json_uses_the_contract_keys() {
        let u: Unterschrift = serde_json::from_str(
            r#"{"behoerdenleitung": "Die Bürgermeisterin", "modus": "selbst", "name": "Ana Popescu", "funktion": ""}"#,
        )
        .unwrap();
        assert_eq!(u.modus, Zeichnung::Selbst);
    }
}
