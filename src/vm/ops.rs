//! Operator semantics: arithmetic with the machine-word fast path and big-int overflow,
//! comparisons, truth, and the `str` and `format` of values (`repr` is in `repr.rs`).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use super::Exception;
use crate::runtime::format::{format_float, format_int, format_str, FormatSpec};
use crate::runtime::object::DictPart;
use crate::runtime::text::{self, decimal_len, Text};
use crate::runtime::{Heap, ObjRef, Object, Value};
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};

use super::repr::scalar_repr;
pub use super::repr::{
    address, class_module, code_point_escape, int_text, object_repr, repr, repr_in, str_repr,
};

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

/// The int equal to a float with no fractional part (callers truncate or round first);
/// CPython's errors for NaN and infinities.
pub fn float_to_int(heap: &mut Heap, f: f64) -> Result<Value, Exception> {
    if f.is_nan() {
        return Err(Exception::new(
            "ValueError",
            "cannot convert float NaN to integer",
        ));
    }
    if f.is_infinite() {
        return Err(Exception::new(
            "OverflowError",
            "cannot convert float infinity to integer",
        ));
    }
    let exact = num_traits::FromPrimitive::from_f64(f).unwrap_or_default();
    Ok(int_value(heap, exact))
}

/// The name of `v`'s type, as messages show it.
pub fn type_name(heap: &Heap, v: Value) -> &str {
    match v {
        Value::Unbound | Value::None => "NoneType",
        Value::Bool(_) => "bool",
        Value::Int(_) => "int",
        Value::Float(_) => "float",
        Value::Obj(r) => match heap.get(r) {
            Object::Instance(i) => match heap.get(i.class) {
                Object::Class(c) => &c.name,
                _ => "object",
            },
            other => other.type_name(),
        },
    }
}

/// CPython's TypeError for a value used where an integer is needed.
pub fn not_an_integer(heap: &Heap, v: Value) -> Exception {
    Exception::new(
        "TypeError",
        format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(heap, v)
        ),
    )
}

/// What the operators need from their surroundings: the heap, and running the special methods
/// (`__eq__`, `__repr__`, …) that classes define for their instances. The VM is one host; a bare
/// heap is another, for messages, where instances get the default behaviour.
pub trait Host {
    fn heap(&self) -> &Heap;
    /// Calls special method `name` of instance `v` with `args`; `None` when its class does not
    /// define it (or `v` is not an instance).
    fn special(&mut self, v: Value, name: &str, args: &[Value])
        -> Result<Option<Value>, Exception>;
    /// What instance `v`'s own `__format__` makes of `spec`; `None` when its class does not
    /// define one.
    fn format_special(&mut self, _v: Value, _spec: &str) -> Result<Option<String>, Exception> {
        Ok(None)
    }
    /// Whether `v` is the `NotImplemented` singleton.
    fn is_not_implemented(&self, v: Value) -> bool;
    /// The next item of iterator `it` (`None` when it is exhausted).
    fn next_item(&mut self, it: Value) -> Result<Option<Value>, Exception>;
    /// The value of `key` in dict, set or frozenset `table` (`None` when it is absent).
    fn table_lookup(&mut self, table: ObjRef, key: Value) -> Result<Option<Value>, Exception>;
    /// The repr of a built-in object that depends on more than the heap (the task running
    /// now, whose frames are on the VM's stacks), if `r` is one.
    fn live_repr(&self, _r: ObjRef) -> Option<String> {
        None
    }
    /// How deep reprs may nest before `RecursionError`: what the recursion limit leaves above
    /// the frames running (one, at module level, for a bare heap).
    fn repr_room(&self) -> usize {
        super::RECURSION_LIMIT - 2
    }
}

/// A heap as a host: no Python code runs.
pub struct Plain<'h>(pub &'h Heap);

impl Host for Plain<'_> {
    fn heap(&self) -> &Heap {
        self.0
    }
    fn special(&mut self, _: Value, _: &str, _: &[Value]) -> Result<Option<Value>, Exception> {
        Ok(None)
    }
    fn is_not_implemented(&self, _: Value) -> bool {
        false
    }
    fn next_item(&mut self, _: Value) -> Result<Option<Value>, Exception> {
        Ok(None)
    }
    fn table_lookup(&mut self, table: ObjRef, key: Value) -> Result<Option<Value>, Exception> {
        match self.0.get(table) {
            Object::Dict(d) | Object::Set(d) | Object::FrozenSet(d) => {
                d.get(self.0, key).map_err(super::containers::unhashable)
            }
            _ => Ok(None),
        }
    }
}

