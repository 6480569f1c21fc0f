//! The virtual machine: one dispatch loop over a frame stack. A call pushes a frame and keeps
//! looping, a return pops one — script recursion never recurses in Rust, and runs into
//! `RecursionError` at CPython's default depth instead of the Rust stack's end. Garbage is
//! collected at safepoints between instructions, with the VM's stacks and globals as roots.
//!
//! Global names are resolved to slots once per code object (when its function is made): a
//! global load is then two array reads — the module's value in the slot, or else the builtin of
//! the same name — instead of hashing the name on every access.

mod async_generators;
mod asyncio;
mod builtins;
mod bytes;
mod calendar;
mod call;
mod classes;
mod clock;
mod containers;
mod contextvars;
mod dispatch;
mod event_loop;
mod exception_groups;
mod exception_handler;
mod exceptions;
mod formatting;
mod generators;
mod iteration;
mod keys;
mod math;
mod metaclasses;
mod numbers;
pub mod ops;
mod protocols;
mod rare_ops;
mod reflection;
mod report;
mod repr;
mod sets;
mod slot_wrappers;
mod stdlib;
mod str_methods;
mod suggestions;
mod sys;
mod tasks;
mod traceback;

use std::cell::Cell;
use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::compile::{Code, Const, Op};
pub use crate::runtime::object::TraceEntry;
use crate::runtime::object::{GeneratorState, Loaded, MethodCache, Module};
use crate::runtime::shapes::Shapes;
use crate::runtime::tasks::{Execution, Frame, FrameKind, LoopState};
use crate::runtime::{Heap, ObjRef, Object, Value};
use ops::{int_value, new_str};
pub use report::{Report, ReportedException};

/// CPython's default recursion limit.
const RECURSION_LIMIT: usize = 1000;

/// How deeply natives that call back into Python (`sorted(key=…)`, special methods) may nest,
/// whatever the recursion limit: each level is a nested dispatch loop on the Rust stack.
const NESTED_RUN_LIMIT: usize = 1000;

/// The ways a name can fail to have a value.
#[derive(Clone, Copy)]
enum NameProblem {
    Undefined,
    UnboundLocal,
    UnboundFree,
}

/// A Python exception on its way through the VM: raised by the VM itself (a built-in type and a
/// message; its object is made only if a program catches it) or by the program (its object).
///
/// It is one pointer to its [`ExceptionData`] (whose fields it derefs to), so that the
/// `Result<Value, Exception>` every operation returns is two words and comes back in registers;
/// the allocation is paid only when something is raised.
///
/// ```
/// use baton::vm::Exception;
/// let e = Exception::new("ValueError", "bad");
/// assert_eq!((e.kind, e.message.as_str()), ("ValueError", "bad"));
/// assert_eq!(std::mem::size_of::<Result<baton::runtime::Value, Exception>>(), 16);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Exception(Box<ExceptionData>);

/// What an [`Exception`] holds.
#[derive(Clone, Debug, PartialEq)]
pub struct ExceptionData {
    /// The built-in class it is, or the nearest built-in base of its class.
    pub kind: &'static str,
    pub message: String,
    /// Outermost call first, as tracebacks print; filled where it is raised.
    pub traceback: Vec<TraceEntry>,
    /// The exception object the program sees, once there is one.
    pub value: Option<Value>,
    /// The exception being handled where this one was raised (its `__context__`).
    pub context: Option<Value>,
    /// The object's one argument when it is not the message (a `KeyError`'s key).
    pub arg: Option<Value>,
}

impl std::ops::Deref for Exception {
    type Target = ExceptionData;

    fn deref(&self) -> &ExceptionData {
        &self.0
    }
}

impl std::ops::DerefMut for Exception {
    fn deref_mut(&mut self) -> &mut ExceptionData {
        &mut self.0
    }
}

impl Exception {
    #[cold]
    pub fn new(kind: &'static str, message: impl Into<String>) -> Exception {
        Exception(Box::new(ExceptionData {
            kind,
            message: message.into(),
            traceback: Vec::new(),
            value: None,
            context: None,
            arg: None,
        }))
    }

