//! Operator semantics: arithmetic with the machine-word fast path and big-int overflow,
//! comparisons, truth, and the `str`/`repr`/`format` of values.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use super::Exception;
use crate::runtime::format::{float_repr, format_float, format_int, format_str, FormatSpec};
use crate::runtime::{Heap, Object, Value};
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};

/// A number operand, widened for the slow paths.
enum Num {
    Int(BigInt),
    Float(f64),
}

fn as_num(heap: &Heap, v: Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::Int(i.into())),
        Value::Bool(b) => Some(Num::Int(i64::from(b).into())),
        Value::Float(f) => Some(Num::Float(f)),
        Value::Obj(r) => match heap.get(r) {
            Object::BigInt(b) => Some(Num::Int(b.clone())),
            _ => None,
        },
        _ => None,
    }
}

/// An int result as a value: inline when it fits a machine word.
pub fn int_value(heap: &mut Heap, v: BigInt) -> Value {
    match v.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::Obj(heap.alloc(Object::BigInt(v))),
    }
}

pub fn type_name(heap: &Heap, v: Value) -> &'static str {
    match v {
        Value::Unbound | Value::None => "NoneType",
        Value::Bool(_) => "bool",
        Value::Int(_) => "int",
        Value::Float(_) => "float",
        Value::Obj(r) => heap.get(r).type_name(),
    }
}

