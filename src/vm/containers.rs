//! Containers: indexing and slicing of lists, tuples, strings and ranges, dict access, and the
//! methods of `list`, `dict` and `str`.

use std::rc::Rc;

use super::ops::{self, new_str, type_name};
use super::{Exception, Vm};
use crate::runtime::dict::{Dict, Unhashable};
use crate::runtime::object::{DictPart, NativeFn};
use crate::runtime::{Heap, ObjRef, Object, Value};

use crate::syntax::ast::BinOp;

type Kwargs<'a> = &'a [(Rc<str>, Value)];

pub fn unhashable(e: Unhashable) -> Exception {
    match e {
        Unhashable::Type(name) => {
            Exception::new("TypeError", format!("unhashable type: '{name}'"))
        }
        Unhashable::CustomHash(name) => Exception::new(
            "NotImplementedError",
            format!(
                "instances of '{name}' (which defines __hash__) in set operators and dict comparisons are not supported yet"
            ),
        ),
    }
}

/// A slice's `(start, stop, step)` resolved against a length, as `slice.indices` does.
fn slice_indices(
    heap: &Heap,
    start: Value,
    stop: Value,
    step: Value,
    len: i64,
) -> Result<(i64, i64, i64), Exception> {
    let int = |v: Value| match v {
        Value::None => Ok(None),
        Value::Int(i) => Ok(Some(i)),
        Value::Bool(b) => Ok(Some(i64::from(b))),
        other => Err(Exception::new(
            "TypeError",
            format!(
                "slice indices must be integers or None or have an __index__ method, not {}",
                type_name(heap, other)
            ),
        )),
    };
    let step = int(step)?.unwrap_or(1);
    if step == 0 {
        return Err(Exception::new("ValueError", "slice step cannot be zero"));
    }
    let clamp = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(i) if i < 0 => {
                let i = i + len;
                if i < 0 {
                    if step < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    i
                }
            }
            Some(i) if i >= len => {
                if step < 0 {
                    len - 1
                } else {
                    len
                }
            }
            Some(i) => i,
        }
    };
    let (default_start, default_stop) = if step < 0 { (len - 1, -1) } else { (0, len) };
    Ok((
        clamp(int(start)?, default_start),
        clamp(int(stop)?, default_stop),
        step,
    ))
}

fn slice_positions(start: i64, stop: i64, step: i64) -> impl Iterator<Item = usize> {
    let mut i = start;
    std::iter::from_fn(move || {
        let more = if step > 0 { i < stop } else { i > stop };
        if !more {
            return None;
        }
        let v = i;
        i += step;
        Some(v as usize)
    })
}

fn index(heap: &Heap, what: &str, key: Value, len: usize) -> Result<usize, Exception> {
    let i = match key {
        Value::Int(i) => i,
        Value::Bool(b) => i64::from(b),
        other => {
            return Err(Exception::new(
                "TypeError",
                format!(
                    "{what} indices must be integers or slices, not {}",
                    type_name(heap, other)
                ),
            ))
        }
    };
    let i = if i < 0 { i + len as i64 } else { i };
    if i < 0 || i >= len as i64 {
        return Err(Exception::new(
            "IndexError",
            format!("{what} index out of range"),
        ));
    }
    Ok(i as usize)
}

/// The (start, stop, step) of `key` when it is a slice.
fn slice_of(heap: &Heap, key: Value) -> Option<(Value, Value, Value)> {
    match key.as_obj().map(|k| heap.get(k)) {
        Some(Object::Slice { start, stop, step }) => Some((*start, *stop, *step)),
        _ => None,
    }
}

