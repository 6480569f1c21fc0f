//! Built-in functions and the built-in modules (`time`), and iteration over the built-in types.

use std::rc::Rc;

use super::ops::{self, new_str, type_name, Host};
use super::{iteration, reflection, Exception, Vm};
use crate::runtime::dict::Dict;
use crate::runtime::object::{DictPart, NativeFn, NativeFunction};
use crate::runtime::{Heap, ObjRef, Object, Value};

pub(super) fn native(heap: &mut Heap, name: &'static str, func: NativeFn) -> Value {
    let keywords = matches!(
        name,
        "print"
            | "dict"
            | "sorted"
            | "min"
            | "max"
            | "sum"
            | "enumerate"
            | "property"
            | "int"
            | "__init_subclass__"
            | "__new__"
            | "__call__"
            | "print_exc"
            | "print_exception"
            | "format_exc"
            | "format_exception"
    );
    Value::Obj(heap.alloc(Object::Native(NativeFunction {
        name,
        func,
        keywords,
        receiver: None,
    })))
}

/// Gives the built-in container types their methods as attributes (`str.lower`, `dict.get`),
/// `dict` its `fromkeys` and `bytes` its `fromhex`.
fn install_type_methods(vm: &mut Vm) {
    for type_name in ["str", "list", "tuple", "dict", "set", "frozenset"] {
        let class = vm.builtin_type(type_name);
        for &(name, func) in super::containers::method_tables(type_name)
            .iter()
            .flat_map(|t| t.iter())
        {
            let method = Value::Obj(vm.heap.alloc(Object::Native(NativeFunction {
                name,
                func,
                keywords: super::call::method_takes_keywords(name),
                receiver: Some(type_name),
            })));
            let key = Rc::from(name);
            if let Object::Class(c) = vm.heap.get_mut(class) {
                c.attrs.insert(key, method);
            }
        }
    }
    let fromkeys = native(&mut vm.heap, "fromkeys", super::containers::dict_fromkeys);
    let dict = vm.builtin_type("dict");
    if let Object::Class(c) = vm.heap.get_mut(dict) {
        c.attrs.insert(Rc::from("fromkeys"), fromkeys);
    }
    let fromhex = native(&mut vm.heap, "fromhex", super::bytes::fromhex);
    let bytes = vm.builtin_type("bytes");
    if let Object::Class(c) = vm.heap.get_mut(bytes) {
        c.attrs.insert(Rc::from("fromhex"), fromhex);
    }
}

/// The built-in types that calling makes values of, with the function that does.
const TYPES: [(&str, NativeFn); 21] = [
    ("int", super::numbers::int),
    ("float", super::numbers::float),
    ("str", str_),
    ("list", iteration::list),
    ("tuple", iteration::tuple),
    ("dict", iteration::dict),
    ("set", super::sets::set_new),
    ("frozenset", super::sets::frozenset_new),
    ("range", range),
    ("enumerate", iteration::enumerate),
    ("zip", iteration::zip),
    ("map", iteration::map),
    ("filter", iteration::filter),
    ("reversed", iteration::reversed),
    ("type", reflection::type_),
    ("super", reflection::super_),
    ("property", reflection::property),
    ("staticmethod", reflection::staticmethod),
    ("classmethod", reflection::classmethod),
    ("slice", slice),
    ("bytes", super::bytes::bytes_new),
];

