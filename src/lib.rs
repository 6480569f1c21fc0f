//! Baton: a Python 3 interpreter built around cooperative coroutines.
//!
//! The front end lives in [`syntax`]: [`syntax::parse_module`] turns source into an AST and
//! [`check_source`] also applies the compile-time checks CPython makes.
//!
//! ```
//! assert!(baton::check_source("async def main():\n    await f()\n").is_ok());
//! let err = baton::check_source("await f()\n").unwrap_err();
//! assert_eq!(err.to_string(), "SyntaxError: 'await' outside function");
//! ```

pub mod compile;
pub mod diagnostics;
mod interpreter;
pub mod runtime;
pub mod syntax;
pub mod vm;

pub use interpreter::{compile_source, Interpreter, RunError};

/// Parses `src` and runs every compile-time check, as `compile()` would without running it.
pub fn check_source(src: &str) -> Result<syntax::ast::Module, syntax::SyntaxError> {
    let module = syntax::parse_module(src)?;
    syntax::check::check_module(&module)?;
    Ok(module)
}