    /// This exception, or — when it is a `TypeError` the VM raised itself (not one a program
    /// raised) — a `TypeError` saying `message` instead: how callers name what they could not
    /// iterate.
    pub fn reworded_type_error(self, message: impl FnOnce() -> String) -> Exception {
        if self.kind == "TypeError" && self.value.is_none() {
            Exception::new("TypeError", message())
        } else {
            self
        }
    }

    /// `KeyError(key)`.
    pub fn key_error(heap: &Heap, key: Value) -> Exception {
        let mut e = Exception::new("KeyError", ops::repr(heap, key));
        e.arg = Some(key);
        e
    }
}

/// The machine: heap, globals, builtins, and the stacks of the running code.
pub struct Vm {
    pub heap: Heap,
    /// The attribute names of instances (see [`crate::runtime::shapes`]).
    shapes: Shapes,
    /// Global slot of each global (or builtin) name seen so far.
    global_slots: HashMap<Rc<str>, u32>,
    /// The module's value in each slot (`Unbound` when it has none).
    global_values: Vec<Value>,
    /// The builtin behind each slot (`Unbound` when there is none).
    builtin_values: Vec<Value>,
    modules: HashMap<Rc<str>, Value>,
    stack: Vec<Value>,
    frames: Vec<Frame>,
    /// The exceptions being handled (`except` and `finally` blocks running for one), innermost
    /// last: a new exception's `__context__`.
    handling: Vec<Value>,
    /// Values natives hold across calls back into Python, kept alive for the collector.
    pinned: Vec<Value>,
    /// The class of each built-in type, by name.
    types: HashMap<&'static str, ObjRef, foldhash::fast::FixedState>,
    not_implemented: Value,
    /// The `Ellipsis` object (`...`).
    ellipsis: Value,
    /// An exception to raise in the next frame run (`generator.throw`).
    pending_throw: Option<Exception>,
    /// `sys.argv`, and `sys.stderr` once made (so `print(file=…)` knows it).
    argv: Vec<String>,
    stderr: Value,
    out: Box<dyn Write>,
    err: Box<dyn Write>,
    /// `"__init__"`, interned (class calls look it up by pointer).
    init_name: Rc<str>,
    /// Set from outside (a Ctrl-C handler) to raise `KeyboardInterrupt` at the next safepoint.
    interrupt: Arc<AtomicBool>,
    /// The most frames that may be running at once (`sys.setrecursionlimit`).
    recursion_limit: usize,
    /// Dispatch loops running inside natives that called back into Python.
    nested_runs: usize,
    /// Bumped whenever a class's attributes change after it was made: lookups cached in
    /// classes are valid only at the version they were made at.
    class_version: u64,
    /// Whether any class has attribute hooks (see [`Vm::has_attribute_hooks`]): until one
    /// does, instance attributes are read and written without looking at their class.
    any_attribute_hooks: bool,
    /// Whether any class of the program's defines `__getattribute__` (until one does, no
    /// attribute access looks for it).
    any_getattribute: bool,
    /// The `str` type, whose one-argument calls on plain values take a short path.
    str_type: Option<ObjRef>,
    /// The built-in `len`, which a call gives its answer for built-in values without the
    /// native-call machinery.
    len_function: Option<ObjRef>,
    /// Whether the program made a coroutine (only then does its end look for unawaited ones).
    made_coroutines: bool,
    /// The never-awaited coroutines warned of (each warning's first line).
    warned_unawaited: std::collections::HashSet<String>,
    /// The clock `time` and the event loop read.
    clock: clock::Clock,
    /// The event loop running now, with its queues (taken out of its object while it runs).
    running_loop: Option<(ObjRef, Box<LoopState>)>,
    /// The loop `get_event_loop()` gives when none is running.
    event_loop: Option<ObjRef>,
    /// Whether `set_event_loop` was ever called (from then on, no loop is made on demand).
    event_loop_was_set: bool,
    /// The values of the frames (and the failed calls' arguments) the latest exceptions left,
    /// kept alive as CPython's tracebacks keep their frames (a coroutine among them that was
    /// never awaited is warned of when the program ends, not before its traceback); dropped
    /// when an exception is caught.
    unwound: Vec<Value>,
    /// The task whose step is running.
    current_task: Option<ObjRef>,
    /// The current `contextvars` context (none until the program makes one).
    context: Option<ObjRef>,
    /// Whether the program ever made a context current (until then, task steps do not
    /// switch contexts).
    contexts_used: bool,
    /// The contexts current outside the task steps running (innermost last).
    outer_contexts: Vec<Option<ObjRef>>,
    /// The nested-run level of the running task step: only its own frames can suspend it.
    task_run_level: usize,
    /// The executions set aside while tasks' steps run (the code that started the loop).
    set_aside: Vec<Execution>,
    /// How many tasks were made (CPython numbers default names `Task-N` by it).
    tasks_made: u64,
    /// The tasks not done yet (`asyncio.all_tasks`).
    live_tasks: std::collections::HashSet<ObjRef, foldhash::fast::FixedState>,
    /// Tasks that ended with an exception, until it is retrieved or reported.
    failed_futures: Vec<ObjRef>,
    /// Set when a future fails: after the loop's current job, those of `failed_futures` the
    /// program dropped are reported.
    future_failed: bool,
    /// Async generators first iterated while a loop ran (CPython's `firstiter` hook): those
    /// still suspended when `asyncio.run` ends are closed then.
    async_generators: Vec<ObjRef>,
    /// Set by an `await` that suspends the running task: the dispatch loop returns.
    suspending: bool,
    /// The `sleep()` coroutine reused by every `await asyncio.sleep(…)` (see `asyncio::sleep`).
    scratch_sleep: Option<ObjRef>,
    /// The modules whose embedded Python half has run (or is running).
    embedded_run: std::collections::HashSet<Rc<str>>,
}