/// The built-in functions.
const FUNCTIONS: [(&str, NativeFn); 38] = [
    ("print", print),
    ("len", len),
    ("repr", repr),
    ("ascii", ascii),
    ("abs", abs),
    ("sum", iteration::sum),
    ("min", iteration::min),
    ("max", iteration::max),
    ("sorted", iteration::sorted),
    ("any", iteration::any),
    ("all", iteration::all),
    ("iter", iteration::iter),
    ("next", iteration::next),
    ("aiter", super::async_generators::aiter_builtin),
    ("anext", super::async_generators::anext_builtin),
    ("isinstance", reflection::isinstance),
    ("issubclass", reflection::issubclass),
    ("id", reflection::id),
    ("hash", reflection::hash),
    ("callable", reflection::callable),
    ("getattr", reflection::getattr),
    ("setattr", reflection::setattr),
    ("hasattr", reflection::hasattr),
    ("delattr", reflection::delattr),
    ("vars", reflection::vars),
    ("dir", reflection::dir),
    ("round", super::numbers::round),
    ("divmod", super::numbers::divmod),
    ("pow", super::numbers::pow),
    ("chr", super::numbers::chr),
    ("ord", super::numbers::ord),
    ("hex", super::numbers::hex),
    ("oct", super::numbers::oct),
    ("bin", super::numbers::bin),
    ("format", super::numbers::format),
    ("input", input),
    ("globals", globals),
    ("locals", globals),
];

/// Fills the builtins namespace: the built-in types as classes, then the functions.
pub(super) fn install(vm: &mut Vm) {
    let object = vm.builtin_class("object", None, Some(reflection::object_new));
    let methods: [(&str, NativeFn); 10] = [
        ("__init__", reflection::object_init),
        ("__init_subclass__", reflection::object_init_subclass),
        ("__setattr__", reflection::object_setattr),
        ("__delattr__", reflection::object_delattr),
        ("__getattribute__", reflection::object_getattribute),
        ("__eq__", reflection::object_eq),
        ("__ne__", reflection::object_ne),
        ("__hash__", reflection::object_hash),
        ("__repr__", reflection::object_repr),
        ("__str__", reflection::object_str),
    ];
    vm.add_native_methods(object, &methods);
    vm.add_static_new(object, reflection::object_dunder_new);
    vm.set_builtin("object", Value::Obj(object));
    for (name, func) in TYPES {
        let class = vm.builtin_class(name, Some(object), Some(func));
        vm.set_builtin(name, Value::Obj(class));
    }
    install_type_methods(vm);
    let type_class = vm.builtin_type("type");
    vm.add_static_new(type_class, super::metaclasses::type_new);
    let methods: [(&str, NativeFn); 2] = [
        ("__init__", super::metaclasses::type_init),
        ("__call__", super::metaclasses::type_call),
    ];
    vm.add_native_methods(type_class, &methods);
    let int = vm.builtin_type("int");
    let bool_class = vm.builtin_class("bool", Some(int), Some(bool_));
    vm.set_builtin("bool", Value::Obj(bool_class));
    for (name, func) in FUNCTIONS {
        let v = native(&mut vm.heap, name, func);
        vm.set_builtin(name, v);
    }
    let not_implemented_type = vm.builtin_class("NotImplementedType", Some(object), None);
    vm.not_implemented = vm.new_instance(not_implemented_type, &[]);
    vm.set_builtin("NotImplemented", vm.not_implemented);
    let ellipsis_type = vm.builtin_class("ellipsis", Some(object), None);
    vm.ellipsis = vm.new_instance(ellipsis_type, &[]);
    vm.set_builtin("Ellipsis", vm.ellipsis);
}

