//! Generates the parser from `grammar/python.lalrpop` into OUT_DIR, reporting how long it took,
//! and gives the linker the order of the start-up functions (see `scripts/startup_order.py`).
use std::time::Instant;

/// The functions every run executes, which the linker places together (LLD's
/// `--symbol-ordering-file`; LLD is Rust's default linker on this target since 1.90).
const STARTUP_ORDER: &str = "scripts/startup.order";

fn main() {
    println!("cargo:rerun-if-changed=grammar/python.lalrpop");
    println!("cargo:rerun-if-changed={STARTUP_ORDER}");
    if std::env::var("TARGET").is_ok_and(|t| t == "x86_64-unknown-linux-gnu") {
        let dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
        println!("cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={dir}/{STARTUP_ORDER}");
        // Symbols of the file that a change removed are skipped, silently.
        println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    }
    let started = Instant::now();
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    lalrpop::Configuration::new()
        .set_out_dir(out_dir)
        .emit_rerun_directives(false)
        .process_file("grammar/python.lalrpop")
        .expect("LALRPOP generation failed");
    println!(
        "cargo:warning=LALRPOP generated the parser in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}