fn str_of(heap: &Heap, v: Value) -> Option<&str> {
    match v {
        Value::Obj(r) => match heap.get(r) {
            Object::Str(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

pub fn new_str(heap: &mut Heap, s: impl Into<Box<str>>) -> Value {
    Value::Obj(heap.alloc(Object::Str(s.into())))
}

fn cannot_concatenate(heap: &Heap, kind: &str, other: Value) -> Exception {
    Exception::new(
        "TypeError",
        format!(
            "can only concatenate {kind} (not \"{}\") to {kind}",
            type_name(heap, other)
        ),
    )
}

/// `+` and `*` on strings, lists and tuples; `None` when the operands are not sequences.
fn sequence_binary(
    heap: &mut Heap,
    op: BinOp,
    a: Value,
    b: Value,
) -> Result<Option<Value>, Exception> {
    let count = |v: Value| match v {
        Value::Int(n) => Some(n.max(0) as usize),
        Value::Bool(x) => Some(usize::from(x)),
        _ => None,
    };
    let (seq, times) = match (op, count(a), count(b)) {
        (BinOp::Mult, None, Some(n)) => (a, n),
        (BinOp::Mult, Some(n), None) => (b, n),
        (BinOp::Add, _, _) => (a, 0),
        _ => return Ok(None),
    };
    let Value::Obj(r) = seq else {
        return Ok(None);
    };
    let too_big = || Exception::new("MemoryError", "");
    let result = match (op, heap.get(r)) {
        (BinOp::Mult, Object::Str(s)) => {
            let len = s
                .len()
                .checked_mul(times)
                .filter(|&n| n < 1 << 40)
                .ok_or_else(too_big)?;
            let mut out = String::with_capacity(len);
            (0..times).for_each(|_| out.push_str(s));
            Object::Str(out.into())
        }
        (BinOp::Mult, Object::List(items)) => {
            items
                .len()
                .checked_mul(times)
                .filter(|&n| n < 1 << 36)
                .ok_or_else(too_big)?;
            Object::List(
                items
                    .iter()
                    .copied()
                    .cycle()
                    .take(items.len() * times)
                    .collect(),
            )
        }
        (BinOp::Mult, Object::Tuple(items)) => {
            items
                .len()
                .checked_mul(times)
                .filter(|&n| n < 1 << 36)
                .ok_or_else(too_big)?;
            Object::Tuple(
                items
                    .iter()
                    .copied()
                    .cycle()
                    .take(items.len() * times)
                    .collect(),
            )
        }
        (BinOp::Add, Object::Str(x)) => match str_of(heap, b) {
            Some(y) => {
                let mut joined = String::with_capacity(x.len() + y.len());
                joined.push_str(x);
                joined.push_str(y);
                Object::Str(joined.into_boxed_str())
            }
            None => return Ok(None),
        },
        (BinOp::Add, Object::List(x)) => match b.as_obj().map(|r| heap.get(r)) {
            Some(Object::List(y)) => Object::List(x.iter().chain(y.iter()).copied().collect()),
            _ => return Err(cannot_concatenate(heap, "list", b)),
        },
        (BinOp::Add, Object::Tuple(x)) => match b.as_obj().map(|r| heap.get(r)) {
            Some(Object::Tuple(y)) => Object::Tuple(x.iter().chain(y.iter()).copied().collect()),
            _ => return Err(cannot_concatenate(heap, "tuple", b)),
        },
        _ => return Ok(None),
    };
    Ok(Some(Value::Obj(heap.alloc(result))))
}

/// `a op b`.
pub fn binary(heap: &mut Heap, op: BinOp, a: Value, b: Value) -> Result<Value, Exception> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        let fast = match op {
            BinOp::Add => x.checked_add(y),
            BinOp::Sub => x.checked_sub(y),
            BinOp::Mult => x.checked_mul(y),
            BinOp::Mod if y != 0 => {
                Some(x.rem_euclid(y) + if y < 0 && x.rem_euclid(y) != 0 { y } else { 0 })
            }
            BinOp::FloorDiv if y != 0 && !(x == i64::MIN && y == -1) => {
                Some(Integer::div_floor(&x, &y))
            }
            _ => None,
        };
        if let Some(v) = fast {
            return Ok(Value::Int(v));
        }
    }
    if let (Value::Float(x), Value::Float(y)) = (a, b) {
        match op {
            BinOp::Add => return Ok(Value::Float(x + y)),
            BinOp::Sub => return Ok(Value::Float(x - y)),
            BinOp::Mult => return Ok(Value::Float(x * y)),
            _ => {}
        }
    }
    if let Some(v) = sequence_binary(heap, op, a, b)? {
        return Ok(v);
    }
    if op == BinOp::Mod && str_of(heap, a).is_some() {
        return Err(Exception::new(
            "NotImplementedError",
            "'%' formatting of strings is not supported yet",
        ));
    }
    match (as_num(heap, a), as_num(heap, b)) {
        (Some(Num::Int(x)), Some(Num::Int(y))) => int_binary(heap, op, x, y),
        (Some(x), Some(y)) => {
            let f = |n: Num| match n {
                Num::Int(i) => i.to_f64().unwrap_or(f64::INFINITY),
                Num::Float(f) => f,
            };
            float_binary(op, f(x), f(y))
        }
        _ => Err(unsupported_operands(heap, op, a, b)),
    }
}

fn unsupported_operands(heap: &Heap, op: BinOp, a: Value, b: Value) -> Exception {
    let symbol = match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mult => "*",
        BinOp::MatMult => "@",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "** or pow()",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::BitAnd => "&",
    };
    let (ta, tb) = (type_name(heap, a), type_name(heap, b));
    let sequence = |t: &str| matches!(t, "str" | "list" | "tuple");
    if op == BinOp::Mult && (sequence(ta) || sequence(tb)) {
        let other = if sequence(ta) { tb } else { ta };
        return Exception::new(
            "TypeError",
            format!("can't multiply sequence by non-int of type '{other}'"),
        );
    }
    if op == BinOp::Add && ta == "str" {
        return Exception::new(
            "TypeError",
            format!("can only concatenate str (not \"{tb}\") to str"),
        );
    }
    Exception::new(
        "TypeError",
        format!("unsupported operand type(s) for {symbol}: '{ta}' and '{tb}'"),
    )
}

fn int_binary(heap: &mut Heap, op: BinOp, x: BigInt, y: BigInt) -> Result<Value, Exception> {
    let zero_div = |msg: &str| Err(Exception::new("ZeroDivisionError", msg));
    let v = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mult => x * y,
        BinOp::FloorDiv if y.is_zero() => return zero_div("integer division or modulo by zero"),
        BinOp::FloorDiv => x.div_floor(&y),
        BinOp::Mod if y.is_zero() => return zero_div("integer modulo by zero"),
        BinOp::Mod => x.mod_floor(&y),
        BinOp::Div => {
            if y.is_zero() {
                return zero_div("division by zero");
            }
            return int_true_divide(&x, &y);
        }
        BinOp::Pow if y.is_negative() => {
            let (xf, yf) = (
                x.to_f64().unwrap_or(f64::INFINITY),
                y.to_f64().unwrap_or(0.0),
            );
            if xf == 0.0 {
                return zero_div("0.0 cannot be raised to a negative power");
            }
            return Ok(Value::Float(xf.powf(yf)));
        }
        BinOp::Pow => match y.to_u32() {
            Some(e) => num_traits::pow(x, e as usize),
            None => return Err(Exception::new("OverflowError", "exponent too large")),
        },
        BinOp::LShift | BinOp::RShift if y.is_negative() => {
            return Err(Exception::new("ValueError", "negative shift count"))
        }
        BinOp::LShift => x << y.to_usize().unwrap_or(usize::MAX),
        BinOp::RShift => x >> y.to_usize().unwrap_or(usize::MAX),
        BinOp::BitAnd => x & y,
        BinOp::BitOr => x | y,
        BinOp::BitXor => x ^ y,
        BinOp::MatMult => {
            return Err(Exception::new(
                "TypeError",
                "unsupported operand type(s) for @: 'int' and 'int'",
            ))
        }
    };
    Ok(int_value(heap, v))
}

