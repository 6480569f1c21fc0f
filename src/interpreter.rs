//! The embedding API: an [`Interpreter`] runs Python source, as the `baton` command does.

use std::io::Write;

use crate::compile::compile_module;
use crate::syntax::SyntaxError;
use crate::vm::{Report, Vm};

/// Why a program did not run to completion.
#[derive(Debug)]
pub enum RunError {
    /// Rejected before running (syntax, compile-time checks, unsupported features).
    Syntax(SyntaxError),
    /// An exception nobody caught (or `SystemExit`): what to print and the exit status.
    Exception(Report),
}

/// A Python interpreter: its own heap and globals; `print` goes to the writer it was given.
///
/// ```
/// use baton::Interpreter;
/// use std::sync::{Arc, Mutex};
///
/// #[derive(Clone, Default)]
/// struct Shared(Arc<Mutex<Vec<u8>>>);
/// impl std::io::Write for Shared {
///     fn write(&mut self, b: &[u8]) -> std::io::Result<usize> { self.0.lock().unwrap().write(b) }
///     fn flush(&mut self) -> std::io::Result<()> { Ok(()) }
/// }
///
/// let out = Shared::default();
/// let mut interp = Interpreter::with_output(Box::new(out.clone()));
/// interp.run_source("demo.py", "def sq(x):\n    return x * x\nprint(sq(12), f'{2.5:.2f}')\n").unwrap();
/// assert_eq!(String::from_utf8(out.0.lock().unwrap().clone()).unwrap(), "144 2.50\n");
/// ```
pub struct Interpreter {
    vm: Vm,
}

impl Interpreter {
    /// An interpreter printing to standard output (buffered; flushed when it returns).
    pub fn new() -> Interpreter {
        Interpreter::with_output(Box::new(std::io::BufWriter::new(std::io::stdout())))
    }

    /// An interpreter printing to `out`; what programs write to `sys.stderr` goes to standard
    /// error.
    pub fn with_output(out: Box<dyn Write>) -> Interpreter {
        Interpreter::with_streams(out, Box::new(std::io::stderr()))
    }

    /// An interpreter whose programs' standard output goes to `out` and whose `sys.stderr`
    /// (`print(..., file=sys.stderr)`) goes to `err`. Uncaught exceptions are not printed: they
    /// come back from [`Interpreter::run_source`].
    pub fn with_streams(out: Box<dyn Write>, err: Box<dyn Write>) -> Interpreter {
        Interpreter {
            vm: Vm::new(out, err),
        }
    }

    /// Sets `sys.argv`: the script's name, then its arguments.
    pub fn set_argv(&mut self, argv: Vec<String>) {
        self.vm.set_argv(argv);
    }

    /// Compiles and runs `src` as the main module, named `filename` in tracebacks.
    pub fn run_source(&mut self, filename: &str, src: &str) -> Result<(), RunError> {
        let code = compile_source(filename, src).map_err(RunError::Syntax)?;
        let result = self.vm.run_module(code);
        self.vm.flush();
        result.map_err(RunError::Exception)
    }
}

impl Default for Interpreter {
    fn default() -> Interpreter {
        Interpreter::new()
    }
}

/// Parses, checks and compiles `src`.
pub fn compile_source(
    filename: &str,
    src: &str,
) -> Result<std::rc::Rc<crate::compile::Code>, SyntaxError> {
    let module = crate::syntax::parse_module(src)?;
    let symbols = crate::syntax::check::check_module(&module)?;
    compile_module(&module, &symbols, filename, src)
}