/// Whether `v`'s class is defined in Python — an instance of a Python class, or a class a
/// Python metaclass made — so that its protocols run Python code.
pub(super) fn is_instance(heap: &Heap, v: Value) -> bool {
    match v.as_obj().map(|r| heap.get(r)) {
        Some(Object::Instance(_)) => true,
        Some(Object::Class(c)) => c.metaclass.is_some(),
        _ => false,
    }
}

/// Runs a comparison special method (`__eq__`, `__lt__`, …), then the reflected one of the
/// other operand; `None` when neither is defined or both return `NotImplemented`.
fn instance_compare<H: Host>(
    h: &mut H,
    op: CmpOp,
    a: Value,
    b: Value,
) -> Result<Option<bool>, Exception> {
    let (name, reflected) = match op {
        CmpOp::Eq => ("__eq__", "__eq__"),
        CmpOp::NotEq => ("__ne__", "__ne__"),
        CmpOp::Lt => ("__lt__", "__gt__"),
        CmpOp::LtE => ("__le__", "__ge__"),
        CmpOp::Gt => ("__gt__", "__lt__"),
        CmpOp::GtE => ("__ge__", "__le__"),
        _ => return Ok(None),
    };
    for (x, y, method) in [(a, b, name), (b, a, reflected)] {
        if let Some(result) = h.special(x, method, &[y])? {
            if !h.is_not_implemented(result) {
                return truthy_in(h, result).map(Some);
            }
        }
    }
    if op == CmpOp::NotEq {
        return Ok(instance_compare(h, CmpOp::Eq, a, b)?.map(|eq| !eq));
    }
    Ok(None)
}

pub fn str_of(heap: &Heap, v: Value) -> Option<&str> {
    text_of(heap, v).map(|t| &**t)
}

/// The text of `v` if it is a str.
pub fn text_of(heap: &Heap, v: Value) -> Option<&Text> {
    match heap.get(v.as_obj()?) {
        Object::Str(s) => Some(s),
        _ => None,
    }
}

pub fn new_str(heap: &mut Heap, s: impl Into<Text>) -> Value {
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

/// `+` and `*` on strings, bytes, lists and tuples; `None` when the operands are not sequences.
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
        (BinOp::Mult, Object::Bytes(s)) => {
            s.len()
                .checked_mul(times)
                .filter(|&n| n < 1 << 40)
                .ok_or_else(too_big)?;
            Object::Bytes(s.repeat(times).into())
        }
        (BinOp::Add, Object::Bytes(x)) => match b.as_obj().map(|r| heap.get(r)) {
            Some(Object::Bytes(y)) => Object::Bytes([&x[..], &y[..]].concat().into()),
            _ => {
                return Err(Exception::new(
                    "TypeError",
                    format!("can't concat {} to bytes", type_name(heap, b)),
                ))
            }
        },
        (BinOp::Add, Object::Str(_)) => return Ok(concat_strings(heap, a, b)),
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

/// Ints beyond this magnitude may not convert to a float exactly.
const EXACT_FLOAT_INT: i64 = 1 << 53;

/// `a op b` for the int and float cases the dispatch loop does inline — the result needs no
/// allocation and raises nothing; `None` sends the operation down the general path.
#[inline(always)]
pub fn arithmetic_fast_path(op: BinOp, a: Value, b: Value) -> Option<Value> {
    let (x, y) = match (a, b) {
        (Value::Int(x), Value::Int(y)) => {
            return match op {
                BinOp::Add => x.checked_add(y),
                BinOp::Sub => x.checked_sub(y),
                BinOp::Mult => x.checked_mul(y),
                BinOp::Mod if y > 0 => Some(x.rem_euclid(y)),
                BinOp::FloorDiv if y > 0 => Some(x.div_euclid(y)),
                BinOp::BitAnd => Some(x & y),
                BinOp::BitOr => Some(x | y),
                BinOp::BitXor => Some(x ^ y),
                _ => None,
            }
            .map(Value::Int)
        }
        (Value::Float(x), Value::Float(y)) => (x, y),
        (Value::Float(x), Value::Int(y)) => (x, y as f64),
        (Value::Int(x), Value::Float(y)) => (x as f64, y),
        _ => return None,
    };
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mult => x * y,
        BinOp::Div if y != 0.0 => x / y,
        BinOp::Pow if x > 0.0 => Some(x.powf(y)).filter(|r| r.is_finite())?,
        _ => return None,
    };
    Some(Value::Float(r))
}

