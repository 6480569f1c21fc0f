//! Built-in functions and the built-in modules (`time`), and iteration over the built-in types.

use std::collections::HashMap;
use std::rc::Rc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::ops::{self, new_str, type_name};
use super::{Exception, Vm};
use crate::runtime::object::{NativeFn, NativeFunction};
use crate::runtime::{Heap, Object, Value};

pub(super) fn native(heap: &mut Heap, name: &'static str, func: NativeFn) -> Value {
    let keywords = matches!(name, "print" | "dict" | "sorted");
    Value::Obj(heap.alloc(Object::Native(NativeFunction {
        name,
        func,
        keywords,
    })))
}

/// Fills the builtins namespace.
pub(super) fn install(vm: &mut Vm) {
    let table: [(&'static str, NativeFn); 17] = [
        ("print", print),
        ("list", list),
        ("tuple", tuple),
        ("dict", dict),
        ("sum", sum),
        ("min", min),
        ("max", max),
        ("sorted", sorted),
        ("enumerate", enumerate),
        ("zip", zip),
        ("range", range),
        ("len", len),
        ("str", str_),
        ("repr", repr),
        ("abs", abs),
        ("int", int),
        ("float", float),
    ];
    for (name, func) in table {
        let v = native(&mut vm.heap, name, func);
        vm.set_builtin(name, v);
    }
    for name in super::exceptions::names() {
        let v = Value::Obj(vm.heap.alloc(Object::ExceptionType(name)));
        vm.set_builtin(name, v);
    }
}

/// The attributes of built-in module `name`, if there is one.
pub(super) fn module(heap: &mut Heap, name: &str) -> Option<HashMap<Rc<str>, Value>> {
    let table: &[(&'static str, NativeFn)] = match name {
        "time" => &[
            ("time", time_time),
            ("sleep", time_sleep),
            ("monotonic", time_monotonic),
            ("perf_counter", time_monotonic),
        ],
        "math" => return Some(super::math::attributes(heap)),
        _ => return None,
    };
    Some(
        table
            .iter()
            .map(|&(n, f)| (Rc::from(n), native(heap, n, f)))
            .collect(),
    )
}

pub(super) fn arity(name: &str, args: &[Value], min: usize, max: usize) -> Result<(), Exception> {
    if args.len() < min || args.len() > max {
        let expected = if min == max {
            format!("exactly {min} argument{}", if min == 1 { "" } else { "s" })
        } else {
            format!("at most {max} arguments")
        };
        let expected = if args.len() < min && min != max {
            format!("at least {min} argument{}", if min == 1 { "" } else { "s" })
        } else {
            expected
        };
        return Err(Exception::new(
            "TypeError",
            format!("{name}() takes {expected} ({} given)", args.len()),
        ));
    }
    Ok(())
}

fn print(vm: &mut Vm, args: &[Value], kwargs: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    let mut sep = String::from(" ");
    let mut end = String::from("\n");
    let mut flush = false;
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
            "flush" => flush = ops::truthy(&vm.heap, *v),
            "file" => {
                return Err(Exception::new(
                    "NotImplementedError",
                    "print(file=...) is not supported yet",
                ))
            }
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
        line.push_str(&ops::to_str(&vm.heap, a));
    }
    line.push_str(&end);
    vm.out
        .write_all(line.as_bytes())
        .map_err(|e| Exception::new("OSError", e.to_string()))?;
    if flush {
        vm.flush();
    }
    Ok(Value::None)
}

pub(super) fn int_arg(heap: &Heap, v: Value) -> Result<i64, Exception> {
    match v {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(i64::from(b)),
        other => Err(Exception::new(
            "TypeError",
            format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(heap, other)
            ),
        )),
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

fn len(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    arity("len", args, 1, 1)?;
    let n = match args[0] {
        Value::Obj(r) => match vm.heap.get(r) {
            Object::Str(s) => Some(s.chars().count() as i64),
            Object::List(items) => Some(items.len() as i64),
            Object::Tuple(items) => Some(items.len() as i64),
            Object::Range { start, stop, step } => Some(range_len(*start, *stop, *step)),
            Object::Dict(d) => Some(d.len() as i64),
            _ => None,
        },
        _ => None,
    };
    n.map(Value::Int).ok_or_else(|| {
        Exception::new(
            "TypeError",
            format!(
                "object of type '{}' has no len()",
                type_name(&vm.heap, args[0])
            ),
        )
    })
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

fn str_(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    arity("str", args, 0, 1)?;
    let text = args
        .first()
        .map(|&a| ops::to_str(&vm.heap, a))
        .unwrap_or_default();
    Ok(new_str(&mut vm.heap, text))
}

fn repr(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    arity("repr", args, 1, 1)?;
    let text = ops::repr(&vm.heap, args[0]);
    Ok(new_str(&mut vm.heap, text))
}

fn abs(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    arity("abs", args, 1, 1)?;
    match args[0] {
        Value::Float(f) => Ok(Value::Float(f.abs())),
        v if ops::compare(&vm.heap, crate::syntax::ast::CmpOp::Lt, v, Value::Int(0))? => {
            ops::unary(&mut vm.heap, crate::syntax::ast::UnaryOp::Neg, v)
        }
        v => ops::unary(&mut vm.heap, crate::syntax::ast::UnaryOp::Pos, v),
    }
}

fn int(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    arity("int", args, 0, 1)?;
    match args.first().copied() {
        None => Ok(Value::Int(0)),
        Some(Value::Float(f)) if f.is_finite() => {
            let big = num_bigint::BigInt::from(f.trunc() as i128);
            Ok(ops::int_value(&mut vm.heap, big))
        }
        Some(Value::Bool(b)) => Ok(Value::Int(i64::from(b))),
        Some(v @ Value::Int(_)) => Ok(v),
        Some(v) => {
            let text = match v {
                Value::Obj(r) => match vm.heap.get(r) {
                    Object::Str(s) => Some(s.to_string()),
                    Object::BigInt(_) => return Ok(v),
                    _ => None,
                },
                _ => None,
            };
            let Some(text) = text else {
                return Err(Exception::new(
                    "TypeError",
                    format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", type_name(&vm.heap, v)),
                ));
            };
            let cleaned = text.trim().replace('_', "");
            match cleaned.parse::<num_bigint::BigInt>() {
                Ok(b) if !text.trim().starts_with('_') && !text.contains("__") => {
                    Ok(ops::int_value(&mut vm.heap, b))
                }
                _ => Err(Exception::new(
                    "ValueError",
                    format!(
                        "invalid literal for int() with base 10: {}",
                        ops::str_repr(&text)
                    ),
                )),
            }
        }
    }
}

fn float(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    arity("float", args, 0, 1)?;
    match args.first().copied() {
        None => Ok(Value::Float(0.0)),
        Some(Value::Float(f)) => Ok(Value::Float(f)),
        Some(Value::Int(i)) => Ok(Value::Float(i as f64)),
        Some(Value::Bool(b)) => Ok(Value::Float(f64::from(u8::from(b)))),
        Some(v) => {
            let text = v.as_obj().and_then(|r| match vm.heap.get(r) {
                Object::Str(s) => Some(s.to_string()),
                _ => None,
            });
            match text
                .as_deref()
                .map(str::trim)
                .map(|t| t.to_ascii_lowercase())
            {
                Some(t) if t == "inf" || t == "+inf" || t == "infinity" => {
                    Ok(Value::Float(f64::INFINITY))
                }
                Some(t) if t == "-inf" || t == "-infinity" => Ok(Value::Float(f64::NEG_INFINITY)),
                Some(t) if t == "nan" || t == "+nan" || t == "-nan" => Ok(Value::Float(f64::NAN)),
                Some(t) => t.parse::<f64>().map(Value::Float).map_err(|_| {
                    Exception::new(
                        "ValueError",
                        format!(
                            "could not convert string to float: {}",
                            ops::str_repr(text.as_deref().unwrap_or(""))
                        ),
                    )
                }),
                None => Err(Exception::new(
                    "TypeError",
                    format!(
                        "float() argument must be a string or a real number, not '{}'",
                        type_name(&vm.heap, v)
                    ),
                )),
            }
        }
    }
}

fn time_time(_: &mut Vm, _: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    Ok(Value::Float(now.as_secs_f64()))
}

fn time_monotonic(_: &mut Vm, _: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    thread_local!(static START: Instant = Instant::now());
    Ok(Value::Float(
        START.with(|s| s.elapsed().as_secs_f64()) + 1.0,
    ))
}

fn time_sleep(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    arity("sleep", args, 1, 1)?;
    let seconds = match args[0] {
        Value::Int(i) => i as f64,
        Value::Float(f) => f,
        other => {
            return Err(Exception::new(
                "TypeError",
                format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name(&vm.heap, other)
                ),
            ))
        }
    };
    if seconds < 0.0 {
        return Err(Exception::new(
            "ValueError",
            "sleep length must be non-negative",
        ));
    }
    vm.flush();
    std::thread::sleep(Duration::from_secs_f64(seconds));
    Ok(Value::None)
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
            Object::List(_) | Object::Tuple(_) | Object::Str(_) | Object::Dict(_) => {
                Some(Object::SeqIter { seq: r, index: 0 })
            }
            Object::RangeIter { .. }
            | Object::SeqIter { .. }
            | Object::Enumerate { .. }
            | Object::Zip { .. } => return Ok(v),
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

/// The iterator's next item, or `None` when it is exhausted.
pub(super) fn next(heap: &mut Heap, it: Value) -> Option<Value> {
    let r = it.as_obj()?;
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
        Object::Enumerate { iter, count } => {
            let (inner, n) = (*iter, *count);
            let item = next(heap, inner)?;
            if let Object::Enumerate { count, .. } = heap.get_mut(r) {
                *count += 1;
            }
            return Some(Value::Obj(
                heap.alloc(Object::Tuple(Box::new([Value::Int(n), item]))),
            ));
        }
        Object::Zip { iters } => {
            let iters = iters.clone();
            let mut items = Vec::with_capacity(iters.len());
            for it in iters.iter() {
                items.push(next(heap, *it)?);
            }
            return Some(Value::Obj(
                heap.alloc(Object::Tuple(items.into_boxed_slice())),
            ));
        }
        _ => return None,
    };
    match heap.get(seq) {
        Object::List(items) => items.get(index).copied(),
        Object::Tuple(items) => items.get(index).copied(),
        Object::Str(s) => {
            let c = s.chars().nth(index)?;
            Some(new_str(heap, c.to_string()))
        }
        Object::Dict(d) => {
            let (at, key, _) = d.entry_at(index)?;
            if let Object::SeqIter { index, .. } = heap.get_mut(r) {
                *index = at + 1;
            }
            Some(key)
        }
        _ => None,
    }
}

/// All items of an iterable.
pub(super) fn collect(heap: &mut Heap, v: Value) -> Result<Vec<Value>, Exception> {
    if let Some(Object::List(items)) = v.as_obj().map(|r| heap.get(r)) {
        return Ok(items.clone());
    }
    let it = iter(heap, v)?;
    let mut out = Vec::new();
    while let Some(item) = next(heap, it) {
        out.push(item);
    }
    Ok(out)
}

fn list(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    arity("list", args, 0, 1)?;
    let items = match args.first() {
        Some(&v) => collect(&mut vm.heap, v)?,
        None => Vec::new(),
    };
    Ok(Value::Obj(vm.heap.alloc(Object::List(items))))
}

fn tuple(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    arity("tuple", args, 0, 1)?;
    let items = match args.first() {
        Some(&v) => collect(&mut vm.heap, v)?,
        None => Vec::new(),
    };
    Ok(Value::Obj(
        vm.heap.alloc(Object::Tuple(items.into_boxed_slice())),
    ))
}

fn dict(vm: &mut Vm, args: &[Value], kwargs: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    arity("dict", args, 0, 1)?;
    let mut pairs = Vec::new();
    if let Some(&source) = args.first() {
        if let Some(Object::Dict(d)) = source.as_obj().map(|r| vm.heap.get(r)) {
            pairs.extend(d.iter());
        } else {
            for (i, item) in collect(&mut vm.heap, source)?.into_iter().enumerate() {
                let pair = collect(&mut vm.heap, item).map_err(|_| {
                    Exception::new(
                        "TypeError",
                        format!(
                            "cannot convert dictionary update sequence element #{i} to a sequence"
                        ),
                    )
                })?;
                if pair.len() != 2 {
                    return Err(Exception::new(
                        "ValueError",
                        format!(
                            "dictionary update sequence element #{i} has length {}; 2 is required",
                            pair.len()
                        ),
                    ));
                }
                pairs.push((pair[0], pair[1]));
            }
        }
    }
    for (name, v) in kwargs {
        pairs.push((new_str(&mut vm.heap, &**name), *v));
    }
    super::containers::new_dict(&mut vm.heap, pairs)
}

fn sum(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    arity("sum", args, 1, 2)?;
    let mut total = args.get(1).copied().unwrap_or(Value::Int(0));
    for item in collect(&mut vm.heap, args[0])? {
        total = ops::binary(&mut vm.heap, crate::syntax::ast::BinOp::Add, total, item)?;
    }
    Ok(total)
}

fn extreme(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    keep_new: crate::syntax::ast::CmpOp,
) -> Result<Value, Exception> {
    let items = match args {
        [] => {
            return Err(Exception::new(
                "TypeError",
                format!("{name} expected at least 1 argument, got 0"),
            ))
        }
        [one] => collect(&mut vm.heap, *one)?,
        many => many.to_vec(),
    };
    let mut best: Option<Value> = None;
    for item in items {
        best = Some(match best {
            Some(b) if !ops::compare(&vm.heap, keep_new, item, b)? => b,
            _ => item,
        });
    }
    best.ok_or_else(|| Exception::new("ValueError", format!("{name}() arg is an empty sequence")))
}

fn min(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    extreme(vm, "min", args, crate::syntax::ast::CmpOp::Lt)
}

fn max(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    extreme(vm, "max", args, crate::syntax::ast::CmpOp::Gt)
}

fn sorted(vm: &mut Vm, args: &[Value], kwargs: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    if args.len() != 1 {
        return Err(Exception::new(
            "TypeError",
            format!("sorted expected 1 argument, got {}", args.len()),
        ));
    }
    let mut items = collect(&mut vm.heap, args[0])?;
    sort_values(&vm.heap, &mut items, kwargs)?;
    Ok(Value::Obj(vm.heap.alloc(Object::List(items))))
}

/// Sorts in place, stably, as `list.sort` and `sorted` do (`reverse=` honoured; `key=` refused).
pub(super) fn sort_values(
    heap: &Heap,
    items: &mut [Value],
    kwargs: &[(Rc<str>, Value)],
) -> Result<(), Exception> {
    let mut reverse = false;
    for (name, v) in kwargs {
        match &**name {
            "reverse" => reverse = ops::truthy(heap, *v),
            "key" => {
                return Err(Exception::new(
                    "NotImplementedError",
                    "sorting with key= is not supported yet",
                ))
            }
            other => {
                return Err(Exception::new(
                    "TypeError",
                    format!("'{other}' is an invalid keyword argument for sort()"),
                ))
            }
        }
    }
    let less = |a: Value, b: Value| ops::compare(heap, crate::syntax::ast::CmpOp::Lt, a, b);
    let order = |a: Value, b: Value| -> Result<std::cmp::Ordering, Exception> {
        Ok(if less(a, b)? {
            std::cmp::Ordering::Less
        } else if less(b, a)? {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        })
    };
    let mut error = None;
    items.sort_by(|&a, &b| match order(a, b) {
        Ok(o) if reverse => o.reverse(),
        Ok(o) => o,
        Err(e) => {
            error.get_or_insert(e);
            std::cmp::Ordering::Equal
        }
    });
    error.map_or(Ok(()), Err)
}

fn enumerate(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    arity("enumerate", args, 1, 2)?;
    let start = match args.get(1) {
        Some(&v) => int_arg(&vm.heap, v)?,
        None => 0,
    };
    let it = iter(&mut vm.heap, args[0])?;
    Ok(Value::Obj(vm.heap.alloc(Object::Enumerate {
        iter: it,
        count: start,
    })))
}

fn zip(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    let iters = args
        .iter()
        .map(|&a| iter(&mut vm.heap, a))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Value::Obj(vm.heap.alloc(Object::Zip {
        iters: iters.into_boxed_slice(),
    })))
}

/// The `n` items of `seq` for an unpacking assignment, with CPython's errors for other counts.
pub(super) fn unpack(heap: &mut Heap, seq: Value, n: usize) -> Result<Vec<Value>, Exception> {
    let it = iter(heap, seq).map_err(|_| {
        Exception::new(
            "TypeError",
            format!("cannot unpack non-iterable {} object", type_name(heap, seq)),
        )
    })?;
    let mut items = Vec::with_capacity(n);
    while let Some(v) = next(heap, it) {
        if items.len() == n {
            return Err(Exception::new(
                "ValueError",
                format!("too many values to unpack (expected {n})"),
            ));
        }
        items.push(v);
    }
    if items.len() < n {
        return Err(Exception::new(
            "ValueError",
            format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            ),
        ));
    }
    Ok(items)
}