/// `x / y` for ints, rounded from an exact big-int quotient carrying 64 significant bits; a
/// quotient too large for a float is CPython's OverflowError.
fn int_true_divide(x: &BigInt, y: &BigInt) -> Result<Value, Exception> {
    const EXACT: i64 = 1 << 53;
    if let (Some(a), Some(b)) = (x.to_i64(), y.to_i64()) {
        if a.abs() <= EXACT && b.abs() <= EXACT {
            return Ok(Value::Float(a as f64 / b as f64));
        }
    }
    let shift = (64 + y.bits() as i64 - x.bits() as i64).max(0) as usize;
    let quotient = (x << shift) / y;
    let mut result = quotient.to_f64().unwrap_or(f64::INFINITY);
    let mut remaining = shift;
    while remaining > 0 {
        let step = remaining.min(1000);
        result *= 2f64.powi(-(step as i32));
        remaining -= step;
    }
    if result.is_finite() {
        Ok(Value::Float(result))
    } else {
        Err(Exception::new(
            "OverflowError",
            "integer division result too large for a float",
        ))
    }
}

fn float_binary(op: BinOp, x: f64, y: f64) -> Result<Value, Exception> {
    let zero_div = |msg: &str| Err(Exception::new("ZeroDivisionError", msg));
    Ok(Value::Float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mult => x * y,
        BinOp::Div if y == 0.0 => return zero_div("float division by zero"),
        BinOp::Div => x / y,
        BinOp::FloorDiv if y == 0.0 => return zero_div("float floor division by zero"),
        BinOp::FloorDiv => (x / y).floor(),
        BinOp::Mod if y == 0.0 => return zero_div("float modulo"),
        BinOp::Mod => {
            let m = x % y;
            if m != 0.0 && (m < 0.0) != (y < 0.0) {
                m + y
            } else {
                m
            }
        }
        BinOp::Pow if x == 0.0 && y < 0.0 => {
            return zero_div("0.0 cannot be raised to a negative power")
        }
        BinOp::Pow => x.powf(y),
        _ => {
            return Err(Exception::new(
                "TypeError",
                "unsupported operand type(s) for float",
            ))
        }
    }))
}

/// `op a`.
pub fn unary(heap: &mut Heap, op: UnaryOp, a: Value) -> Result<Value, Exception> {
    if op == UnaryOp::Not {
        return Ok(Value::Bool(!truthy(heap, a)));
    }
    match (op, as_num(heap, a)) {
        (UnaryOp::Neg, Some(Num::Int(i))) => Ok(int_value(heap, -i)),
        (UnaryOp::Pos, Some(Num::Int(i))) => Ok(int_value(heap, i)),
        (UnaryOp::Invert, Some(Num::Int(i))) => Ok(int_value(heap, !i)),
        (UnaryOp::Neg, Some(Num::Float(f))) => Ok(Value::Float(-f)),
        (UnaryOp::Pos, Some(Num::Float(f))) => Ok(Value::Float(f)),
        _ => {
            let symbol = match op {
                UnaryOp::Neg => "-",
                UnaryOp::Pos => "+",
                _ => "~",
            };
            Err(Exception::new(
                "TypeError",
                format!(
                    "bad operand type for unary {symbol}: '{}'",
                    type_name(heap, a)
                ),
            ))
        }
    }
}