impl Vm {
    /// A machine whose `print` writes to `out`, and `sys.stderr` to `err`.
    pub fn new(out: Box<dyn Write>, err: Box<dyn Write>) -> Vm {
        let mut vm = Vm {
            heap: Heap::new(),
            shapes: Shapes::default(),
            global_slots: HashMap::new(),
            global_values: Vec::new(),
            builtin_values: Vec::new(),
            modules: HashMap::new(),
            stack: Vec::with_capacity(1024),
            frames: Vec::new(),
            handling: Vec::new(),
            pinned: Vec::new(),
            types: HashMap::default(),
            not_implemented: Value::None,
            ellipsis: Value::None,
            pending_throw: None,
            argv: Vec::new(),
            stderr: Value::None,
            out,
            err,
            init_name: crate::runtime::attrs::intern("__init__"),
            interrupt: Arc::new(AtomicBool::new(false)),
            recursion_limit: RECURSION_LIMIT,
            nested_runs: 0,
            class_version: 1,
            any_attribute_hooks: false,
            any_getattribute: false,
            str_type: None,
            len_function: None,
            made_coroutines: false,
            warned_unawaited: Default::default(),
            clock: clock::Clock::default(),
            running_loop: None,
            event_loop: None,
            event_loop_was_set: false,
            unwound: Vec::new(),
            current_task: None,
            context: None,
            contexts_used: false,
            outer_contexts: Vec::new(),
            task_run_level: 0,
            set_aside: Vec::new(),
            tasks_made: 0,
            live_tasks: Default::default(),
            async_generators: Vec::new(),
            failed_futures: Vec::new(),
            future_failed: false,
            embedded_run: Default::default(),
            scratch_sleep: None,
            suspending: false,
        };
        builtins::install(&mut vm);
        vm.str_type = Some(vm.builtin_type("str"));
        let len_slot = vm.global_slot(&Rc::from("len"));
        vm.len_function = vm.builtin_values[len_slot as usize].as_obj();
        exceptions::install(&mut vm);
        exception_groups::install(&mut vm);
        vm
    }

    /// A flag that, once set (from a signal handler or another thread), makes the running
    /// program raise `KeyboardInterrupt` at its next loop iteration, call return or sleep step.
    pub fn interrupt_handle(&self) -> Arc<AtomicBool> {
        self.interrupt.clone()
    }

