//! Generates the parser from `grammar/python.lalrpop` into OUT_DIR, reporting how long it took.
use std::time::Instant;

fn main() {
    println!("cargo:rerun-if-changed=grammar/python.lalrpop");
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