/// `a op b` for comparisons.
pub fn compare(heap: &Heap, op: CmpOp, a: Value, b: Value) -> Result<bool, Exception> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Ok(match op {
            CmpOp::Eq | CmpOp::Is => x == y,
            CmpOp::NotEq | CmpOp::IsNot => x != y,
            CmpOp::Lt => x < y,
            CmpOp::LtE => x <= y,
            CmpOp::Gt => x > y,
            CmpOp::GtE => x >= y,
            CmpOp::In | CmpOp::NotIn => {
                return Err(Exception::new(
                    "TypeError",
                    "argument of type 'int' is not iterable",
                ))
            }
        });
    }
    match op {
        CmpOp::Is => return Ok(identical(a, b)),
        CmpOp::IsNot => return Ok(!identical(a, b)),
        CmpOp::In | CmpOp::NotIn => return contains(heap, b, a).map(|c| c == (op == CmpOp::In)),
        _ => {}
    }
    let ordering = match (as_num(heap, a), as_num(heap, b)) {
        (Some(Num::Int(x)), Some(Num::Int(y))) => Some(x.cmp(&y)),
        (Some(x), Some(y)) => {
            let f = |n: Num| match n {
                Num::Int(i) => i.to_f64().unwrap_or(f64::INFINITY),
                Num::Float(f) => f,
            };
            f(x).partial_cmp(&f(y))
        }
        _ => match (str_of(heap, a), str_of(heap, b)) {
            (Some(x), Some(y)) => Some(x.cmp(y)),
            _ if is_container(heap, a) && is_container(heap, b) => {
                return container_compare(heap, op, a, b, 0);
            }
            _ => {
                if matches!(op, CmpOp::Eq | CmpOp::NotEq) {
                    return Ok(identical(a, b) == (op == CmpOp::Eq));
                }
                return Err(unorderable(heap, op, a, b));
            }
        },
    };
    use std::cmp::Ordering::*;
    Ok(match (op, ordering) {
        (CmpOp::Eq, o) => o == Some(Equal),
        (CmpOp::NotEq, o) => o != Some(Equal),
        (CmpOp::Lt, o) => o == Some(Less),
        (CmpOp::LtE, o) => matches!(o, Some(Less | Equal)),
        (CmpOp::Gt, o) => o == Some(Greater),
        (CmpOp::GtE, o) => matches!(o, Some(Greater | Equal)),
        _ => false,
    })
}

/// CPython's TypeError for an ordering comparison between types that have none.
fn unorderable(heap: &Heap, op: CmpOp, a: Value, b: Value) -> Exception {
    let symbol = match op {
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        _ => ">=",
    };
    Exception::new(
        "TypeError",
        format!(
            "'{symbol}' not supported between instances of '{}' and '{}'",
            type_name(heap, a),
            type_name(heap, b)
        ),
    )
}

fn is_container(heap: &Heap, v: Value) -> bool {
    matches!(
        v.as_obj().map(|r| heap.get(r)),
        Some(Object::List(_) | Object::Tuple(_) | Object::Dict(_))
    )
}

/// Deepest nesting compared before CPython's "maximum recursion depth exceeded in comparison".
const MAX_COMPARE_DEPTH: usize = 1000;

/// Lists and tuples compare item by item (lexicographically); dicts by their entries.
fn container_compare(
    heap: &Heap,
    op: CmpOp,
    a: Value,
    b: Value,
    depth: usize,
) -> Result<bool, Exception> {
    if depth > MAX_COMPARE_DEPTH {
        return Err(Exception::new(
            "RecursionError",
            "maximum recursion depth exceeded in comparison",
        ));
    }
    let (Some(ra), Some(rb)) = (a.as_obj(), b.as_obj()) else {
        return Ok(false);
    };
    let items_equal = |x: Value, y: Value| -> Result<bool, Exception> {
        if identical(x, y) {
            return Ok(true);
        }
        if is_container(heap, x) && is_container(heap, y) {
            container_compare(heap, CmpOp::Eq, x, y, depth + 1)
        } else {
            compare(heap, CmpOp::Eq, x, y)
        }
    };
    let (xs, ys): (&[Value], &[Value]) = match (heap.get(ra), heap.get(rb)) {
        (Object::List(x), Object::List(y)) => (x, y),
        (Object::Tuple(x), Object::Tuple(y)) => (x, y),
        (Object::Dict(x), Object::Dict(y)) if matches!(op, CmpOp::Eq | CmpOp::NotEq) => {
            let mut equal = x.len() == y.len();
            for (k, v) in x.iter() {
                if !equal {
                    break;
                }
                equal = match y.get(heap, k).map_err(super::containers::unhashable)? {
                    Some(w) => items_equal(v, w)?,
                    None => false,
                };
            }
            return Ok(equal == (op == CmpOp::Eq));
        }
        _ => {
            if matches!(op, CmpOp::Eq | CmpOp::NotEq) {
                return Ok((ra == rb) == (op == CmpOp::Eq));
            }
            return Err(unorderable(heap, op, a, b));
        }
    };
    for (&x, &y) in xs.iter().zip(ys) {
        if !items_equal(x, y)? {
            return match op {
                CmpOp::Eq => Ok(false),
                CmpOp::NotEq => Ok(true),
                _ if is_container(heap, x) && is_container(heap, y) => {
                    container_compare(heap, op, x, y, depth + 1)
                }
                _ => compare(heap, op, x, y),
            };
        }
    }
    let (n, m) = (xs.len(), ys.len());
    Ok(match op {
        CmpOp::Eq => n == m,
        CmpOp::NotEq => n != m,
        CmpOp::Lt => n < m,
        CmpOp::LtE => n <= m,
        CmpOp::Gt => n > m,
        _ => n >= m,
    })
}

