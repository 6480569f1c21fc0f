//! The dispatch loop. Frames live in place on the VM's frame stack, the running one on top: a
//! call writes the callee's frame above it and continues there, a return drops it and goes on
//! with the caller's — no Rust recursion, and no frame is copied in or out. Natives that run
//! Python code (a special method, a property, a built-in taking a callback) and the collector
//! find the running frame where it is.
//!
//! The hot state — the running frame, instruction pointer, operand stack top, locals base — is
//! kept in raw-pointer locals rather than re-read through the `Vec`s at every instruction; the
//! code they index is checked once when it is loaded (`Code::validate`), and pushes and pops
//! check the operand stack's ends, so the loop stays memory-safe without per-access bounds checks.

use std::cell::Cell;
use std::rc::Rc;

use super::call::Invoked;
use super::classes::MethodLookup;
use super::{ops, Exception, Frame, FrameKind, NameProblem, Vm, NESTED_RUN_LIMIT};
use crate::compile::{Const, Op};
use crate::runtime::object::MethodCache;
use crate::runtime::{Object, Value};
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};

/// How a run of frames ended.
pub(super) enum Exit {
    Return(Value),
    /// The generator frame it was started for yielded this.
    Yield(Value),
    /// A task's frame awaits something not ready: the task's step ends, its frames stay.
    Suspend,
}

/// Stack a nested run may need before the next nested run checks again.
const RUN_RED_ZONE: usize = 256 * 1024;
/// The size of each piece of stack added when a thread's own runs low.
const RUN_STACK_PIECE: usize = 8 * 1024 * 1024;

impl Vm {
    /// Runs frames until the bottom one (the last pushed when called) returns or, for a
    /// generator, yields. On an uncaught exception the frames are unwound and the exception
    /// carries its traceback.
    pub(super) fn run(&mut self) -> Result<Exit, Exception> {
        let stop_depth = self.frames.len().saturating_sub(1);
        self.run_down_to(stop_depth)
    }

    /// Runs frames until the one at `stop_depth` returns (or yields): a resumed task runs
    /// from its innermost frame down to its first.
    pub(super) fn run_down_to(&mut self, stop_depth: usize) -> Result<Exit, Exception> {
        if self.nested_runs >= NESTED_RUN_LIMIT {
            self.frames.truncate(stop_depth);
            return Err(Exception::new(
                "RecursionError",
                "maximum recursion depth exceeded",
            ));
        }
        self.nested_runs += 1;
        // Native code that calls back into Python (a `__repr__` calling `repr`) nests runs on
        // the Rust stack: when the thread's stack runs low, the run continues on a new piece,
        // so an embedding thread's small stack lasts until the recursion limit.
        let result = stacker::maybe_grow(RUN_RED_ZONE, RUN_STACK_PIECE, || {
            self.run_frames(stop_depth)
        });
        self.nested_runs -= 1;
        result.inspect_err(|_| self.frames.truncate(stop_depth))
    }

    /// Runs the frame last pushed to completion; its return value.
    pub(super) fn execute(&mut self) -> Result<Value, Exception> {
        match self.run()? {
            Exit::Return(v) | Exit::Yield(v) => Ok(v),
            Exit::Suspend => Err(Exception::new("SystemError", "a nested run suspended")),
        }
    }