/// `list[slice] = items`: a plain slice is replaced by any number of items, an extended one
/// (with a step) by exactly as many as it selects.
pub fn assign_slice(
    heap: &mut Heap,
    list: ObjRef,
    key: Value,
    items: Vec<Value>,
) -> Result<(), Exception> {
    let Some((a, b, c)) = slice_of(heap, key) else {
        return Ok(());
    };
    let len = match heap.get(list) {
        Object::List(l) => l.len() as i64,
        _ => 0,
    };
    let (start, stop, step) = slice_indices(heap, a, b, c, len)?;
    let Object::List(target) = heap.get_mut(list) else {
        return Ok(());
    };
    if step == 1 {
        let stop = stop.max(start) as usize;
        target.splice(start as usize..stop, items);
        return Ok(());
    }
    let positions: Vec<usize> = slice_positions(start, stop, step).collect();
    if positions.len() != items.len() {
        return Err(Exception::new(
            "ValueError",
            format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                items.len(),
                positions.len()
            ),
        ));
    }
    for (at, v) in positions.into_iter().zip(items) {
        target[at] = v;
    }
    Ok(())
}

/// `container[key]`.
pub fn get_item(heap: &mut Heap, container: Value, key: Value) -> Result<Value, Exception> {
    let Value::Obj(r) = container else {
        return Err(not_subscriptable(heap, container));
    };
    let slice = match key.as_obj().map(|k| heap.get(k)) {
        Some(Object::Slice { start, stop, step }) => Some((*start, *stop, *step)),
        _ => None,
    };
    match heap.get(r) {
        Object::List(items) => match slice {
            Some((a, b, c)) => {
                let (a, b, c) = slice_indices(heap, a, b, c, items.len() as i64)?;
                let picked: Vec<Value> = slice_positions(a, b, c).map(|i| items[i]).collect();
                Ok(Value::Obj(heap.alloc(Object::List(picked))))
            }
            None => Ok(items[index(heap, "list", key, items.len())?]),
        },
        Object::Tuple(items) => match slice {
            Some((a, b, c)) => {
                let (a, b, c) = slice_indices(heap, a, b, c, items.len() as i64)?;
                let picked: Vec<Value> = slice_positions(a, b, c).map(|i| items[i]).collect();
                Ok(Value::Obj(
                    heap.alloc(Object::Tuple(picked.into_boxed_slice())),
                ))
            }
            None => Ok(items[index(heap, "tuple", key, items.len())?]),
        },
        Object::Bytes(b) => match slice {
            Some((x, y, z)) => {
                let (x, y, z) = slice_indices(heap, x, y, z, b.len() as i64)?;
                let picked: Vec<u8> = slice_positions(x, y, z).map(|i| b[i]).collect();
                Ok(super::bytes::new_bytes(heap, picked))
            }
            None => {
                let at = index(heap, "byte", key, b.len()).map_err(|mut e| {
                    if e.kind == "IndexError" {
                        e.message = "index out of range".into();
                    }
                    e
                })?;
                Ok(Value::Int(i64::from(b[at])))
            }
        },
        Object::Str(s) => {
            let len = s.char_count();
            // An ASCII str's characters are its bytes: positions index it directly.
            let ascii = len == s.len();
            match slice {
                Some((a, b, c)) => {
                    let (a, b, c) = slice_indices(heap, a, b, c, len as i64)?;
                    let text: String = if ascii && c == 1 {
                        s.get(a as usize..b.max(a) as usize)
                            .unwrap_or_default()
                            .to_owned()
                    } else if ascii {
                        let bytes = s.as_bytes();
                        slice_positions(a, b, c)
                            .map(|i| char::from(bytes[i]))
                            .collect()
                    } else {
                        let chars: Vec<char> = s.chars().collect();
                        slice_positions(a, b, c).map(|i| chars[i]).collect()
                    };
                    Ok(new_str(heap, text))
                }
                None => {
                    let i = index(heap, "string", key, len)?;
                    let c = if ascii {
                        s.get(i..=i).unwrap_or_default().to_owned()
                    } else {
                        s.chars().nth(i).map(String::from).unwrap_or_default()
                    };
                    Ok(new_str(heap, c))
                }
            }
        }
        Object::Dict(d) => match d.get(heap, key).map_err(unhashable)? {
            Some(v) => Ok(v),
            None => Err(Exception::key_error(heap, key)),
        },
        Object::Range { start, stop, step } => {
            let (start, step) = (*start, *step);
            let len = super::builtins::range_len(start, *stop, step) as usize;
            if slice.is_some() {
                return Err(Exception::new(
                    "NotImplementedError",
                    "slicing a range is not supported yet",
                ));
            }
            Ok(Value::Int(
                start + step * index(heap, "range object", key, len)? as i64,
            ))
        }
        _ => Err(not_subscriptable(heap, container)),
    }
}

