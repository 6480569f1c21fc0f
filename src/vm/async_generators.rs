//! Async generators and `async for`. An async generator is a generator whose frame may also
//! await: each `__anext__()`/`asend()`/`athrow()`/`aclose()` returns a step object, and
//! awaiting the step pushes the generator's frame above the awaiting one (as a `for` loop
//! resumes a generator). Its `yield` hands the value to the awaiting frame in place of the
//! step; its end raises `StopAsyncIteration` there. Awaits inside it suspend the task like any
//! other frame's.

use std::rc::Rc;

use super::{Exception, Vm};
use crate::runtime::object::{AsyncGenAction, GeneratorState, NativeFn};
use crate::runtime::{ObjRef, Object, Value};

type Kwargs<'a> = &'a [(Rc<str>, Value)];

/// The methods of async generators.
pub(super) const METHODS: &[(&str, NativeFn)] = &[
    ("__aiter__", aiter),
    ("__anext__", anext),
    ("asend", asend),
    ("athrow", athrow),
    ("aclose", aclose),
];

impl Vm {
    /// `async for`'s `__aiter__` of `v`.
    pub(super) fn async_iter(&mut self, v: Value) -> Result<Value, Exception> {
        self.async_iter_or(v, |type_name| {
            format!("'async for' requires an object with __aiter__ method, got {type_name}")
        })
    }

    /// `__aiter__` of `v`; `message` says what is wrong (given the type's name) when it has
    /// none.
    fn async_iter_or(
        &mut self,
        v: Value,
        message: impl FnOnce(&str) -> String,
    ) -> Result<Value, Exception> {
        if let Some(Object::AsyncGenerator(_)) = v.as_obj().map(|r| self.heap.get(r)) {
            return Ok(v);
        }
        self.call_special_or(v, "__aiter__", message)
    }

    /// `async for`'s `__anext__()` of iterator `it`: the awaitable giving the next item.
    pub(super) fn async_next(&mut self, it: Value) -> Result<Value, Exception> {
        self.async_next_or(it, |type_name| {
            format!("'async for' received an object from __aiter__ that does not implement __anext__: {type_name}")
        })
    }

    /// `__anext__()` of `it`; `message` says what is wrong (given the type's name) when it
    /// has none.
    fn async_next_or(
        &mut self,
        it: Value,
        message: impl FnOnce(&str) -> String,
    ) -> Result<Value, Exception> {
        if let Some(Object::AsyncGenerator(_)) = it.as_obj().map(|r| self.heap.get(r)) {
            return Ok(self.async_step(it, Value::None, AsyncGenAction::Send));
        }
        self.call_special_or(it, "__anext__", message)
    }

    /// Calls `v`'s special method `name`; a TypeError saying `message` (given the type's
    /// name) when it has none.
    fn call_special_or(
        &mut self,
        v: Value,
        name: &str,
        message: impl FnOnce(&str) -> String,
    ) -> Result<Value, Exception> {
        match self.special_method(v, name) {
            Some(m) => self.call_value(m, &[v], &[]),
            None => Err(Exception::new(
                "TypeError",
                message(super::ops::type_name(&self.heap, v)),
            )),
        }
    }

    fn async_step(&mut self, generator: Value, sent: Value, action: AsyncGenAction) -> Value {
        let Some(generator) = generator.as_obj() else {
            return Value::None;
        };
        Value::Obj(self.heap.alloc(Object::AsyncGenStep {
            generator,
            sent,
            action,
            used: false,
            default: Value::Unbound,
        }))
    }

    /// What a step of `anext(g, default)` gives when the generator has no more items.
    fn exhausted(&self, step: ObjRef) -> Result<Value, Exception> {
        match self.heap.get(step) {
            Object::AsyncGenStep { default, .. } if *default != Value::Unbound => Ok(*default),
            _ => Err(Exception::new("StopAsyncIteration", "")),
        }
    }

