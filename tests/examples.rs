//! The tutorial programs Baton exists to run (`../shared/examples/`), through their own checker
//! (`check.py`, which compares with CPython's recorded output): every one on the virtual clock,
//! and a few that sleep for real on the real one.

use std::process::Command;

/// The one example Baton does not run: it needs threads.
const NEEDS_THREADS: &str = "08_s0_threading_approach";

/// Runs `check.py` (given `options`) on the `baton` binary given `flags`; the names of the
/// programs that failed and the checker's summary line.
fn check(options: &[&str], flags: &[&str]) -> (Vec<String>, String) {
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/examples");
    let out = Command::new("python3")
        .arg(examples.join("check.py"))
        .args(options)
        .arg(env!("CARGO_BIN_EXE_baton"))
        .args(flags)
        .output()
        .expect("python3 runs check.py");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let failed = text
        .lines()
        .filter_map(|l| l.strip_prefix("FAIL "))
        .map(|l| l.split(':').next().unwrap_or(l).to_owned())
        .collect();
    let summary = text.lines().last().unwrap_or("").to_owned();
    (failed, summary)
}

#[test]
fn every_example_runs_like_cpython_on_the_virtual_clock() {
    let (failed, summary) = check(&[], &["--virtual-time"]);
    assert_eq!(failed, [NEEDS_THREADS], "{summary}");
}

#[test]
fn sleeping_examples_run_like_cpython_in_real_time() {
    for name in [
        "04_s0_run_event_loop",
        "32_s3_event_loop_example",
        "42_s4_get_running_loop",
    ] {
        let (failed, summary) = check(&["-k", name], &[]);
        assert!(failed.is_empty(), "{name}: {summary}");
        assert_eq!(summary, "1 passed, 0 failed", "{name}");
    }
}
