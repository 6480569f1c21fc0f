//! The `traceback` module's commonly used part — `print_exc`, `format_exc`,
//! `print_exception`, `format_exception`, `format_exception_only` — printing as an uncaught
//! exception prints; and the text of an exception's report that they and the loop's default
//! exception handler share.

use std::rc::Rc;

use super::builtins::arity;
use super::ops::new_str;
use super::{Exception, Vm};
use crate::runtime::{Object, Value};

type Kwargs<'a> = &'a [(Rc<str>, Value)];

/// The module's functions.
pub(super) const FUNCTIONS: [(&str, crate::runtime::object::NativeFn); 5] = [
    ("print_exc", print_exc),
    ("format_exc", format_exc),
    ("print_exception", print_exception),
    ("format_exception", format_exception),
    ("format_exception_only", format_exception_only),
];

impl Vm {
    /// Exception object `exc` reported as an uncaught one is: its chain, frames (where it was
    /// caught down to where it was raised) and last line.
    pub(super) fn exception_text(&mut self, exc: Value) -> String {
        let report = self.exception_report(exc);
        report.render(&|file, line| super::source_line(file, line))
    }

    /// The exception being handled, if any (`sys.exception()`).
    pub(super) fn handled_exception(&self) -> Value {
        self.handling.last().copied().unwrap_or(Value::None)
    }
}

/// The exception a `traceback` function is given: its one argument, or the value of the
/// older `(type, value, traceback)` form.
fn given_exception(vm: &Vm, name: &str, args: &[Value]) -> Result<Value, Exception> {
    arity(name, args, 1, 3)?;
    let exc = if args.len() == 3 { args[1] } else { args[0] };
    match exc.as_obj().map(|r| vm.heap.get(r)) {
        Some(Object::Instance(i)) if i.is_exception() => Ok(exc),
        _ if exc == Value::None => Ok(exc),
        _ => Err(Exception::new(
            "TypeError",
            format!(
                "Exception expected for value, {} found",
                super::ops::type_name(&vm.heap, exc)
            ),
        )),
    }
}

fn text_of(vm: &mut Vm, exc: Value) -> String {
    if exc == Value::None {
        "NoneType: None\n".to_owned()
    } else {
        vm.exception_text(exc)
    }
}

/// The text as a list of lines (each ending in a newline), as `format_exception` gives.
fn lines(vm: &mut Vm, text: &str) -> Value {
    let items = text
        .split_inclusive('\n')
        .map(|line| new_str(&mut vm.heap, line))
        .collect();
    Value::Obj(vm.heap.alloc(Object::List(items)))
}

fn format_exc(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("format_exc", args, 0, 1)?;
    let exc = vm.handled_exception();
    let text = text_of(vm, exc);
    Ok(new_str(&mut vm.heap, text))
}

fn print_exc(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("print_exc", args, 0, 1)?;
    let exc = vm.handled_exception();
    let text = text_of(vm, exc);
    vm.write_err(&text);
    Ok(Value::None)
}

fn print_exception(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let exc = given_exception(vm, "print_exception", args)?;
    let text = text_of(vm, exc);
    vm.write_err(&text);
    Ok(Value::None)
}

fn format_exception(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let exc = given_exception(vm, "format_exception", args)?;
    let text = text_of(vm, exc);
    Ok(lines(vm, &text))
}

fn format_exception_only(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("format_exception_only", args, 1, 2)?;
    let exc = args[args.len() - 1];
    let text = text_of(vm, exc);
    let last = text.lines().last().unwrap_or_default().to_owned();
    Ok(lines(vm, &format!("{last}\n")))
}