/// The attributes of built-in module `name`, if there is one.
pub(super) fn module(heap: &mut Heap, name: &str) -> Option<crate::runtime::object::ModuleAttrs> {
    let table: &[(&'static str, NativeFn)] = match name {
        "time" => &[
            ("time", super::clock::time_time),
            ("sleep", super::clock::time_sleep),
            ("monotonic", super::clock::time_monotonic),
            ("perf_counter", super::clock::time_monotonic),
            ("time_ns", super::clock::time_time_ns),
            ("monotonic_ns", super::clock::time_monotonic_ns),
            ("perf_counter_ns", super::clock::time_monotonic_ns),
            super::calendar::FUNCTIONS[0],
            super::calendar::FUNCTIONS[1],
            super::calendar::FUNCTIONS[2],
        ],
        "math" => return Some(super::math::attributes(heap)),
        "traceback" => &super::traceback::FUNCTIONS,
        "_contextvars" => &super::contextvars::FUNCTIONS,
        "inspect" => &[("_code_flags", reflection::code_flags)],
        _ => return None,
    };
    Some(
        table
            .iter()
            .map(|&(n, f)| (Rc::from(n), native(heap, n, f)))
            .collect(),
    )
}

/// The argument count a built-in wanted, for an error about `given`: "2 arguments" when it
/// takes exactly that many, else "at most …" or "at least …".
fn wanted_arguments(given: usize, min: usize, max: usize) -> String {
    let (bound, n) = match (min == max, given > max) {
        (true, _) => ("", min),
        (false, true) => ("at most ", max),
        (false, false) => ("at least ", min),
    };
    format!("{bound}{n} argument{}", if n == 1 { "" } else { "s" })
}

/// Checks the number of arguments of a built-in, worded as CPython words it for most
/// ("len() takes exactly one argument (2 given)").
pub(super) fn arity(name: &str, args: &[Value], min: usize, max: usize) -> Result<(), Exception> {
    let given = args.len();
    if (min..=max).contains(&given) {
        return Ok(());
    }
    let expected = match (min, max) {
        (1, 1) => "exactly one argument".to_string(),
        _ if min == max => format!("exactly {}", wanted_arguments(given, min, max)),
        _ => wanted_arguments(given, min, max),
    };
    Err(Exception::new(
        "TypeError",
        format!("{name}() takes {expected} ({given} given)"),
    ))
}

/// Checks the number of arguments of a built-in that CPython checks positionally, wording the
/// error its way ("getattr expected at least 2 arguments, got 1"); [`arity`] is for the others.
pub(super) fn expected_arity(
    name: &str,
    args: &[Value],
    min: usize,
    max: usize,
) -> Result<(), Exception> {
    let given = args.len();
    if (min..=max).contains(&given) {
        return Ok(());
    }
    Err(Exception::new(
        "TypeError",
        format!(
            "{name} expected {}, got {given}",
            wanted_arguments(given, min, max)
        ),
    ))
}

fn print(vm: &mut Vm, args: &[Value], kwargs: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    let mut sep = String::from(" ");
    let mut end = String::from("\n");
    let mut flush = false;
    let mut file = None;
    for (name, v) in kwargs {
        let text = |v: Value, heap: &Heap| {
            let wrong = || {
                Exception::new(
                    "TypeError",
                    format!(
                        "{name} must be None or a string, not {}",
                        type_name(heap, v)
                    ),
                )
            };
            match v {
                Value::None => Ok(None),
                Value::Obj(r) => match heap.get(r) {
                    Object::Str(s) => Ok(Some(s.to_string())),
                    _ => Err(wrong()),
                },
                _ => Err(wrong()),
            }
        };
        match &**name {
            "sep" => sep = text(*v, &vm.heap)?.unwrap_or_else(|| " ".into()),
            "end" => end = text(*v, &vm.heap)?.unwrap_or_else(|| "\n".into()),
            "flush" => flush = ops::truthy_in(vm, *v)?,
            "file" => file = Some(*v).filter(|f| *f != Value::None),
            other => {
                return Err(Exception::new(
                    "TypeError",
                    format!("'{other}' is an invalid keyword argument for print()"),
                ))
            }
        }
    }
    let mut line = String::new();
    for (i, &a) in args.iter().enumerate() {
        if i > 0 {
            line.push_str(&sep);
        }
        line.push_str(&ops::to_str_in(vm, a)?);
    }
    line.push_str(&end);
    match file {
        Some(f) => write_to(vm, f, line)?,
        None => vm.write_out(&line)?,
    }
    if flush {
        vm.flush();
    }
    Ok(Value::None)
}

/// Writes `text` to file object `file` (`sys.stderr`, or anything with a `write` method).
pub(super) fn write_to(vm: &mut Vm, file: Value, text: String) -> Result<(), Exception> {
    if file == vm.stderr {
        vm.write_err(&text);
        return Ok(());
    }
    let write = vm.get_attr(file, &Rc::from("write"))?;
    let text = new_str(&mut vm.heap, text);
    vm.call_value(write, &[text], &[]).map(drop)
}

pub(super) fn int_arg(heap: &Heap, v: Value) -> Result<i64, Exception> {
    match v {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(i64::from(b)),
        other => Err(super::ops::not_an_integer(heap, other)),
    }
}

fn range(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    if args.is_empty() {
        return Err(Exception::new(
            "TypeError",
            "range expected at least 1 argument, got 0",
        ));
    }
    if args.len() > 3 {
        return Err(Exception::new(
            "TypeError",
            format!("range expected at most 3 arguments, got {}", args.len()),
        ));
    }
    let n: Vec<i64> = args
        .iter()
        .map(|&a| int_arg(&vm.heap, a))
        .collect::<Result<_, _>>()?;
    let (start, stop, step) = match n.as_slice() {
        [stop] => (0, *stop, 1),
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] => (*start, *stop, *step),
        _ => unreachable!("arity checked above"),
    };
    if step == 0 {
        return Err(Exception::new(
            "ValueError",
            "range() arg 3 must not be zero",
        ));
    }
    Ok(Value::Obj(vm.heap.alloc(Object::Range {
        start,
        stop,
        step,
    })))
}

