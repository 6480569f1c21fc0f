//! The dispatch loop. The running frame lives in a local; calls push it and continue with the
//! callee's, returns pop back — no Rust recursion. Around an operation that may run Python code
//! from native code (a special method, a property, a built-in taking a callback) the frame is
//! parked on the frame stack, so tracebacks and the collector see it.

use std::rc::Rc;

use super::call::Invoked;
use super::classes::MethodLookup;
use super::{ops, Exception, FrameKind, NameProblem, Vm};
use crate::compile::{Const, Op};
use crate::runtime::{Object, Value};
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};

/// How a run of frames ended.
pub(super) enum Exit {
    Return(Value),
    /// The generator frame it was started for yielded this.
    Yield(Value),
}

impl Vm {
    /// Runs frames until the bottom one (the last pushed when called) returns or, for a
    /// generator, yields. On an uncaught exception the frames are unwound and the exception
    /// carries its traceback.
    pub(super) fn run(&mut self) -> Result<Exit, Exception> {
        let stop_depth = self.frames.len() - 1;
        self.run_frames(stop_depth)
            .inspect_err(|_| self.frames.truncate(stop_depth))
    }

    /// Runs the frame last pushed to completion; its return value.
    pub(super) fn execute(&mut self) -> Result<Value, Exception> {
        match self.run()? {
            Exit::Return(v) | Exit::Yield(v) => Ok(v),
        }
    }

