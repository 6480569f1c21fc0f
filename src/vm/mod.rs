//! The virtual machine: one dispatch loop over a frame stack. A call pushes a frame and keeps
//! looping, a return pops one — script recursion never recurses in Rust, and runs into
//! `RecursionError` at CPython's default depth instead of the Rust stack's end. Garbage is
//! collected at safepoints between instructions, with the VM's stacks and globals as roots.
//!
//! Global names are resolved to slots once per code object (when its function is made): a
//! global load is then two array reads — the module's value in the slot, or else the builtin of
//! the same name — instead of hashing the name on every access.

mod builtins;
mod containers;
mod exceptions;
mod math;
pub mod ops;
mod suggestions;

use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;

use crate::compile::{Code, Const, Op};
use crate::runtime::object::{Function, Loaded, Module};
use crate::runtime::{Heap, Object, Value};
use crate::syntax::ast::{BinOp, CmpOp};
use ops::{int_value, new_str, type_name};

/// CPython's default recursion limit.
const RECURSION_LIMIT: usize = 1000;

/// The ways a name can fail to have a value.
#[derive(Clone, Copy)]
enum NameProblem {
    Undefined,
    UnboundLocal,
    UnboundFree,
}

/// One line of a traceback.
#[derive(Clone, Debug, PartialEq)]
pub struct TraceEntry {
    pub filename: Rc<str>,
    pub line: u32,
    pub function: Rc<str>,
}

/// A Python exception on its way out: type name, message and where it passed.
#[derive(Clone, Debug, PartialEq)]
pub struct Exception {
    pub kind: &'static str,
    pub message: String,
    /// Outermost call first, as tracebacks print.
    pub traceback: Vec<TraceEntry>,
    /// Set by `sys.exit`: the status to exit with instead of a traceback.
    pub exit_status: Option<i32>,
    /// The exception object the program sees, once there is one.
    pub value: Option<Value>,
}

impl Exception {
    pub fn new(kind: &'static str, message: impl Into<String>) -> Exception {
        Exception {
            kind,
            message: message.into(),
            traceback: Vec::new(),
            exit_status: None,
            value: None,
        }
    }

    /// The last line CPython prints for it.
    pub fn last_line(&self) -> String {
        if self.message.is_empty() {
            self.kind.to_owned()
        } else {
            format!("{}: {}", self.kind, self.message)
        }
    }
}

#[derive(Clone)]
struct Frame {
    loaded: Rc<Loaded>,
    ip: usize,
    /// Index of local slot 0 in the value stack.
    base: usize,
}

/// The machine: heap, globals, builtins, and the stacks of the running code.
pub struct Vm {
    pub heap: Heap,
    /// Global slot of each global (or builtin) name seen so far.
    global_slots: HashMap<Rc<str>, u32>,
    /// The module's value in each slot (`Unbound` when it has none).
    global_values: Vec<Value>,
    /// The builtin behind each slot (`Unbound` when there is none).
    builtin_values: Vec<Value>,
    modules: HashMap<Rc<str>, Value>,
    stack: Vec<Value>,
    frames: Vec<Frame>,
    out: Box<dyn Write>,
}

impl Vm {
    /// A machine whose `print` writes to `out`.
    pub fn new(out: Box<dyn Write>) -> Vm {
        let mut vm = Vm {
            heap: Heap::new(),
            global_slots: HashMap::new(),
            global_values: Vec::new(),
            builtin_values: Vec::new(),
            modules: HashMap::new(),
            stack: Vec::with_capacity(1024),
            frames: Vec::new(),
            out,
        };
        builtins::install(&mut vm);
        vm
    }

    pub fn flush(&mut self) {
        let _ = self.out.flush();
    }

