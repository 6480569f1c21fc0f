//! The `sys` module: `argv`, `exit`, `stdout`/`stderr` (with `write` and `flush`),
//! `maxsize`, the recursion limit.

use std::collections::HashMap;
use std::rc::Rc;

use super::builtins::{arity, native};
use super::ops::{self, new_str};
use super::{Exception, Vm, RECURSION_LIMIT};
use crate::runtime::object::Module;
use crate::runtime::{Object, Value};

type Kwargs<'a> = &'a [(Rc<str>, Value)];

/// The attributes of `sys`.
pub(super) fn attributes(vm: &mut Vm) -> HashMap<Rc<str>, Value> {
    let mut attrs = HashMap::new();
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
        let mut stream = HashMap::new();
        stream.insert(Rc::from("write"), native(&mut vm.heap, "write", write));
        stream.insert(Rc::from("flush"), native(&mut vm.heap, "flush", flush));
        let v = Value::Obj(vm.heap.alloc(Object::Module(Module {
            name: Rc::from(name),
            attrs: stream,
        })));
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

fn getrecursionlimit(_: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("getrecursionlimit", args, 0, 0)?;
    Ok(Value::Int(RECURSION_LIMIT as i64))
}

fn setrecursionlimit(_: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("setrecursionlimit", args, 1, 1)?;
    Err(Exception::new(
        "NotImplementedError",
        "changing the recursion limit is not supported yet",
    ))
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