    /// Takes a pending interrupt: the `KeyboardInterrupt` to raise, if one was requested.
    #[inline]
    fn take_interrupt(&self) -> Option<Exception> {
        // A plain load on the hot path; the read-modify-write only once one is pending.
        if !self.interrupt.load(Ordering::Relaxed) {
            return None;
        }
        self.interrupt
            .swap(false, Ordering::Relaxed)
            .then(|| Exception::new("KeyboardInterrupt", ""))
    }

    /// Runs `f` with `values` kept alive for the collector (values only Rust code holds while
    /// Python code runs).
    fn with_pinned<T>(
        &mut self,
        values: impl IntoIterator<Item = Value>,
        f: impl FnOnce(&mut Vm) -> T,
    ) -> T {
        let mark = self.pinned.len();
        self.pinned.extend(values);
        let result = f(self);
        self.pinned.truncate(mark);
        result
    }

    /// Puts the program on a virtual clock (see [`crate::Interpreter::use_virtual_time`]).
    pub fn use_virtual_time(&mut self) {
        self.clock.use_virtual_time();
    }

    /// Sets `sys.argv` (the script's path first).
    pub fn set_argv(&mut self, argv: Vec<String>) {
        self.argv = argv;
    }

    /// Writes to the program's standard output.
    fn write_out(&mut self, text: &str) -> Result<(), Exception> {
        self.out
            .write_all(text.as_bytes())
            .map_err(|e| Exception::new("OSError", e.to_string()))
    }

    /// Writes to the program's standard error, after what it printed to standard output (so
    /// the two interleave as written).
    fn write_err(&mut self, text: &str) {
        self.flush();
        let _ = self.err.write_all(text.as_bytes());
        let _ = self.err.flush();
    }

    pub fn flush(&mut self) {
        let _ = self.out.flush();
    }

    /// Runs a module's code to completion; an uncaught exception comes back as its report.
    pub fn run_module(&mut self, code: Rc<Code>) -> Result<(), Report> {
        let name = new_str(&mut self.heap, "__main__");
        let slot = self.global_slot(&Rc::from("__name__"));
        self.global_values[slot as usize] = name;
        // A program read from a file knows its path (one given by `-c` or typed has none).
        if !code.filename.starts_with('<') {
            let file = new_str(&mut self.heap, &*code.filename);
            let slot = self.global_slot(&Rc::from("__file__"));
            self.global_values[slot as usize] = file;
        }
        let loaded = self.load(code).map_err(|e| self.report(e))?;
        self.push_module_frame(loaded);
        let result = self.execute();
        self.stack.clear();
        self.frames.clear();
        self.handling.clear();
        let result = result.map(drop).map_err(|e| self.report(e));
        // Coroutines dropped unawaited are reported before the program's own error, as
        // CPython reports them when they are dropped.
        if self.made_coroutines {
            self.collect_garbage();
        }
        result
    }

    /// Pushes the frame of a module's code, its locals unbound; the stack's length before it.
    fn push_module_frame(&mut self, loaded: Rc<Loaded>) -> usize {
        let base = self.stack.len();
        self.stack
            .extend(std::iter::repeat_n(Value::Unbound, loaded.nlocals));
        self.push_frame(Frame {
            loaded,
            ip: 0,
            base,
            handling_base: self.handling.len(),
            kind: FrameKind::Call,
        });
        base
    }

    /// Pushes `frame` on the frame stack, its slots already on the value stack, and makes
    /// room there for its operands (the dispatch loop pushes them unchecked).
    fn push_frame(&mut self, frame: Frame) {
        let room_end = frame.base + frame.loaded.frame_room;
        if room_end > self.stack.capacity() {
            // Capacity is at least the length, so `room_end` is past it.
            self.stack.reserve(room_end - self.stack.len());
        }
        self.push_frame_with_room(frame);
    }

    /// [`Vm::push_frame`] when the stack's capacity already reaches `base + frame_room`.
    /// The frame is written in place. (`Vec::push` is not always inlined; the frame then goes
    /// through memory and is copied with wide loads right after its fields were stored one
    /// by one, which stalls on store forwarding.)
    #[inline(always)]
    fn push_frame_with_room(&mut self, frame: Frame) {
        let len = self.frames.len();
        if len == self.frames.capacity() {
            self.frames.reserve(16);
        }
        // SAFETY: there is room for one more frame; once written it is initialised.
        unsafe {
            self.frames.as_mut_ptr().add(len).write(frame);
            self.frames.set_len(len + 1);
        }
    }

