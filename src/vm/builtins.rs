//! Built-in functions and the built-in modules (`time`), and iteration over the built-in types.

use std::collections::HashMap;
use std::rc::Rc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::ops::{self, new_str, type_name};
use super::{Exception, Vm};
use crate::runtime::object::{NativeFn, NativeFunction};
use crate::runtime::{Heap, Object, Value};

fn native(heap: &mut Heap, name: &'static str, func: NativeFn) -> Value {
    let keywords = name == "print";
    Value::Obj(heap.alloc(Object::Native(NativeFunction {
        name,
        func,
        keywords,
    })))
}

/// Fills the builtins namespace.
pub(super) fn install(vm: &mut Vm) {
    let table: [(&'static str, NativeFn); 8] = [
        ("print", print),
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
        _ => return None,
    };
    Some(
        table
            .iter()
            .map(|&(n, f)| (Rc::from(n), native(heap, n, f)))
            .collect(),
    )
}

fn arity(name: &str, args: &[Value], min: usize, max: usize) -> Result<(), Exception> {
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

fn int_arg(heap: &Heap, v: Value) -> Result<i64, Exception> {
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

fn range_len(start: i64, stop: i64, step: i64) -> i64 {
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
            Object::List(_) | Object::Tuple(_) | Object::Str(_) => {
                Some(Object::SeqIter { seq: r, index: 0 })
            }
            Object::RangeIter { .. } | Object::SeqIter { .. } => return Ok(v),
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
        _ => return None,
    };
    match heap.get(seq) {
        Object::List(items) => items.get(index).copied(),
        Object::Tuple(items) => items.get(index).copied(),
        Object::Str(s) => {
            let c = s.chars().nth(index)?;
            Some(new_str(heap, c.to_string()))
        }
        _ => None,
    }
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