fn not_subscriptable(heap: &Heap, v: Value) -> Exception {
    Exception::new(
        "TypeError",
        format!("'{}' object is not subscriptable", type_name(heap, v)),
    )
}

/// `container[key] = value`.
pub fn set_item(
    heap: &mut Heap,
    container: Value,
    key: Value,
    value: Value,
) -> Result<(), Exception> {
    let Value::Obj(r) = container else {
        return Err(no_item_assignment(heap, container));
    };
    match heap.get(r) {
        Object::List(items) => {
            let i = index(heap, "list assignment", key, items.len())?;
            if let Object::List(items) = heap.get_mut(r) {
                items[i] = value;
            }
            Ok(())
        }
        Object::Dict(_) => {
            let mut d = take_dict(heap, r);
            let result = d.insert(heap, key, value).map_err(unhashable);
            put_dict(heap, r, d);
            result
        }
        _ => Err(no_item_assignment(heap, container)),
    }
}

/// `del container[key]`.
pub fn del_item(heap: &mut Heap, container: Value, key: Value) -> Result<(), Exception> {
    let Value::Obj(r) = container else {
        return Err(Exception::new(
            "TypeError",
            format!(
                "'{}' object doesn't support item deletion",
                type_name(heap, container)
            ),
        ));
    };
    match heap.get(r) {
        Object::List(items) => {
            if let Some((a, b, c)) = slice_of(heap, key) {
                let (a, b, c) = slice_indices(heap, a, b, c, items.len() as i64)?;
                let mut doomed = vec![false; items.len()];
                for at in slice_positions(a, b, c) {
                    doomed[at] = true;
                }
                if let Object::List(items) = heap.get_mut(r) {
                    let mut kept = doomed.iter();
                    items.retain(|_| !kept.next().copied().unwrap_or(false));
                }
                return Ok(());
            }
            let i = index(heap, "list assignment", key, items.len())?;
            if let Object::List(items) = heap.get_mut(r) {
                items.remove(i);
            }
            Ok(())
        }
        Object::Dict(_) => {
            let mut d = take_dict(heap, r);
            let removed = d.remove(heap, key);
            put_dict(heap, r, d);
            match removed.map_err(unhashable)? {
                Some(_) => Ok(()),
                None => Err(Exception::key_error(heap, key)),
            }
        }
        _ => Err(Exception::new(
            "TypeError",
            format!(
                "'{}' object doesn't support item deletion",
                type_name(heap, container)
            ),
        )),
    }
}

fn no_item_assignment(heap: &Heap, v: Value) -> Exception {
    Exception::new(
        "TypeError",
        format!(
            "'{}' object does not support item assignment",
            type_name(heap, v)
        ),
    )
}

/// Moves a dict out of its slot so it can be updated while the heap is read (for hashing keys).
fn take_dict(heap: &mut Heap, r: ObjRef) -> Dict {
    match heap.get_mut(r) {
        Object::Dict(d) => std::mem::take(d),
        _ => Dict::default(),
    }
}

fn put_dict(heap: &mut Heap, r: ObjRef, d: Dict) {
    if let Object::Dict(slot) = heap.get_mut(r) {
        *slot = d;
    }
}

/// A new dict from key/value pairs.
pub fn new_dict(
    heap: &mut Heap,
    pairs: impl IntoIterator<Item = (Value, Value)>,
) -> Result<Value, Exception> {
    let mut d = Dict::default();
    for (k, v) in pairs {
        d.insert(heap, k, v).map_err(unhashable)?;
    }
    Ok(Value::Obj(heap.alloc(Object::Dict(d))))
}