    /// The slot of global name `name`, made on first use.
    fn global_slot(&mut self, name: &Rc<str>) -> u32 {
        if let Some(&slot) = self.global_slots.get(name) {
            return slot;
        }
        let slot = self.global_values.len() as u32;
        self.global_slots.insert(name.clone(), slot);
        self.global_values.push(Value::Unbound);
        self.builtin_values.push(Value::Unbound);
        slot
    }

    /// Puts a called function's cells after its locals: fresh cells (holding the argument when
    /// the cell is a parameter), then the cells of function `func`'s closure.
    fn make_cells(&mut self, loaded: &Loaded, base: usize, func: ObjRef) {
        for c in 0..loaded.ncells {
            let initial = loaded
                .cell_params
                .iter()
                .find(|&&(cell, _)| cell as usize == c)
                .map_or(Value::Unbound, |&(_, param)| {
                    self.stack[base + param as usize]
                });
            let cell = self.heap.alloc(Object::Cell(initial));
            self.stack.push(Value::Obj(cell));
        }
        if let Object::Function(f) = self.heap.get(func) {
            self.stack.extend_from_slice(&f.closure);
        }
    }

    /// A NameError (or UnboundLocalError) for `name`, with CPython's "Did you mean" suggestion
    /// drawn from the code's locals, the module's globals and the builtins.
    fn name_error(&self, code: &Code, problem: NameProblem, name: &str) -> Exception {
        let (kind, message) = match problem {
            NameProblem::Undefined => ("NameError", format!("name '{name}' is not defined")),
            NameProblem::UnboundLocal => (
                "UnboundLocalError",
                format!("cannot access local variable '{name}' where it is not associated with a value"),
            ),
            NameProblem::UnboundFree => (
                "NameError",
                format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
            ),
        };
        let locals: Vec<&str> = code.varnames.iter().map(|n| &**n).collect();
        let mut bound: Vec<(&Rc<str>, u32)> = self
            .global_slots
            .iter()
            .filter(|(n, &slot)| {
                self.global_values[slot as usize] != Value::Unbound && !stdlib::is_private_slot(n)
            })
            .map(|(n, &slot)| (n, slot))
            .collect();
        bound.sort_by_key(|&(_, slot)| slot);
        let globals: Vec<&str> = suggestions::MODULE_DUNDERS
            .iter()
            .copied()
            .chain(
                bound
                    .iter()
                    .map(|(n, _)| &***n)
                    .filter(|n| !suggestions::MODULE_DUNDERS.contains(n)),
            )
            .collect();
        match suggestions::suggest_name(name, &locals, &globals) {
            Some(s) => Exception::new(kind, format!("{message}. Did you mean: '{s}'?")),
            None => Exception::new(kind, message),
        }
    }