    // The loop's state lives in locals the compiler can keep in registers: `fp` points at the
    // running frame (the top of `self.frames`), `ip` at the next instruction, `sp` just past the
    // operand stack's top and `bp` at local slot 0. `save!` writes them back to the frame and
    // `self.stack` before anything else looks at those, `load!` derives them again afterwards (a
    // call may have grown either stack, moving it).
    //
    // Safety: between `load!` and `save!`, `fp` points at the last of `self.frames` (which has
    // more than `stop_depth` frames) and `stack..sp` is the initialised part of `self.stack`.
    // `Code::validate` (run when code is loaded) guarantees that local slot and constant
    // operands are in range, that `ip` stays inside the code, and that no instruction pops more
    // operands than the frame has or pushes beyond its `max_depth`; a frame starts with room for
    // that many on the stack (`push_frame`), and the stack never shrinks its capacity, so pushes
    // and pops need no checks. `load!` derives every register, even where the next step
    // overwrites one of them.
    #[allow(unused_assignments)]
    fn run_frames(&mut self, stop_depth: usize) -> Result<Exit, Exception> {
        if self.frames.len() <= stop_depth {
            return Err(Exception::new("SystemError", "no frame to run"));
        }
        let mut fp: *mut Frame;
        let mut code: *const Op;
        let mut ip: *const Op;
        let mut stack: *mut Value;
        let mut sp: *mut Value;
        let mut bp: *mut Value;
        // The running frame.
        macro_rules! frame {
            () => {
                // SAFETY: `fp` points at the running frame (see above).
                (unsafe { &mut *fp })
            };
        }
        macro_rules! load {
            () => {
                // SAFETY: there is a frame above `stop_depth`; its `ip` is inside its code and
                // `base + slots` inside the stack's initialised part (see above).
                unsafe {
                    fp = self.frames.as_mut_ptr().add(self.frames.len() - 1);
                    let frame = &*fp;
                    code = frame.loaded.ops.as_ptr();
                    ip = code.add(frame.ip);
                    stack = self.stack.as_mut_ptr();
                    sp = stack.add(self.stack.len());
                    bp = stack.add(frame.base.min(self.stack.len()));
                }
            };
        }
        macro_rules! save {
            () => {
                // SAFETY: `ip` and `sp` point into the allocations `code` and `stack` start, and
                // everything below `sp` is initialised.
                unsafe {
                    (*fp).ip = ip.offset_from(code) as usize;
                    self.stack.set_len(sp.offset_from(stack) as usize);
                }
            };
        }
        load!();
        macro_rules! fail {
            ($e:expr) => {{
                let e: Exception = $e;
                save!();
                match self.handle(e, stop_depth) {
                    Ok(()) => {
                        load!();
                        continue;
                    }
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
        // Runs an operation that may call back into Python (or grow a stack) with the registers
        // saved, and takes them up again after it.
        macro_rules! saved {
            ($e:expr) => {{
                save!();
                let result = $e;
                load!();
                try_or_fail!(result)
            }};
        }
        // Loop back-edges and returns are where garbage is collected, with the running frame
        // among the roots.
        // They are also where a Ctrl-C becomes a KeyboardInterrupt.
        macro_rules! safepoint {
            () => {
                if self.heap.wants_collection() {
                    save!();
                    self.collect_garbage();
                    load!();
                }
                if let Some(e) = self.take_interrupt() {
                    fail!(e);
                }
            };
        }
        // The frame has at least `n` operands (`Code::validate` has checked that every
        // instruction finds what it takes); checked again in debug builds.
        macro_rules! need {
            ($n:expr) => {{
                let n: usize = $n;
                // SAFETY: `bp` and `sp` point into the same allocation.
                debug_assert!(unsafe { sp.offset_from(bp) } as usize >= frame!().loaded.slots + n)
            }};
        }
        macro_rules! push {
            ($v:expr) => {{
                debug_assert!(sp < unsafe { stack.add(self.stack.capacity()) });
                let v: Value = $v;
                // SAFETY: the frame's room (see above).
                unsafe {
                    Value::write(sp, v);
                    sp = sp.add(1);
                }
            }};
        }
        macro_rules! pop {
            () => {{
                need!(1);
                // SAFETY: an initialised operand (see above).
                unsafe {
                    sp = sp.sub(1);
                    Value::read(&*sp)
                }
            }};
        }
        // A copy of the top operand.
        macro_rules! peek {
            () => {{
                need!(1);
                // SAFETY: an initialised operand (see above).
                unsafe { Value::read(&*sp.sub(1)) }
            }};
        }
        // The top operand, in place.
        macro_rules! top {
            () => {{
                need!(1);
                // SAFETY: an initialised operand (see above).
                unsafe { &mut *sp.sub(1) }
            }};
        }
        macro_rules! jump {
            ($t:expr) => {
                // SAFETY: jump targets are inside the code (`Code::validate`).
                ip = unsafe { code.add($t as usize) }
            };
        }
        macro_rules! kwnames {
            ($i:expr) => {
                match &frame!().loaded.code.consts[$i as usize] {
                    Const::KwNames(names) => names.clone(),
                    _ => Rc::from(Vec::new()),
                }
            };
        }
        // The stack index of the callee below `argc` arguments (and `extra` more items).
        macro_rules! callee_at {
            ($argc:expr, $extra:expr) => {{
                let n = $argc as usize + $extra;
                need!(n + 1);
                // SAFETY: `sp` and `stack` point into the same allocation.
                unsafe { sp.offset_from(stack) as usize - n - 1 }
            }};
        }
        // Calls the callee at `callee_at` (the registers up to date with the stack): a Python
        // function's frame replaces the running one.
        macro_rules! call {
            ($callee_at:expr, $kwnames:expr) => {{
                let callee_at: usize = $callee_at;
                let plain_function = match self.stack.get(callee_at) {
                    Some(&Value::Obj(r)) if matches!(self.heap.get(r), Object::Function(_)) => {
                        Some(r)
                    }
                    _ => None,
                };
                let invoked = match plain_function {
                    // Binding arguments runs no Python code: no need to park the frame.
                    Some(r) => {
                        let invoked = self.function_frame(r, callee_at, $kwnames, FrameKind::Call);
                        load!();
                        try_or_fail!(invoked)
                    }
                    None => saved!(self.invoke(callee_at, $kwnames)),
                };
                match invoked {
                    Invoked::Done(v) => push!(v),
                    Invoked::Frame => load!(),
                }
            }};
        }
        // A local's value (UnboundLocalError if it has none).
        macro_rules! local {
            ($i:expr) => {{
                let i = $i as usize;
                // SAFETY: local slot operands are below `nlocals` (`Code::validate`).
                let v = unsafe { Value::read(&*bp.add(i)) };
                if v == Value::Unbound {
                    let code = &frame!().loaded.code;
                    fail!(self.name_error(code, NameProblem::UnboundLocal, &code.varnames[i]));
                }
                v
            }};
        }
        macro_rules! set_local {
            ($i:expr, $v:expr) => {{
                let v: Value = $v;
                // SAFETY: local slot operands are below `nlocals` (`Code::validate`).
                unsafe { Value::write(bp.add($i as usize), v) }
            }};
        }
        macro_rules! constant {
            ($k:expr) => {{
                let consts = &frame!().loaded.consts;
                // SAFETY: constant operands are in range (`Code::validate`).
                Value::read(unsafe { consts.get_unchecked($k as usize) })
            }};
        }
        // Pushes attribute `names[i]` of `obj`: an instance's own attribute at once, anything
        // else through the full lookup.
        macro_rules! load_attr {
            ($obj:expr, $i:expr) => {{
                let obj: Value = $obj;
                let name = &frame!().loaded.names[$i as usize];
                if let Some(Object::Instance(inst)) = obj.as_obj().map(|r| self.heap.get(r)) {
                    if let Some(v) = inst.get_interned(&self.shapes, name).map(Value::read) {
                        if !self.has_attribute_hooks(inst.class) {
                            push!(v);
                            continue;
                        }
                    }
                }
                let name = name.clone();
                let v = saved!(self.get_attr(obj, &name));
                push!(v);
            }};
        }
        // `a op b`: numbers and str joins at once, the rest through the protocol.
        macro_rules! binary_value {
            ($bop:expr, $a:expr, $b:expr, $in_place:expr) => {{
                let (bop, a, b, in_place): (BinOp, Value, Value, bool) = ($bop, $a, $b, $in_place);
                match ops::arithmetic_fast_path(bop, a, b) {
                    Some(v) => v,
                    None => match ops::str_concat_fast_path(&mut self.heap, bop, a, b) {
                        Some(v) => v,
                        None => saved!(self.binary_op(bop, a, b, in_place)),
                    },
                }
            }};
        }
        // Replaces the top of the stack `a` with `a op b`.
        macro_rules! binary {
            ($bop:expr, $b:expr, $in_place:expr) => {{
                let v = binary_value!($bop, peek!(), $b, $in_place);
                *top!() = v;
            }};
        }
        // Pushes `container[key]`: list and tuple items and dict values found without Python
        // code at once, the rest (and every error) through the protocol.
        macro_rules! subscript {
            ($container:expr, $key:expr) => {{
                let (container, key): (Value, Value) = ($container, $key);
                if let Value::Obj(r) = container {
                    let item = match (self.heap.get(r), key) {
                        (Object::List(items), Value::Int(i)) => {
                            list_index(items.len(), i).map(|at| Value::read(&items[at]))
                        }
                        (Object::Tuple(items), Value::Int(i)) => {
                            list_index(items.len(), i).map(|at| Value::read(&items[at]))
                        }
                        (Object::Dict(d), _) => d.get(&self.heap, key).ok().flatten(),
                        _ => None,
                    };
                    if let Some(v) = item {
                        push!(v);
                        continue;
                    }
                }
                let v = saved!(self.get_item(container, key));
                push!(v);
            }};
        }
        // `container[key] = value`: list items and dict entries whose keys hash without Python
        // code at once, the rest (and every error) through the protocol.
        macro_rules! store_subscript {
            ($container:expr, $key:expr, $value:expr) => {{
                let (container, key, value): (Value, Value, Value) = ($container, $key, $value);
                if let Value::Obj(r) = container {
                    let is_dict = match (self.heap.get_mut(r), key) {
                        (Object::List(items), Value::Int(i)) => {
                            if let Some(slot) = list_index(items.len(), i).map(|at| &mut items[at])
                            {
                                *slot = value;
                                continue;
                            }
                            false
                        }
                        (Object::Dict(_), _) => true,
                        _ => false,
                    };
                    if is_dict && self.own_table_set(r, key, value).is_ok() {
                        continue;
                    }
                }
                saved!(self.set_item(container, key, value));
            }};
        }
        macro_rules! compare {
            ($cop:expr, $a:expr, $b:expr) => {{
                let (cop, a, b): (CmpOp, Value, Value) = ($cop, $a, $b);
                match ops::comparison_fast_path(cop, a, b) {
                    Some(v) => v,
                    None => match ops::membership_fast_path(&self.heap, cop, a, b) {
                        Some(v) => v,
                        None => saved!(ops::compare_in(self, cop, a, b)),
                    },
                }
            }};
        }
        // Calls the callee at `callee_at` with the positional arguments above it; a plain
        // function with exactly as many parameters just gets its frame.
        macro_rules! call_positional {
            ($callee_at:expr) => {{
                let callee_at: usize = $callee_at;
                // SAFETY: the callee and its arguments are operands (`callee_at!`).
                let (callee, argc) = unsafe {
                    (
                        Value::read(&*stack.add(callee_at)),
                        sp.offset_from(stack) as usize - callee_at - 1,
                    )
                };
                if let Some(loaded) = self.plain_callee(callee, argc) {
                    // The short path: the caller keeps its operands, the callee's other locals
                    // start unbound above its arguments, and the registers move to its frame.
                    if callee_at + 1 + loaded.frame_room > self.stack.capacity() {
                        save!();
                        self.stack.reserve(loaded.frame_room);
                        load!();
                    }
                    for _ in argc..loaded.nlocals {
                        push!(Value::Unbound);
                    }
                    // SAFETY: `ip` points into the caller's code.
                    frame!().ip = unsafe { ip.offset_from(code) as usize };
                    code = loaded.ops.as_ptr();
                    self.push_frame_with_room(Frame {
                        loaded,
                        ip: 0,
                        base: callee_at + 1,
                        handling_base: self.handling.len(),
                        kind: FrameKind::Call,
                    });
                    // SAFETY: the frame just pushed is the last. The arguments and unbound
                    // locals just pushed are its slots (a plain call has no cells), all below
                    // `sp`.
                    unsafe {
                        fp = self.frames.as_mut_ptr().add(self.frames.len() - 1);
                        bp = stack.add(callee_at + 1);
                    }
                    ip = code;
                    continue;
                }
                if argc == 1 && callee.as_obj() == self.str_type {
                    // SAFETY: one argument above the callee.
                    if let Some(v) = self.quick_str(unsafe { Value::read(&*sp.sub(1)) }) {
                        // SAFETY: the callee's slot is an operand.
                        unsafe { sp = stack.add(callee_at) };
                        push!(v);
                        continue;
                    }
                }
                match saved!(self.call_positional(callee_at)) {
                    Invoked::Done(v) => push!(v),
                    Invoked::Frame => {}
                }
            }};
        }
        if let Some(e) = self.pending_throw.take() {
            self.handle(e, stop_depth)?;
            load!();
        }
        loop {
            // SAFETY: `ip` stays inside the code: every instruction but the last may go on to
            // the next, and the last never does (`Code::validate`). The code lives as long as
            // the running frame, which holds it: an arm that switches frames reads `op` first.
            // (The instruction is read where it lies rather than copied out, which would keep
            // the copy live, spilled, through every arm.)
            let op: &Op = unsafe { &*ip };
            ip = unsafe { ip.add(1) };
            match *op {
                Op::LoadFast(i) => {
                    let v = local!(i);
                    push!(v);
                }
                Op::LoadFastPair(a, b) => {
                    let (a, b) = (local!(a), local!(b));
                    push!(a);
                    push!(b);
                }
                Op::StoreFast(i) => {
                    let v = pop!();
                    set_local!(i, v);
                }
                Op::StoreFastLoadFast(a, b) => {
                    let v = pop!();
                    set_local!(a, v);
                    let v = local!(b);
                    push!(v);
                }
                Op::LoadConst(i) => push!(constant!(i)),
                Op::LoadGlobal(i) => {
                    let slot = frame!().loaded.globals[i as usize] as usize;
                    let mut v = self.global_values[slot];
                    if v == Value::Unbound {
                        v = self.builtin_values[slot];
                        if v == Value::Unbound {
                            let name = &frame!().loaded.names[i as usize];
                            fail!(self.name_error(
                                &frame!().loaded.code,
                                NameProblem::Undefined,
                                name
                            ));
                        }
                    }
                    push!(v);
                }
                Op::StoreGlobal(i) => {
                    let v = pop!();
                    self.global_values[frame!().loaded.globals[i as usize] as usize] = v;
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
                    let name = &frame!().loaded.names[i as usize];
                    if let Some(Object::Instance(inst)) = obj.as_obj().map(|r| self.heap.get(r)) {
                        if !self.has_attribute_hooks(inst.class) {
                            if let Some(Object::Instance(inst)) =
                                obj.as_obj().map(|r| self.heap.get_mut(r))
                            {
                                if !inst.is_exception() {
                                    inst.set_interned(&mut self.shapes, name, value);
                                    continue;
                                }
                            }
                        }
                    }
                    let name = name.clone();
                    saved!(self.set_attr(obj, &name, value));
                }
                Op::LoadMethod(i, c) => {
                    let obj = pop!();
                    let name = &frame!().loaded.names[i as usize];
                    let cache = frame!().loaded.method_caches.get(c as usize);
                    let class = match obj.as_obj().map(|r| self.heap.get(r)) {
                        Some(Object::Instance(inst)) => {
                            if let Some(hit) = cache.map(Cell::get) {
                                if hit.version == self.class_version
                                    && hit.class == Some(inst.class)
                                    && inst.get_interned(&self.shapes, name).is_none()
                                {
                                    push!(hit.method);
                                    push!(obj);
                                    continue;
                                }
                            }
                            Some(inst.class)
                        }
                        // A module's attribute (`asyncio.sleep`): cached as a bound callable,
                        // under the module's handle.
                        Some(Object::Module(_)) => {
                            if let Some(hit) = cache.map(Cell::get) {
                                if hit.version == self.class_version && hit.class == obj.as_obj() {
                                    push!(Value::Unbound);
                                    push!(hit.method);
                                    continue;
                                }
                            }
                            None
                        }
                        _ => None,
                    };
                    let name = name.clone();
                    match saved!(self.lookup_method(obj, &name)) {
                        MethodLookup::Unbound(f) => {
                            // Finding a plain function ran no Python code: the class version
                            // is still the one it was found at.
                            if let (Some(cache), Some(class)) =
                                (frame!().loaded.method_caches.get(c as usize), class)
                            {
                                cache.set(MethodCache {
                                    version: self.class_version,
                                    class: Some(class),
                                    method: f,
                                });
                            }
                            push!(f);
                            push!(obj);
                        }
                        MethodLookup::Bound(v) => {
                            if let (Some(cache), Some(Object::Module(_))) = (
                                frame!().loaded.method_caches.get(c as usize),
                                obj.as_obj().map(|r| self.heap.get(r)),
                            ) {
                                cache.set(MethodCache {
                                    version: self.class_version,
                                    class: obj.as_obj(),
                                    method: v,
                                });
                            }
                            push!(Value::Unbound);
                            push!(v);
                        }
                    }
                }
                Op::CallMethod(argc) => {
                    let callee_at = callee_at!(argc, 1);
                    // An empty slot below a bound callable goes (`LoadMethod` left it).
                    // SAFETY: the callee's slot is an operand (`callee_at!`).
                    if matches!(
                        unsafe { Value::read(&*stack.add(callee_at)) },
                        Value::Unbound
                    ) {
                        save!();
                        self.stack.remove(callee_at);
                        load!();
                    }
                    call_positional!(callee_at);
                }
                Op::CallMethodKw(argc, names) => {
                    let kwnames = kwnames!(names);
                    let callee_at = callee_at!(argc, 1);
                    save!();
                    if self.stack[callee_at] == Value::Unbound {
                        self.stack.remove(callee_at);
                        load!();
                    }
                    call!(callee_at, &kwnames);
                }
                Op::Binary(bop) | Op::InPlace(bop) => {
                    let b = pop!();
                    binary!(bop, b, matches!(*op, Op::InPlace(_)));
                }
                Op::BinaryConst(bop, k) | Op::InPlaceConst(bop, k) => {
                    binary!(bop, constant!(k), matches!(*op, Op::InPlaceConst(..)));
                }
                Op::BinaryFast(bop, x) | Op::InPlaceFast(bop, x) => {
                    let b = local!(x);
                    binary!(bop, b, matches!(*op, Op::InPlaceFast(..)));
                }
                Op::BinaryFastFast(bop, x, y) => {
                    let (a, b) = (local!(x), local!(y));
                    let v = binary_value!(bop, a, b, false);
                    push!(v);
                }
                Op::BinaryFastConst(bop, x, k) => {
                    let v = binary_value!(bop, local!(x), constant!(k), false);
                    push!(v);
                }
                Op::BinaryStoreFast(bop, x) | Op::InPlaceStoreFast(bop, x) => {
                    let b = pop!();
                    let a = pop!();
                    let v = binary_value!(bop, a, b, matches!(*op, Op::InPlaceStoreFast(..)));
                    set_local!(x, v);
                }
                Op::UpdateFastConst(bop, x, k) => {
                    let v = binary_value!(bop, local!(x), constant!(k), true);
                    set_local!(x, v);
                }
                Op::Compare(cop) => {
                    let b = pop!();
                    let a = pop!();
                    let v = compare!(cop, a, b);
                    push!(Value::Bool(v));
                }
                Op::CompareJump(cop, t) | Op::CompareJumpIfTrue(cop, t) => {
                    let jump_when = matches!(*op, Op::CompareJumpIfTrue(..));
                    let b = pop!();
                    let a = pop!();
                    if compare!(cop, a, b) == jump_when {
                        jump!(t);
                    }
                }
                Op::CompareConstJump(cop, k, t) | Op::CompareConstJumpIfTrue(cop, k, t) => {
                    let jump_when = matches!(*op, Op::CompareConstJumpIfTrue(..));
                    let b = constant!(k);
                    let a = pop!();
                    if compare!(cop, a, b) == jump_when {
                        jump!(t);
                    }
                }
                Op::CompareFastConstJump(cop, x, k, t)
                | Op::CompareFastConstJumpIfTrue(cop, x, k, t) => {
                    let jump_when = matches!(*op, Op::CompareFastConstJumpIfTrue(..));
                    if compare!(cop, local!(x), constant!(k)) == jump_when {
                        jump!(t);
                    }
                }
                Op::Jump(t) => {
                    let from = ip;
                    jump!(t);
                    if ip < from {
                        safepoint!();
                    }
                }
                Op::PopJumpIfFalse(t) | Op::PopJumpIfTrue(t) => {
                    let v = pop!();
                    let truth = match v {
                        Value::Bool(b) => b,
                        v => saved!(ops::truthy_in(self, v)),
                    };
                    if truth == matches!(*op, Op::PopJumpIfTrue(_)) {
                        jump!(t);
                    }
                }
                Op::ForIter(t) | Op::YieldFrom(t) => {
                    let sent = match op {
                        Op::YieldFrom(_) => Some(pop!()),
                        _ => None,
                    };
                    let it = *top!();
                    // The iterator is done: it leaves the stack (for `yield from`, the value
                    // it returned takes its place) and the loop ends.
                    macro_rules! exhausted {
                        ($result:expr) => {{
                            let result: Value = $result;
                            let _ = pop!();
                            if sent.is_some() {
                                push!(result);
                            }
                            jump!(t);
                        }};
                    }
                    if let Value::Obj(r) = it {
                        if let Object::SeqIter { seq, index } = *self.heap.get(r) {
                            let item = match self.heap.get(seq) {
                                Object::List(items) => Some(items.get(index).copied()),
                                Object::Tuple(items) => Some(items.get(index).copied()),
                                _ => None,
                            };
                            if let Some(item) = item {
                                if let Object::SeqIter { index, .. } = self.heap.get_mut(r) {
                                    *index += 1;
                                }
                                match item {
                                    Some(v) => push!(v),
                                    None => exhausted!(Value::None),
                                }
                                continue;
                            }
                        }
                        match self.heap.get_mut(r) {
                            Object::RangeIter { next, stop, step } => {
                                let v = *next;
                                if if *step > 0 { v < *stop } else { v > *stop } {
                                    *next = v.saturating_add(*step);
                                    push!(Value::Int(v));
                                } else {
                                    exhausted!(Value::None);
                                }
                                continue;
                            }
                            Object::Generator(_) => {
                                save!();
                                match self.generator_frame(r, sent.unwrap_or(Value::None)) {
                                    Ok(Some(())) => load!(),
                                    Ok(None) => {
                                        load!();
                                        exhausted!(Value::None);
                                    }
                                    Err(e) => fail!(e),
                                }
                                continue;
                            }
                            _ => {}
                        }
                    }
                    match saved!(self.next(it)) {
                        Some(v) => push!(v),
                        None => exhausted!(Value::None),
                    }
                }
                Op::Yield => {
                    let v = pop!();
                    let FrameKind::Generator(gen) = frame!().kind else {
                        fail!(Exception::new(
                            "SystemError",
                            "yield outside a generator frame"
                        ));
                    };
                    save!();
                    self.suspend_generator(gen);
                    if self.frames.len() == stop_depth {
                        return Ok(Exit::Yield(v));
                    }
                    load!();
                    // SAFETY: the caller's `ip` is past the instruction that resumed the
                    // generator.
                    if let Op::Await = unsafe { *ip.sub(1) } {
                        if let Some(gen) = self.plain_generator(*top!()) {
                            save!();
                            match self.generator_yielded_to_task(gen, v) {
                                Ok(()) => return Ok(Exit::Suspend),
                                Err(e) => {
                                    load!();
                                    fail!(e);
                                }
                            }
                        }
                        // An async generator's item: it replaces the awaited step.
                        let step = pop!();
                        let item = saved!(self.async_step_yielded(step, v));
                        push!(item);
                        continue;
                    }
                    push!(v);
                }
                Op::Call(argc) => call_positional!(callee_at!(argc, 0)),
                Op::CallKw(argc, names) => {
                    let kwnames = kwnames!(names);
                    let callee_at = callee_at!(argc, 0);
                    save!();
                    call!(callee_at, &kwnames);
                }
                Op::CallEx(has_kwargs) => {
                    let kwargs = if has_kwargs { Some(pop!()) } else { None };
                    let args = pop!();
                    let callee_at = callee_at!(0, 0);
                    save!();
                    if let Some(Object::List(items)) = args.as_obj().map(|r| self.heap.get(r)) {
                        self.stack.extend_from_slice(items);
                    }
                    let mut names = Vec::new();
                    if let Some(Object::Dict(d)) =
                        kwargs.and_then(|k| k.as_obj()).map(|r| self.heap.get(r))
                    {
                        let entries: Vec<(Value, Value)> = d.iter().collect();
                        for (k, v) in entries {
                            match k.as_obj().map(|r| self.heap.get(r)) {
                                Some(Object::Str(s)) => names.push(Rc::from(&**s)),
                                _ => {
                                    load!();
                                    fail!(Exception::new("TypeError", "keywords must be strings"))
                                }
                            }
                            self.stack.push(v);
                        }
                    }
                    load!();
                    call!(callee_at, &names);
                }
                Op::Swap => {
                    need!(2);
                    // SAFETY: two operands.
                    unsafe { std::ptr::swap(sp.sub(1), sp.sub(2)) };
                }
                Op::RotThree => {
                    need!(3);
                    // SAFETY: three operands.
                    unsafe { std::slice::from_raw_parts_mut(sp.sub(3), 3).rotate_right(1) };
                }
                Op::DupTwo => {
                    need!(2);
                    // SAFETY: two operands.
                    let (a, b) = unsafe { (Value::read(&*sp.sub(2)), Value::read(&*sp.sub(1))) };
                    push!(a);
                    push!(b);
                }
                Op::Unary(UnaryOp::Neg) => match top!() {
                    Value::Float(x) => *x = -*x,
                    Value::Int(i) if *i != i64::MIN => *i = -*i,
                    _ => saved!(self.run_rare_op(*op)),
                },
                Op::Return | Op::ReturnFast(_) => {
                    let mut result = match *op {
                        Op::ReturnFast(x) => local!(x),
                        _ => pop!(),
                    };
                    if frame!().base > 0 && self.frames.len() > stop_depth + 1 {
                        // The short path back to a caller in this run: the result replaces
                        // the callee below the frame's slots.
                        let returned = match frame!().kind {
                            FrameKind::Call => Some(result),
                            // SAFETY: `base > 0`: the slot below the frame's slots.
                            FrameKind::Construct if result == Value::None => {
                                Some(unsafe { Value::read(&*bp.sub(1)) })
                            }
                            _ => None,
                        };
                        if let Some(value) = returned {
                            self.handling.truncate(frame!().handling_base);
                            // SAFETY: `base > 0`, and the caller's operands end at the callee.
                            unsafe {
                                sp = bp.sub(1);
                                sp.write(value);
                                sp = sp.add(1);
                            }
                            drop(self.frames.pop());
                            // SAFETY: the caller, in this run, is now the last frame; its `ip`
                            // is inside its code and its slots lie below its operands, which
                            // end below `sp`.
                            unsafe {
                                fp = fp.sub(1);
                                let frame = &*fp;
                                code = frame.loaded.ops.as_ptr();
                                ip = code.add(frame.ip);
                                bp = stack.add(frame.base);
                            }
                            safepoint!();
                            continue;
                        }
                    }
                    save!();
                    match frame!().kind {
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
                            result = self.stack[frame!().base - 1];
                        }
                        FrameKind::Generator(gen) => {
                            self.finish_generator(gen);
                            let Some(frame) = self.frames.pop() else {
                                return Err(Exception::new("SystemError", "frame lost"));
                            };
                            self.handling.truncate(frame.handling_base);
                            self.stack.truncate(frame.base);
                            if self.frames.len() == stop_depth {
                                return Ok(Exit::Return(result));
                            }
                            load!();
                            // The caller was at `ForIter` or `YieldFrom`: the iterator is done.
                            let caller_op = frame!().loaded.ops[frame!().ip - 1];
                            if let Op::Await = caller_op {
                                let step = pop!();
                                let value = saved!(self.awaited_generator_ended(step, result));
                                push!(value);
                                continue;
                            }
                            let (Op::ForIter(t) | Op::YieldFrom(t)) = caller_op else {
                                continue;
                            };
                            let _ = pop!();
                            if let Op::YieldFrom(_) = caller_op {
                                push!(result);
                            }
                            jump!(t);
                            continue;
                        }
                        FrameKind::Call => {}
                    }
                    let Some(frame) = self.frames.pop() else {
                        return Err(Exception::new("SystemError", "frame lost"));
                    };
                    self.handling.truncate(frame.handling_base);
                    if self.frames.len() == stop_depth {
                        self.stack.truncate(frame.base);
                        return Ok(Exit::Return(result));
                    }
                    self.stack.truncate(frame.base - 1);
                    self.stack.push(result);
                    load!();
                    safepoint!();
                }
                Op::Pop => {
                    let _ = pop!();
                }
                // A str, number, `None` or bool formats with no spec as `str` makes it, which
                // `BuildString` does as it joins (every formatted value goes to one).
                Op::FormatValue(0, false) => {
                    let plain = match *top!() {
                        Value::Obj(r) => matches!(self.heap.get(r), Object::Str(_)),
                        Value::Unbound => false,
                        _ => true,
                    };
                    if !plain {
                        saved!(self.run_rare_op(*op));
                    }
                }
                Op::FormatValue(..) => saved!(self.run_rare_op(*op)),
                Op::BuildString(n) => {
                    let n = n as usize;
                    need!(n);
                    // SAFETY: `n` operands.
                    let parts = unsafe { std::slice::from_raw_parts(sp.sub(n), n) };
                    let v = ops::join_parts(&mut self.heap, parts);
                    // SAFETY: `n` operands.
                    unsafe { sp = sp.sub(n) };
                    push!(v);
                }
                Op::Dup => {
                    let v = *top!();
                    push!(v);
                }
                Op::Raise => {
                    let v = pop!();
                    if v == Value::None {
                        fail!(Exception::new(
                            "RuntimeError",
                            "No active exception to reraise"
                        ));
                    }
                    save!();
                    let prefix = self.traceback();
                    let e = saved!(Ok::<Exception, Exception>(self.reraised(v, prefix)));
                    fail!(e);
                }
                Op::RaiseFrom => {
                    let cause = pop!();
                    let v = pop!();
                    let e = saved!(Ok::<Exception, Exception>(self.raised_from(v, cause)));
                    fail!(e);
                }
                Op::Reraise => {
                    let v = pop!();
                    save!();
                    let mut prefix = self.traceback();
                    prefix.pop();
                    let e = self.reraised(v, prefix);
                    fail!(e);
                }
                Op::ListAppend(depth) => {
                    let v = pop!();
                    need!(depth as usize);
                    // SAFETY: `depth` operands.
                    let list = unsafe { *sp.sub(depth as usize) };
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
                    subscript!(container, constant!(k));
                }
                Op::LoadFastSubscrConst(x, k) => {
                    let container = local!(x);
                    subscript!(container, constant!(k));
                }
                Op::SubscrKeep => {
                    need!(2);
                    // SAFETY: two operands.
                    let (container, key) =
                        unsafe { (Value::read(&*sp.sub(2)), Value::read(&*sp.sub(1))) };
                    subscript!(container, key);
                }
                Op::LoadFastSubscrConstKeep(x, k) => {
                    let (container, key) = (local!(x), constant!(k));
                    push!(container);
                    push!(key);
                    subscript!(container, key);
                }
                Op::StoreSubscr => {
                    let key = pop!();
                    let container = pop!();
                    let value = pop!();
                    store_subscript!(container, key, value);
                }
                Op::InPlaceStoreSubscr(bop) => {
                    let b = pop!();
                    let a = pop!();
                    // The container and key stay on the stack, where the collector sees them,
                    // while the operator may run Python code.
                    let value = binary_value!(bop, a, b, true);
                    let key = pop!();
                    let container = pop!();
                    store_subscript!(container, key, value);
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
                | Op::CheckEgMatch
                | Op::PrepReraiseStar
                | Op::ListExtend(_)
                | Op::ListToTuple
                | Op::ListToSet
                | Op::MapAdd(_)
                | Op::DictMerge(_)
                | Op::DictUpdate(_)
                | Op::BuildSet(_)
                | Op::BuildConstSet(_)
                | Op::PopDropIterator
                | Op::SetAdd(_)
                | Op::DeleteSubscr
                | Op::BuildSlice
                | Op::BuildMap(_)
                | Op::DeleteFast(_)
                | Op::DeleteGlobal(_)
                | Op::UnpackSequence(_)
                | Op::UnpackEx(..)
                | Op::BuildTuple(_)
                | Op::BuildList(_)
                | Op::MakeFunction(..)
                | Op::BuildClass(..)
                | Op::BeforeWith(_)
                | Op::GetAIter
                | Op::GetANext
                | Op::EndAsyncFor(_)
                | Op::BeforeAsyncWith(_)
                | Op::AsyncExitWith(_)
                | Op::AsyncExitWithException(_)
                | Op::ExitWith(_)
                | Op::ExitWithException(_)
                | Op::ImportName(_)
                | Op::ImportFrom(_)
                | Op::Await => {
                    saved!(self.run_rare_op(*op));
                    // An `await` of something not ready ends the task's step here (its state
                    // is saved).
                    if self.suspending {
                        self.suspending = false;
                        return Ok(Exit::Suspend);
                    }
                }
            }
        }
    }
}

/// The position of index `i` (negative from the end) in a sequence of `len` items, if inside.
#[inline(always)]
fn list_index(len: usize, i: i64) -> Option<usize> {
    let at = if i < 0 { i + len as i64 } else { i };
    match usize::try_from(at) {
        Ok(at) if at < len => Some(at),
        _ => None,
    }
}
