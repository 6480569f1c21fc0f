//! The `baton` command: parses its arguments and calls the library.

use std::process::ExitCode;

use clap::{Arg, ArgAction, Command};

/// Script recursion lives on the heap, but the compiler walks trees up to the nesting limit:
/// give the main work a roomy stack.
const STACK_BYTES: usize = 256 << 20;

fn command() -> Command {
    Command::new("baton")
        .version(env!("CARGO_PKG_VERSION"))
        .about("Baton: Python 3 programs on cooperative coroutines")
        .arg(
            Arg::new("check")
                .long("check")
                .action(ArgAction::SetTrue)
                .help("Parse and check the files without running them"),
        )
        .arg(
            Arg::new("files")
                .value_name("FILE")
                .num_args(0..)
                .help("Script (or, with --check, files) to use"),
        )
}

fn main() -> ExitCode {
    let matches = command().get_matches();
    let files: Vec<String> = matches
        .get_many::<String>("files")
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    let check_only = matches.get_flag("check");
    let worker = std::thread::Builder::new()
        .stack_size(STACK_BYTES)
        .spawn(move || run(&files, check_only));
    match worker.map(|w| w.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("SystemError: the interpreter thread failed");
            ExitCode::from(1)
        }
    }
}

fn run(files: &[String], check_only: bool) -> ExitCode {
    if files.is_empty() {
        eprintln!("baton: give a script to run (see --help)");
        return ExitCode::from(2);
    }
    let targets = if check_only { files } else { &files[..1] };
    let color = baton::diagnostics::stderr_wants_color();
    let mut status = ExitCode::SUCCESS;
    for path in targets {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!(
                    "baton: can't open file '{path}': [Errno {}] {}",
                    e.raw_os_error().unwrap_or(0),
                    e.kind()
                );
                return ExitCode::from(2);
            }
        };
        let src = match baton::syntax::decode_source(&bytes, &absolute_name(path)) {
            Ok(src) => src,
            Err(e) => {
                let shown = String::from_utf8_lossy(&bytes);
                eprint!(
                    "{}",
                    baton::diagnostics::render_syntax_error(path, &shown, &e, color)
                );
                status = ExitCode::from(1);
                continue;
            }
        };
        let src = &*src;
        if let Err(e) = baton::check_source(src) {
            eprint!(
                "{}",
                baton::diagnostics::render_syntax_error(path, src, &e, color)
            );
            status = ExitCode::from(1);
            continue;
        }
        if !check_only {
            eprintln!("NotImplementedError: running programs is not implemented yet (use --check to check them)");
            return ExitCode::from(1);
        }
    }
    status
}

/// The script's path as CPython names it in messages: absolute, symlinks left alone.
fn absolute_name(path: &str) -> String {
    std::path::absolute(path).map_or_else(|_| path.to_owned(), |p| p.display().to_string())
}