    /// Sends exception `e`, raised in the running frame (the last), to the innermost handler
    /// that covers it, in this frame or a caller's (down to the frame at `stop_depth`), whose
    /// frame is then the last; without one, returns it.
    fn handle(&mut self, mut e: Exception, stop_depth: usize) -> Result<(), Exception> {
        if e.traceback.is_empty() {
            e.traceback = self.traceback();
        }
        if e.context.is_none() {
            e.context = self.handling.last().copied();
        }
        loop {
            let Some(frame) = self.frames.last_mut() else {
                return Err(e);
            };
            let ip = frame.ip.saturating_sub(1) as u32;
            let handler = frame
                .loaded
                .code
                .handlers
                .iter()
                .find(|h| h.start <= ip && ip < h.end)
                .copied();
            if let Some(h) = handler {
                frame.ip = h.target as usize;
                let handling = frame.handling_base + h.handling as usize;
                let depth = frame.base + frame.loaded.slots + h.depth as usize;
                // A caught exception's traceback starts at the frame that caught it.
                let callers = (self.frames.len() - 1).min(e.traceback.len());
                e.traceback.drain(..callers);
                let exc = self.exception_object(&e);
                self.handling.truncate(handling);
                self.stack.truncate(depth);
                self.stack.push(exc);
                self.unwound.clear();
                return Ok(());
            }
            let (kind, base, handling_base) = (frame.kind, frame.base, frame.handling_base);
            if let FrameKind::Generator(gen) = kind {
                self.finish_generator(gen);
                let is_async = matches!(self.heap.get(gen), Object::AsyncGenerator(_));
                let awaited_by = base.checked_sub(1).and_then(|b| self.stack.get(b)).copied();
                if e.kind == "GeneratorExit"
                    && self.frames.len() > stop_depth + 1
                    && awaited_by.is_some_and(|s| self.is_close_step(s))
                {
                    // `aclose()` ended the generator: the await gives `None`.
                    self.frames.pop();
                    self.stack.truncate(base);
                    self.handling.truncate(handling_base);
                    self.stack[base - 1] = Value::None;
                    return Ok(());
                }
                if is_async && e.kind == "StopAsyncIteration" {
                    e = self.escaped(e, "async generator raised StopAsyncIteration");
                }
                if e.kind == "StopIteration" {
                    let what = match self.heap.get(gen) {
                        Object::Coroutine(_) => "coroutine",
                        Object::AsyncGenerator(_) => "async generator",
                        _ => "generator",
                    };
                    e = self.escaped(e, &format!("{what} raised StopIteration"));
                }
            } else if e.kind == "StopIteration" && frame.loaded.code.is_coroutine {
                // A coroutine awaited as it was made runs as a plain call frame.
                e = self.escaped(e, "coroutine raised StopIteration");
            }
            if self.frames.len() == stop_depth + 1 {
                return Err(e);
            }
            self.frames.pop();
            let below = base.saturating_sub(1);
            self.keep_unwound(below);
            self.stack.truncate(below);
            self.handling.truncate(handling_base);
        }
    }

    /// The `RuntimeError` (saying `message`) a `StopIteration` or `StopAsyncIteration`
    /// becomes as it leaves a generator or coroutine, with it as the context (PEP 479).
    fn escaped(&mut self, e: Exception, message: &str) -> Exception {
        let mut replaced = Exception::new("RuntimeError", message);
        replaced.traceback = e.traceback.clone();
        replaced.context = Some(self.exception_object(&e));
        replaced
    }

    /// Keeps the values of the stack from `from` up alive with the latest exception (see
    /// `unwound`), up to a bound: exceptions that natives swallow never clear them.
    #[cold]
    #[inline(never)]
    pub(super) fn keep_unwound(&mut self, from: usize) {
        const MOST: usize = 4096;
        let values = &self.stack[from.min(self.stack.len())..];
        if self.unwound.len() + values.len() > MOST {
            self.unwound.clear();
        }
        self.unwound.extend_from_slice(values);
    }

    /// What `dir()` lists: the calling function's bound locals, or at module level the
    /// module's globals (with the dunders every module has).
    fn scope_names(&self) -> Vec<Rc<str>> {
        let Some(frame) = self.frames.last() else {
            return Vec::new();
        };
        let code = &frame.loaded.code;
        if code.name.as_ref() != "<module>" {
            return code
                .varnames
                .iter()
                .enumerate()
                .filter(|&(i, _)| {
                    self.stack
                        .get(frame.base + i)
                        .is_some_and(|v| *v != Value::Unbound)
                })
                .map(|(_, n)| n.clone())
                .collect();
        }
        let mut names: Vec<Rc<str>> = suggestions::MODULE_DUNDERS
            .iter()
            .map(|&n| Rc::from(n))
            .collect();
        for (name, &slot) in &self.global_slots {
            if self.global_values[slot as usize] != Value::Unbound
                && !names.contains(name)
                && !stdlib::is_private_slot(name)
            {
                names.push(name.clone());
            }
        }
        names
    }

    /// Makes `name` a builtin.
    fn set_builtin(&mut self, name: &str, v: Value) {
        let slot = self.global_slot(&Rc::from(name));
        self.builtin_values[slot as usize] = v;
    }

