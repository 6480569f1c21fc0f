//! Generators: a call of a generator function makes a generator holding the new frame's values;
//! each resume moves them back onto the VM's stack under a frame of kind
//! [`FrameKind::Generator`], and `yield` moves them out again (the values of one frame: its
//! locals, cells and operands). A `for` loop or `yield from` over a generator resumes it inside
//! the dispatch loop, like a call; `next()`, `send()`, `throw()` and natives that iterate run it
//! in a nested loop until it yields.
//!
//! Coroutines share the machinery: calling an `async def` makes a [`Object::Coroutine`] holding
//! the frame's values the same way, and `await` runs it in a frame pushed above the awaiting
//! one, exactly a call's (an await chain is a stack of frames; the return path, which every call
//! takes, has no case of its own for them). `send()`/`throw()`/`close()` drive one by hand as a
//! generator is driven.

use std::rc::Rc;

use super::dispatch::Exit;
use super::{Exception, Frame, FrameKind, Vm};
use crate::compile::Op;
use crate::runtime::object::{Generator, GeneratorState, Loaded};
use crate::runtime::{ObjRef, Object, Value};

/// What a resumed generator did.
pub(super) enum Step {
    Yielded(Value),
    Returned(Value),
}

type Kwargs<'a> = &'a [(Rc<str>, Value)];

impl Vm {
    /// The generator for a call of a generator function, from the frame values `invoke` set up
    /// above `callee_at`.
    pub(super) fn make_generator(&mut self, loaded: Rc<Loaded>, callee_at: usize) -> Value {
        let (coroutine, generator) = (loaded.code.is_coroutine, loaded.code.is_generator);
        self.made_coroutines |= coroutine;
        let values = self.stack.split_off(callee_at + 1).into_boxed_slice();
        self.stack.truncate(callee_at);
        let body = Generator {
            loaded,
            ip: 0,
            values,
            handling: Box::default(),
            state: GeneratorState::Created,
            in_task: false,
            origin: (coroutine && !generator).then(|| self.origin()).flatten(),
        };
        Value::Obj(self.heap.alloc(match (coroutine, generator) {
            (true, true) => Object::AsyncGenerator(body),
            (true, false) => Object::Coroutine(body),
            _ => Object::Generator(body),
        }))
    }

    /// `await` of coroutine `awaited`, not awaited before: its frame is pushed on the running
    /// stacks as a call's (the coroutine stays below it, where its value will go), and it counts
    /// as finished from then on: it cannot be awaited or sent to again. On an empty stack (a
    /// task's first step) its values become the stack, without a copy.
    pub(super) fn enter_coroutine(&mut self, awaited: Value) -> Result<(), Exception> {
        let depth = self.check_depth();
        let Some(Object::Coroutine(c)) = awaited.as_obj().map(|r| self.heap.get_mut(r)) else {
            return Err(Exception::new(
                "TypeError",
                format!(
                    "object {} can't be used in 'await' expression",
                    super::ops::type_name(&self.heap, awaited)
                ),
            ));
        };
        if c.state != GeneratorState::Created {
            return Err(Exception::new(
                "RuntimeError",
                "cannot reuse already awaited coroutine",
            ));
        }
        depth?;
        c.state = GeneratorState::Finished;
        let loaded = c.loaded.clone();
        let base = self.stack.len();
        let values = std::mem::take(&mut c.values);
        if base == 0 {
            self.stack = values.into_vec();
        } else {
            self.stack.extend_from_slice(&values);
        }
        self.push_frame(Frame {
            loaded,
            ip: 0,
            base,
            handling_base: self.handling.len(),
            kind: FrameKind::Call,
        });
        Ok(())
    }

