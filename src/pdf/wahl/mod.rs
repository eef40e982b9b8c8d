//! Documents of a Wahl: the Stimmzettel of the ballot that is due, and the
//! Wahlniederschrift.
//!
//! A Stimmzettel carries title, Gremium, date, Wahlgang and the instruction, then one box
//! per option: the candidates (Einzelwahl; Ja/Nein where one candidate stands) or the
//! Wahlvorschläge with their candidates (Listenwahl). One, two or four ballots share an A4
//! sheet, with dashed cut lines; a ballot that is too long for a whole sheet continues on
//! the next page, so any number of candidates prints. The Wahlniederschrift records the
//! counts of each Wahlgang, the computation (quotas and remainders, or the Höchstzahlen),
//! every lot, the result, and is signed by the chair and the Schriftführer/-in.

mod niederschrift;
mod stimmzettel;

pub use niederschrift::wahlniederschrift;
pub use stimmzettel::stimmzettel;