    /// Makes a code object ready to run, once it is checked to be valid (a `SystemError` if
    /// not: the dispatch loop trusts its operands).
    fn load(&mut self, code: Rc<Code>) -> Result<Rc<Loaded>, Exception> {
        let max_depth = code
            .validate()
            .map_err(|problem| Exception::new("SystemError", problem))?;
        let globals = match stdlib::module_of(&code) {
            Some(module) => {
                let module = module.to_owned();
                code.names
                    .iter()
                    .map(|n| self.module_slot(&module, n))
                    .collect()
            }
            None => code.names.iter().map(|n| self.global_slot(n)).collect(),
        };
        let names = code
            .names
            .iter()
            .map(|n| crate::runtime::attrs::intern(n))
            .collect();
        let consts = code
            .consts
            .iter()
            .map(|c| match c {
                Const::None => Value::None,
                Const::Ellipsis => self.ellipsis,
                Const::Bool(b) => Value::Bool(*b),
                Const::Int(i) => Value::Int(*i),
                Const::BigInt(b) => int_value(&mut self.heap, (**b).clone()),
                Const::Float(f) => Value::Float(*f),
                Const::Str(s) => new_str(&mut self.heap, &**s),
                Const::Bytes(b) => bytes::new_bytes(&mut self.heap, &**b),
                Const::Code(_) | Const::KwNames(_) => Value::None,
            })
            .collect();
        let slots = code.varnames.len() + code.cellvars.len() + code.freevars.len();
        let positional_only_params = code.kwonlycount == 0 && !code.varargs && !code.varkw;
        let mut ops = code.ops.clone().into_boxed_slice();
        let mut method_caches = Vec::new();
        for op in ops.iter_mut() {
            if let Op::LoadMethod(_, cache) = op {
                *cache = method_caches.len() as u32;
                method_caches.push(Cell::new(MethodCache::default()));
            }
        }
        Ok(Rc::new(Loaded {
            ops,
            method_caches: method_caches.into_boxed_slice(),
            argcount: code.argcount as usize,
            positional_only_params,
            plain_call: positional_only_params
                && code.cellvars.is_empty()
                && code.freevars.is_empty()
                && !code.is_generator
                && !code.is_coroutine,
            nlocals: code.varnames.len(),
            slots,
            frame_room: slots + max_depth as usize,
            ncells: code.cellvars.len(),
            nfree: code.freevars.len(),
            cell_params: code.cell_params.clone().into_boxed_slice(),
            consts,
            globals,
            names,
            code,
        }))
    }

    fn collect_garbage(&mut self) {
        let roots = self.roots(true);
        self.heap.collect(roots);
        self.warn_unawaited();
    }

    /// Every value the program can still reach (the futures whose exception waits to be
    /// reported only with `failed_futures`).
    fn roots(&self, failed_futures: bool) -> Vec<Value> {
        let failed: &[ObjRef] = if failed_futures {
            &self.failed_futures
        } else {
            &[]
        };
        self.stack
            .iter()
            .chain(self.frames.iter().flat_map(|f| f.loaded.consts.iter()))
            .chain(self.global_values.iter())
            .chain(self.builtin_values.iter())
            .chain(self.modules.values())
            .chain(self.handling.iter())
            .chain(self.unwound.iter())
            .chain(self.pinned.iter())
            .chain([&self.not_implemented, &self.ellipsis])
            .copied()
            .chain(self.types.values().map(|&r| Value::Obj(r)))
            .chain(self.set_aside.iter().flat_map(Execution::values))
            .chain(
                self.running_loop
                    .iter()
                    .flat_map(|(l, state)| std::iter::once(Value::Obj(*l)).chain(state.values())),
            )
            .chain(
                self.event_loop
                    .iter()
                    .chain(self.current_task.iter())
                    .chain(self.context.iter())
                    .chain(self.outer_contexts.iter().flatten())
                    .chain(self.live_tasks.iter())
                    .chain(failed.iter())
                    .chain(self.async_generators.iter())
                    .chain(self.scratch_sleep.iter())
                    .map(|&r| Value::Obj(r)),
            )
            .collect()
    }

