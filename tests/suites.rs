//! The data-driven suites, one test case per file:
//! - `programs::NAME`: `tests/programs/NAME.py` runs (on the virtual clock) and prints exactly
//!   what CPython printed
//!   (`NAME.out`), with its exit status (`NAME.code`) and last stderr line (`NAME.err_last`), all
//!   recorded by `scripts/expect_programs.py`.
//! - `syntax_errors::NAME`: `tests/syntax_errors/NAME.py` is rejected with the last line CPython
//!   prints (`NAME.err_last`, recorded by `scripts/expect_syntax_errors.py`) and rendered exactly
//!   as `NAME.diag` (`BATON_BLESS=1` regenerates those).
//! - `unsupported::NAME`: valid Python the compiler refuses with a NotImplementedError naming
//!   the feature, rendered exactly as `NAME.diag`.
//! - `dis::NAME`: `baton --dis tests/dis/NAME.py` prints exactly `NAME.dis` (`BATON_BLESS=1`
//!   regenerates those).
//! - `corpus::…`: every program we know of passes `baton --check`: the tutorial examples and the
//!   benchmarks in `../shared/`, and the project's own programs in `tests/programs/` and
//!   `tests/parse_corpus/` (an example CPython itself rejects is held to CPython's recorded last
//!   line instead).

use std::path::{Path, PathBuf};

use libtest_mimic::{Arguments, Failed, Trial};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shared folder that sits beside the repository (examples, benchmarks).
pub fn shared() -> PathBuf {
    root().join("..").join("shared")
}

/// Every `.py` file under `dir`, sorted, recursively.
pub fn python_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "py") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Checks `actual` against the golden file `path`; with `BATON_BLESS=1` rewrites it instead.
pub fn golden(path: &Path, actual: &str) -> Result<(), String> {
    if std::env::var_os("BATON_BLESS").is_some() {
        return std::fs::write(path, actual)
            .map_err(|e| format!("writing {}: {e}", path.display()));
    }
    let expected = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "{}: {e} (run with BATON_BLESS=1 to create it)",
            path.display()
        )
    })?;
    if expected == actual {
        Ok(())
    } else {
        Err(format!(
            "{} differs (BATON_BLESS=1 regenerates it)\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        ))
    }
}

/// Baton's verdict on a file, as `baton --check` prints it: `Ok` or the rendered error.
pub fn check_file(path: &Path) -> Result<(), String> {
    verdict(path, |src| baton::check_source(src).map(drop))
}

/// Whether the compiler takes the file (which `baton --dis` needs), or its rendered refusal.
fn compile_file(path: &Path) -> Result<(), String> {
    verdict(path, |src| {
        baton::compile_source(&path.display().to_string(), src).map(drop)
    })
}

fn verdict(
    path: &Path,
    judge: impl Fn(&str) -> Result<(), baton::syntax::SyntaxError>,
) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let rendered = |src: &str, e: &baton::syntax::SyntaxError| {
        baton::diagnostics::render_syntax_error(&name, src, e, false)
    };
    let src = match baton::syntax::decode_source(&bytes, &name) {
        Ok(src) => src,
        Err(e) => return Err(rendered(&String::from_utf8_lossy(&bytes), &e)),
    };
    judge(&src).map_err(|e| rendered(&src, &e))
}

fn last_line(text: &str) -> &str {
    text.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
}

fn rejected(path: &Path, judge: fn(&Path) -> Result<(), String>) -> Result<String, Failed> {
    match judge(path) {
        Ok(()) => Err("accepted, but CPython rejects it".into()),
        Err(rendered) => {
            golden(&path.with_extension("diag"), &rendered)?;
            Ok(rendered)
        }
    }
}

fn syntax_error(path: PathBuf) -> Result<(), Failed> {
    let rendered = rejected(&path, check_file)?;
    let expected = std::fs::read_to_string(path.with_extension("err_last"))
        .map_err(|e| format!("{e}: run scripts/expect_syntax_errors.py"))?;
    let (want, got) = (expected.trim_end(), last_line(&rendered));
    if want != got {
        return Err(format!("last line\n  want: {want}\n   got: {got}").into());
    }
    Ok(())
}

fn unsupported(path: PathBuf) -> Result<(), Failed> {
    let rendered = rejected(&path, compile_file)?;
    if !last_line(&rendered).starts_with("NotImplementedError: ") {
        return Err(format!(
            "expected a NotImplementedError, got: {}",
            last_line(&rendered)
        )
        .into());
    }
    Ok(())
}

fn disassembly(path: PathBuf) -> Result<(), Failed> {
    let src = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let code = baton::compile_source(&name, &src).map_err(|e| e.to_string())?;
    golden(&path.with_extension("dis"), &code.to_string())?;
    Ok(())
}

