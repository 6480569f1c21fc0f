//! The `baton` command: parses its arguments and calls the library.

use std::io::Write;
use std::process::ExitCode;

use baton::diagnostics::{render_syntax_error, stderr_wants_color};
use baton::{Interpreter, RunError};
use clap::{Arg, ArgAction, Command};

/// Baton allocates many small, short-lived objects; mimalloc serves them much faster than the
/// system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Script recursion lives on the heap, but the compiler walks trees up to the nesting limit:
/// give the main work a roomy stack.
const STACK_BYTES: usize = 256 << 20;

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Run,
    Check,
    Disassemble,
}

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
            Arg::new("dis")
                .long("dis")
                .action(ArgAction::SetTrue)
                .conflicts_with("check")
                .help("Print the bytecode of every code object instead of running"),
        )
        .arg(
            Arg::new("virtual-time")
                .long("virtual-time")
                .action(ArgAction::SetTrue)
                .help("Run on a virtual clock: the event loop jumps to its next timer instead of waiting (also BATON_VIRTUAL_TIME=1)"),
        )
        .arg(
            Arg::new("command")
                .short('c')
                .value_name("CODE")
                .conflicts_with_all(["check", "dis"])
                .help("Run CODE as the program (the arguments after it become sys.argv[1:])"),
        )
        .arg(
            Arg::new("files")
                .value_name("FILE")
                .num_args(0..)
                .trailing_var_arg(true)
                .allow_hyphen_values(true)
                .help("The script to run and its arguments (with --check, the files to check)"),
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
    let mode = if matches.get_flag("check") {
        Mode::Check
    } else if matches.get_flag("dis") {
        Mode::Disassemble
    } else {
        Mode::Run
    };
    let command = matches.get_one::<String>("command").cloned();
    let virtual_time = matches.get_flag("virtual-time")
        || std::env::var("BATON_VIRTUAL_TIME").is_ok_and(|v| !v.is_empty() && v != "0");
    let worker = std::thread::Builder::new()
        .stack_size(STACK_BYTES)
        .spawn(move || match command {
            Some(code) => run_command(&code, &files, virtual_time),
            None => run(&files, mode, virtual_time),
        });
    match worker.map(|w| w.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("SystemError: the interpreter thread failed");
            ExitCode::from(1)
        }
    }
}

/// A new interpreter, on the virtual clock if asked. Ctrl-C raises `KeyboardInterrupt` in
/// its program: the signal handler only sets the interpreter's interrupt flag (no thread,
/// nothing else in the handler).
fn new_interpreter(virtual_time: bool) -> Interpreter {
    let mut interpreter = Interpreter::new();
    if virtual_time {
        interpreter.use_virtual_time();
    }
    let flag = interpreter.interrupt_handle();
    // Should registering fail, Ctrl-C keeps its default effect: ending the process.
    let _ = signal_hook::flag::register(signal_hook::consts::SIGINT, flag);
    interpreter
}

/// `baton -c CODE ARGS…`: runs CODE as a program named `<string>`, with `sys.argv` `-c ARGS…`.
fn run_command(code: &str, args: &[String], virtual_time: bool) -> ExitCode {
    let mut interpreter = new_interpreter(virtual_time);
    interpreter.set_argv(
        std::iter::once("-c".to_owned())
            .chain(args.iter().cloned())
            .collect(),
    );
    let outcome = interpreter.run_source("<string>", code);
    let status = report_outcome(outcome, "<string>", code, None);
    interpreter.shut_down();
    status
}

fn run(files: &[String], mode: Mode, virtual_time: bool) -> ExitCode {
    if files.is_empty() {
        eprintln!("baton: give a script to run (see --help)");
        return ExitCode::from(2);
    }
    let targets = if mode == Mode::Check {
        files
    } else {
        &files[..1]
    };
    let color = stderr_wants_color();
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
        let name = absolute_name(path);
        let src = match baton::syntax::decode_source(&bytes, &name) {
            Ok(src) => src,
            Err(e) => {
                eprint!(
                    "{}",
                    render_syntax_error(path, &String::from_utf8_lossy(&bytes), &e, color)
                );
                status = ExitCode::from(1);
                continue;
            }
        };
        let mut interpreter = None;
        let outcome = match mode {
            Mode::Check => baton::check_source(&src)
                .map(drop)
                .map_err(RunError::Syntax),
            Mode::Disassemble => baton::compile_source(&name, &src)
                .map(|code| {
                    // A closed pipe (`baton --dis f.py | head`) ends the listing quietly.
                    let _ = write!(std::io::stdout(), "{code}");
                })
                .map_err(RunError::Syntax),
            Mode::Run => {
                let running = interpreter.insert(new_interpreter(virtual_time));
                running.set_argv(files.to_vec());
                running.run_source(&name, &src)
            }
        };
        let code = report_outcome(outcome, path, &src, Some(&name));
        if let Some(finished) = &mut interpreter {
            finished.shut_down();
        }
        if code != ExitCode::SUCCESS {
            if mode != Mode::Check {
                return code;
            }
            status = code;
        }
    }
    status
}

/// Prints what went wrong (a syntax error, a traceback, a `SystemExit` message) and gives the
/// exit status. `source_file` is the script's absolute name when there is a file whose lines
/// tracebacks may quote.
fn report_outcome(
    outcome: Result<(), RunError>,
    path: &str,
    src: &str,
    source_file: Option<&str>,
) -> ExitCode {
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(RunError::Syntax(e)) => {
            eprint!(
                "{}",
                render_syntax_error(path, src, &e, stderr_wants_color())
            );
            ExitCode::from(1)
        }
        Err(RunError::Exception(e)) => {
            if !e.chain.is_empty() {
                eprint!("{}", traceback(&e, source_file, src));
            }
            if let Some(message) = &e.exit_message {
                eprintln!("{message}");
            }
            ExitCode::from(e.exit_status.unwrap_or(1) as u8)
        }
    }
}

/// A CPython-shaped traceback: each exception of the chain (causes and contexts first), its
/// frames outermost first, each with its source line.
fn traceback(report: &baton::vm::Report, main_file: Option<&str>, src: &str) -> String {
    report.render(&|file, line| {
        if Some(file) != main_file {
            return None;
        }
        src.lines()
            .nth((line as usize).checked_sub(1)?)
            .map(str::to_owned)
    })
}

/// The script's path as CPython names it in messages: absolute, symlinks left alone.
fn absolute_name(path: &str) -> String {
    std::path::absolute(path).map_or_else(|_| path.to_owned(), |p| p.display().to_string())
}