/// `a op b` for comparisons of ints and floats that convert exactly; `None` for the rest.
#[inline(always)]
pub fn comparison_fast_path(op: CmpOp, a: Value, b: Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => ordered(op, x, y),
        (Value::Float(x), Value::Float(y)) => ordered(op, x, y),
        (Value::Float(x), Value::Int(y)) if y.abs() <= EXACT_FLOAT_INT => ordered(op, x, y as f64),
        (Value::Int(x), Value::Float(y)) if x.abs() <= EXACT_FLOAT_INT => ordered(op, x as f64, y),
        _ => None,
    }
}

/// An ordering comparison of two numbers of one type; `None` for `is`, `in` and their negations.
#[inline(always)]
fn ordered<T: PartialOrd>(op: CmpOp, x: T, y: T) -> Option<bool> {
    Some(match op {
        CmpOp::Lt => x < y,
        CmpOp::LtE => x <= y,
        CmpOp::Gt => x > y,
        CmpOp::GtE => x >= y,
        CmpOp::Eq => x == y,
        CmpOp::NotEq => x != y,
        _ => return None,
    })
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
                .unwrap_or_else(|| Err(unsupported_operands(heap, op, a, b)))
        }
        _ => Err(unsupported_operands(heap, op, a, b)),
    }
}

/// The operator's symbol (`**` for `Pow`).
pub fn binary_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mult => "*",
        BinOp::MatMult => "@",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "**",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::BitAnd => "&",
    }
}

