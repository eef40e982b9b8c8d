//! Integration tests of the core against real database files (one test binary, as
//! ripgrep does: each module a topic).

mod absturz;
mod alltag;
mod anlagentext;
mod api;
mod befehle;
mod bericht;
mod beschlusskontrolle;
mod cli;
mod doku;
mod gemeinsam;
mod migration;
mod mitglieder_muster;
mod niederschrift;
mod oparl;
mod paket;
mod pdf;
mod ris;
mod ris_stoerung;
mod schema;
mod server;
mod sicherung;
mod signatur;
mod sitzungen;
mod sitzungsgeld;
mod sitzungstag;
mod suche;
mod umzug;
mod versand;
mod vorlagen;
mod wahl_ablauf;
mod wahlen;
mod word;
