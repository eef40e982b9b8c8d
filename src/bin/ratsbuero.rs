//! `ratsbuero`: the command line of the office ([`ratsbuero::cli`]).

fn main() -> std::process::ExitCode {
    ratsbuero::cli::main()
}
