//! Table `buero`: the office's settings, one row.

use super::fehler::StoreError;
use super::sql::{p, Db};
use super::Store;
use crate::domain::{Buero, GremiumArt, Unterschrift, Zeichnung};

fn art_key(a: GremiumArt) -> &'static str {
    match a {
        GremiumArt::Integrationsrat => "integrationsrat",
        GremiumArt::AusschussChancengerechtigkeit => "ausschuss_chancengerechtigkeit",
    }
}

pub(crate) fn lesen(db: Db<'_>) -> Result<Buero, StoreError> {
    db.query_row(
        "SELECT kommune, gremium_name, gremium_art, nummernschema, wahlperiode, eingerichtet,
                unterschrift_behoerdenleitung, unterschrift_modus, unterschrift_name, unterschrift_funktion, zeitzone, einladung_vorlauf_tage FROM buero WHERE id = 1",
        p![],
        |r| {
            let art: String = r.get(2)?;
            Ok(Buero {
                kommune: r.get(0)?,
                gremium_name: r.get(1)?,
                gremium_art: if art == "ausschuss_chancengerechtigkeit" {
                    GremiumArt::AusschussChancengerechtigkeit
                } else {
                    GremiumArt::Integrationsrat
                },
                nummernschema: r.get(3)?,
                wahlperiode: r.get(4)?,
                eingerichtet: r.get(5)?,
                unterschrift: Unterschrift {
                    behoerdenleitung: r.get(6)?,
                    modus: Zeichnung::from_key(&r.get::<String>(7)?).unwrap_or_default(),
                    name: r.get(8)?,
                    funktion: r.get(9)?,
                },
                zeitzone: r.get(10)?,
                einladung_vorlauf_tage: r.get(11)?,
            })
        },
    )
}

impl Store {
    pub fn buero(&self) -> Result<Buero, StoreError> {
        lesen(self.db())
    }

    /// Saves the settings (and marks the office as set up). Invalid settings are refused
    /// whole.
    pub fn buero_speichern(&mut self, b: &Buero) -> Result<Buero, StoreError> {
        let befunde = b.pruefen();
        if !befunde.is_empty() {
            return Err(StoreError::Ungueltig(befunde));
        }
        self.db()
            .execute(
                "UPDATE buero SET kommune = ?1, gremium_name = ?2, gremium_art = ?3, nummernschema = ?4,
                        wahlperiode = ?5, eingerichtet = 1, unterschrift_behoerdenleitung = ?6, unterschrift_modus = ?7,
                        unterschrift_name = ?8, unterschrift_funktion = ?9, zeitzone = ?10, einladung_vorlauf_tage = ?11 WHERE id = 1",
                p![
                    b.kommune.trim(),
                    b.gremium_name.trim(),
                    art_key(b.gremium_art),
                    b.nummernschema.trim(),
                    b.wahlperiode.trim(),
                    b.unterschrift.behoerdenleitung.trim(),
                    b.unterschrift.modus.key(),
                    b.unterschrift.name.trim(),
                    b.unterschrift.funktion.trim(),
                    b.zone().name(),
                    b.einladung_vorlauf_tage
                ],
            )
            .map_err(|e| e.gesperrt_erkennen())?;
        self.buero()
    }
}
