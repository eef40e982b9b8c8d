//! `ratsbuero handbuch ORDNER` (hidden; for the Debian package): the command line's man
//! pages, generated from the same clap definitions that parse the arguments, so the
//! manual cannot drift from the program. One page for `ratsbuero` and one per noun
//! (`ratsbuero-vorlage.1`, …), in section 1, as `man ratsbuero-vorlage` finds them.

use super::args::Cli;
use crate::api::ApiFehler;
use clap::CommandFactory;
use std::path::{Path, PathBuf};

fn seite(cmd: &clap::Command, name: &'static str, ordner: &Path) -> Result<PathBuf, ApiFehler> {
    let ziel = ordner.join(format!("{name}.1"));
    let mut roh = Vec::new();
    clap_mangen::Man::new(cmd.clone().name(name))
        .title(name.to_uppercase())
        .section("1")
        .manual("Ratsbüro")
        .render(&mut roh)
        .map_err(|e| ApiFehler::neu("handbuch", format!("Handbuchseite {name}: {e}")))?;
    std::fs::write(&ziel, roh).map_err(|e| {
        ApiFehler::neu(
            "handbuch",
            format!("Handbuchseite {} nicht geschrieben: {e}", ziel.display()),
        )
    })?;
    Ok(ziel)
}

/// Writes the pages into `ordner` (created if missing); the files written.
pub(crate) fn schreiben(ordner: &Path) -> Result<Vec<PathBuf>, ApiFehler> {
    std::fs::create_dir_all(ordner).map_err(|e| {
        ApiFehler::neu(
            "handbuch",
            format!("Ordner {} nicht angelegt: {e}", ordner.display()),
        )
    })?;
    let cli = Cli::command();
    let mut seiten = vec![seite(&cli, "ratsbuero", ordner)?];
    for unter in cli.get_subcommands().filter(|c| !c.is_hide_set()) {
        // A page name lives as long as the program (clap keeps names as `&'static str`).
        let name: &'static str = format!("ratsbuero-{}", unter.get_name()).leak();
        seiten.push(seite(unter, name, ordner)?);
    }
    Ok(seiten)
}
