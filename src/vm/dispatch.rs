//! The dispatch loop. The running frame lives in a local; calls push it and continue with the
//! callee's, returns pop back — no Rust recursion. Around an operation that may run Python code
//! from native code (a special method, a property, a built-in taking a callback) the frame is
//! parked on the frame stack, so tracebacks and the collector see it.

use std::rc::Rc;

use super::call::Invoked;
use super::classes::MethodLookup;
use super::{containers, exceptions, ops, Exception, FrameKind, NameProblem, Vm};
use crate::compile::{Const, Op, HAS_KWDEFAULTS};
use crate::runtime::object::{Function, Loaded};
use crate::runtime::{Object, Value};
use crate::syntax::ast::{BinOp, CmpOp};

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
        if let Some(e) = self.pending_throw.take() {
            self.handle(&mut frame, e, stop_depth)?;
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
                Op::LoadName(i) | Op::StoreName(i) | Op::DeleteName(i) => {
                    let name = frame.loaded.code.names[i as usize].clone();
                    let namespace = self.stack[frame.base];
                    let key = ops::new_str(&mut self.heap, &*name);
                    match op {
                        Op::LoadName(_) => {
                            let local = match namespace.as_obj().map(|r| self.heap.get(r)) {
                                Some(Object::Dict(d)) => d.get(&self.heap, key).ok().flatten(),
                                _ => None,
                            };
                            let v = match local {
                                Some(v) => v,
                                None => {
                                    let slot = frame.loaded.globals[i as usize] as usize;
                                    match (self.global_values[slot], self.builtin_values[slot]) {
                                        (Value::Unbound, Value::Unbound) => fail!(self.name_error(
                                            &frame.loaded.code,
                                            NameProblem::Undefined,
                                            &name
                                        )),
                                        (Value::Unbound, b) => b,
                                        (g, _) => g,
                                    }
                                }
                            };
                            self.stack.push(v);
                        }
                        Op::StoreName(_) => {
                            let v = pop!();
                            try_or_fail!(containers::set_item(&mut self.heap, namespace, key, v));
                        }
                        _ => {
                            if containers::del_item(&mut self.heap, namespace, key).is_err() {
                                fail!(self.name_error(
                                    &frame.loaded.code,
                                    NameProblem::Undefined,
                                    &name
                                ));
                            }
                        }
                    }
                }
                Op::LoadAttr(i) => {
                    let obj = pop!();
                    let name = &frame.loaded.code.names[i as usize];
                    if let Some(Object::Instance(inst)) = obj.as_obj().map(|r| self.heap.get(r)) {
                        if let Some(&v) = inst.attrs.get(&**name) {
                            if !self.class_has_properties(inst.class) {
                                self.stack.push(v);
                                continue;
                            }
                        }
                    }
                    let name = name.clone();
                    let v = parked!(self.get_attr(obj, &name));
                    self.stack.push(v);
                }
                Op::StoreAttr(i) => {
                    let obj = pop!();
                    let value = pop!();
                    let name = &frame.loaded.code.names[i as usize];
                    if let Some(Object::Instance(inst)) = obj.as_obj().map(|r| self.heap.get(r)) {
                        if !self.class_has_properties(inst.class) {
                            if let Some(Object::Instance(inst)) =
                                obj.as_obj().map(|r| self.heap.get_mut(r))
                            {
                                if inst.exception.is_none() {
                                    if let Some(slot) = inst.attrs.get_mut(&**name) {
                                        *slot = value;
                                    } else {
                                        inst.attrs.insert(name.clone(), value);
                                    }
                                    continue;
                                }
                            }
                        }
                    }
                    let name = name.clone();
                    parked!(self.set_attr(obj, &name, value));
                }
                Op::DeleteAttr(i) => {
                    let obj = pop!();
                    let name = frame.loaded.code.names[i as usize].clone();
                    parked!(self.del_attr(obj, &name));
                }
                Op::LoadMethod(i) => {
                    let obj = pop!();
                    let name = frame.loaded.code.names[i as usize].clone();
                    match parked!(self.lookup_method(obj, &name)) {
                        MethodLookup::Unbound(f) => self.stack.extend([f, obj]),
                        MethodLookup::Bound(v) => self.stack.extend([Value::Unbound, v]),
                    }
                }
                Op::CallMethod(argc) | Op::CallMethodKw(argc, _) => {
                    let kwnames = match op {
                        Op::CallMethodKw(_, names) => kwnames!(names),
                        _ => Rc::from(Vec::new()),
                    };
                    let callee_at = self.stack.len() - argc as usize - 2;
                    if self.stack[callee_at] == Value::Unbound {
                        self.stack.remove(callee_at);
                    }
                    call!(callee_at, &kwnames);
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
                    let in_place = matches!(op, Op::InPlace(_));
                    let v = parked!(self.binary_op(bop, a, b, in_place));
                    self.stack.push(v);
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
                    let v = parked!(ops::compare_in(self, cop, a, b));
                    self.stack.push(Value::Bool(v));
                }
                Op::Unary(uop) => {
                    let a = pop!();
                    let v = parked!(self.unary_op(uop, a));
                    self.stack.push(v);
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
                Op::JumpIfFalseOrPop(t) | Op::JumpIfTrueOrPop(t) => {
                    let v = *self.stack.last().unwrap_or(&Value::None);
                    let truth = parked!(ops::truthy_in(self, v));
                    if truth == matches!(op, Op::JumpIfTrueOrPop(_)) {
                        frame.ip = t as usize;
                    } else {
                        self.stack.pop();
                    }
                }
                Op::GetIter => {
                    let v = pop!();
                    let it = parked!(self.iter(v));
                    self.stack.push(it);
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
                Op::GetYieldFromIter => {
                    let v = pop!();
                    let it = parked!(self.iter(v));
                    self.stack.push(it);
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
                Op::Call(argc) => call!(self.stack.len() - argc as usize - 1, &[]),
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
                Op::Swap => {
                    let n = self.stack.len();
                    self.stack.swap(n - 1, n - 2);
                }
                Op::RotThree => {
                    let v = pop!();
                    let n = self.stack.len();
                    self.stack.insert(n - 2, v);
                }
                Op::DupTwo => {
                    let n = self.stack.len();
                    let (a, b) = (self.stack[n - 2], self.stack[n - 1]);
                    self.stack.extend([a, b]);
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
                        fail!(self.unbound_deref(&frame.loaded, i as usize));
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
                Op::PushExcept => {
                    let v = pop!();
                    self.handling.push(v);
                }
                Op::PopExcept => {
                    self.handling.pop();
                }
                Op::LoadBuiltinException(c) => {
                    let kind = match &frame.loaded.code.consts[c as usize] {
                        Const::Str(name) => self.types.get(&**name).copied(),
                        _ => None,
                    };
                    match kind {
                        Some(k) => self.stack.push(Value::Obj(k)),
                        None => fail!(Exception::new("SystemError", "unknown built-in exception")),
                    }
                }
                Op::CheckExcMatch => {
                    let target = pop!();
                    let exc = *self.stack.last().unwrap_or(&Value::None);
                    let m = try_or_fail!(exceptions::matches(&self.heap, exc, target));
                    self.stack.push(Value::Bool(m));
                }
                Op::ListAppend(depth) => {
                    let v = pop!();
                    let list = self.stack[self.stack.len() - depth as usize];
                    if let Some(Object::List(items)) = list.as_obj().map(|r| self.heap.get_mut(r)) {
                        items.push(v);
                    }
                }
                Op::ListExtend(depth) => {
                    let v = pop!();
                    let items = parked!(self.collect(v));
                    let list = self.stack[self.stack.len() - depth as usize];
                    if let Some(Object::List(list)) = list.as_obj().map(|r| self.heap.get_mut(r)) {
                        list.extend(items);
                    }
                }
                Op::ListToTuple | Op::ListToSet => {
                    let list = pop!();
                    let items = match list.as_obj().map(|r| self.heap.get_mut(r)) {
                        Some(Object::List(items)) => std::mem::take(items),
                        _ => Vec::new(),
                    };
                    let v = if let Op::ListToTuple = op {
                        Value::Obj(self.heap.alloc(Object::Tuple(items.into_boxed_slice())))
                    } else {
                        try_or_fail!(super::sets::new_set(&mut self.heap, items, false))
                    };
                    self.stack.push(v);
                }
                Op::MapAdd(depth) => {
                    let value = pop!();
                    let key = pop!();
                    let dict = self.stack[self.stack.len() - depth as usize];
                    try_or_fail!(containers::set_item(&mut self.heap, dict, key, value));
                }
                Op::DictMerge(depth) | Op::DictUpdate(depth) => {
                    let other = pop!();
                    let dict = self.stack[self.stack.len() - depth as usize];
                    let strict = matches!(op, Op::DictMerge(_));
                    if let Err(mut e) = containers::merge_dict(&mut self.heap, dict, other, strict)
                    {
                        if strict && e.message.starts_with("got multiple") {
                            let callee = self.stack[self.stack.len() - 3];
                            let who = match callee.as_obj().map(|r| self.heap.get(r)) {
                                Some(Object::Function(f)) => {
                                    format!("__main__.{}()", f.loaded.code.qualname)
                                }
                                _ => format!("{}()", ops::type_name(&self.heap, callee)),
                            };
                            e.message = format!("{who} {}", e.message);
                        }
                        fail!(e);
                    }
                }
                Op::BuildSet(n) => {
                    let items = self.stack.split_off(self.stack.len() - n as usize);
                    let set = try_or_fail!(super::sets::new_set(&mut self.heap, items, false));
                    self.stack.push(set);
                }
                Op::SetAdd(depth) => {
                    let v = pop!();
                    let set = self.stack[self.stack.len() - depth as usize];
                    try_or_fail!(super::sets::set_add(&mut self.heap, set, v));
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
                    let v = parked!(self.get_item(container, key));
                    self.stack.push(v);
                }
                Op::StoreSubscr => {
                    let key = pop!();
                    let container = pop!();
                    let value = pop!();
                    parked!(self.set_item(container, key, value));
                }
                Op::DeleteSubscr => {
                    let key = pop!();
                    let container = pop!();
                    parked!(self.del_item(container, key));
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
                    let d = try_or_fail!(containers::new_dict(&mut self.heap, pairs));
                    self.stack.push(d);
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
                    let items = parked!(self.unpack(seq, n as usize, None));
                    self.stack.extend(items.into_iter().rev());
                }
                Op::UnpackEx(before, after) => {
                    let seq = pop!();
                    let items = parked!(self.unpack(seq, before as usize, Some(after as usize)));
                    self.stack.extend(items.into_iter().rev());
                }
                Op::FormatValue(conversion, has_spec) => {
                    let spec = if has_spec { Some(pop!()) } else { None };
                    let v = pop!();
                    let converted = match conversion {
                        b'r' | b'a' => Some(parked!(ops::repr_in(self, v))),
                        b's' => Some(parked!(ops::to_str_in(self, v))),
                        _ => None,
                    };
                    let v = match converted {
                        Some(text) => ops::new_str(&mut self.heap, text),
                        None => v,
                    };
                    let spec = spec.map(|s| ops::to_str(&self.heap, s)).unwrap_or_default();
                    let text = parked!(ops::format_value(self, v, &spec));
                    let s = ops::new_str(&mut self.heap, text);
                    self.stack.push(s);
                }
                Op::BuildString(n) => {
                    let parts = self.stack.split_off(self.stack.len() - n as usize);
                    let text: String = parts.iter().map(|&p| ops::to_str(&self.heap, p)).collect();
                    let s = ops::new_str(&mut self.heap, text);
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
                Op::MakeFunction(c, flags) => {
                    let Const::Code(code) = &frame.loaded.code.consts[c as usize] else {
                        fail!(Exception::new("SystemError", "MakeFunction without code"));
                    };
                    let code = code.clone();
                    let closure = self.stack.split_off(self.stack.len() - code.freevars.len());
                    let kwdefaults = if flags & HAS_KWDEFAULTS != 0 {
                        let d = pop!();
                        self.kwonly_defaults(&code, d)
                    } else {
                        Box::new([])
                    };
                    let ndefaults = (flags & !HAS_KWDEFAULTS) as usize;
                    let defaults = self.stack.split_off(self.stack.len() - ndefaults);
                    let name = code.name.clone();
                    let loaded = self.load(code);
                    let f = Function {
                        name,
                        loaded,
                        defaults: defaults.into_boxed_slice(),
                        kwdefaults,
                        closure: closure.into_boxed_slice(),
                    };
                    let r = self.heap.alloc(Object::Function(f));
                    self.stack.push(Value::Obj(r));
                }
                Op::BuildClass(nbases) => {
                    let at = self.stack.len() - nbases as usize - 2;
                    let body = self.stack[at];
                    let name = match self.stack[at + 1].as_obj().map(|r| self.heap.get(r)) {
                        Some(Object::Str(s)) => Rc::from(&**s),
                        _ => Rc::from("?"),
                    };
                    let bases: Vec<Value> = self.stack[at + 2..].to_vec();
                    let class = parked!(self.build_class(body, name, &bases));
                    self.stack.truncate(at);
                    self.stack.push(class);
                }
                Op::BeforeWith(slot) => {
                    let manager = pop!();
                    let entered = parked!(self.enter_context(manager));
                    self.stack[frame.base + slot as usize] = entered.0;
                    self.stack.push(entered.1);
                }
                Op::ExitWith(slot) => {
                    let exit = self.stack[frame.base + slot as usize];
                    parked!(self.call_value(exit, &[Value::None, Value::None, Value::None], &[]));
                }
                Op::ExitWithException(slot) => {
                    let exc = pop!();
                    let exit = self.stack[frame.base + slot as usize];
                    let suppress = parked!(self.exit_context(exit, exc));
                    self.stack.push(Value::Bool(suppress));
                }
                Op::ImportName(i) => {
                    let name = frame.loaded.code.names[i as usize].clone();
                    let m = try_or_fail!(self.import(&name));
                    self.stack.push(m);
                }
                Op::ImportFrom(i) => {
                    let module = *self.stack.last().unwrap_or(&Value::None);
                    let name = frame.loaded.code.names[i as usize].clone();
                    let found = match module.as_obj().map(|r| self.heap.get(r)) {
                        Some(Object::Module(m)) => m.attrs.get(&name).copied().ok_or_else(|| {
                            Exception::new(
                                "ImportError",
                                format!(
                                    "cannot import name '{name}' from '{}' (unknown location)",
                                    m.name
                                ),
                            )
                        }),
                        _ => Err(Exception::new("ImportError", "not a module")),
                    };
                    let v = try_or_fail!(found);
                    self.stack.push(v);
                }
            }
        }
    }

    /// The keyword-only defaults of a new function, by parameter (unbound where there is none).
    fn kwonly_defaults(&self, code: &crate::compile::Code, dict: Value) -> Box<[Value]> {
        let start = code.argcount as usize;
        let names = &code.varnames[start..start + code.kwonlycount as usize];
        names
            .iter()
            .map(|n| match dict.as_obj().map(|r| self.heap.get(r)) {
                Some(Object::Dict(d)) => d
                    .iter()
                    .find(|(k, _)| {
                        matches!(k.as_obj().map(|r| self.heap.get(r)), Some(Object::Str(s)) if **s == **n)
                    })
                    .map_or(Value::Unbound, |(_, v)| v),
                _ => Value::Unbound,
            })
            .collect()
    }

    /// The NameError for a cell or free variable read before it was assigned.
    fn unbound_deref(&self, loaded: &Loaded, i: usize) -> Exception {
        let code = &loaded.code;
        let name = code
            .cellvars
            .iter()
            .chain(&code.freevars)
            .nth(i)
            .cloned()
            .unwrap_or_default();
        let problem = if i < code.cellvars.len() {
            NameProblem::UnboundLocal
        } else {
            NameProblem::UnboundFree
        };
        self.name_error(code, problem, &name)
    }
}
