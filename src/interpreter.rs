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
    ///
    /// ```
    /// use std::sync::{Arc, Mutex};
    /// # #[derive(Clone, Default)]
    /// # struct Shared(Arc<Mutex<Vec<u8>>>);
    /// # impl std::io::Write for Shared {
    /// #     fn write(&mut self, b: &[u8]) -> std::io::Result<usize> { self.0.lock().unwrap().write(b) }
    /// #     fn flush(&mut self) -> std::io::Result<()> { Ok(()) }
    /// # }
    /// let (out, err) = (Shared::default(), Shared::default());
    /// let mut interp = baton::Interpreter::with_streams(Box::new(out.clone()), Box::new(err.clone()));
    /// interp.run_source("t.py", "import sys\nprint('a')\nprint('b', file=sys.stderr)\n").unwrap();
    /// assert_eq!(out.0.lock().unwrap().as_slice(), b"a\n");
    /// assert_eq!(err.0.lock().unwrap().as_slice(), b"b\n");
    /// ```
    pub fn with_streams(out: Box<dyn Write>, err: Box<dyn Write>) -> Interpreter {
        Interpreter {
            vm: Vm::new(out, err),
        }
    }

    /// A flag that interrupts the running program: once set (say, from a Ctrl-C handler), the
    /// program raises `KeyboardInterrupt` at its next loop iteration, return or sleep step.
    ///
    /// ```
    /// use std::sync::atomic::Ordering;
    /// let mut interp = baton::Interpreter::with_output(Box::new(std::io::sink()));
    /// interp.interrupt_handle().store(true, Ordering::Relaxed);
    /// let Err(baton::RunError::Exception(report)) = interp.run_source("t.py", "while True:\n    pass\n") else {
    ///     panic!("the loop should be interrupted");
    /// };
    /// assert_eq!(report.last_line(), "KeyboardInterrupt");
    /// ```
    pub fn interrupt_handle(&self) -> std::sync::Arc<std::sync::atomic::AtomicBool> {
        self.vm.interrupt_handle()
    }

    /// Runs the program on a virtual clock: when no task is runnable the event loop jumps
    /// straight to its next timer, and `time.time()`, `time.monotonic()`, `loop.time()` and a
    /// blocking `time.sleep()` follow that clock. Sleep-heavy programs print what they print
    /// in real time, at once.
    ///
    /// ```
    /// let mut interp = baton::Interpreter::with_output(Box::new(std::io::sink()));
    /// interp.use_virtual_time();
    /// let started = std::time::Instant::now();
    /// let program = "import asyncio, time\nasync def main():\n    await asyncio.sleep(3600)\nt = time.time()\nasyncio.run(main())\nassert round(time.time() - t) == 3600\n";
    /// interp.run_source("t.py", program).unwrap();
    /// assert!(started.elapsed().as_secs() < 60);
    /// ```
    pub fn use_virtual_time(&mut self) {
        self.vm.use_virtual_time();
    }

    /// Sets `sys.argv`: the script's name, then its arguments.
    pub fn set_argv(&mut self, argv: Vec<String>) {
        self.vm.set_argv(argv);
    }

    /// Ends the program: what CPython does as it exits after the main module (warnings about
    /// coroutines never awaited). Call it after reporting the run's outcome.
    pub fn shut_down(&mut self) {
        self.vm.shut_down();
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::Ordering;

    #[derive(Clone, Default)]
    struct Captured(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl Write for Captured {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn an_interrupt_raises_keyboard_interrupt_in_the_program() {
        let out = Captured::default();
        let mut interp =
            Interpreter::with_streams(Box::new(out.clone()), Box::new(std::io::sink()));
        // Interrupts keep coming until the run ends: the first is caught by the program, the
        // second ends it (nothing between the handler and the second loop is a safepoint).
        let flag = interp.interrupt_handle();
        let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let finished = done.clone();
        let setter = std::thread::spawn(move || {
            while !finished.load(Ordering::Relaxed) {
                std::thread::sleep(std::time::Duration::from_millis(10));
                flag.store(true, Ordering::Relaxed);
            }
        });
        let src = "try:\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    print('interrupted')\nwhile True:\n    pass\n";
        let result = interp.run_source("loop.py", src);
        done.store(true, Ordering::Relaxed);
        setter.join().ok();
        assert_eq!(String::from_utf8_lossy(&out.0.borrow()), "interrupted\n");
        match result {
            Err(RunError::Exception(report)) => {
                assert_eq!(report.last_line(), "KeyboardInterrupt");
                assert_eq!(report.exit_status, Some(130));
            }
            _ => panic!("the second loop should end with KeyboardInterrupt"),
        }
    }
}