    /// Pushes the frame resuming generator `r` with `sent` (the value of its paused `yield`),
    /// its values back on the stack; `None` when it has finished.
    pub(super) fn generator_frame(
        &mut self,
        r: ObjRef,
        sent: Value,
    ) -> Result<Option<()>, Exception> {
        self.check_depth()?;
        let base = self.stack.len();
        let handling_base = self.handling.len();
        let (g, kind) = match self.heap.get_mut(r) {
            Object::Generator(g) => (g, "generator"),
            Object::Coroutine(g) => (g, "coroutine"),
            Object::AsyncGenerator(g) => (g, "async generator"),
            _ => return Ok(None),
        };
        match g.state {
            GeneratorState::Running => {
                return Err(Exception::new(
                    "ValueError",
                    format!("{kind} already executing"),
                ))
            }
            GeneratorState::Finished if kind == "coroutine" => {
                return Err(Exception::new(
                    "RuntimeError",
                    "cannot reuse already awaited coroutine",
                ))
            }
            GeneratorState::Finished => return Ok(None),
            GeneratorState::Created if sent != Value::None => {
                return Err(Exception::new(
                    "TypeError",
                    format!("can't send non-None value to a just-started {kind}"),
                ))
            }
            _ => {}
        }
        let resumed = g.state == GeneratorState::Suspended;
        g.state = GeneratorState::Running;
        let loaded = g.loaded.clone();
        let ip = g.ip;
        self.stack.extend_from_slice(&std::mem::take(&mut g.values));
        self.handling
            .extend_from_slice(&std::mem::take(&mut g.handling));
        if resumed {
            self.stack.push(sent);
        }
        self.push_frame(Frame {
            loaded,
            ip: ip as usize,
            base,
            handling_base,
            kind: FrameKind::Generator(r),
        });
        Ok(Some(()))
    }

    /// Pauses generator `r`, whose frame is the last, at a `yield` (already popped): the frame
    /// leaves the frame stack and its values the stack.
    pub(super) fn suspend_generator(&mut self, r: ObjRef) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        let values = self.stack.split_off(frame.base).into_boxed_slice();
        let handling = self
            .handling
            .split_off(frame.handling_base)
            .into_boxed_slice();
        if let Object::Generator(g) | Object::AsyncGenerator(g) = self.heap.get_mut(r) {
            g.values = values;
            g.handling = handling;
            g.ip = frame.ip as u32;
            g.state = GeneratorState::Suspended;
        }
    }

    pub(super) fn finish_generator(&mut self, r: ObjRef) {
        if let Object::Generator(g) | Object::Coroutine(g) | Object::AsyncGenerator(g) =
            self.heap.get_mut(r)
        {
            g.state = GeneratorState::Finished;
            g.values = Box::default();
            g.handling = Box::default();
        }
    }

    /// Resumes generator `r` from native code until it yields or finishes; with `throw`, the
    /// exception is raised where it is paused.
    pub(super) fn resume_generator(
        &mut self,
        r: ObjRef,
        sent: Value,
        throw: Option<Exception>,
    ) -> Result<Step, Exception> {
        if let (Some(e), Object::Generator(g)) = (&throw, self.heap.get(r)) {
            if g.state == GeneratorState::Created {
                self.finish_generator(r);
                return Err(e.clone());
            }
        }
        if let Some(e) = &throw {
            if let Some((inner, after_loop)) = self.delegate_of(r) {
                return self.throw_through(r, inner, after_loop, e.clone());
            }
        }
        let (stack_mark, handling_mark) = (self.stack.len(), self.handling.len());
        if self.generator_frame(r, sent)?.is_none() {
            return match throw {
                Some(e) => Err(e),
                None => Ok(Step::Returned(Value::None)),
            };
        }
        self.pending_throw = throw;
        match self.run() {
            Ok(Exit::Yield(v)) => Ok(Step::Yielded(v)),
            Ok(Exit::Return(v)) => Ok(Step::Returned(v)),
            Ok(Exit::Suspend) => Err(Exception::new("SystemError", "a nested run suspended")),
            // The generator's frame values stay where it raised: its caller may not unwind
            // (`close` swallows `GeneratorExit`), so they go now.
            Err(e) => {
                self.stack.truncate(stack_mark);
                self.handling.truncate(handling_mark);
                Err(e)
            }
        }
    }

    /// The generator `r` is paused in a `yield from` over: the inner generator, still
    /// suspended, and where the outer goes on once the inner is done.
    fn delegate_of(&self, r: ObjRef) -> Option<(ObjRef, usize)> {
        let Object::Generator(g) = self.heap.get(r) else {
            return None;
        };
        let ops = &g.loaded.ops;
        let (Some(Op::YieldFrom(after_loop)), Some(Op::Yield)) = (
            ops.get((g.ip as usize).wrapping_sub(2)),
            ops.get((g.ip as usize).wrapping_sub(1)),
        ) else {
            return None;
        };
        let inner = g.values.last()?.as_obj()?;
        match self.heap.get(inner) {
            Object::Generator(i) if i.state == GeneratorState::Suspended => {
                Some((inner, *after_loop as usize))
            }
            _ => None,
        }
    }

    /// `throw` into generator `outer` paused in `yield from inner`: the exception goes to the
    /// inner generator first, as CPython does. What the inner one yields, the outer yields; if
    /// it returns, the `yield from` has its value and the outer goes on; if it raises, the
    /// exception is raised in the outer at its `yield from`.
    fn throw_through(
        &mut self,
        outer: ObjRef,
        inner: ObjRef,
        after_loop: usize,
        e: Exception,
    ) -> Result<Step, Exception> {
        match self.resume_generator(inner, Value::None, Some(e)) {
            Ok(Step::Yielded(v)) => Ok(Step::Yielded(v)),
            Ok(Step::Returned(result)) => {
                if let Object::Generator(g) = self.heap.get_mut(outer) {
                    let mut values = std::mem::take(&mut g.values).into_vec();
                    values.pop();
                    g.values = values.into_boxed_slice();
                    g.ip = after_loop as u32;
                }
                self.resume_generator(outer, result, None)
            }
            Err(raised) => self.resume_generator(outer, Value::None, Some(raised)),
        }
    }

    /// `next(generator)`: the next item, or `None` when it is exhausted.
    pub(super) fn resume_for_next(&mut self, it: Value) -> Result<Option<Value>, Exception> {
        let Some(r) = it.as_obj() else {
            return Ok(None);
        };
        match self.resume_generator(r, Value::None, None)? {
            Step::Yielded(v) => Ok(Some(v)),
            Step::Returned(_) => Ok(None),
        }
    }

    /// The `StopIteration` that ends a `send` or `next` with the generator's return value.
    fn stop_iteration(&mut self, value: Value) -> Exception {
        let cls = self.builtin_type("StopIteration");
        let args: Vec<Value> = if value == Value::None {
            Vec::new()
        } else {
            vec![value]
        };
        let exc = self.new_instance(cls, &args);
        let mut e = Exception::new("StopIteration", "");
        e.value = Some(exc);
        e
    }
}