/// A new dict of `pairs`, running the `__hash__` and `__eq__` of keys whose classes define
/// them.
pub fn dict_from(vm: &mut Vm, pairs: Vec<(Value, Value)>) -> Result<Value, Exception> {
    let dict = new_dict(&mut vm.heap, Vec::new())?;
    let kept = std::iter::once(dict).chain(pairs.iter().flat_map(|&(k, v)| [k, v]));
    vm.with_pinned(kept, |vm| {
        pairs.iter().try_for_each(|&(k, v)| vm.set_item(dict, k, v))
    })?;
    Ok(dict)
}

/// Every method of the built-in type named `type_name`, in tables.
pub fn method_tables(type_name: &str) -> &'static [&'static [(&'static str, NativeFn)]] {
    const LIST: &[(&str, NativeFn)] = &[
        ("append", list_append),
        ("pop", list_pop),
        ("extend", list_extend),
        ("insert", list_insert),
        ("remove", list_remove),
        ("index", list_index),
        ("count", sequence_count),
        ("reverse", list_reverse),
        ("clear", list_clear),
        ("copy", list_copy),
        ("sort", list_sort),
    ];
    const TUPLE: &[(&str, NativeFn)] = &[("index", tuple_index), ("count", sequence_count)];
    const DICT: &[(&str, NativeFn)] = &[
        ("get", dict_get),
        ("keys", dict_keys),
        ("values", dict_values),
        ("items", dict_items),
        ("pop", dict_pop),
        ("popitem", dict_popitem),
        ("setdefault", dict_setdefault),
        ("update", dict_update),
        ("clear", dict_clear),
        ("copy", dict_copy),
    ];
    const PROPERTY: &[(&str, NativeFn)] = &[
        ("getter", super::reflection::property_getter),
        ("setter", super::reflection::property_setter),
        ("deleter", super::reflection::property_deleter),
    ];
    const GENERATOR: &[(&str, NativeFn)] = &[
        ("send", super::generators::send),
        ("throw", super::generators::throw),
        ("close", super::generators::close),
        ("__next__", super::generators::next),
    ];
    const COROUTINE: &[(&str, NativeFn)] = &[
        ("__await__", super::generators::own_iterator),
        ("send", super::generators::send),
        ("throw", super::generators::throw),
        ("close", super::generators::close),
    ];
    match type_name {
        "list" => &[LIST],
        "tuple" => &[TUPLE],
        "dict" => &[DICT],
        "str" => &[super::str_methods::METHODS],
        "bytes" => &[super::bytes::METHODS],
        "property" => &[PROPERTY],
        "generator" => &[GENERATOR],
        "coroutine" => &[COROUTINE],
        "async_generator" => &[super::async_generators::METHODS],
        "Future" | "_GatheringFuture" => &[super::asyncio::FUTURE_METHODS],
        "Task" => &[super::asyncio::FUTURE_METHODS, super::asyncio::TASK_METHODS],
        "_UnixSelectorEventLoop" => &[super::asyncio::LOOP_METHODS],
        "Handle" | "TimerHandle" => &[super::asyncio::HANDLE_METHODS],
        "TaskGroup" => &[super::asyncio::TASK_GROUP_METHODS],
        "int" | "bool" => &[super::numbers::INT_METHODS],
        "float" => &[super::numbers::FLOAT_METHODS],
        other => super::sets::method_tables(other),
    }
}

/// The method `name` of the built-in type named `type_name`, if it has one.
pub fn method(type_name: &str, name: &str) -> Option<(NativeFn, &'static str)> {
    method_tables(type_name)
        .iter()
        .flat_map(|t| t.iter())
        .find(|(n, _)| *n == name)
        .map(|&(n, f)| (f, n))
}

/// Merges mapping `other` into `dict` (`{**other}`; for keyword arguments, `strict` refuses
/// repeated keys as CPython does).
pub fn merge_dict(
    heap: &mut Heap,
    dict: Value,
    other: Value,
    strict: bool,
) -> Result<(), Exception> {
    let entries: Vec<(Value, Value)> = match other.as_obj().map(|r| heap.get(r)) {
        Some(Object::Dict(d)) => d.iter().collect(),
        _ => {
            let what = if strict {
                "argument after ** must be a mapping"
            } else {
                "object is not a mapping"
            };
            return Err(Exception::new(
                "TypeError",
                format!("'{}' {what}", type_name(heap, other)),
            ));
        }
    };
    let Some(r) = dict.as_obj() else {
        return Ok(());
    };
    let mut d = take_dict(heap, r);
    let mut result = Ok(());
    for (k, v) in entries {
        if strict && matches!(d.get(heap, k), Ok(Some(_))) {
            result = Err(Exception::new(
                "TypeError",
                format!(
                    "got multiple values for keyword argument '{}'",
                    super::ops::to_str(heap, k)
                ),
            ));
            break;
        }
        if let Err(e) = d.insert(heap, k, v) {
            result = Err(unhashable(e));
            break;
        }
    }
    put_dict(heap, r, d);
    result
}

/// `a | b` for two dicts: a new dict with `b`'s entries over `a`'s; `None` for other operands.
pub fn dict_union(heap: &mut Heap, a: Value, b: Value) -> Result<Option<Value>, Exception> {
    let is_dict = |v: Value| matches!(v.as_obj().map(|r| heap.get(r)), Some(Object::Dict(_)));
    if !is_dict(a) || !is_dict(b) {
        return Ok(None);
    }
    let pairs: Vec<(Value, Value)> = match a.as_obj().map(|r| heap.get(r)) {
        Some(Object::Dict(d)) => d.iter().collect(),
        _ => Vec::new(),
    };
    let union = new_dict(heap, pairs)?;
    merge_dict(heap, union, b, false)?;
    Ok(Some(union))
}

/// `a op= b` where the built-in type changes `a` itself: list `+=` and `*=`, set and dict `|=`
/// and the other set operators. `None` when it makes a new value instead.
pub fn in_place(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> Result<Option<Value>, Exception> {
    let Some(r) = a.as_obj() else {
        return Ok(None);
    };
    match (vm.heap.get(r), op) {
        (Object::List(_), BinOp::Add) => {
            let items = vm.collect(b)?;
            if let Object::List(list) = vm.heap.get_mut(r) {
                list.extend(items);
            }
            Ok(Some(a))
        }
        (Object::List(_), BinOp::Mult) => {
            let result = super::ops::binary(&mut vm.heap, op, a, b)?;
            let items = match result.as_obj().map(|n| vm.heap.get_mut(n)) {
                Some(Object::List(items)) => std::mem::take(items),
                _ => return Ok(Some(result)),
            };
            if let Object::List(list) = vm.heap.get_mut(r) {
                *list = items;
            }
            Ok(Some(a))
        }
        (Object::Dict(_), BinOp::BitOr) => {
            merge_dict(&mut vm.heap, a, b, false)?;
            Ok(Some(a))
        }
        (Object::Set(_), BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor) => {
            super::sets::update_in_place(&mut vm.heap, op, a, b)
        }
        _ => Ok(None),
    }
}

pub(super) fn expect_args(
    name: &str,
    args: &[Value],
    min: usize,
    max: usize,
) -> Result<(), Exception> {
    let given = args.len() - 1;
    if given < min || given > max {
        let message = match (min, max) {
            (0, 0) => format!("{name}() takes no arguments ({given} given)"),
            (a, b) if a == b => format!("{name}() takes exactly one argument ({given} given)"),
            (a, _) if given < a => format!(
                "{name} expected at least {a} argument{}, got {given}",
                if a == 1 { "" } else { "s" }
            ),
            (_, b) => format!(
                "{name} expected at most {b} argument{}, got {given}",
                if b == 1 { "" } else { "s" }
            ),
        };
        return Err(Exception::new("TypeError", message));
    }
    Ok(())
}

fn with_list<T>(vm: &mut Vm, v: Value, f: impl FnOnce(&mut Vec<Value>) -> T) -> T {
    match v.as_obj().map(|r| vm.heap.get_mut(r)) {
        Some(Object::List(items)) => f(items),
        _ => f(&mut Vec::new()),
    }
}

fn list_append(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("list.append", args, 1, 1)?;
    with_list(vm, args[0], |items| items.push(args[1]));
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("pop", args, 0, 1)?;
    let len = with_list(vm, args[0], |items| items.len());
    if len == 0 {
        return Err(Exception::new("IndexError", "pop from empty list"));
    }
    let at = match args.get(1) {
        Some(&k) => index(&vm.heap, "pop", k, len).map_err(|e| {
            if e.kind == "IndexError" {
                Exception::new("IndexError", "pop index out of range")
            } else {
                e
            }
        })?,
        None => len - 1,
    };
    Ok(with_list(vm, args[0], |items| items.remove(at)))
}

fn list_extend(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("list.extend", args, 1, 1)?;
    let items = vm.collect(args[1])?;
    with_list(vm, args[0], |list| list.extend(items));
    Ok(Value::None)
}

fn list_insert(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("insert", args, 2, 2)?;
    let Value::Int(i) = args[1] else {
        return Err(super::ops::not_an_integer(&vm.heap, args[1]));
    };
    with_list(vm, args[0], |items| {
        let len = items.len() as i64;
        let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
        items.insert(at as usize, args[2]);
    });
    Ok(Value::None)
}

/// Where `x` first is in `items` (identity, then `==` with the operands' `__eq__`).
fn position(vm: &mut Vm, items: &[Value], x: Value) -> Result<Option<usize>, Exception> {
    for (i, &v) in items.iter().enumerate() {
        if v == x || ops::compare_in(vm, crate::syntax::ast::CmpOp::Eq, v, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn list_items(vm: &Vm, v: Value) -> Vec<Value> {
    match v.as_obj().map(|r| vm.heap.get(r)) {
        Some(Object::List(items)) => items.clone(),
        Some(Object::Tuple(items)) => items.to_vec(),
        _ => Vec::new(),
    }
}

fn tuple_index(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    sequence_index(vm, args, |_, _| {
        Ok("tuple.index(x): x not in tuple".to_owned())
    })
}

/// `seq.index(x)`; `not_found` words the ValueError.
fn sequence_index(
    vm: &mut Vm,
    args: &[Value],
    not_found: fn(&mut Vm, Value) -> Result<String, Exception>,
) -> Result<Value, Exception> {
    expect_args("index", args, 1, 1)?;
    let items = list_items(vm, args[0]);
    match position(vm, &items, args[1])? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(Exception::new("ValueError", not_found(vm, args[1])?)),
    }
}

fn list_remove(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("list.remove", args, 1, 1)?;
    let items = list_items(vm, args[0]);
    let at = position(vm, &items, args[1])?
        .ok_or_else(|| Exception::new("ValueError", "list.remove(x): x not in list"))?;
    with_list(vm, args[0], |items| {
        if at < items.len() {
            items.remove(at);
        }
    });
    Ok(Value::None)
}

fn list_index(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    sequence_index(vm, args, |vm, x| {
        Ok(format!("{} is not in list", ops::repr_in(vm, x)?))
    })
}

fn sequence_count(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("count", args, 1, 1)?;
    let items = list_items(vm, args[0]);
    let mut n = 0;
    for v in items {
        if v == args[1] || ops::compare_in(vm, crate::syntax::ast::CmpOp::Eq, v, args[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn list_reverse(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("list.reverse", args, 0, 0)?;
    with_list(vm, args[0], |items| items.reverse());
    Ok(Value::None)
}

fn list_clear(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("list.clear", args, 0, 0)?;
    with_list(vm, args[0], Vec::clear);
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("list.copy", args, 0, 0)?;
    let items = list_items(vm, args[0]);
    Ok(Value::Obj(vm.heap.alloc(Object::List(items))))
}

fn list_sort(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    expect_args("sort", args, 0, 0)?;
    super::iteration::sort_list(vm, args[0], kwargs, "sort")?;
    Ok(Value::None)
}

fn dict_of(vm: &Vm, v: Value) -> Vec<(Value, Value)> {
    match v.as_obj().map(|r| vm.heap.get(r)) {
        Some(Object::Dict(d)) => d.iter().collect(),
        _ => Vec::new(),
    }
}

fn dict_lookup(vm: &mut Vm, d: Value, key: Value) -> Result<Option<Value>, Exception> {
    match d.as_obj() {
        Some(r) if matches!(vm.heap.get(r), Object::Dict(_)) => vm.table_get(r, key),
        _ => Ok(None),
    }
}

fn dict_get(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("get", args, 1, 2)?;
    Ok(dict_lookup(vm, args[0], args[1])?.unwrap_or(args.get(2).copied().unwrap_or(Value::None)))
}

fn dict_view(vm: &mut Vm, args: &[Value], part: DictPart) -> Result<Value, Exception> {
    let Some(dict) = args[0].as_obj() else {
        return Ok(Value::None);
    };
    Ok(Value::Obj(vm.heap.alloc(Object::DictView { dict, part })))
}

fn dict_keys(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("dict.keys", args, 0, 0)?;
    dict_view(vm, args, DictPart::Keys)
}

fn dict_values(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("dict.values", args, 0, 0)?;
    dict_view(vm, args, DictPart::Values)
}

fn dict_items(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("dict.items", args, 0, 0)?;
    dict_view(vm, args, DictPart::Items)
}

fn dict_pop(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("pop", args, 1, 2)?;
    let found = dict_lookup(vm, args[0], args[1])?;
    match (found, args.get(2)) {
        (Some(v), _) => {
            vm.del_item(args[0], args[1])?;
            Ok(v)
        }
        (None, Some(&default)) => Ok(default),
        (None, None) => Err(Exception::key_error(&vm.heap, args[1])),
    }
}

fn dict_popitem(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("popitem", args, 0, 0)?;
    let last = dict_of(vm, args[0]).pop();
    let (k, v) =
        last.ok_or_else(|| Exception::new("KeyError", "'popitem(): dictionary is empty'"))?;
    vm.del_item(args[0], k)?;
    let pair = vm.heap.alloc(Object::Tuple(Box::new([k, v])));
    Ok(Value::Obj(pair))
}

/// `dict.fromkeys(iterable, value=None)`.
pub(super) fn dict_fromkeys(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    super::builtins::arity("fromkeys", args, 1, 2)?;
    let value = args.get(1).copied().unwrap_or(Value::None);
    let keys = vm.collect(args[0])?;
    let pairs: Vec<(Value, Value)> = keys.into_iter().map(|k| (k, value)).collect();
    new_dict(&mut vm.heap, pairs)
}

fn dict_setdefault(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("setdefault", args, 1, 2)?;
    if let Some(v) = dict_lookup(vm, args[0], args[1])? {
        return Ok(v);
    }
    let default = args.get(2).copied().unwrap_or(Value::None);
    vm.set_item(args[0], args[1], default)?;
    Ok(default)
}

fn dict_update(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    expect_args("update", args, 0, 1)?;
    let mut pairs = match args.get(1) {
        Some(&other) => vm.update_pairs(other)?,
        None => Vec::new(),
    };
    for (name, v) in kwargs {
        pairs.push((new_str(&mut vm.heap, &**name), *v));
    }
    for (k, v) in pairs {
        vm.set_item(args[0], k, v)?;
    }
    Ok(Value::None)
}

fn dict_clear(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("dict.clear", args, 0, 0)?;
    if let Some(Object::Dict(d)) = args[0].as_obj().map(|r| vm.heap.get_mut(r)) {
        d.clear();
    }
    Ok(Value::None)
}

fn dict_copy(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expect_args("dict.copy", args, 0, 0)?;
    let pairs = dict_of(vm, args[0]);
    new_dict(&mut vm.heap, pairs)
}
