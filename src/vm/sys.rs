//! The `sys` module: `argv`, `exit`, `stdout`/`stderr` (with `write` and `flush`),
//! `maxsize`, the recursion limit.

use std::rc::Rc;

use super::builtins::{arity, native};
use super::ops::{self, new_str};
use super::{Exception, Vm};
use crate::runtime::object::Module;
use crate::runtime::{Object, Value};

type Kwargs<'a> = &'a [(Rc<str>, Value)];

/// The attributes of `sys`.
pub(super) fn attributes(vm: &mut Vm) -> crate::runtime::object::ModuleAttrs {
    let mut attrs = crate::runtime::object::ModuleAttrs::default();
    let argv: Vec<Value> = vm
        .argv
        .clone()
        .iter()
        .map(|a| new_str(&mut vm.heap, a.as_str()))
        .collect();
    attrs.insert(
        Rc::from("argv"),
        Value::Obj(vm.heap.alloc(Object::List(argv))),
    );
    attrs.insert(Rc::from("maxsize"), Value::Int(i64::MAX));
    let platform = new_str(&mut vm.heap, std::env::consts::OS);
    attrs.insert(Rc::from("platform"), platform);
    for (name, func) in [
        ("exit", exit as crate::runtime::object::NativeFn),
        ("exception", exception),
        ("getrecursionlimit", getrecursionlimit),
        ("setrecursionlimit", setrecursionlimit),
    ] {
        attrs.insert(Rc::from(name), native(&mut vm.heap, name, func));
    }
    for (name, write, flush) in [
        (
            "stdout",
            stdout_write as crate::runtime::object::NativeFn,
            stdout_flush as crate::runtime::object::NativeFn,
        ),
        ("stderr", stderr_write, stderr_flush),
    ] {
        let mut stream = crate::runtime::object::ModuleAttrs::default();
        stream.insert(Rc::from("write"), native(&mut vm.heap, "write", write));
        stream.insert(Rc::from("flush"), native(&mut vm.heap, "flush", flush));
        let shown_name = super::ops::new_str(&mut vm.heap, format!("<{name}>"));
        stream.insert(Rc::from("name"), shown_name);
        let v = Value::Obj(vm.heap.alloc(Object::Module(Box::new(Module {
            name: Rc::from(name),
            attrs: stream,
        }))));
        if name == "stderr" {
            vm.stderr = v;
        }
        attrs.insert(Rc::from(name), v);
    }
    attrs
}

fn exit(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("exit", args, 0, 1)?;
    let cls = vm.builtin_type("SystemExit");
    let exc = vm.new_instance(cls, args);
    let mut e = Exception::new("SystemExit", "");
    e.value = Some(exc);
    Err(e)
}

fn getrecursionlimit(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("getrecursionlimit", args, 0, 0)?;
    Ok(Value::Int(vm.recursion_limit as i64))
}

/// `sys.setrecursionlimit(n)`: frames live on the heap, so any limit is safe for plain calls
/// (natives calling back into Python nest no deeper than `NESTED_RUN_LIMIT` regardless).
fn setrecursionlimit(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("sys.setrecursionlimit", args, 1, 1)?;
    let limit = match args[0] {
        Value::Int(n) => n,
        Value::Bool(b) => i64::from(b),
        other => {
            return Err(Exception::new(
                "TypeError",
                format!(
                    "'{}' object cannot be interpreted as an integer",
                    ops::type_name(&vm.heap, other)
                ),
            ))
        }
    };
    if limit < 1 {
        return Err(Exception::new(
            "ValueError",
            "recursion limit must be greater or equal than 1",
        ));
    }
    // CPython counts the call of `setrecursionlimit` itself.
    let depth = vm.frames.len() as i64 + 1;
    if limit <= depth {
        return Err(Exception::new(
            "RecursionError",
            format!(
                "cannot set the recursion limit to {limit} at the recursion depth {depth}: the limit is too low"
            ),
        ));
    }
    vm.recursion_limit = usize::try_from(limit).unwrap_or(usize::MAX);
    Ok(Value::None)
}

fn text(vm: &mut Vm, args: &[Value]) -> Result<String, Exception> {
    arity("write", args, 1, 1)?;
    match args[0].as_obj().map(|r| vm.heap.get(r)) {
        Some(Object::Str(s)) => Ok(s.to_string()),
        _ => Err(Exception::new(
            "TypeError",
            format!(
                "write() argument must be str, not {}",
                ops::type_name(&vm.heap, args[0])
            ),
        )),
    }
}

fn stdout_write(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let t = text(vm, args)?;
    vm.write_out(&t)?;
    Ok(Value::Int(t.chars().count() as i64))
}

fn stderr_write(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let t = text(vm, args)?;
    vm.write_err(&t);
    Ok(Value::Int(t.chars().count() as i64))
}

fn stdout_flush(vm: &mut Vm, _: &[Value], _: Kwargs) -> Result<Value, Exception> {
    vm.flush();
    Ok(Value::None)
}

fn stderr_flush(_: &mut Vm, _: &[Value], _: Kwargs) -> Result<Value, Exception> {
    Ok(Value::None)
}

/// `sys.exception()`: the exception being handled, or `None`.
fn exception(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("exception", args, 0, 0)?;
    Ok(vm.handled_exception())
}
