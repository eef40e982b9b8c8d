//! Newtype identifiers, so a Vorlage id is never passed where an Anlage id belongs.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_typ {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_typ!(
    /// Row id of a Vorlage (every Fassung has its own).
    VorlageId
);
id_typ!(
    /// Row id of an Anlage.
    AnlageId
);
id_typ!(
    /// Row id of a Gremium.
    GremiumId
);
id_typ!(
    /// Row id of a person (member, candidate, guest).
    PersonId
);
id_typ!(
    /// Row id of a Sitzung.
    SitzungId
);
id_typ!(
    /// Row id of a TOP.
    TopId
);