    /// `await` of step `step` (on top of the stack): the generator's frame is pushed to run; or,
    /// when it has finished (or never started and is being closed), the step's outcome now.
    pub(super) fn await_async_step(&mut self, step: ObjRef) -> Result<(), Exception> {
        let Object::AsyncGenStep {
            generator,
            sent,
            action,
            used,
            ..
        } = self.heap.get_mut(step)
        else {
            return Ok(());
        };
        if std::mem::replace(used, true) {
            return Err(Exception::new(
                "RuntimeError",
                "cannot reuse already awaited __anext__()/asend()",
            ));
        }
        let (generator, sent, action) = (*generator, *sent, *action);
        let state = match self.heap.get(generator) {
            Object::AsyncGenerator(g) => g.state,
            _ => GeneratorState::Finished,
        };
        let ends_now = state == GeneratorState::Finished
            || (state == GeneratorState::Created && action != AsyncGenAction::Send);
        if ends_now {
            self.finish_generator(generator);
            return match action {
                AsyncGenAction::Close => {
                    self.replace_top(Value::None);
                    Ok(())
                }
                AsyncGenAction::Throw(e) => Err(self.raised(e)),
                AsyncGenAction::Send => {
                    let v = self.exhausted(step)?;
                    self.replace_top(v);
                    Ok(())
                }
            };
        }
        if state == GeneratorState::Running {
            return Err(Exception::new(
                "RuntimeError",
                "anext(): asynchronous generator is already running",
            ));
        }
        if state == GeneratorState::Created && self.running_loop.is_some() {
            self.track_async_generator(generator);
        }
        self.generator_frame(generator, sent)?;
        match action {
            AsyncGenAction::Send => Ok(()),
            // Raised in the generator's frame, now the running one.
            AsyncGenAction::Throw(e) => Err(self.raised(e)),
            AsyncGenAction::Close => Err(Exception::new("GeneratorExit", "")),
        }
    }

    /// Remembers async generator `g` for `asyncio.run` to close (the finished ones are
    /// forgotten whenever the list would grow).
    fn track_async_generator(&mut self, g: ObjRef) {
        if self.async_generators.len() == self.async_generators.capacity() {
            let heap = &self.heap;
            self.async_generators.retain(|&g| is_suspended(heap, g));
        }
        self.async_generators.push(g);
    }

    /// The async generators first iterated while a loop ran that are suspended now, in the
    /// order they started; forgotten from then on.
    pub(super) fn take_suspended_async_generators(&mut self) -> Vec<ObjRef> {
        let mut taken = std::mem::take(&mut self.async_generators);
        taken.retain(|&g| is_suspended(&self.heap, g));
        taken
    }

    /// `break` or `return` left the `async for` over async generator `g` made for it: if
    /// it is suspended and a loop runs, a task closes it (as CPython's `finalizer` hook has
    /// the loop do when the generator's last reference goes).
    pub(super) fn drop_async_generator(&mut self, g: ObjRef) -> Result<(), Exception> {
        let Some(l) = self.running_loop.as_ref().map(|(l, _)| *l) else {
            return Ok(());
        };
        if !is_suspended(&self.heap, g) {
            return Ok(());
        }
        self.async_generators.retain(|&other| other != g);
        let finalize = self.embedded_global("asyncio", "_finalize_asyncgen")?;
        let handle = super::asyncio::new_handle(self, finalize, &[Value::Obj(g)], None, None);
        self.call_soon(l, crate::runtime::tasks::Job::Handle(handle));
        Ok(())
    }

    pub(super) fn replace_top(&mut self, v: Value) {
        if let Some(top) = self.stack.last_mut() {
            *top = v;
        }
    }

    /// The async generator yielded `v` to the frame awaiting `step`: what the await gives.
    pub(super) fn async_step_yielded(&mut self, step: Value, v: Value) -> Result<Value, Exception> {
        if self.is_close_step(step) {
            return Err(Exception::new(
                "RuntimeError",
                "async generator ignored GeneratorExit",
            ));
        }
        Ok(v)
    }