pub(super) fn len(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    arity("len", args, 1, 1)?;
    vm.len_of(args[0]).map(|n| Value::Int(n as i64))
}

/// `len(v)` of a built-in value.
pub(super) fn builtin_len(heap: &Heap, v: Value) -> Result<usize, Exception> {
    quick_len(heap, v).ok_or_else(|| {
        Exception::new(
            "TypeError",
            format!("object of type '{}' has no len()", type_name(heap, v)),
        )
    })
}

/// `len(v)` when `v` is a built-in value with a length; `None` for anything else.
pub(super) fn quick_len(heap: &Heap, v: Value) -> Option<usize> {
    match v {
        Value::Obj(r) => match heap.get(r) {
            Object::Str(s) => Some(s.char_count()),
            Object::Bytes(b) => Some(b.len()),
            Object::List(items) => Some(items.len()),
            Object::Tuple(items) => Some(items.len()),
            Object::Range { start, stop, step } => Some(range_len(*start, *stop, *step) as usize),
            Object::Dict(d) | Object::Set(d) | Object::FrozenSet(d) => Some(d.len()),
            Object::DictView { dict, .. } => match heap.get(*dict) {
                Object::Dict(d) => Some(d.len()),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

pub(super) fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    let (lo, hi, step) = if step > 0 {
        (start, stop, step)
    } else {
        (stop, start, -step)
    };
    if lo >= hi {
        0
    } else {
        (hi - lo - 1) / step + 1
    }
}

pub(super) fn str_(
    vm: &mut Vm,
    args: &[Value],
    _: &[(Rc<str>, Value)],
) -> Result<Value, Exception> {
    arity("str", args, 0, 1)?;
    match args.first() {
        Some(&a) => vm.str_value(a),
        None => Ok(new_str(&mut vm.heap, "")),
    }
}

impl Vm {
    /// `str(arg)` when `arg` is a str or an int (no Python code runs): the result, without the
    /// general call path.
    #[inline(never)]
    pub(super) fn quick_str(&mut self, arg: Value) -> Option<Value> {
        match arg {
            Value::Int(_) => Some(ops::join_parts(&mut self.heap, &[arg])),
            Value::Obj(r) => matches!(self.heap.get(r), Object::Str(_)).then_some(arg),
            _ => None,
        }
    }
}

pub(super) fn repr(
    vm: &mut Vm,
    args: &[Value],
    _: &[(Rc<str>, Value)],
) -> Result<Value, Exception> {
    arity("repr", args, 1, 1)?;
    let text = ops::repr_in(vm, args[0])?;
    Ok(new_str(&mut vm.heap, text))
}

/// `ascii(v)`: `repr(v)` with non-ASCII characters escaped.
fn ascii(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    arity("ascii", args, 1, 1)?;
    let text: String = ops::repr_in(vm, args[0])?
        .chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                ops::code_point_escape(c)
            }
        })
        .collect();
    Ok(new_str(&mut vm.heap, text))
}