fn identical(a: Value, b: Value) -> bool {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        _ => a == b,
    }
}

fn contains(heap: &Heap, container: Value, item: Value) -> Result<bool, Exception> {
    match container {
        Value::Obj(r) => match heap.get(r) {
            Object::List(items) => items_contain(heap, items, item),
            Object::Tuple(items) => items_contain(heap, items, item),
            Object::Str(s) => match str_of(heap, item) {
                Some(needle) => Ok(s.contains(needle)),
                None => Err(Exception::new(
                    "TypeError",
                    format!(
                        "'in <string>' requires string as left operand, not {}",
                        type_name(heap, item)
                    ),
                )),
            },
            Object::Dict(d) => d
                .get(heap, item)
                .map(|v| v.is_some())
                .map_err(super::containers::unhashable),
            Object::Range { start, stop, step } => Ok(match item {
                Value::Int(i) => {
                    let inside = if *step > 0 {
                        *start <= i && i < *stop
                    } else {
                        *stop < i && i <= *start
                    };
                    inside && (i - start) % step == 0
                }
                _ => false,
            }),
            other => Err(Exception::new(
                "TypeError",
                format!("argument of type '{}' is not iterable", other.type_name()),
            )),
        },
        other => Err(Exception::new(
            "TypeError",
            format!(
                "argument of type '{}' is not iterable",
                type_name(heap, other)
            ),
        )),
    }
}