    /// Runs a module's code to completion.
    pub fn run_module(&mut self, code: Rc<Code>) -> Result<(), Exception> {
        let name = new_str(&mut self.heap, "__main__");
        let slot = self.global_slot(&Rc::from("__name__"));
        self.global_values[slot as usize] = name;
        let loaded = self.load(code);
        let base = self.stack.len();
        self.stack
            .extend(std::iter::repeat_n(Value::Unbound, loaded.nlocals));
        self.frames.push(Frame {
            loaded,
            ip: 0,
            base,
        });
        let result = self.execute();
        self.stack.clear();
        self.frames.clear();
        result.map(drop)
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
    /// the cell is a parameter), then the closure's cells.
    fn make_cells(&mut self, loaded: &Loaded, base: usize, closure: &[Value]) {
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
        self.stack.extend_from_slice(closure);
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
            .filter(|(_, &slot)| self.global_values[slot as usize] != Value::Unbound)
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

    /// Sends exception `e`, raised in `frame`, to the innermost handler that covers it, in this
    /// frame or a caller's (at most down to `stop_depth` frames); without one, returns it.
    fn handle(
        &mut self,
        frame: &mut Frame,
        mut e: Exception,
        stop_depth: usize,
    ) -> Result<(), Exception> {
        if e.traceback.is_empty() {
            e.traceback = self.traceback_with(frame);
        }
        loop {
            let ip = frame.ip.saturating_sub(1) as u32;
            let handler = frame
                .loaded
                .code
                .handlers
                .iter()
                .find(|h| h.start <= ip && ip < h.end)
                .copied();
            if let Some(h) = handler {
                let exc = exceptions::to_object(&mut self.heap, &e);
                let slots = frame.loaded.nlocals + frame.loaded.ncells + frame.loaded.nfree;
                self.stack.truncate(frame.base + slots + h.depth as usize);
                self.stack.push(exc);
                frame.ip = h.target as usize;
                return Ok(());
            }
            if self.frames.len() == stop_depth {
                self.frames.push(frame.clone());
                return Err(e);
            }
            let Some(caller) = self.frames.pop() else {
                return Err(e);
            };
            self.stack.truncate(frame.base.saturating_sub(1));
            *frame = caller;
        }
    }

    /// Calls a built-in with the arguments above `callee_at` (the last ones named by `kwnames`),
    /// after `receiver` for a bound method; the callee and its arguments leave the stack.
    fn call_native(
        &mut self,
        func: crate::runtime::object::NativeFn,
        receiver: Option<Value>,
        callee_at: usize,
        kwnames: &[Rc<str>],
    ) -> Result<Value, Exception> {
        let mut args: Vec<Value> = receiver.into_iter().collect();
        args.extend(self.stack.drain(callee_at + 1..));
        self.stack.pop();
        let keyword_values = args.split_off(args.len() - kwnames.len());
        let kwargs: Vec<(Rc<str>, Value)> = kwnames.iter().cloned().zip(keyword_values).collect();
        func(self, &args, &kwargs)
    }

    /// Makes `name` a builtin.
    fn set_builtin(&mut self, name: &str, v: Value) {
        let slot = self.global_slot(&Rc::from(name));
        self.builtin_values[slot as usize] = v;
    }

    /// Makes a code object ready to run.
    fn load(&mut self, code: Rc<Code>) -> Rc<Loaded> {
        let globals = code.names.iter().map(|n| self.global_slot(n)).collect();
        let consts = code
            .consts
            .iter()
            .map(|c| match c {
                Const::None => Value::None,
                Const::Bool(b) => Value::Bool(*b),
                Const::Int(i) => Value::Int(*i),
                Const::BigInt(b) => int_value(&mut self.heap, (**b).clone()),
                Const::Float(f) => Value::Float(*f),
                Const::Str(s) => new_str(&mut self.heap, &**s),
                Const::Code(_) | Const::KwNames(_) => Value::None,
            })
            .collect();
        Rc::new(Loaded {
            ops: code.ops.clone().into_boxed_slice(),
            argcount: code.argcount as usize,
            nlocals: code.varnames.len(),
            ncells: code.cellvars.len(),
            nfree: code.freevars.len(),
            cell_params: code.cell_params.clone().into_boxed_slice(),
            consts,
            globals,
            code,
        })
    }

    fn collect_garbage(&mut self) {
        let roots = self
            .stack
            .iter()
            .chain(self.frames.iter().flat_map(|f| f.loaded.consts.iter()))
            .chain(self.global_values.iter())
            .chain(self.builtin_values.iter())
            .chain(self.modules.values())
            .copied()
            .collect::<Vec<_>>();
        self.heap.collect(roots);
    }

    /// The traceback of the frames below `current` and `current` itself, outermost first.
    fn traceback_with(&self, current: &Frame) -> Vec<TraceEntry> {
        self.frames
            .iter()
            .chain(std::iter::once(current))
            .map(|f| {
                let code = &f.loaded.code;
                TraceEntry {
                    filename: code.filename.clone(),
                    line: code
                        .lines
                        .get(f.ip.saturating_sub(1))
                        .copied()
                        .unwrap_or(code.first_line),
                    function: code.name.clone(),
                }
            })
            .collect()
    }

    /// Runs frames until the bottom one returns. On an uncaught exception the frames are
    /// unwound and the exception carries its traceback.
    fn execute(&mut self) -> Result<Value, Exception> {
        let stop_depth = self.frames.len() - 1;
        self.run_frames(stop_depth)
            .inspect_err(|_| self.frames.truncate(stop_depth))
    }

    fn run_frames(&mut self, stop_depth: usize) -> Result<Value, Exception> {
        let mut frame = self
            .frames
            .pop()
            .ok_or_else(|| Exception::new("SystemError", "no frame to run"))?;
        macro_rules! fail {
            ($e:expr) => {{
                let e: Exception = $e;
                match self.handle(&mut frame, e, stop_depth) {
                    Ok(()) => continue,
                    Err(e) => return Err(e),
                }
            }};
        }
        // Loop back-edges and returns are where garbage is collected, with the running frame
        // among the roots.
        macro_rules! safepoint {
            () => {
                if self.heap.wants_collection() {
                    self.frames.push(frame);
                    self.collect_garbage();
                    frame = self
                        .frames
                        .pop()
                        .ok_or_else(|| Exception::new("SystemError", "frame lost"))?;
                }
            };
        }
        macro_rules! pop {
            () => {
                self.stack.pop().unwrap_or(Value::None)
            };
        }
        loop {
            let op = frame.loaded.ops[frame.ip];
            frame.ip += 1;
            match op {
                Op::LoadFast(i) => {
                    let v = self.stack[frame.base + i as usize];
                    if v == Value::Unbound {
                        let name = &frame.loaded.code.varnames[i as usize];
                        fail!(self.name_error(&frame.loaded.code, NameProblem::UnboundLocal, name));
                    }
                    self.stack.push(v);
                }
                Op::StoreFast(i) => {
                    let v = pop!();
                    self.stack[frame.base + i as usize] = v;
                }
                Op::LoadConst(i) => self.stack.push(frame.loaded.consts[i as usize]),
                Op::LoadGlobal(i) => {
                    let slot = frame.loaded.globals[i as usize] as usize;
                    let mut v = self.global_values[slot];
                    if v == Value::Unbound {
                        v = self.builtin_values[slot];
                        if v == Value::Unbound {
                            let name = &frame.loaded.code.names[i as usize];
                            fail!(self.name_error(
                                &frame.loaded.code,
                                NameProblem::Undefined,
                                name
                            ));
                        }
                    }
                    self.stack.push(v);
                }
                Op::StoreGlobal(i) => {
                    let v = pop!();
                    self.global_values[frame.loaded.globals[i as usize] as usize] = v;
                }
                Op::LoadAttr(i) => {
                    let obj = pop!();
                    let name = &frame.loaded.code.names[i as usize];
                    let found = match obj.as_obj().map(|r| self.heap.get(r)) {
                        Some(Object::Module(m)) => m.attrs.get(name).copied(),
                        Some(Object::Exception { args, .. }) if &**name == "args" => {
                            let args = args.clone();
                            Some(Value::Obj(self.heap.alloc(Object::Tuple(args))))
                        }
                        Some(other) => containers::method(other, name).map(|(func, name)| {
                            Value::Obj(self.heap.alloc(Object::BoundMethod {
                                receiver: obj,
                                func,
                                name,
                            }))
                        }),
                        None => None,
                    };
                    match found {
                        Some(v) => self.stack.push(v),
                        None => {
                            let message = match obj.as_obj().map(|r| self.heap.get(r)) {
                                Some(Object::Module(m)) => {
                                    format!("module '{}' has no attribute '{name}'", m.name)
                                }
                                _ => format!(
                                    "'{}' object has no attribute '{name}'",
                                    type_name(&self.heap, obj)
                                ),
                            };
                            fail!(Exception::new("AttributeError", message));
                        }
                    }
                }
                Op::Binary(bop) | Op::InPlace(bop) => {
                    let b = pop!();
                    let a = pop!();
                    if let (Value::Float(x), Value::Float(y)) = (a, b) {
                        let fast = match bop {
                            BinOp::Add => Some(x + y),
                            BinOp::Sub => Some(x - y),
                            BinOp::Mult => Some(x * y),
                            BinOp::Div if y != 0.0 => Some(x / y),
                            _ => None,
                        };
                        if let Some(v) = fast {
                            self.stack.push(Value::Float(v));
                            continue;
                        }
                    }
                    if let (Value::Int(x), Value::Int(y)) = (a, b) {
                        let fast = match bop {
                            BinOp::Add => x.checked_add(y),
                            BinOp::Sub => x.checked_sub(y),
                            BinOp::Mult => x.checked_mul(y),
                            BinOp::Mod if y > 0 && x >= 0 => Some(x % y),
                            BinOp::FloorDiv if y > 0 && x >= 0 => Some(x / y),
                            _ => None,
                        };
                        if let Some(v) = fast {
                            self.stack.push(Value::Int(v));
                            continue;
                        }
                    }
                    match ops::binary(&mut self.heap, bop, a, b) {
                        Ok(v) => self.stack.push(v),
                        Err(e) => fail!(e),
                    }
                }
                Op::Compare(cop) => {
                    let b = pop!();
                    let a = pop!();
                    if let (Value::Int(x), Value::Int(y)) = (a, b) {
                        let result = match cop {
                            CmpOp::Lt => Some(x < y),
                            CmpOp::LtE => Some(x <= y),
                            CmpOp::Gt => Some(x > y),
                            CmpOp::GtE => Some(x >= y),
                            CmpOp::Eq => Some(x == y),
                            CmpOp::NotEq => Some(x != y),
                            _ => None,
                        };
                        if let Some(r) = result {
                            self.stack.push(Value::Bool(r));
                            continue;
                        }
                    }
                    match ops::compare(&self.heap, cop, a, b) {
                        Ok(v) => self.stack.push(Value::Bool(v)),
                        Err(e) => fail!(e),
                    }
                }
                Op::Unary(uop) => {
                    let a = pop!();
                    match ops::unary(&mut self.heap, uop, a) {
                        Ok(v) => self.stack.push(v),
                        Err(e) => fail!(e),
                    }
                }
                Op::Jump(t) => {
                    if (t as usize) < frame.ip {
                        safepoint!();
                    }
                    frame.ip = t as usize;
                }
                Op::PopJumpIfFalse(t) | Op::PopJumpIfTrue(t) => {
                    let v = pop!();
                    let truth = match v {
                        Value::Bool(b) => b,
                        v => ops::truthy(&self.heap, v),
                    };
                    if truth == matches!(op, Op::PopJumpIfTrue(_)) {
                        frame.ip = t as usize;
                    }
                }
                Op::JumpIfFalseOrPop(t) | Op::JumpIfTrueOrPop(t) => {
                    let v = *self.stack.last().unwrap_or(&Value::None);
                    if ops::truthy(&self.heap, v) == matches!(op, Op::JumpIfTrueOrPop(_)) {
                        frame.ip = t as usize;
                    } else {
                        self.stack.pop();
                    }
                }
                Op::GetIter => {
                    let v = pop!();
                    match builtins::iter(&mut self.heap, v) {
                        Ok(it) => self.stack.push(it),
                        Err(e) => fail!(e),
                    }
                }
                Op::ForIter(t) => {
                    let it = *self.stack.last().unwrap_or(&Value::None);
                    if let Value::Obj(r) = it {
                        if let Object::RangeIter { next, stop, step } = self.heap.get_mut(r) {
                            let v = *next;
                            if if *step > 0 { v < *stop } else { v > *stop } {
                                *next = v.saturating_add(*step);
                                self.stack.push(Value::Int(v));
                            } else {
                                self.stack.pop();
                                frame.ip = t as usize;
                            }
                            continue;
                        }
                    }
                    match builtins::next(&mut self.heap, it) {
                        Some(v) => self.stack.push(v),
                        None => {
                            self.stack.pop();
                            frame.ip = t as usize;
                        }
                    }
                }
                Op::Call(argc) | Op::CallKw(argc, _) => {
                    let kwnames = match op {
                        Op::CallKw(_, names) => match &frame.loaded.code.consts[names as usize] {
                            Const::KwNames(names) => Some(names.clone()),
                            _ => None,
                        },
                        _ => None,
                    };
                    let kwnames = kwnames.as_deref().unwrap_or(&[]);
                    let callee_at = self.stack.len() - argc as usize - 1;
                    let callee = self.stack[callee_at];
                    let Value::Obj(r) = callee else {
                        fail!(not_callable(&self.heap, callee));
                    };
                    match self.heap.get(r) {
                        Object::Function(f) => {
                            if self.frames.len() + 1 >= RECURSION_LIMIT {
                                fail!(Exception::new(
                                    "RecursionError",
                                    "maximum recursion depth exceeded"
                                ));
                            }
                            let loaded = f.loaded.clone();
                            if let Err(e) =
                                bind_arguments(&mut self.stack, f, argc as usize, kwnames)
                            {
                                fail!(e);
                            }
                            if loaded.ncells + loaded.nfree > 0 {
                                let closure = f.closure.clone();
                                self.make_cells(&loaded, callee_at + 1, &closure);
                            }
                            let caller = std::mem::replace(
                                &mut frame,
                                Frame {
                                    loaded,
                                    ip: 0,
                                    base: callee_at + 1,
                                },
                            );
                            self.frames.push(caller);
                        }
                        Object::Native(n) => {
                            let (func, name, takes_keywords) = (n.func, n.name, n.keywords);
                            if !kwnames.is_empty() && !takes_keywords {
                                fail!(Exception::new(
                                    "TypeError",
                                    format!("{name}() takes no keyword arguments")
                                ));
                            }
                            match self.call_native(func, None, callee_at, kwnames) {
                                Ok(v) => self.stack.push(v),
                                Err(e) => fail!(e),
                            }
                        }
                        Object::BoundMethod {
                            receiver,
                            func,
                            name,
                        } => {
                            let (receiver, func, name) = (*receiver, *func, *name);
                            if !kwnames.is_empty() && !matches!(name, "update" | "sort") {
                                fail!(Exception::new(
                                    "TypeError",
                                    format!("{name}() takes no keyword arguments")
                                ));
                            }
                            match self.call_native(func, Some(receiver), callee_at, kwnames) {
                                Ok(v) => self.stack.push(v),
                                Err(e) => fail!(e),
                            }
                        }
                        Object::ExceptionType(kind) => {
                            let kind = *kind;
                            if !kwnames.is_empty() {
                                fail!(Exception::new(
                                    "TypeError",
                                    format!("{kind}() takes no keyword arguments")
                                ));
                            }
                            let args: Vec<Value> = self.stack.drain(callee_at + 1..).collect();
                            self.stack.pop();
                            let exc = exceptions::instantiate(&mut self.heap, kind, &args);
                            self.stack.push(exc);
                        }
                        _ => fail!(not_callable(&self.heap, callee)),
                    }
                }
                Op::Return => {
                    let result = pop!();
                    if self.frames.len() == stop_depth {
                        self.stack.truncate(frame.base);
                        return Ok(result);
                    }
                    self.stack.truncate(frame.base - 1);
                    self.stack.push(result);
                    frame = match self.frames.pop() {
                        Some(f) => f,
                        None => return Ok(result),
                    };
                    safepoint!();
                }
                Op::Pop => {
                    self.stack.pop();
                }
                Op::Dup => {
                    let v = *self.stack.last().unwrap_or(&Value::None);
                    self.stack.push(v);
                }
                Op::Swap => {
                    let n = self.stack.len();
                    self.stack.swap(n - 1, n - 2);
                }
                Op::RotThree => {
                    let v = pop!();
                    let n = self.stack.len();
                    self.stack.insert(n - 2, v);
                }
                Op::LoadDeref(i) | Op::LoadClosure(i) => {
                    let cell = self.stack[frame.base + frame.loaded.nlocals + i as usize];
                    if let Op::LoadClosure(_) = op {
                        self.stack.push(cell);
                        continue;
                    }
                    let v = match cell.as_obj().map(|r| self.heap.get(r)) {
                        Some(Object::Cell(v)) => *v,
                        _ => Value::Unbound,
                    };
                    if v == Value::Unbound {
                        let code = &frame.loaded.code;
                        let name = code
                            .cellvars
                            .iter()
                            .chain(&code.freevars)
                            .nth(i as usize)
                            .cloned()
                            .unwrap_or_default();
                        let problem = if (i as usize) < code.cellvars.len() {
                            NameProblem::UnboundLocal
                        } else {
                            NameProblem::UnboundFree
                        };
                        fail!(self.name_error(code, problem, &name));
                    }
                    self.stack.push(v);
                }
                Op::StoreDeref(i) => {
                    let v = pop!();
                    let cell = self.stack[frame.base + frame.loaded.nlocals + i as usize];
                    if let Some(Object::Cell(slot)) = cell.as_obj().map(|r| self.heap.get_mut(r)) {
                        *slot = v;
                    }
                }
                Op::Raise => {
                    let v = pop!();
                    let e = if v == Value::None {
                        Exception::new("RuntimeError", "No active exception to reraise")
                    } else {
                        exceptions::from_raised(&mut self.heap, v)
                    };
                    fail!(e);
                }
                Op::LoadBuiltinException(c) => {
                    let kind = match &frame.loaded.code.consts[c as usize] {
                        Const::Str(name) => exceptions::lookup(name),
                        _ => None,
                    };
                    let kind = kind.unwrap_or("AssertionError");
                    let v = Value::Obj(self.heap.alloc(Object::ExceptionType(kind)));
                    self.stack.push(v);
                }
                Op::CheckExcMatch => {
                    let target = pop!();
                    let exc = *self.stack.last().unwrap_or(&Value::None);
                    match exceptions::matches(&self.heap, exc, target) {
                        Ok(m) => self.stack.push(Value::Bool(m)),
                        Err(e) => fail!(e),
                    }
                }
                Op::ListAppend(depth) => {
                    let v = pop!();
                    let list = self.stack[self.stack.len() - depth as usize];
                    if let Some(Object::List(items)) = list.as_obj().map(|r| self.heap.get_mut(r)) {
                        items.push(v);
                    }
                }
                Op::MapAdd(depth) => {
                    let value = pop!();
                    let key = pop!();
                    let dict = self.stack[self.stack.len() - depth as usize];
                    if let Err(e) = containers::set_item(&mut self.heap, dict, key, value) {
                        fail!(e);
                    }
                }
                Op::DupTwo => {
                    let n = self.stack.len();
                    let (a, b) = (self.stack[n - 2], self.stack[n - 1]);
                    self.stack.extend([a, b]);
                }
                Op::BinarySubscr => {
                    let key = pop!();
                    let container = pop!();
                    if let (Value::Obj(r), Value::Int(i)) = (container, key) {
                        if let Object::List(items) = self.heap.get(r) {
                            let at = if i < 0 { i + items.len() as i64 } else { i };
                            if let Some(&v) = usize::try_from(at).ok().and_then(|at| items.get(at))
                            {
                                self.stack.push(v);
                                continue;
                            }
                        }
                    }
                    match containers::get_item(&mut self.heap, container, key) {
                        Ok(v) => self.stack.push(v),
                        Err(e) => fail!(e),
                    }
                }
                Op::StoreSubscr => {
                    let key = pop!();
                    let container = pop!();
                    let value = pop!();
                    if let Err(e) = containers::set_item(&mut self.heap, container, key, value) {
                        fail!(e);
                    }
                }
                Op::DeleteSubscr => {
                    let key = pop!();
                    let container = pop!();
                    if let Err(e) = containers::del_item(&mut self.heap, container, key) {
                        fail!(e);
                    }
                }
                Op::BuildSlice => {
                    let step = pop!();
                    let stop = pop!();
                    let start = pop!();
                    let r = self.heap.alloc(Object::Slice { start, stop, step });
                    self.stack.push(Value::Obj(r));
                }
                Op::BuildMap(n) => {
                    let flat = self.stack.split_off(self.stack.len() - 2 * n as usize);
                    let pairs: Vec<(Value, Value)> = flat.chunks(2).map(|p| (p[0], p[1])).collect();
                    match containers::new_dict(&mut self.heap, pairs) {
                        Ok(d) => self.stack.push(d),
                        Err(e) => fail!(e),
                    }
                }
                Op::DeleteFast(i) => {
                    let slot = frame.base + i as usize;
                    if self.stack[slot] == Value::Unbound {
                        let name = &frame.loaded.code.varnames[i as usize];
                        fail!(self.name_error(&frame.loaded.code, NameProblem::UnboundLocal, name));
                    }
                    self.stack[slot] = Value::Unbound;
                }
                Op::DeleteGlobal(i) => {
                    let slot = frame.loaded.globals[i as usize] as usize;
                    if self.global_values[slot] == Value::Unbound {
                        let name = &frame.loaded.code.names[i as usize];
                        fail!(self.name_error(&frame.loaded.code, NameProblem::Undefined, name));
                    }
                    self.global_values[slot] = Value::Unbound;
                }
                Op::UnpackSequence(n) => {
                    let seq = pop!();
                    match builtins::unpack(&mut self.heap, seq, n as usize) {
                        Ok(items) => self.stack.extend(items.into_iter().rev()),
                        Err(e) => fail!(e),
                    }
                }
                Op::FormatValue(conversion, has_spec) => {
                    let spec = if has_spec { Some(pop!()) } else { None };
                    let v = pop!();
                    let converted = match conversion {
                        b'r' | b'a' => Some(ops::repr(&self.heap, v)),
                        b's' => Some(ops::to_str(&self.heap, v)),
                        _ => None,
                    };
                    let v = match converted {
                        Some(text) => new_str(&mut self.heap, text),
                        None => v,
                    };
                    let spec = spec.map(|s| ops::to_str(&self.heap, s)).unwrap_or_default();
                    match ops::format_value(&self.heap, v, &spec) {
                        Ok(text) => {
                            let s = new_str(&mut self.heap, text);
                            self.stack.push(s);
                        }
                        Err(e) => fail!(e),
                    }
                }
                Op::BuildString(n) => {
                    let parts = self.stack.split_off(self.stack.len() - n as usize);
                    let text: String = parts.iter().map(|&p| ops::to_str(&self.heap, p)).collect();
                    let s = new_str(&mut self.heap, text);
                    self.stack.push(s);
                }
                Op::BuildTuple(n) => {
                    let items = self.stack.split_off(self.stack.len() - n as usize);
                    let t = self.heap.alloc(Object::Tuple(items.into_boxed_slice()));
                    self.stack.push(Value::Obj(t));
                }
                Op::BuildList(n) => {
                    let items = self.stack.split_off(self.stack.len() - n as usize);
                    let l = self.heap.alloc(Object::List(items));
                    self.stack.push(Value::Obj(l));
                }
                Op::MakeFunction(c, ndefaults) => {
                    let Const::Code(code) = &frame.loaded.code.consts[c as usize] else {
                        fail!(Exception::new("SystemError", "MakeFunction without code"));
                    };
                    let code = code.clone();
                    let closure = self.stack.split_off(self.stack.len() - code.freevars.len());
                    let defaults = self.stack.split_off(self.stack.len() - ndefaults as usize);
                    let name = code.name.clone();
                    let loaded = self.load(code);
                    let f = Function {
                        name,
                        loaded,
                        defaults: defaults.into_boxed_slice(),
                        closure: closure.into_boxed_slice(),
                    };
                    let r = self.heap.alloc(Object::Function(f));
                    self.stack.push(Value::Obj(r));
                }
                Op::ImportName(i) => {
                    let name = frame.loaded.code.names[i as usize].clone();
                    match self.import(&name) {
                        Ok(m) => self.stack.push(m),
                        Err(e) => fail!(e),
                    }
                }
            }
        }
    }

    fn import(&mut self, name: &Rc<str>) -> Result<Value, Exception> {
        if let Some(&m) = self.modules.get(name) {
            return Ok(m);
        }
        let attrs = builtins::module(&mut self.heap, name).ok_or_else(|| {
            Exception::new("ModuleNotFoundError", format!("No module named '{name}'"))
        })?;
        let m = self.heap.alloc(Object::Module(Module {
            name: name.clone(),
            attrs,
        }));
        self.modules.insert(name.clone(), Value::Obj(m));
        Ok(Value::Obj(m))
    }
}

fn not_callable(heap: &Heap, v: Value) -> Exception {
    Exception::new(
        "TypeError",
        format!("'{}' object is not callable", type_name(heap, v)),
    )
}

/// Turns the `argc` arguments on top of the stack (the last ones keyword arguments named by
/// `kwnames`) into the callee's local slots: parameters by position and by name, defaults for the
/// rest, other locals unbound. Errors are CPython's.
fn bind_arguments(
    stack: &mut Vec<Value>,
    f: &Function,
    argc: usize,
    kwnames: &[Rc<str>],
) -> Result<(), Exception> {
    let params = f.loaded.argcount;
    let npos = argc - kwnames.len();
    let first_default = params - f.defaults.len();
    if kwnames.is_empty() && npos <= params && npos >= first_default {
        stack.extend_from_slice(&f.defaults[npos - first_default..]);
        stack.extend(std::iter::repeat_n(
            Value::Unbound,
            f.loaded.nlocals - params,
        ));
        return Ok(());
    }
    let varnames = &f.loaded.code.varnames;
    if npos > params {
        let expected = if f.defaults.is_empty() {
            params.to_string()
        } else {
            format!("from {first_default} to {params}")
        };
        let s = if params == 1 && f.defaults.is_empty() {
            ""
        } else {
            "s"
        };
        let were = if npos == 1 { "was" } else { "were" };
        return Err(Exception::new(
            "TypeError",
            format!(
                "{}() takes {expected} positional argument{s} but {npos} {were} given",
                f.name
            ),
        ));
    }
    let args_at = stack.len() - argc;
    let mut slots = vec![Value::Unbound; f.loaded.nlocals];
    slots[..npos].copy_from_slice(&stack[args_at..args_at + npos]);
    for (name, &value) in kwnames.iter().zip(&stack[args_at + npos..]) {
        let Some(i) = varnames[..params].iter().position(|p| p == name) else {
            return Err(Exception::new(
                "TypeError",
                format!("{}() got an unexpected keyword argument '{name}'", f.name),
            ));
        };
        if slots[i] != Value::Unbound {
            return Err(Exception::new(
                "TypeError",
                format!("{}() got multiple values for argument '{name}'", f.name),
            ));
        }
        slots[i] = value;
    }
    for (slot, &default) in slots[first_default..params]
        .iter_mut()
        .zip(f.defaults.iter())
    {
        if *slot == Value::Unbound {
            *slot = default;
        }
    }
    let missing: Vec<String> = (0..first_default)
        .filter(|&i| slots[i] == Value::Unbound)
        .map(|i| format!("'{}'", varnames[i]))
        .collect();
    if !missing.is_empty() {
        let list = match missing.len() {
            1 => missing[0].clone(),
            2 => format!("{} and {}", missing[0], missing[1]),
            _ => format!(
                "{}, and {}",
                missing[..missing.len() - 1].join(", "),
                missing[missing.len() - 1]
            ),
        };
        let s = if missing.len() == 1 { "" } else { "s" };
        return Err(Exception::new(
            "TypeError",
            format!(
                "{}() missing {} required positional argument{s}: {list}",
                f.name,
                missing.len()
            ),
        ));
    }
    stack.truncate(args_at);
    stack.extend(slots);
    Ok(())
}
