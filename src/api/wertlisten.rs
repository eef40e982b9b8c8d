//! The vocabularies of the domain as the screens offer them: for each, its values in
//! order with key and German label (for the Klimarelevanz also the sentence the Vorlage
//! prints after it). The UI reads them once at start and copies none of them.

use crate::domain::sitzung::{
    Anwesenheit, GremiumTyp, Herkunft, MitgliedRolle, SitzungZustand, Teil, TopErgebnis, Vertretung,
};
use crate::domain::wahl::{Verfahren, WahlArt};
use crate::domain::{GremiumArt, Klimarelevanz, Rolle, Status, VorlageArt, Zustand};
use serde_json::{json, Map, Value};

macro_rules! paare {
    ($typ:ty) => {
        Value::Array(
            <$typ>::ALLE
                .iter()
                .map(|w| json!([w.key(), w.label()]))
                .collect(),
        )
    };
}

/// `{"vorlage_art": [["beschlussvorlage", "Beschlussvorlage"], …], …}`.
pub fn wertlisten() -> Value {
    let mut m = Map::new();
    m.insert("vorlage_art".into(), paare!(VorlageArt));
    m.insert("status".into(), paare!(Status));
    m.insert("rolle".into(), paare!(Rolle));
    m.insert("zustand".into(), paare!(Zustand));
    m.insert(
        "klimarelevanz".into(),
        Klimarelevanz::ALLE
            .iter()
            .map(|k| json!([k.key(), k.label(), k.folgesatz()]))
            .collect(),
    );
    m.insert(
        "gremium_art".into(),
        [
            GremiumArt::Integrationsrat,
            GremiumArt::AusschussChancengerechtigkeit,
        ]
        .iter()
        .map(|a| json!([a, a.label()]))
        .collect(),
    );
    m.insert("gremium_typ".into(), paare!(GremiumTyp));
    m.insert("mitglied_rolle".into(), paare!(MitgliedRolle));
    m.insert("herkunft".into(), paare!(Herkunft));
    m.insert("vertretung".into(), paare!(Vertretung));
    m.insert("sitzung_zustand".into(), paare!(SitzungZustand));
    m.insert("teil".into(), paare!(Teil));
    m.insert("top_ergebnis".into(), paare!(TopErgebnis));
    m.insert("anwesenheit".into(), paare!(Anwesenheit));
    m.insert("wahl_art".into(), paare!(WahlArt));
    m.insert("verfahren".into(), paare!(Verfahren));
    Value::Object(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vocabulary_lists_its_keys_the_way_json_spells_them() {
        let w = wertlisten();
        assert_eq!(
            w["teil"],
            json!([
                ["oeffentlich", "öffentlicher Teil"],
                ["nichtoeffentlich", "nichtöffentlicher Teil"]
            ])
        );
        assert_eq!(w["gremium_art"][1][0], "ausschuss_chancengerechtigkeit");
        assert_eq!(w["verfahren"][0], json!(["hare-niemeyer", "Hare/Niemeyer"]));
        assert_eq!(w["klimarelevanz"][2][0], "negativ");
        // The keys are those the core reads back.
        for [k, _] in serde_json::from_value::<Vec<[String; 2]>>(w["top_ergebnis"].clone()).unwrap()
        {
            assert!(k.parse::<TopErgebnis>().is_ok(), "{k}");
        }
    }
}
