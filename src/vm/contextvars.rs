//! `_contextvars`, the native half of `contextvars`: which context is current. A context is an instance of
//! the Python half's `Context`, whose `_data` dict is never changed once shared (setting a
//! variable replaces it), so copying a context copies one reference, as CPython's immutable
//! mapping does. Each task runs in the copy it was given when made, each callback in the copy
//! made when it was scheduled; a program that never sets a variable has no context at all.

use std::rc::Rc;

use super::builtins::arity;
use super::{Exception, Vm};
use crate::runtime::{ObjRef, Object, Value};

type Kwargs<'a> = &'a [(Rc<str>, Value)];

/// The module's natives.
pub(super) const FUNCTIONS: [(&str, crate::runtime::object::NativeFn); 2] =
    [("_get_context", get_context), ("_set_context", set_context)];

/// The current context, or `None` while there is none.
fn get_context(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("_get_context", args, 0, 0)?;
    Ok(vm.context.map_or(Value::None, Value::Obj))
}

/// Makes context `args[0]` (or none, for `None`) current; returns the one it replaces.
fn set_context(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("_set_context", args, 1, 1)?;
    vm.contexts_used = true;
    let previous = std::mem::replace(&mut vm.context, args[0].as_obj());
    Ok(previous.map_or(Value::None, Value::Obj))
}

impl Vm {
    /// A copy of the current context (`copy_context()`), or none while there is none.
    pub(super) fn copy_context(&mut self) -> Option<ObjRef> {
        let current = self.context?;
        let Object::Instance(instance) = self.heap.get(current) else {
            return Some(current);
        };
        let class = instance.class;
        let data = instance
            .get(&self.shapes, "_data")
            .copied()
            .unwrap_or(Value::None);
        let copy = self.new_instance_ref(class, &[]);
        if let Object::Instance(instance) = self.heap.get_mut(copy) {
            instance.set(&mut self.shapes, "_data", data);
            instance.set(&mut self.shapes, "_entered", Value::Bool(false));
        }
        Some(copy)
    }

    /// The context a task or callback gets from a `context=` argument: the one given, or a
    /// copy of the current one when it is absent or `None`.
    pub(super) fn context_argument(&mut self, given: Option<Value>) -> Option<ObjRef> {
        match given {
            Some(Value::Obj(r)) => Some(r),
            _ => self.copy_context(),
        }
    }

    /// Before a task's step: its `context` becomes current, the one outside kept aside.
    #[inline(never)]
    pub(super) fn enter_step_context(&mut self, context: Option<ObjRef>) {
        let outer = std::mem::replace(&mut self.context, context);
        self.outer_contexts.push(outer);
    }

    /// After a task's step (`entered`: begun with [`Vm::enter_step_context`]; else the
    /// program had no context before it): the context outside is current again, and the task
    /// keeps the one its step ended in.
    #[cold]
    #[inline(never)]
    pub(super) fn end_step_context(&mut self, task: ObjRef, entered: bool) {
        let outer = match entered {
            true => self.outer_contexts.pop().flatten(),
            false => None,
        };
        let ended = std::mem::replace(&mut self.context, outer);
        if let Some(t) = self.task_mut(task) {
            t.context = ended;
        }
    }

    /// Runs `run` with `context` current, then makes the previous one current again.
    pub(super) fn in_context<T>(
        &mut self,
        context: Option<ObjRef>,
        run: impl FnOnce(&mut Vm) -> T,
    ) -> T {
        let outer = std::mem::replace(&mut self.context, context);
        let result = run(self);
        self.context = outer;
        result
    }
}