/// The `TypeError` of `a op b` for operand types that do not support it.
fn unsupported_operands(heap: &Heap, op: BinOp, a: Value, b: Value) -> Exception {
    let symbol = match op {
        BinOp::Pow => "** or pow()",
        _ => binary_symbol(op),
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

/// `x op y` for floats; `None` for the operators floats do not have.
fn float_binary(op: BinOp, x: f64, y: f64) -> Option<Result<Value, Exception>> {
    let zero_div = |msg: &str| Some(Err(Exception::new("ZeroDivisionError", msg)));
    Some(Ok(Value::Float(match op {
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
        _ => return None,
    })))
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

/// `a op b` for comparisons, on built-in values only (instances compare by identity).
pub fn compare(heap: &Heap, op: CmpOp, a: Value, b: Value) -> Result<bool, Exception> {
    compare_in(&mut Plain(heap), op, a, b)
}

/// `a op b` for comparisons, running the special methods of class instances.
pub fn compare_in<H: Host>(h: &mut H, op: CmpOp, a: Value, b: Value) -> Result<bool, Exception> {
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
        CmpOp::In | CmpOp::NotIn => return contains(h, b, a).map(|c| c == (op == CmpOp::In)),
        _ => {}
    }
    if is_instance(h.heap(), a) || is_instance(h.heap(), b) {
        if let Some(result) = instance_compare(h, op, a, b)? {
            return Ok(result);
        }
        if matches!(op, CmpOp::Eq | CmpOp::NotEq) {
            return Ok(identical(a, b) == (op == CmpOp::Eq));
        }
        return Err(unorderable(h.heap(), op, a, b));
    }
    let heap = h.heap();
    if let Some(result) = super::sets::compare(heap, op, a, b)? {
        return Ok(result);
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
        _ => match text_ordering(heap, a, b) {
            Some(o) => Some(o),
            None if is_container(heap, a) && is_container(heap, b) => {
                return container_compare(h, op, a, b, 0);
            }
            None => {
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

/// How two strs, or two bytes objects, order; `None` for any other operands.
fn text_ordering(heap: &Heap, a: Value, b: Value) -> Option<std::cmp::Ordering> {
    if let (Some(x), Some(y)) = (str_of(heap, a), str_of(heap, b)) {
        return Some(x.cmp(y));
    }
    let (x, y) = (
        super::bytes::bytes_of(heap, a)?,
        super::bytes::bytes_of(heap, b)?,
    );
    Some(x.cmp(y))
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
fn container_compare<H: Host>(
    h: &mut H,
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
    fn items_equal<H: Host>(
        h: &mut H,
        x: Value,
        y: Value,
        depth: usize,
    ) -> Result<bool, Exception> {
        if identical(x, y) {
            return Ok(true);
        }
        if is_container(h.heap(), x) && is_container(h.heap(), y) {
            container_compare(h, CmpOp::Eq, x, y, depth + 1)
        } else {
            compare_in(h, CmpOp::Eq, x, y)
        }
    }
    let heap = h.heap();
    let (xs, ys): (Vec<Value>, Vec<Value>) = match (heap.get(ra), heap.get(rb)) {
        (Object::List(x), Object::List(y)) => (x.clone(), y.clone()),
        (Object::Tuple(x), Object::Tuple(y)) => (x.to_vec(), y.to_vec()),
        (Object::Dict(x), Object::Dict(y)) if matches!(op, CmpOp::Eq | CmpOp::NotEq) => {
            if x.len() != y.len() {
                return Ok(op == CmpOp::NotEq);
            }
            let mut pairs = Vec::with_capacity(x.len());
            for (k, v) in x.iter() {
                match y.get(heap, k).map_err(super::containers::unhashable)? {
                    Some(w) => pairs.push((v, w)),
                    None => return Ok(op == CmpOp::NotEq),
                }
            }
            for (v, w) in pairs {
                if !items_equal(h, v, w, depth)? {
                    return Ok(op == CmpOp::NotEq);
                }
            }
            return Ok(op == CmpOp::Eq);
        }
        _ => {
            if matches!(op, CmpOp::Eq | CmpOp::NotEq) {
                return Ok((ra == rb) == (op == CmpOp::Eq));
            }
            return Err(unorderable(heap, op, a, b));
        }
    };
    for (&x, &y) in xs.iter().zip(&ys) {
        if !items_equal(h, x, y, depth)? {
            return match op {
                CmpOp::Eq => Ok(false),
                CmpOp::NotEq => Ok(true),
                _ if is_container(h.heap(), x) && is_container(h.heap(), y) => {
                    container_compare(h, op, x, y, depth + 1)
                }
                _ => compare_in(h, op, x, y),
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

pub fn identical(a: Value, b: Value) -> bool {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        _ => a == b,
    }
}

fn contains<H: Host>(h: &mut H, container: Value, item: Value) -> Result<bool, Exception> {
    if is_instance(h.heap(), container) {
        if let Some(found) = h.special(container, "__contains__", &[item])? {
            return truthy_in(h, found);
        }
        let Some(it) = h.special(container, "__iter__", &[])? else {
            return contains_by_index(h, container, item);
        };
        while let Some(v) = h.next_item(it)? {
            if identical(v, item) || compare_in(h, CmpOp::Eq, v, item)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let heap = h.heap();
    match container {
        Value::Obj(r) => match heap.get(r) {
            Object::List(items) => {
                if let Some(found) = scan_builtin(heap, items, item) {
                    return Ok(found);
                }
                let items = items.clone();
                items_contain(h, &items, item)
            }
            Object::Tuple(items) => {
                if let Some(found) = scan_builtin(heap, items, item) {
                    return Ok(found);
                }
                let items = items.to_vec();
                items_contain(h, &items, item)
            }
            Object::DictView { dict, part } => {
                let (dict, part) = (*dict, *part);
                let Object::Dict(d) = heap.get(dict) else {
                    return Ok(false);
                };
                match part {
                    DictPart::Keys => h.table_lookup(dict, item).map(|v| v.is_some()),
                    DictPart::Values => {
                        let values: Vec<Value> = d.iter().map(|(_, v)| v).collect();
                        items_contain(h, &values, item)
                    }
                    DictPart::Items => {
                        let pair = match item.as_obj().map(|r| heap.get(r)) {
                            Some(Object::Tuple(kv)) if kv.len() == 2 => Some((kv[0], kv[1])),
                            _ => None,
                        };
                        let Some((k, v)) = pair else {
                            return Ok(false);
                        };
                        match h.table_lookup(dict, k)? {
                            Some(found) => {
                                Ok(identical(found, v) || compare_in(h, CmpOp::Eq, found, v)?)
                            }
                            None => Ok(false),
                        }
                    }
                }
            }
            Object::Bytes(b) => {
                let b = b.to_vec();
                super::bytes::contains(h.heap(), &b, item)
            }
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
            Object::Dict(_) | Object::Set(_) | Object::FrozenSet(_) => {
                h.table_lookup(r, item).map(|v| v.is_some())
            }
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
            _ => Err(Exception::new(
                "TypeError",
                format!(
                    "argument of type '{}' is not iterable",
                    type_name(heap, container)
                ),
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

/// Whether `items` holds `item`, when that can be told without running Python code (no
/// class instance among them); `None` otherwise.
fn scan_builtin(heap: &Heap, items: &[Value], item: Value) -> Option<bool> {
    if is_instance(heap, item) {
        return None;
    }
    for &v in items {
        if is_instance(heap, v) {
            return None;
        }
        if identical(v, item) || compare(heap, CmpOp::Eq, v, item).ok()? {
            return Some(true);
        }
    }
    Some(false)
}

/// `item in container` for an instance with only `__getitem__`: items 0, 1, 2… until
/// IndexError (the old sequence protocol).
fn contains_by_index<H: Host>(h: &mut H, container: Value, item: Value) -> Result<bool, Exception> {
    let mut i = 0;
    loop {
        match h.special(container, "__getitem__", &[Value::Int(i)]) {
            Ok(Some(v)) => {
                if identical(v, item) || compare_in(h, CmpOp::Eq, v, item)? {
                    return Ok(true);
                }
            }
            Ok(None) => break,
            Err(e) if e.kind == "IndexError" => return Ok(false),
            Err(e) => return Err(e),
        }
        i += 1;
    }
    Err(Exception::new(
        "TypeError",
        format!(
            "argument of type '{}' is not iterable",
            type_name(h.heap(), container)
        ),
    ))
}

fn items_contain<H: Host>(h: &mut H, items: &[Value], item: Value) -> Result<bool, Exception> {
    for &v in items {
        if identical(v, item) || compare_in(h, CmpOp::Eq, v, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Python truth, running `__bool__` or `__len__` of class instances.
pub fn truthy_in<H: Host>(h: &mut H, v: Value) -> Result<bool, Exception> {
    if !is_instance(h.heap(), v) {
        return Ok(truthy(h.heap(), v));
    }
    if let Some(b) = h.special(v, "__bool__", &[])? {
        return match b {
            Value::Bool(b) => Ok(b),
            other => Err(Exception::new(
                "TypeError",
                format!(
                    "__bool__ should return bool, returned {}",
                    type_name(h.heap(), other)
                ),
            )),
        };
    }
    if let Some(n) = h.special(v, "__len__", &[])? {
        return match n {
            Value::Int(n) if n >= 0 => Ok(n != 0),
            Value::Int(_) => Err(Exception::new("ValueError", "__len__() should return >= 0")),
            Value::Bool(b) => Ok(b),
            other => Err(not_an_integer(h.heap(), other)),
        };
    }
    Ok(true)
}

/// Python truth of a built-in value (instances are true).
pub fn truthy(heap: &Heap, v: Value) -> bool {
    match v {
        Value::Unbound | Value::None => false,
        Value::Bool(b) => b,
        Value::Int(i) => i != 0,
        Value::Float(f) => f != 0.0,
        Value::Obj(r) => match heap.get(r) {
            Object::Str(s) => !s.is_empty(),
            Object::Bytes(b) => !b.is_empty(),
            Object::List(items) => !items.is_empty(),
            Object::Tuple(items) => !items.is_empty(),
            Object::BigInt(b) => !b.is_zero(),
            Object::Dict(d) => !d.is_empty(),
            Object::Set(s) | Object::FrozenSet(s) => !s.is_empty(),
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

/// `str(v)` of a built-in value.
pub fn to_str(heap: &Heap, v: Value) -> String {
    to_str_in(&mut Plain(heap), v).unwrap_or_default()
}

/// `str(v)`, running `__str__` (or `__repr__`) of class instances.
pub fn to_str_in<H: Host>(h: &mut H, v: Value) -> Result<String, Exception> {
    if !matches!(v, Value::Obj(_)) {
        return Ok(scalar_repr(v));
    }
    if let Some(Object::Str(s)) = v.as_obj().map(|r| h.heap().get(r)) {
        return Ok(s.to_string());
    }
    if let Some(s) = h.special(v, "__str__", &[])? {
        return string_result(h.heap(), s, "__str__");
    }
    if let Some(Object::Instance(i)) = v.as_obj().map(|r| h.heap().get(r)) {
        if i.is_exception() && h.special(v, "__repr__", &[])?.is_none() {
            return super::exceptions::exception_str(h, v);
        }
    }
    repr_in(h, v)
}

/// The text a `__str__` or `__repr__` returned, which must be a str.
pub fn string_result(heap: &Heap, v: Value, method: &str) -> Result<String, Exception> {
    match v.as_obj().map(|r| heap.get(r)) {
        Some(Object::Str(s)) => Ok(s.to_string()),
        _ => Err(Exception::new(
            "TypeError",
            format!("{method} returned non-string (type {})", type_name(heap, v)),
        )),
    }
}

/// `format(v, spec)`.
pub fn format_value<H: Host>(h: &mut H, v: Value, spec: &str) -> Result<String, Exception> {
    if is_instance(h.heap(), v) {
        if let Some(text) = h.format_special(v, spec)? {
            return Ok(text);
        }
    }
    if spec.is_empty() {
        return to_str_in(h, v);
    }
    let heap = h.heap();
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

/// The str of f-string parts already formatted (strs, or plain values `str` makes text of).
#[inline(never)]
pub fn join_parts(heap: &mut Heap, parts: &[Value]) -> Value {
    if let Some(joined) = join_inline(heap, parts) {
        return joined;
    }
    let mut joined = String::new();
    for &part in parts {
        match text_of(heap, part) {
            Some(s) => joined.push_str(s),
            None => joined.push_str(&to_str(heap, part)),
        }
    }
    new_str(heap, joined)
}

/// The str of `parts` (strs and ints), built in its own heap slot (see
/// [`Text::append_inline`]) when the result fits there; `None` for anything else.
#[inline(always)]
fn join_inline(heap: &mut Heap, parts: &[Value]) -> Option<Value> {
    let mut len = 0;
    for &part in parts {
        len += match part {
            Value::Int(i) => decimal_len(i),
            _ => text_of(heap, part)?.inline_len()?,
        };
    }
    if len > text::INLINE {
        return None;
    }
    let joined = heap.alloc_with(|| Object::Str(Text::default()));
    for &part in parts {
        // The lengths were counted above, so every part fits (if one did not, the slot would
        // be garbage and the caller would build the str otherwise).
        let fits = match part {
            Value::Int(i) => match heap.get_mut(joined) {
                Object::Str(text) => text.append_int_inline(i),
                _ => false,
            },
            Value::Obj(piece) => match heap.get_two_mut(piece, joined) {
                Some((Object::Str(piece), Object::Str(text))) => text.append_inline(piece),
                _ => false,
            },
            _ => false,
        };
        if !fits {
            return None;
        }
    }
    Some(Value::Obj(joined))
}

/// `a op b` when it joins two strs (`+`): the result, or `None` for anything else.
#[inline(never)]
pub fn str_concat_fast_path(heap: &mut Heap, op: BinOp, a: Value, b: Value) -> Option<Value> {
    if op == BinOp::Add {
        concat_strings(heap, a, b)
    } else {
        None
    }
}

/// `a in b` / `a not in b` when `b` is a dict, set or frozenset and `a` hashes without Python
/// code: the answer, or `None` for anything else.
#[inline(never)]
pub fn membership_fast_path(heap: &Heap, op: CmpOp, a: Value, b: Value) -> Option<bool> {
    let wanted = match op {
        CmpOp::In => true,
        CmpOp::NotIn => false,
        _ => return None,
    };
    match heap.get(b.as_obj()?) {
        Object::Dict(d) | Object::Set(d) | Object::FrozenSet(d) => {
            d.get(heap, a).ok().map(|found| found.is_some() == wanted)
        }
        _ => None,
    }
}

/// `a + b` for two strings, if both are.
pub fn concat_strings(heap: &mut Heap, a: Value, b: Value) -> Option<Value> {
    let (x, y) = (text_of(heap, a)?, text_of(heap, b)?);
    if x.len() + y.len() > text::INLINE {
        return Some(new_str(heap, [&**x, &**y].concat()));
    }
    // Both are inline: the copy of the first is written straight into the new slot, and the
    // second appended there (see `join_inline`).
    let first = x.clone();
    let joined = heap.alloc_with(|| Object::Str(first));
    let appended = match heap.get_two_mut(b.as_obj()?, joined) {
        Some((Object::Str(second), Object::Str(text))) => text.append_inline(second),
        _ => false,
    };
    Some(if appended {
        Value::Obj(joined)
    } else {
        join_parts(heap, &[a, b])
    })
}

/// The repr of a tuple holding `items`.
pub fn repr_of_items(heap: &Heap, items: &[Value]) -> String {
    let parts: Vec<String> = items.iter().map(|&a| repr(heap, a)).collect();
    if parts.len() == 1 {
        format!("({},)", parts[0])
    } else {
        format!("({})", parts.join(", "))
    }
}