fn bool_(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    expected_arity("bool", args, 0, 1)?;
    match args.first() {
        Some(&a) => ops::truthy_in(vm, a).map(Value::Bool),
        None => Ok(Value::Bool(false)),
    }
}

fn slice(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    expected_arity("slice", args, 1, 3)?;
    let (start, stop, step) = match args {
        [stop] => (Value::None, *stop, Value::None),
        [start, stop] => (*start, *stop, Value::None),
        [start, stop, step, ..] => (*start, *stop, *step),
        [] => (Value::None, Value::None, Value::None),
    };
    Ok(Value::Obj(vm.heap.alloc(Object::Slice {
        start,
        stop,
        step,
    })))
}

fn input(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    expected_arity("input", args, 0, 1)?;
    if let Some(&prompt) = args.first() {
        let text = ops::to_str_in(vm, prompt)?;
        vm.write_out(&text)?;
    }
    vm.flush();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(Exception::new("EOFError", "EOF when reading a line")),
        Ok(_) => {
            let trimmed = line.strip_suffix('\n').unwrap_or(&line);
            let trimmed = trimmed.strip_suffix('\r').unwrap_or(trimmed);
            Ok(new_str(&mut vm.heap, trimmed))
        }
        Err(e) => Err(Exception::new("OSError", e.to_string())),
    }
}

fn globals(_: &mut Vm, _: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    Err(Exception::new(
        "NotImplementedError",
        "globals() and locals() are not supported yet",
    ))
}

pub(super) fn abs(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    arity("abs", args, 1, 1)?;
    if let Some(v) = vm.special(args[0], "__abs__", &[])? {
        return Ok(v);
    }
    match args[0] {
        Value::Float(f) => Ok(Value::Float(f.abs())),
        v if ops::compare(&vm.heap, crate::syntax::ast::CmpOp::Lt, v, Value::Int(0))? => {
            ops::unary(&mut vm.heap, crate::syntax::ast::UnaryOp::Neg, v)
        }
        v => ops::unary(&mut vm.heap, crate::syntax::ast::UnaryOp::Pos, v),
    }
}

/// `iter(v)` for the built-in iterables.
pub(super) fn iter(heap: &mut Heap, v: Value) -> Result<Value, Exception> {
    let iterator = match v {
        Value::Obj(r) => match heap.get(r) {
            Object::Range { start, stop, step } => Some(Object::RangeIter {
                next: *start,
                stop: *stop,
                step: *step,
            }),
            Object::List(_) | Object::Tuple(_) | Object::Str(_) | Object::Bytes(_) => {
                Some(Object::SeqIter { seq: r, index: 0 })
            }
            Object::Dict(d) => Some(dict_iterator(r, d, DictPart::Keys)),
            Object::DictView { dict, part } => match heap.get(*dict) {
                Object::Dict(d) => Some(dict_iterator(*dict, d, *part)),
                _ => None,
            },
            o if o.is_iterator() => return Ok(v),
            Object::Set(d) | Object::FrozenSet(d) => {
                let size = d.len() as u32;
                let items = super::sets::members(heap, v).unwrap_or_default();
                let members = heap.alloc(Object::List(items));
                Some(Object::SetIter {
                    set: r,
                    members,
                    index: 0,
                    size,
                })
            }
            _ => None,
        },
        _ => None,
    };
    match iterator {
        Some(it) => Ok(Value::Obj(heap.alloc(it))),
        None => Err(Exception::new(
            "TypeError",
            format!("'{}' object is not iterable", type_name(heap, v)),
        )),
    }
}

/// An iterator over `part` of dict `d` (whose handle is `r`), from its first entry.
fn dict_iterator(r: ObjRef, d: &Dict, part: DictPart) -> Object {
    let size = d.len() as u32;
    Object::DictIter {
        dict: r,
        index: 0,
        part,
        size,
        left: size,
    }
}