fn generator_ref(args: &[Value]) -> Result<ObjRef, Exception> {
    args.first()
        .and_then(|v| v.as_obj())
        .ok_or_else(|| Exception::new("TypeError", "generator method needs a generator"))
}

/// `generator.send(value)`.
pub(super) fn send(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    super::builtins::arity("send", &args[1..], 1, 1)?;
    let r = generator_ref(args)?;
    match vm.resume_generator(r, args[1], None)? {
        Step::Yielded(v) => Ok(v),
        Step::Returned(v) => Err(vm.stop_iteration(v)),
    }
}

/// `coroutine.__await__()`: the coroutine itself, which `await` drives (CPython wraps it in
/// an iterator of its own; Baton's `await` takes the coroutine as it is).
pub(super) fn own_iterator(_: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    Ok(args.first().copied().unwrap_or(Value::None))
}

/// `generator.__next__()`.
pub(super) fn next(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let r = generator_ref(args)?;
    match vm.resume_generator(r, Value::None, None)? {
        Step::Yielded(v) => Ok(v),
        Step::Returned(v) => Err(vm.stop_iteration(v)),
    }
}

/// `generator.throw(exc)`.
pub(super) fn throw(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    super::builtins::arity("throw", &args[1..], 1, 3)?;
    let r = generator_ref(args)?;
    let e = vm.raised(args[1]);
    match vm.resume_generator(r, Value::None, Some(e))? {
        Step::Yielded(v) => Ok(v),
        Step::Returned(v) => Err(vm.stop_iteration(v)),
    }
}

/// `generator.close()`: raises `GeneratorExit` where it is paused.
pub(super) fn close(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let r = generator_ref(args)?;
    match vm.heap.get(r) {
        Object::Generator(g) | Object::Coroutine(g) if g.state == GeneratorState::Suspended => {}
        _ => {
            vm.finish_generator(r);
            return Ok(Value::None);
        }
    }
    let exit = Exception::new("GeneratorExit", "");
    match vm.resume_generator(r, Value::None, Some(exit)) {
        Ok(Step::Yielded(_)) => Err(Exception::new(
            "RuntimeError",
            "generator ignored GeneratorExit",
        )),
        Ok(Step::Returned(_)) => Ok(Value::None),
        Err(e) if matches!(e.kind, "GeneratorExit" | "StopIteration") => Ok(Value::None),
        Err(e) => Err(e),
    }
}
