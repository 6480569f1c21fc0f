//! An event loop's exception handler: what the loop does with an error nobody else will see
//! (a failing callback, a task's exception never retrieved). The program's handler, set with
//! `loop.set_exception_handler`, gets the loop and a context dict; the default one prints the
//! message, the context's other entries and the exception's traceback on stderr.

use std::rc::Rc;

use super::asyncio::receiver_loop;
use super::builtins::arity;
use super::ops::{self, new_str};
use super::{Exception, Vm};
use crate::runtime::{ObjRef, Object, Value};

type Kwargs<'a> = &'a [(Rc<str>, Value)];

/// `loop.set_exception_handler(handler)`.
pub(super) fn set_exception_handler(
    vm: &mut Vm,
    args: &[Value],
    _: Kwargs,
) -> Result<Value, Exception> {
    arity("set_exception_handler", &args[1..], 1, 1)?;
    let l = receiver_loop(vm, args)?;
    let handler = args[1];
    if handler != Value::None && !vm.is_callable(handler) {
        return Err(Exception::new(
            "TypeError",
            format!(
                "A callable object or None is expected, got {}",
                ops::repr_in(vm, handler)?
            ),
        ));
    }
    if let Some(state) = vm.loop_state(l) {
        state.exception_handler = handler;
    }
    Ok(Value::None)
}

/// `loop.get_exception_handler()`.
pub(super) fn get_exception_handler(
    vm: &mut Vm,
    args: &[Value],
    _: Kwargs,
) -> Result<Value, Exception> {
    arity("get_exception_handler", &args[1..], 0, 0)?;
    let l = receiver_loop(vm, args)?;
    Ok(vm
        .loop_state(l)
        .map_or(Value::None, |s| s.exception_handler))
}

/// `loop.call_exception_handler(context)`.
pub(super) fn call_exception_handler(
    vm: &mut Vm,
    args: &[Value],
    _: Kwargs,
) -> Result<Value, Exception> {
    arity("call_exception_handler", &args[1..], 1, 1)?;
    let l = receiver_loop(vm, args)?;
    vm.handle_exception_context(l, args[1])?;
    Ok(Value::None)
}

/// `loop.default_exception_handler(context)`.
pub(super) fn default_exception_handler(
    vm: &mut Vm,
    args: &[Value],
    _: Kwargs,
) -> Result<Value, Exception> {
    arity("default_exception_handler", &args[1..], 1, 1)?;
    vm.print_exception_context(args[1])?;
    Ok(Value::None)
}

impl Vm {
    /// Reports an error the loop `l` met: `message`, the context's other `entries`, and the
    /// exception `e`, to the loop's exception handler.
    pub(super) fn report_to_handler(
        &mut self,
        l: ObjRef,
        message: &str,
        entries: &[(&str, Value)],
        e: Exception,
    ) {
        let exception = self.exception_object(&e);
        let mut pairs = vec![("message", new_str(&mut self.heap, message))];
        pairs.push(("exception", exception));
        pairs.extend_from_slice(entries);
        let pairs: Vec<(Value, Value)> = pairs
            .into_iter()
            .map(|(k, v)| (new_str(&mut self.heap, k), v))
            .collect();
        let context = match super::containers::new_dict(&mut self.heap, pairs) {
            Ok(context) => context,
            Err(_) => return,
        };
        if let Err(e) = self.with_pinned([context], |vm| vm.handle_exception_context(l, context)) {
            let report = self.report(e);
            let text = report.render(&|file, line| super::source_line(file, line));
            self.write_err(&text);
        }
    }

    /// Gives `context` to loop `l`'s handler: the program's, or the default one. An error in
    /// the program's handler is reported by the default one, with the context it was given.
    fn handle_exception_context(&mut self, l: ObjRef, context: Value) -> Result<(), Exception> {
        let handler = self
            .loop_state(l)
            .map_or(Value::None, |s| s.exception_handler);
        if handler == Value::None {
            return self.print_exception_context(context);
        }
        let callers = self.frames.len();
        let Err(mut e) = self.call_value(handler, &[Value::Obj(l), context], &[]) else {
            return Ok(());
        };
        if matches!(e.kind, "SystemExit" | "KeyboardInterrupt") {
            return Err(e);
        }
        let shown_from = callers.min(e.traceback.len());
        e.traceback.drain(..shown_from);
        let exception = self.exception_object(&e);
        let message = new_str(&mut self.heap, "Unhandled error in exception handler");
        let pairs: Vec<(Value, Value)> = [
            ("message", message),
            ("exception", exception),
            ("context", context),
        ]
        .into_iter()
        .map(|(k, v)| (new_str(&mut self.heap, k), v))
        .collect();
        let outer = super::containers::new_dict(&mut self.heap, pairs)?;
        self.with_pinned([outer], |vm| vm.print_exception_context(outer))
    }

    /// The default handler: the message, each other entry of `context` but the exception
    /// (sorted by key, as `key: repr`), then the exception's traceback, on stderr.
    fn print_exception_context(&mut self, context: Value) -> Result<(), Exception> {
        let pairs: Vec<(Value, Value)> = match context.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::Dict(d)) => d.iter().collect(),
            _ => {
                return Err(Exception::new(
                    "AttributeError",
                    format!(
                        "'{}' object has no attribute 'get'",
                        ops::type_name(&self.heap, context)
                    ),
                ))
            }
        };
        let mut message = None;
        let mut exception = None;
        let mut others = Vec::new();
        for (k, v) in pairs {
            match ops::str_of(&self.heap, k) {
                Some("message") => message = Some(v),
                Some("exception") => exception = Some(v),
                Some(key) => others.push((key.to_owned(), v)),
                None => others.push((ops::repr(&self.heap, k), v)),
            }
        }
        others.sort_by(|a, b| a.0.cmp(&b.0));
        let mut text = match message {
            Some(m) if ops::truthy_in(self, m)? => ops::to_str_in(self, m)?,
            _ => "Unhandled exception in event loop".to_owned(),
        };
        for (key, v) in others {
            let shown = ops::repr_in(self, v)?;
            text.push_str(&format!("\n{key}: {shown}"));
        }
        text.push('\n');
        let exception = exception.filter(|&e| {
            matches!(e.as_obj().map(|r| self.heap.get(r)), Some(Object::Instance(i)) if i.is_exception())
        });
        if let Some(exc) = exception {
            text.push_str(&self.exception_text(exc));
        }
        self.write_err(&text);
        Ok(())
    }
}