/// The next item of a built-in iterator, or `None` when it is exhausted (or `it` is none).
pub(super) fn next(heap: &mut Heap, it: Value) -> Result<Option<Value>, Exception> {
    let Some(r) = it.as_obj() else {
        return Ok(None);
    };
    match heap.get(r) {
        Object::DictIter { .. } => next_of_dict(heap, r),
        Object::SetIter { .. } => next_of_set(heap, r),
        _ => Ok(next_in_sequence(heap, r)),
    }
}

/// The next member of set iterator `r`, failing as CPython's does when the set's size changed.
fn next_of_set(heap: &mut Heap, r: ObjRef) -> Result<Option<Value>, Exception> {
    let Object::SetIter {
        set,
        members,
        index,
        size,
    } = *heap.get(r)
    else {
        return Ok(None);
    };
    let (Object::Set(d) | Object::FrozenSet(d)) = heap.get(set) else {
        return Ok(None);
    };
    if d.len() as u32 != size {
        if let Object::SetIter { size, .. } = heap.get_mut(r) {
            *size = u32::MAX;
        }
        return Err(Exception::new(
            "RuntimeError",
            "Set changed size during iteration",
        ));
    }
    let Object::List(items) = heap.get(members) else {
        return Ok(None);
    };
    let item = items.get(index).copied();
    if let Object::SetIter { index, .. } = heap.get_mut(r) {
        *index += 1;
    }
    Ok(item)
}

/// The next item of dict iterator `r`, failing as CPython's does when the dict changed.
fn next_of_dict(heap: &mut Heap, r: ObjRef) -> Result<Option<Value>, Exception> {
    let Object::DictIter {
        dict,
        index,
        part,
        size,
        left,
    } = *heap.get(r)
    else {
        return Ok(None);
    };
    let Object::Dict(d) = heap.get(dict) else {
        return Ok(None);
    };
    if d.len() as u32 != size {
        if let Object::DictIter { size, .. } = heap.get_mut(r) {
            *size = u32::MAX;
        }
        return Err(Exception::new(
            "RuntimeError",
            "dictionary changed size during iteration",
        ));
    }
    let Some((at, key, value)) = d.entry_at(index) else {
        return Ok(None);
    };
    if left == 0 {
        if let Object::DictIter { index, .. } = heap.get_mut(r) {
            *index = usize::MAX;
        }
        return Err(Exception::new(
            "RuntimeError",
            "dictionary keys changed during iteration",
        ));
    }
    if let Object::DictIter { index, left, .. } = heap.get_mut(r) {
        *index = at + 1;
        *left -= 1;
    }
    Ok(Some(match part {
        DictPart::Keys => key,
        DictPart::Values => value,
        DictPart::Items => Value::Obj(heap.alloc(Object::Tuple(Box::new([key, value])))),
    }))
}

/// The next item of a range or sequence iterator.
fn next_in_sequence(heap: &mut Heap, r: ObjRef) -> Option<Value> {
    let (seq, index) = match heap.get_mut(r) {
        Object::RangeIter { next, stop, step } => {
            let v = *next;
            let more = if *step > 0 { v < *stop } else { v > *stop };
            if !more {
                return None;
            }
            *next = v.saturating_add(*step);
            return Some(Value::Int(v));
        }
        Object::SeqIter { seq, index } => {
            *index += 1;
            (*seq, *index - 1)
        }
        _ => return None,
    };
    match heap.get(seq) {
        Object::List(items) => items.get(index).copied(),
        Object::Tuple(items) => items.get(index).copied(),
        Object::Bytes(b) => b.get(index).map(|&c| Value::Int(i64::from(c))),
        // A str iterator's index is a byte offset: each step is O(1).
        Object::Str(s) => {
            let c = s.get(index..)?.chars().next()?;
            if let Object::SeqIter { index, .. } = heap.get_mut(r) {
                *index += c.len_utf8() - 1;
            }
            Some(new_str(heap, c.to_string()))
        }
        _ => None,
    }
}
