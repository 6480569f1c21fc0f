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
        if let Some(Object::AsyncGenerator(_)) = v.as_obj().map(|r| self.heap.get(r)) {
            return Ok(v);
        }
        match self.special_method(v, "__aiter__") {
            Some(m) => self.call_value(m, &[v], &[]),
            None => Err(Exception::new(
                "TypeError",
                format!(
                    "'async for' requires an object with __aiter__ method, got {}",
                    super::ops::type_name(&self.heap, v)
                ),
            )),
        }
    }

    /// `async for`'s `__anext__()` of iterator `it`: the awaitable giving the next item.
    pub(super) fn async_next(&mut self, it: Value) -> Result<Value, Exception> {
        if let Some(Object::AsyncGenerator(_)) = it.as_obj().map(|r| self.heap.get(r)) {
            return Ok(self.async_step(it, Value::None, AsyncGenAction::Send));
        }
        match self.special_method(it, "__anext__") {
            Some(m) => self.call_value(m, &[it], &[]),
            None => Err(Exception::new(
                "TypeError",
                format!(
                    "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                    super::ops::type_name(&self.heap, it)
                ),
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
        }))
    }

    /// `await` of step `step` (on top of the stack): the generator's frame is pushed to run; or,
    /// when it has finished (or never started and is being closed), the step's outcome now.
    pub(super) fn await_async_step(&mut self, step: ObjRef) -> Result<(), Exception> {
        let Object::AsyncGenStep {
            generator,
            sent,
            action,
            used,
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
                AsyncGenAction::Send => Err(Exception::new("StopAsyncIteration", "")),
            };
        }
        if state == GeneratorState::Running {
            return Err(Exception::new(
                "RuntimeError",
                "anext(): asynchronous generator is already running",
            ));
        }
        self.generator_frame(generator, sent)?;
        match action {
            AsyncGenAction::Send => Ok(()),
            // Raised in the generator's frame, now the running one.
            AsyncGenAction::Throw(e) => Err(self.raised(e)),
            AsyncGenAction::Close => Err(Exception::new("GeneratorExit", "")),
        }
    }

    fn replace_top(&mut self, v: Value) {
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

    /// The async generator ended while the frame below awaited `step`: `aclose()` gives
    /// `None`; the others raise `StopAsyncIteration`.
    pub(super) fn async_step_ended(&mut self, step: Value) -> Result<Value, Exception> {
        if self.is_close_step(step) {
            return Ok(Value::None);
        }
        Err(Exception::new("StopAsyncIteration", ""))
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