fn accepted(path: PathBuf) -> Result<(), Failed> {
    let expected_error =
        std::fs::read_to_string(path.with_extension("err_last")).unwrap_or_default();
    let expected_error = expected_error.trim();
    let rejects =
        expected_error.starts_with("SyntaxError") || expected_error.starts_with("IndentationError");
    match (check_file(&path), rejects) {
        (Ok(()), false) => Ok(()),
        (Err(rendered), true) if rendered.trim_end().ends_with(expected_error) => Ok(()),
        (Err(rendered), _) => Err(rendered.into()),
        (Ok(()), true) => Err(format!("accepted, but CPython says: {expected_error}").into()),
    }
}

/// A writer the test keeps a handle on, to read what the program printed.
#[derive(Clone, Default)]
struct Captured(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn runs_like_cpython(path: PathBuf) -> Result<(), Failed> {
    let read = |ext: &str| {
        std::fs::read_to_string(path.with_extension(ext))
            .map_err(|e| format!("{ext}: {e} (run scripts/expect_programs.py)"))
    };
    let (want_out, want_code, want_err) = (read("out")?, read("code")?, read("err_last")?);
    let src = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    let (out, err) = (Captured::default(), Captured::default());
    let mut interp = baton::Interpreter::with_streams(Box::new(out.clone()), Box::new(err.clone()));
    // Waits are skipped, the order of everything kept (the examples' suite checks real time).
    interp.use_virtual_time();
    interp.set_argv(vec![path.display().to_string()]);
    let (code, mut last) = match interp.run_source(&path.display().to_string(), &src) {
        Ok(()) => (
            0,
            last_line(&String::from_utf8_lossy(&err.0.borrow())).to_owned(),
        ),
        Err(baton::RunError::Syntax(e)) => (1, e.to_string()),
        Err(baton::RunError::Exception(e)) => {
            // A report that prints nothing (`SystemExit`) leaves the last line written before.
            let last = match e.last_line() {
                printed if printed.is_empty() => {
                    last_line(&String::from_utf8_lossy(&err.0.borrow())).to_owned()
                }
                printed => printed,
            };
            (e.exit_status.unwrap_or(1), last)
        }
    };
    // What the interpreter writes as it shuts down comes after the report, as in `baton`.
    let reported = err.0.borrow().len();
    interp.shut_down();
    if err.0.borrow().len() > reported {
        last = last_line(&String::from_utf8_lossy(&err.0.borrow())).to_owned();
    }
    let got_out = String::from_utf8_lossy(&out.0.borrow()).into_owned();
    let mut problems = Vec::new();
    if got_out != want_out {
        problems.push(format!(
            "stdout differs\n--- want\n{want_out}--- got\n{got_out}"
        ));
    }
    if code.to_string() != want_code.trim() {
        problems.push(format!("exit status {code}, want {}", want_code.trim()));
    }
    if last != want_err.trim_end() {
        problems.push(format!(
            "last stderr line\n  want: {}\n   got: {last}",
            want_err.trim_end()
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n").into())
    }
}

fn main() {
    let args = Arguments::from_args();
    let mut trials = Vec::new();
    let tests = root().join("tests");
    for (dir, run) in [
        ("syntax_errors", syntax_error as fn(PathBuf) -> _),
        ("unsupported", unsupported),
        ("dis", disassembly),
    ] {
        for path in python_files(&tests.join(dir)) {
            let name = format!(
                "{dir}::{}",
                path.file_stem().unwrap_or_default().to_string_lossy()
            );
            trials.push(Trial::test(name, move || run(path)));
        }
    }
    for path in python_files(&tests.join("programs")) {
        let name = format!(
            "programs::{}",
            path.file_stem().unwrap_or_default().to_string_lossy()
        );
        trials.push(Trial::test(name, move || runs_like_cpython(path)));
    }
    let shared = shared();
    let folders = [
        ("examples", shared.join("examples")),
        ("bench", shared.join("bench")),
        ("programs", tests.join("programs")),
        ("parse_corpus", tests.join("parse_corpus")),
    ];
    for (label, dir) in folders {
        let files = python_files(&dir);
        if files.is_empty() {
            let missing = dir.display().to_string();
            trials.push(Trial::test(
                format!("corpus::{label}::present"),
                move || Err(format!("no programs found in {missing}").into()),
            ));
        }
        for path in files {
            let rel = path.strip_prefix(&dir).unwrap_or(&path).with_extension("");
            let name = format!(
                "corpus::{label}::{}",
                rel.to_string_lossy().replace('/', "::")
            );
            trials.push(Trial::test(name, move || accepted(path)));
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