    /// `RecursionError` when another frame would pass the recursion limit.
    fn check_depth(&self) -> Result<(), Exception> {
        if self.frames.len() >= self.recursion_limit {
            return Err(Exception::new(
                "RecursionError",
                "maximum recursion depth exceeded",
            ));
        }
        Ok(())
    }

    /// Whether the running frame's next instruction awaits what the native being called
    /// returns.
    fn awaited_next(&self) -> bool {
        self.frames
            .last()
            .is_some_and(|f| f.loaded.ops.get(f.ip) == Some(&Op::Await))
    }

    /// Where the running frame is, for an object made here.
    fn origin(&self) -> Option<crate::runtime::object::Origin> {
        self.frames.last().map(|f| crate::runtime::object::Origin {
            loaded: f.loaded.clone(),
            ip: f.ip.saturating_sub(1) as u32,
        })
    }

    /// The traceback of the frames on the frame stack, outermost first.
    fn traceback(&self) -> Vec<TraceEntry> {
        self.frames.iter().map(trace_entry).collect()
    }

    /// Ends the program's run: warns of the coroutines still alive that were never awaited,
    /// as CPython does while it shuts down (after the program's traceback, if any).
    pub fn shut_down(&mut self) {
        if !self.made_coroutines {
            return;
        }
        let mut names: Vec<Rc<str>> = Vec::new();
        for obj in self.heap.objects_mut() {
            if let Some((name, _)) = obj.unawaited() {
                names.push(name);
                match obj {
                    Object::Coroutine(c) => c.state = GeneratorState::Finished,
                    Object::Sleep { awaited, .. } => *awaited = true,
                    _ => {}
                }
            }
        }
        for name in names {
            self.write_err(&format!(
                "sys:1: RuntimeWarning: coroutine '{name}' was never awaited\n"
            ));
        }
    }

    /// Warns, as CPython does, of each coroutine the collector found dead that was never
    /// awaited, at the place it was made.
    fn warn_unawaited(&mut self) {
        for (name, origin) in self.heap.take_unawaited() {
            let place = origin.as_ref().map_or_else(
                || "sys:1".to_owned(),
                |o| format!("{}:{}", o.filename, o.line),
            );
            let warning = format!("{place}: RuntimeWarning: coroutine '{name}' was never awaited");
            // One warning for each place, as Python's warning filter shows it once.
            if !self.warned_unawaited.insert(warning.clone()) {
                continue;
            }
            let source = origin
                .and_then(|o| source_line(&o.filename, o.line))
                .map(|line| format!("  {}\n", line.trim()))
                .unwrap_or_default();
            self.write_err(&format!(
                "{warning}\n{source}\
                 RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
            ));
        }
    }

    fn import(&mut self, name: &Rc<str>) -> Result<Value, Exception> {
        if let Some(&m) = self.modules.get(name) {
            return Ok(m);
        }
        let attrs = if &**name == "sys" {
            sys::attributes(self)
        } else if &**name == "asyncio" {
            asyncio::attributes(self)
        } else {
            builtins::module(&mut self.heap, name)
                // A module written only in Python starts empty and fills on first use.
                .or_else(|| stdlib::has_source(name).then(Default::default))
                .ok_or_else(|| {
                    Exception::new("ModuleNotFoundError", format!("No module named '{name}'"))
                })?
        };
        let m = self.heap.alloc(Object::Module(Box::new(Module {
            name: name.clone(),
            attrs,
        })));
        self.modules.insert(name.clone(), Value::Obj(m));
        Ok(Value::Obj(m))
    }
}

/// The traceback line of a frame: where it is.
fn trace_entry(f: &Frame) -> TraceEntry {
    let code = &f.loaded.code;
    TraceEntry {
        filename: code.filename.clone(),
        line: f.line().unwrap_or(code.first_line),
        function: code.name.clone(),
    }
}

/// Line `line` of the source file `filename`, if it can be read.
fn source_line(filename: &str, line: u32) -> Option<String> {
    let text = std::fs::read_to_string(filename).ok()?;
    text.lines()
        .nth((line as usize).checked_sub(1)?)
        .map(str::to_owned)
}