    fn run_frames(&mut self, stop_depth: usize) -> Result<Exit, Exception> {
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
        macro_rules! try_or_fail {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => fail!(e),
                }
            };
        }
        // Runs an operation that may call back into Python with the frame parked.
        macro_rules! parked {
            ($e:expr) => {{
                self.frames.push(frame);
                let result = $e;
                frame = self
                    .frames
                    .pop()
                    .ok_or_else(|| Exception::new("SystemError", "frame lost"))?;
                try_or_fail!(result)
            }};
        }
        // Loop back-edges and returns are where garbage is collected, with the running frame
        // among the roots.
        // They are also where a Ctrl-C becomes a KeyboardInterrupt.
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
                if let Some(e) = self.take_interrupt() {
                    fail!(e);
                }
            };
        }
        macro_rules! pop {
            () => {
                self.stack.pop().unwrap_or(Value::None)
            };
        }
        macro_rules! kwnames {
            ($i:expr) => {
                match &frame.loaded.code.consts[$i as usize] {
                    Const::KwNames(names) => names.clone(),
                    _ => Rc::from(Vec::new()),
                }
            };
        }
        // Calls the callee at `callee_at`: a Python function's frame replaces the running one.
        macro_rules! call {
            ($callee_at:expr, $kwnames:expr) => {{
                let callee_at: usize = $callee_at;
                let plain_function = match self.stack[callee_at] {
                    Value::Obj(r) if matches!(self.heap.get(r), Object::Function(_)) => Some(r),
                    _ => None,
                };
                let invoked = match plain_function {
                    // Binding arguments runs no Python code: no need to park the frame.
                    Some(r) => {
                        try_or_fail!(self.function_frame(r, callee_at, $kwnames, FrameKind::Call))
                    }
                    None => parked!(self.invoke(callee_at, $kwnames)),
                };
                match invoked {
                    Invoked::Done(v) => self.stack.push(v),
                    Invoked::Frame(f) => {
                        let caller = std::mem::replace(&mut frame, f);
                        self.frames.push(caller);
                    }
                }
            }};
        }
        // A local's value (UnboundLocalError if it has none).
        macro_rules! local {
            ($i:expr) => {{
                let i = $i as usize;
                let v = self.stack[frame.base + i];
                if v == Value::Unbound {
                    let name = &frame.loaded.code.varnames[i];
                    fail!(self.name_error(&frame.loaded.code, NameProblem::UnboundLocal, name));
                }
                v
            }};
        }
        // Pushes attribute `names[i]` of `obj`: an instance's own attribute at once, anything
        // else through the full lookup.
        macro_rules! load_attr {
            ($obj:expr, $i:expr) => {{
                let obj: Value = $obj;
                let name = &frame.loaded.names[$i as usize];
                if let Some(Object::Instance(inst)) = obj.as_obj().map(|r| self.heap.get(r)) {
                    if let Some(&v) = inst.attrs.get_interned(name) {
                        if !self.class_has_properties(inst.class) {
                            self.stack.push(v);
                            continue;
                        }
                    }
                }
                let name = name.clone();
                let v = parked!(self.get_attr(obj, &name));
                self.stack.push(v);
            }};
        }
        // Replaces the top of the stack `a` with `a op b`.
        macro_rules! binary {
            ($bop:expr, $b:expr, $in_place:expr) => {{
                let (bop, b, in_place): (BinOp, Value, bool) = ($bop, $b, $in_place);
                let top = self.stack.len() - 1;
                let a = self.stack[top];
                match ops::arithmetic_fast_path(bop, a, b) {
                    Some(v) => self.stack[top] = v,
                    None => {
                        let v = parked!(self.binary_op(bop, a, b, in_place));
                        self.stack[top] = v;
                    }
                }
            }};
        }
        // Pushes `container[key]`: list and tuple items at once, the rest through the protocol.
        macro_rules! subscript {
            ($container:expr, $key:expr) => {{
                let (container, key): (Value, Value) = ($container, $key);
                if let (Value::Obj(r), Value::Int(i)) = (container, key) {
                    if let Object::List(items) = self.heap.get(r) {
                        if let Some(at) = list_index(items.len(), i) {
                            self.stack.push(items[at]);
                            continue;
                        }
                    } else if let Object::Tuple(items) = self.heap.get(r) {
                        if let Some(at) = list_index(items.len(), i) {
                            self.stack.push(items[at]);
                            continue;
                        }
                    }
                }
                let v = parked!(self.get_item(container, key));
                self.stack.push(v);
            }};
        }
        macro_rules! compare {
            ($cop:expr, $a:expr, $b:expr) => {{
                let (cop, a, b): (CmpOp, Value, Value) = ($cop, $a, $b);
                match ops::comparison_fast_path(cop, a, b) {
                    Some(v) => v,
                    None => parked!(ops::compare_in(self, cop, a, b)),
                }
            }};
        }
        // Calls the callee at `callee_at` with the positional arguments above it; a plain
        // function with exactly as many parameters just gets its frame.
        macro_rules! call_positional {
            ($callee_at:expr) => {{
                let callee_at: usize = $callee_at;
                if let Some(callee) = self.quick_frame(callee_at) {
                    self.frames.push(std::mem::replace(&mut frame, callee));
                    continue;
                }
                call!(callee_at, &[]);
            }};
        }
        if let Some(e) = self.pending_throw.take() {
            self.handle(&mut frame, e, stop_depth)?;
        }
        loop {
            let op = frame.loaded.ops[frame.ip];
            frame.ip += 1;
            match op {
                Op::LoadFast(i) => {
                    let v = local!(i);
                    self.stack.push(v);
                }
                Op::LoadFastPair(a, b) => {
                    let (a, b) = (local!(a), local!(b));
                    self.stack.extend([a, b]);
                }
                Op::StoreFast(i) => {
                    let v = pop!();
                    self.stack[frame.base + i as usize] = v;
                }
                Op::StoreFastLoadFast(a, b) => {
                    let v = pop!();
                    self.stack[frame.base + a as usize] = v;
                    let v = local!(b);
                    self.stack.push(v);
                }
                Op::LoadConst(i) => self.stack.push(frame.loaded.consts[i as usize]),
                Op::LoadGlobal(i) => {
                    let slot = frame.loaded.globals[i as usize] as usize;
                    let mut v = self.global_values[slot];
                    if v == Value::Unbound {
                        v = self.builtin_values[slot];
                        if v == Value::Unbound {
                            let name = &frame.loaded.names[i as usize];
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
                    load_attr!(obj, i);
                }
                Op::LoadFastAttr(x, i) => {
                    let obj = local!(x);
                    load_attr!(obj, i);
                }
                Op::StoreAttr(i) => {
                    let obj = pop!();
                    let value = pop!();
                    let name = &frame.loaded.names[i as usize];
                    if let Some(Object::Instance(inst)) = obj.as_obj().map(|r| self.heap.get(r)) {
                        if !self.class_has_properties(inst.class) {
                            if let Some(Object::Instance(inst)) =
                                obj.as_obj().map(|r| self.heap.get_mut(r))
                            {
                                if inst.exception.is_none() {
                                    inst.attrs.insert_interned(name, value);
                                    continue;
                                }
                            }
                        }
                    }
                    let name = name.clone();
                    parked!(self.set_attr(obj, &name, value));
                }
                Op::LoadMethod(i) => {
                    let obj = pop!();
                    let name = frame.loaded.names[i as usize].clone();
                    match parked!(self.lookup_method(obj, &name)) {
                        MethodLookup::Unbound(f) => self.stack.extend([f, obj]),
                        MethodLookup::Bound(v) => self.stack.extend([Value::Unbound, v]),
                    }
                }
                Op::CallMethod(argc) => {
                    let callee_at = self.stack.len() - argc as usize - 2;
                    if self.stack[callee_at] == Value::Unbound {
                        self.stack.remove(callee_at);
                    }
                    call_positional!(callee_at);
                }
                Op::CallMethodKw(argc, names) => {
                    let kwnames = kwnames!(names);
                    let callee_at = self.stack.len() - argc as usize - 2;
                    if self.stack[callee_at] == Value::Unbound {
                        self.stack.remove(callee_at);
                    }
                    call!(callee_at, &kwnames);
                }
                Op::Binary(bop) | Op::InPlace(bop) => {
                    let b = pop!();
                    binary!(bop, b, matches!(op, Op::InPlace(_)));
                }
                Op::BinaryConst(bop, k) | Op::InPlaceConst(bop, k) => {
                    let b = frame.loaded.consts[k as usize];
                    binary!(bop, b, matches!(op, Op::InPlaceConst(..)));
                }
                Op::BinaryFast(bop, x) | Op::InPlaceFast(bop, x) => {
                    let b = local!(x);
                    binary!(bop, b, matches!(op, Op::InPlaceFast(..)));
                }
                Op::BinaryFastFast(bop, x, y) => {
                    let (a, b) = (local!(x), local!(y));
                    let v = match ops::arithmetic_fast_path(bop, a, b) {
                        Some(v) => v,
                        None => parked!(self.binary_op(bop, a, b, false)),
                    };
                    self.stack.push(v);
                }
                Op::UpdateFastConst(bop, x, k) => {
                    let a = local!(x);
                    let b = frame.loaded.consts[k as usize];
                    let v = match ops::arithmetic_fast_path(bop, a, b) {
                        Some(v) => v,
                        None => parked!(self.binary_op(bop, a, b, true)),
                    };
                    self.stack[frame.base + x as usize] = v;
                }
                Op::Compare(cop) => {
                    let b = pop!();
                    let a = pop!();
                    let v = compare!(cop, a, b);
                    self.stack.push(Value::Bool(v));
                }
                Op::CompareJump(cop, t) => {
                    let b = pop!();
                    let a = pop!();
                    if !compare!(cop, a, b) {
                        frame.ip = t as usize;
                    }
                }
                Op::CompareConstJump(cop, k, t) => {
                    let b = frame.loaded.consts[k as usize];
                    let a = pop!();
                    if !compare!(cop, a, b) {
                        frame.ip = t as usize;
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
                        v => parked!(ops::truthy_in(self, v)),
                    };
                    if truth == matches!(op, Op::PopJumpIfTrue(_)) {
                        frame.ip = t as usize;
                    }
                }
                Op::ForIter(t) | Op::YieldFrom(t) => {
                    let sent = match op {
                        Op::YieldFrom(_) => Some(pop!()),
                        _ => None,
                    };
                    let it = *self.stack.last().unwrap_or(&Value::None);
                    if let Value::Obj(r) = it {
                        match self.heap.get_mut(r) {
                            Object::RangeIter { next, stop, step } => {
                                let v = *next;
                                if if *step > 0 { v < *stop } else { v > *stop } {
                                    *next = v.saturating_add(*step);
                                    self.stack.push(Value::Int(v));
                                } else {
                                    self.stack.pop();
                                    if sent.is_some() {
                                        self.stack.push(Value::None);
                                    }
                                    frame.ip = t as usize;
                                }
                                continue;
                            }
                            Object::Generator(_) => {
                                match self.generator_frame(r, sent.unwrap_or(Value::None)) {
                                    Ok(Some(f)) => {
                                        let caller = std::mem::replace(&mut frame, f);
                                        self.frames.push(caller);
                                    }
                                    Ok(None) => {
                                        self.stack.pop();
                                        if sent.is_some() {
                                            self.stack.push(Value::None);
                                        }
                                        frame.ip = t as usize;
                                    }
                                    Err(e) => fail!(e),
                                }
                                continue;
                            }
                            _ => {}
                        }
                    }
                    match parked!(self.next(it)) {
                        Some(v) => self.stack.push(v),
                        None => {
                            self.stack.pop();
                            if sent.is_some() {
                                self.stack.push(Value::None);
                            }
                            frame.ip = t as usize;
                        }
                    }
                }
                Op::Yield => {
                    let v = pop!();
                    let FrameKind::Generator(gen) = frame.kind else {
                        fail!(Exception::new(
                            "SystemError",
                            "yield outside a generator frame"
                        ));
                    };
                    self.suspend_generator(gen, &frame);
                    if self.frames.len() == stop_depth {
                        return Ok(Exit::Yield(v));
                    }
                    frame = self
                        .frames
                        .pop()
                        .ok_or_else(|| Exception::new("SystemError", "no caller to yield to"))?;
                    self.stack.push(v);
                }
                Op::Call(argc) => call_positional!(self.stack.len() - argc as usize - 1),
                Op::CallKw(argc, names) => {
                    let kwnames = kwnames!(names);
                    call!(self.stack.len() - argc as usize - 1, &kwnames);
                }
                Op::CallEx(has_kwargs) => {
                    let kwargs = if has_kwargs { Some(pop!()) } else { None };
                    let args = pop!();
                    let callee_at = self.stack.len() - 1;
                    let positional = match args.as_obj().map(|r| self.heap.get(r)) {
                        Some(Object::List(items)) => items.clone(),
                        _ => Vec::new(),
                    };
                    self.stack.extend(positional);
                    let mut names = Vec::new();
                    if let Some(Object::Dict(d)) =
                        kwargs.and_then(|k| k.as_obj()).map(|r| self.heap.get(r))
                    {
                        let entries: Vec<(Value, Value)> = d.iter().collect();
                        for (k, v) in entries {
                            match k.as_obj().map(|r| self.heap.get(r)) {
                                Some(Object::Str(s)) => names.push(Rc::from(&**s)),
                                _ => fail!(Exception::new("TypeError", "keywords must be strings")),
                            }
                            self.stack.push(v);
                        }
                    }
                    call!(callee_at, &names);
                }
                Op::Swap => {
                    let n = self.stack.len();
                    self.stack.swap(n - 1, n - 2);
                }
                Op::RotThree => {
                    let n = self.stack.len();
                    self.stack[n - 3..].rotate_right(1);
                }
                Op::DupTwo => {
                    let n = self.stack.len();
                    let (a, b) = (self.stack[n - 2], self.stack[n - 1]);
                    self.stack.extend([a, b]);
                }
                Op::Unary(UnaryOp::Neg) => match self.stack.last_mut() {
                    Some(Value::Float(x)) => *x = -*x,
                    Some(Value::Int(i)) if *i != i64::MIN => *i = -*i,
                    _ => parked!(self.run_rare_op(op)),
                },
                Op::Return => {
                    let mut result = pop!();
                    match frame.kind {
                        FrameKind::Construct => {
                            if result != Value::None {
                                fail!(Exception::new(
                                    "TypeError",
                                    format!(
                                        "__init__() should return None, not '{}'",
                                        ops::type_name(&self.heap, result)
                                    )
                                ));
                            }
                            result = self.stack[frame.base - 1];
                        }
                        FrameKind::Generator(gen) => {
                            self.finish_generator(gen);
                            self.handling.truncate(frame.handling_base);
                            self.stack.truncate(frame.base);
                            if self.frames.len() == stop_depth {
                                return Ok(Exit::Return(result));
                            }
                            frame = self
                                .frames
                                .pop()
                                .ok_or_else(|| Exception::new("SystemError", "no caller"))?;
                            // The caller was at `ForIter` or `YieldFrom`: the iterator is done.
                            let (Op::ForIter(t) | Op::YieldFrom(t)) =
                                frame.loaded.ops[frame.ip - 1]
                            else {
                                continue;
                            };
                            self.stack.pop();
                            if let Op::YieldFrom(_) = frame.loaded.ops[frame.ip - 1] {
                                self.stack.push(result);
                            }
                            frame.ip = t as usize;
                            continue;
                        }
                        FrameKind::Call => {}
                    }
                    self.handling.truncate(frame.handling_base);
                    if self.frames.len() == stop_depth {
                        self.stack.truncate(frame.base);
                        return Ok(Exit::Return(result));
                    }
                    self.stack.truncate(frame.base - 1);
                    self.stack.push(result);
                    frame = match self.frames.pop() {
                        Some(f) => f,
                        None => return Ok(Exit::Return(result)),
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
                Op::Raise => {
                    let v = pop!();
                    if v == Value::None {
                        fail!(Exception::new(
                            "RuntimeError",
                            "No active exception to reraise"
                        ));
                    }
                    let prefix = self.traceback_with(&frame);
                    let e = parked!(Ok::<Exception, Exception>(self.reraised(v, prefix)));
                    fail!(e);
                }
                Op::RaiseFrom => {
                    let cause = pop!();
                    let v = pop!();
                    let e = parked!(Ok::<Exception, Exception>(self.raised_from(v, cause)));
                    fail!(e);
                }
                Op::Reraise => {
                    let v = pop!();
                    let mut prefix = self.traceback_with(&frame);
                    prefix.pop();
                    let e = self.reraised(v, prefix);
                    fail!(e);
                }
                Op::ListAppend(depth) => {
                    let v = pop!();
                    let list = self.stack[self.stack.len() - depth as usize];
                    if let Some(Object::List(items)) = list.as_obj().map(|r| self.heap.get_mut(r)) {
                        items.push(v);
                    }
                }
                Op::BinarySubscr => {
                    let key = pop!();
                    let container = pop!();
                    subscript!(container, key);
                }
                Op::SubscrConst(k) => {
                    let container = pop!();
                    subscript!(container, frame.loaded.consts[k as usize]);
                }
                Op::LoadFastSubscrConst(x, k) => {
                    let container = local!(x);
                    subscript!(container, frame.loaded.consts[k as usize]);
                }
                Op::StoreSubscr => {
                    let key = pop!();
                    let container = pop!();
                    let value = pop!();
                    if let (Value::Obj(r), Value::Int(i)) = (container, key) {
                        if let Object::List(items) = self.heap.get_mut(r) {
                            if let Some(slot) = list_index(items.len(), i).map(|at| &mut items[at])
                            {
                                *slot = value;
                                continue;
                            }
                        }
                    }
                    parked!(self.set_item(container, key, value));
                }
                Op::LoadName(_)
                | Op::StoreName(_)
                | Op::DeleteName(_)
                | Op::DeleteAttr(_)
                | Op::Unary(_)
                | Op::JumpIfFalseOrPop(_)
                | Op::JumpIfTrueOrPop(_)
                | Op::GetIter
                | Op::GetYieldFromIter
                | Op::LoadDeref(_)
                | Op::LoadClosure(_)
                | Op::StoreDeref(_)
                | Op::PushExcept
                | Op::PopExcept
                | Op::LoadBuiltinException(_)
                | Op::CheckExcMatch
                | Op::ListExtend(_)
                | Op::ListToTuple
                | Op::ListToSet
                | Op::MapAdd(_)
                | Op::DictMerge(_)
                | Op::DictUpdate(_)
                | Op::BuildSet(_)
                | Op::SetAdd(_)
                | Op::DeleteSubscr
                | Op::BuildSlice
                | Op::BuildMap(_)
                | Op::DeleteFast(_)
                | Op::DeleteGlobal(_)
                | Op::UnpackSequence(_)
                | Op::UnpackEx(..)
                | Op::FormatValue(..)
                | Op::BuildString(_)
                | Op::BuildTuple(_)
                | Op::BuildList(_)
                | Op::MakeFunction(..)
                | Op::BuildClass(_)
                | Op::BeforeWith(_)
                | Op::ExitWith(_)
                | Op::ExitWithException(_)
                | Op::ImportName(_)
                | Op::ImportFrom(_) => parked!(self.run_rare_op(op)),
            }
        }
    }
}

/// The position of index `i` (negative from the end) in a sequence of `len` items, if inside.
#[inline(always)]
fn list_index(len: usize, i: i64) -> Option<usize> {
    let at = if i < 0 { i + len as i64 } else { i };
    usize::try_from(at).ok().filter(|&at| at < len)
}