fn items_contain(heap: &Heap, items: &[Value], item: Value) -> Result<bool, Exception> {
    for &v in items {
        if identical(v, item) || compare(heap, CmpOp::Eq, v, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Python truth.
pub fn truthy(heap: &Heap, v: Value) -> bool {
    match v {
        Value::Unbound | Value::None => false,
        Value::Bool(b) => b,
        Value::Int(i) => i != 0,
        Value::Float(f) => f != 0.0,
        Value::Obj(r) => match heap.get(r) {
            Object::Str(s) => !s.is_empty(),
            Object::List(items) => !items.is_empty(),
            Object::Tuple(items) => !items.is_empty(),
            Object::BigInt(b) => !b.is_zero(),
            Object::Dict(d) => !d.is_empty(),
            Object::Range { start, stop, step } => {
                if *step > 0 {
                    start < stop
                } else {
                    start > stop
                }
            }
            _ => true,
        },
    }
}

/// `str(v)`.
pub fn to_str(heap: &Heap, v: Value) -> String {
    if !matches!(v, Value::Obj(_)) {
        return scalar_repr(v);
    }
    match v.as_obj().map(|r| heap.get(r)) {
        Some(Object::Str(s)) => s.to_string(),
        Some(Object::Exception { .. }) => super::exceptions::exception_str(heap, v),
        _ => repr(heap, v),
    }
}

/// `repr(v)`, iterative over nested containers (a deep list cannot overflow the Rust stack); a
/// container met again inside itself prints as `[...]`, as in CPython.
pub fn repr(heap: &Heap, v: Value) -> String {
    enum Work {
        Value(Value),
        Text(&'static str),
        Close(crate::runtime::ObjRef, &'static str),
    }
    let mut out = String::new();
    let mut open: Vec<crate::runtime::ObjRef> = Vec::new();
    let mut work = vec![Work::Value(v)];
    while let Some(item) = work.pop() {
        let v = match item {
            Work::Text(t) => {
                out.push_str(t);
                continue;
            }
            Work::Close(r, t) => {
                open.retain(|&o| o != r);
                out.push_str(t);
                continue;
            }
            Work::Value(v) => v,
        };
        let Value::Obj(r) = v else {
            out.push_str(&scalar_repr(v));
            continue;
        };
        if let Object::Exception {
            kind,
            args,
            message,
        } = heap.get(r)
        {
            out.push_str(&super::exceptions::exception_repr(
                heap,
                kind,
                args,
                message.as_deref(),
            ));
            continue;
        }
        if let Object::Dict(d) = heap.get(r) {
            if open.contains(&r) {
                out.push_str("{...}");
                continue;
            }
            open.push(r);
            out.push('{');
            work.push(Work::Close(r, "}"));
            let entries: Vec<(Value, Value)> = d.iter().collect();
            for (i, (k, v)) in entries.into_iter().enumerate().rev() {
                work.push(Work::Value(v));
                work.push(Work::Text(": "));
                work.push(Work::Value(k));
                if i > 0 {
                    work.push(Work::Text(", "));
                }
            }
            continue;
        }
        let (items, brackets): (&[Value], (&str, &'static str)) = match heap.get(r) {
            Object::List(items) => (items, ("[", "]")),
            Object::Tuple(items) if items.len() == 1 => (items, ("(", ",)")),
            Object::Tuple(items) => (items, ("(", ")")),
            other => {
                out.push_str(&object_repr(other, r));
                continue;
            }
        };
        if open.contains(&r) {
            out.push_str(if brackets.0 == "[" { "[...]" } else { "(...)" });
            continue;
        }
        open.push(r);
        out.push_str(brackets.0);
        work.push(Work::Close(r, brackets.1));
        for (i, &item) in items.iter().enumerate().rev() {
            work.push(Work::Value(item));
            if i > 0 {
                work.push(Work::Text(", "));
            }
        }
    }
    out
}

fn scalar_repr(v: Value) -> String {
    match v {
        Value::Unbound | Value::None => "None".into(),
        Value::Bool(b) => if b { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => float_repr(f),
        Value::Obj(_) => String::new(),
    }
}

fn object_repr(obj: &Object, r: crate::runtime::ObjRef) -> String {
    let address = r.index() * 16 + 0x7f00_0000_0000;
    match obj {
        Object::Str(s) => str_repr(s),
        Object::BigInt(b) => b.to_string(),
        Object::Function(f) => format!("<function {} at 0x{address:x}>", f.name),
        Object::Native(n) => format!("<built-in function {}>", n.name),
        Object::Module(m) => format!("<module '{}' (built-in)>", m.name),
        Object::ExceptionType(kind) => format!("<class '{kind}'>"),

        Object::Range {
            start,
            stop,
            step: 1,
        } => format!("range({start}, {stop})"),
        Object::Range { start, stop, step } => format!("range({start}, {stop}, {step})"),
        other => format!("<{} object at 0x{address:x}>", other.type_name()),
    }
}

/// `repr(s)` for a str: single quotes unless only double quotes avoid escaping.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `format(v, spec)`.
pub fn format_value(heap: &Heap, v: Value, spec: &str) -> Result<String, Exception> {
    if spec.is_empty() {
        return Ok(to_str(heap, v));
    }
    let parsed = FormatSpec::parse(spec).map_err(|m| Exception::new("ValueError", m))?;
    let result = match (v, as_num(heap, v)) {
        (Value::Bool(_), _) if parsed.kind.is_none() => format_str(&to_str(heap, v), &parsed),
        (_, Some(Num::Int(i))) => format_int(i.is_negative(), i.magnitude(), &parsed),
        (_, Some(Num::Float(f))) => format_float(f, &parsed),
        _ => match str_of(heap, v) {
            Some(s) => format_str(s, &parsed),
            None => Err(format!(
                "unsupported format string passed to {}.__format__",
                type_name(heap, v)
            )),
        },
    };
    result.map_err(|m| {
        Exception::new(
            if m.starts_with("unsupported") {
                "TypeError"
            } else {
                "ValueError"
            },
            m,
        )
    })
}