    /// A generator's frame ended (returning `result`) while the frame below awaited `step`:
    /// for a generator an `__await__` gave, `result` is the await's value; for an async
    /// generator's step, `aclose()` gives `None` and the others raise `StopAsyncIteration`.
    pub(super) fn awaited_generator_ended(
        &mut self,
        step: Value,
        result: Value,
    ) -> Result<Value, Exception> {
        if self.plain_generator(step).is_some() {
            return Ok(result);
        }
        if self.is_close_step(step) {
            return Ok(Value::None);
        }
        match step.as_obj() {
            Some(r) => self.exhausted(r),
            None => Err(Exception::new("StopAsyncIteration", "")),
        }
    }

    /// Generator `v`, if it is a plain one (not a coroutine or an async generator).
    pub(super) fn plain_generator(&self, v: Value) -> Option<ObjRef> {
        v.as_obj()
            .filter(|&r| matches!(self.heap.get(r), Object::Generator(_)))
    }

    /// Whether `v` is an `aclose()` step (for which `GeneratorExit` leaving the generator is
    /// a normal end).
    pub(super) fn is_close_step(&self, v: Value) -> bool {
        matches!(
            v.as_obj().map(|r| self.heap.get(r)),
            Some(Object::AsyncGenStep {
                action: AsyncGenAction::Close,
                ..
            })
        )
    }
}

/// Whether `g` is an async generator that started and has not finished.
fn is_suspended(heap: &crate::runtime::Heap, g: ObjRef) -> bool {
    matches!(heap.get(g), Object::AsyncGenerator(a) if a.state == GeneratorState::Suspended)
}

fn receiver(vm: &Vm, args: &[Value]) -> Result<Value, Exception> {
    match args
        .first()
        .map(|v| (v, v.as_obj().map(|r| vm.heap.get(r))))
    {
        Some((v, Some(Object::AsyncGenerator(_)))) => Ok(*v),
        _ => Err(Exception::new(
            "TypeError",
            "an async generator method needs an async generator",
        )),
    }
}

fn aiter(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    receiver(vm, args)
}

fn anext(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let g = receiver(vm, args)?;
    Ok(vm.async_step(g, Value::None, AsyncGenAction::Send))
}

fn asend(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    super::builtins::arity("asend", &args[1..], 1, 1)?;
    let g = receiver(vm, args)?;
    Ok(vm.async_step(g, args[1], AsyncGenAction::Send))
}

fn athrow(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    super::builtins::arity("athrow", &args[1..], 1, 3)?;
    let g = receiver(vm, args)?;
    let e = vm.raised(args[1]);
    let exc = vm.exception_object(&e);
    Ok(vm.async_step(g, Value::None, AsyncGenAction::Throw(exc)))
}

fn aclose(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let g = receiver(vm, args)?;
    Ok(vm.async_step(g, Value::None, AsyncGenAction::Close))
}

/// The built-in `aiter(obj)`.
pub(super) fn aiter_builtin(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    super::builtins::arity("aiter", args, 1, 1)?;
    vm.async_iter_or(args[0], |type_name| {
        format!("'{type_name}' object is not an async iterable")
    })
}

/// The built-in `anext(iterator[, default])`.
pub(super) fn anext_builtin(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    super::builtins::expected_arity("anext", args, 1, 2)?;
    let not_iterator = |type_name: &str| format!("'{type_name}' object is not an async iterator");
    let Some(&default) = args.get(1) else {
        return vm.async_next_or(args[0], not_iterator);
    };
    if !matches!(
        args[0].as_obj().map(|r| vm.heap.get(r)),
        Some(Object::AsyncGenerator(_))
    ) {
        if vm.special_method(args[0], "__anext__").is_none() {
            let type_name = super::ops::type_name(&vm.heap, args[0]);
            return Err(Exception::new("TypeError", not_iterator(type_name)));
        }
        return Err(Exception::new(
            "NotImplementedError",
            "anext() with a default is supported for async generators only",
        ));
    }
    let step = vm.async_step(args[0], Value::None, AsyncGenAction::Send);
    if let Some(Object::AsyncGenStep { default: d, .. }) = step.as_obj().map(|r| vm.heap.get_mut(r))
    {
        *d = default;
    }
    Ok(step)
}
