//! Number built-ins: `round` (banker's rounding, as CPython), `divmod`, `pow`, `chr`, `ord`,
//! `hex`, `oct`, `bin`, `format`.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use super::builtins::{arity, expected_arity};
use super::ops::{self, new_str, type_name, Host};
use super::{Exception, Vm};
use crate::runtime::object::NativeFn;
use crate::runtime::{Heap, Object, Value};
use crate::syntax::ast::BinOp;

type Kwargs<'a> = &'a [(Rc<str>, Value)];

fn big(heap: &Heap, v: Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(i.into()),
        Value::Bool(b) => Some(i64::from(b).into()),
        Value::Obj(r) => match heap.get(r) {
            Object::BigInt(b) => Some(b.clone()),
            _ => None,
        },
        _ => None,
    }
}

pub(super) fn round(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("round", args, 1, 2)?;
    if super::ops::is_instance(&vm.heap, args[0]) {
        if let Some(v) = vm.special(args[0], "__round__", &args[1..])? {
            return Ok(v);
        }
    }
    let digits = match args.get(1) {
        None | Some(Value::None) => None,
        Some(&d) => Some(
            big(&vm.heap, d)
                .and_then(|b| b.to_i64())
                .ok_or_else(|| super::ops::not_an_integer(&vm.heap, d))?,
        ),
    };
    match (args[0], digits) {
        (Value::Float(f), None) => ops::float_to_int(&mut vm.heap, f.round_ties_even()),
        (Value::Float(f), Some(d)) => Ok(Value::Float(round_float(f, d))),
        (v, d) => {
            let Some(i) = big(&vm.heap, v) else {
                return Err(Exception::new(
                    "TypeError",
                    format!(
                        "type {} doesn't define __round__ method",
                        type_name(&vm.heap, v)
                    ),
                ));
            };
            match d {
                Some(d) if d < 0 => {
                    let unit = num_traits::pow(BigInt::from(10), (-d) as usize);
                    let half = &unit / 2;
                    let (q, r) = num_integer::Integer::div_mod_floor(&i, &unit);
                    let q = if r > half || (r == half && num_integer::Integer::is_odd(&q)) {
                        q + 1
                    } else {
                        q
                    };
                    Ok(ops::int_value(&mut vm.heap, q * unit))
                }
                _ => Ok(ops::int_value(&mut vm.heap, i)),
            }
        }
    }
}

/// `round(x, d)` for a float: the float nearest the decimal rounding of its exact value.
fn round_float(x: f64, digits: i64) -> f64 {
    if !x.is_finite() || digits > 330 {
        return x;
    }
    if digits < -330 {
        return 0.0 * x.signum();
    }
    if digits >= 0 {
        let text = format!("{:.*}", digits as usize, x);
        text.parse().unwrap_or(x)
    } else {
        let unit = 10f64.powi((-digits) as i32);
        let q = (x / unit).round_ties_even();
        q * unit
    }
}

pub(super) fn divmod(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expected_arity("divmod", args, 2, 2)?;
    if let Some(v) = vm.special_binary(args[0], args[1], "__divmod__", "__rdivmod__", &[])? {
        return Ok(v);
    }
    let q = vm.binary_op(BinOp::FloorDiv, args[0], args[1], false)?;
    let r = vm.binary_op(BinOp::Mod, args[0], args[1], false)?;
    Ok(Value::Obj(vm.heap.alloc(Object::Tuple(Box::new([q, r])))))
}

pub(super) fn pow(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("pow", args, 2, 3)?;
    let Some(&modulus) = args.get(2).filter(|m| **m != Value::None) else {
        return vm.binary_op(BinOp::Pow, args[0], args[1], false);
    };
    if let Some(v) = vm.special_binary(args[0], args[1], "__pow__", "", &[modulus])? {
        return Ok(v);
    }
    let (Some(b), Some(e), Some(m)) = (
        big(&vm.heap, args[0]),
        big(&vm.heap, args[1]),
        big(&vm.heap, modulus),
    ) else {
        return Err(Exception::new(
            "TypeError",
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    };
    if m.is_zero() {
        return Err(Exception::new(
            "ValueError",
            "pow() 3rd argument cannot be 0",
        ));
    }
    if e.is_negative() {
        return Err(Exception::new(
            "NotImplementedError",
            "pow() with a negative exponent and a modulus is not supported yet",
        ));
    }
    let r = b.modpow(&e, &m);
    let r = if !r.is_zero() && (r.is_negative() != m.is_negative()) {
        r + &m
    } else {
        r
    };
    Ok(ops::int_value(&mut vm.heap, r))
}

pub(super) fn chr(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("chr", args, 1, 1)?;
    let n = big(&vm.heap, args[0]).ok_or_else(|| super::ops::not_an_integer(&vm.heap, args[0]))?;
    let c = n
        .to_u32()
        .filter(|&n| n < 0x110000)
        .ok_or_else(|| Exception::new("ValueError", "chr() arg not in range(0x110000)"))?;
    match char::from_u32(c) {
        Some(c) => Ok(new_str(&mut vm.heap, c.to_string())),
        None => Err(Exception::new(
            "NotImplementedError",
            "lone surrogate characters are not supported yet",
        )),
    }
}

pub(super) fn ord(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("ord", args, 1, 1)?;
    match args[0].as_obj().map(|r| vm.heap.get(r)) {
        Some(Object::Str(s)) => {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => Err(Exception::new(
                    "TypeError",
                    format!(
                        "ord() expected a character, but string of length {} found",
                        s.chars().count()
                    ),
                )),
            }
        }
        _ => Err(Exception::new(
            "TypeError",
            format!(
                "ord() expected string of length 1, but {} found",
                type_name(&vm.heap, args[0])
            ),
        )),
    }
}

fn radix(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    prefix: &str,
    base: u32,
) -> Result<Value, Exception> {
    arity(name, args, 1, 1)?;
    let v = vm.index_value(args[0])?;
    let n = big(&vm.heap, v).ok_or_else(|| super::ops::not_an_integer(&vm.heap, v))?;
    let sign = if n.is_negative() { "-" } else { "" };
    let digits = n.magnitude().to_str_radix(base);
    Ok(new_str(&mut vm.heap, format!("{sign}{prefix}{digits}")))
}

pub(super) fn hex(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    radix(vm, args, "hex", "0x", 16)
}

pub(super) fn oct(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    radix(vm, args, "oct", "0o", 8)
}

pub(super) fn bin(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    radix(vm, args, "bin", "0b", 2)
}

pub(super) fn format(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expected_arity("format", args, 1, 2)?;
    let spec = match args.get(1) {
        Some(&s) => ops::to_str(&vm.heap, s),
        None => String::new(),
    };
    let text = ops::format_value(vm, args[0], &spec)?;
    Ok(new_str(&mut vm.heap, text))
}

/// `int(x)` and `int(text, base)`.
pub(super) fn int(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    arity("int", args, 0, 2)?;
    let base = match (args.get(1), kwargs.iter().find(|(k, _)| &**k == "base")) {
        (Some(&b), _) | (None, Some(&(_, b))) => Some(b),
        _ => None,
    };
    let Some(&v) = args.first() else {
        return Ok(Value::Int(0));
    };
    let text = match v.as_obj().map(|r| vm.heap.get(r)) {
        Some(Object::Str(s)) => Some(s.to_string()),
        _ => None,
    };
    let Some(text) = text else {
        if base.is_some() {
            return Err(Exception::new(
                "TypeError",
                "int() can't convert non-string with explicit base",
            ));
        }
        return match v {
            Value::Float(f) => ops::float_to_int(&mut vm.heap, f.trunc()),
            Value::Bool(b) => Ok(Value::Int(i64::from(b))),
            Value::Int(_) => Ok(v),
            Value::Obj(r) if matches!(vm.heap.get(r), Object::BigInt(_)) => Ok(v),
            _ => match vm.special(v, "__int__", &[])?.or(vm.special(v, "__index__", &[])?) {
                Some(i) if matches!(i, Value::Int(_)) => Ok(i),
                _ => Err(Exception::new(
                    "TypeError",
                    format!(
                        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                        type_name(&vm.heap, v)
                    ),
                )),
            },
        };
    };
    let base = match base {
        None => 10,
        Some(Value::Int(b)) if b == 0 || (2..=36).contains(&b) => b as u32,
        Some(Value::Int(_)) => {
            return Err(Exception::new(
                "ValueError",
                "int() base must be >= 2 and <= 36, or 0",
            ))
        }
        Some(other) => return Err(super::ops::not_an_integer(&vm.heap, other)),
    };
    match parse_int(&text, base) {
        Some(n) => Ok(ops::int_value(&mut vm.heap, n)),
        None => Err(Exception::new(
            "ValueError",
            format!(
                "invalid literal for int() with base {base}: {}",
                ops::str_repr(&text)
            ),
        )),
    }
}

/// Removes the underscores of a numeral when each one sits between two digits (as Python's
/// grammar allows); `None` when one does not.
fn without_underscores(digits: &str, is_digit: impl Fn(char) -> bool) -> Option<String> {
    let chars: Vec<char> = digits.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            if !before.is_some_and(&is_digit) || !after.is_some_and(&is_digit) {
                return None;
            }
        }
    }
    Some(chars.into_iter().filter(|&c| c != '_').collect())
}

/// Python's `int(text, base)` parsing: whitespace, a sign, a base prefix where the base allows
/// one (base 0 takes it from the prefix), underscores between digits.
fn parse_int(text: &str, base: u32) -> Option<num_bigint::BigInt> {
    let t = text.trim();
    let (negative, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    let prefixed = |p: &str| lower.starts_with(p);
    let (base, digits) = match base {
        0 if prefixed("0x") => (16, &t[2..]),
        0 if prefixed("0o") => (8, &t[2..]),
        0 if prefixed("0b") => (2, &t[2..]),
        0 => {
            let stripped = t.trim_start_matches(['0', '_']);
            if !stripped.is_empty() && stripped.len() != t.len() {
                return None;
            }
            (10, t)
        }
        16 if prefixed("0x") => (16, &t[2..]),
        8 if prefixed("0o") => (8, &t[2..]),
        2 if prefixed("0b") => (2, &t[2..]),
        b => (b, t),
    };
    // After a prefix, one underscore may come first: `0x_ff`.
    let digits = if digits.len() != t.len() {
        digits.strip_prefix('_').unwrap_or(digits)
    } else {
        digits
    };
    let cleaned = without_underscores(digits, |c| c.is_digit(base))?;
    if cleaned.is_empty() || !cleaned.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    let n = num_bigint::BigInt::parse_bytes(cleaned.as_bytes(), base)?;
    Some(if negative { -n } else { n })
}

/// `float(x)`.
pub(super) fn float(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expected_arity("float", args, 0, 1)?;
    let Some(&v) = args.first() else {
        return Ok(Value::Float(0.0));
    };
    match v {
        Value::Float(_) => return Ok(v),
        Value::Int(i) => return Ok(Value::Float(i as f64)),
        Value::Bool(b) => return Ok(Value::Float(f64::from(u8::from(b)))),
        _ => {}
    }
    let text = match v.as_obj().map(|r| vm.heap.get(r)) {
        Some(Object::Str(s)) => s.to_string(),
        Some(Object::BigInt(b)) => {
            let f = b.to_f64().unwrap_or(f64::INFINITY);
            if f.is_infinite() {
                return Err(Exception::new(
                    "OverflowError",
                    "int too large to convert to float",
                ));
            }
            return Ok(Value::Float(f));
        }
        _ => {
            return match vm.special(v, "__float__", &[])? {
                Some(f @ Value::Float(_)) => Ok(f),
                _ => Err(Exception::new(
                    "TypeError",
                    format!(
                        "float() argument must be a string or a real number, not '{}'",
                        type_name(&vm.heap, v)
                    ),
                )),
            }
        }
    };
    parse_float(&text).map(Value::Float).ok_or_else(|| {
        Exception::new(
            "ValueError",
            format!(
                "could not convert string to float: {}",
                ops::str_repr(&text)
            ),
        )
    })
}

/// Python's float syntax: decimal numerals with underscores between digits, `inf`, `infinity`
/// and `nan` in any case, each with an optional sign, surrounded by whitespace.
fn parse_float(text: &str) -> Option<f64> {
    let t = text.trim();
    let unsigned = t.strip_prefix(['+', '-']).unwrap_or(t).to_ascii_lowercase();
    let negative = t.starts_with('-');
    let special = match unsigned.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(f) = special {
        return Some(if negative { -f } else { f });
    }
    let cleaned = without_underscores(t, |c| c.is_ascii_digit())?;
    let numeral = cleaned.strip_prefix(['+', '-']).unwrap_or(&cleaned);
    let valid = numeral.chars().any(|c| c.is_ascii_digit())
        && numeral
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'));
    if !valid {
        return None;
    }
    cleaned.parse().ok()
}

/// The methods of `int` (and `bool`).
pub const INT_METHODS: &[(&str, NativeFn)] = &[
    ("bit_length", int_bit_length),
    ("bit_count", int_bit_count),
    ("conjugate", number_itself),
];

/// The methods of `float`.
pub const FLOAT_METHODS: &[(&str, NativeFn)] = &[
    ("is_integer", float_is_integer),
    ("as_integer_ratio", float_as_integer_ratio),
    ("conjugate", number_itself),
];

/// The data attributes of numbers: `real`, `imag`, and an int's `numerator`/`denominator`.
pub(super) fn number_attr(heap: &mut Heap, v: Value, name: &str) -> Option<Value> {
    let is_int = match v {
        Value::Int(_) | Value::Bool(_) => true,
        Value::Float(_) => false,
        Value::Obj(r) if matches!(heap.get(r), Object::BigInt(_)) => true,
        _ => return None,
    };
    let as_int = |v: Value| match v {
        Value::Bool(b) => Value::Int(i64::from(b)),
        other => other,
    };
    match (name, is_int) {
        ("real", _) | ("numerator", true) => Some(as_int(v)),
        ("imag", true) => Some(Value::Int(0)),
        ("imag", false) => Some(Value::Float(0.0)),
        ("denominator", true) => Some(Value::Int(1)),
        _ => None,
    }
}

/// The receiver as a big integer (an int or bool).
fn big_receiver(vm: &Vm, v: Value) -> BigInt {
    match v {
        Value::Int(i) => BigInt::from(i),
        Value::Bool(b) => BigInt::from(u8::from(b)),
        Value::Obj(r) => match vm.heap.get(r) {
            Object::BigInt(b) => b.clone(),
            _ => BigInt::zero(),
        },
        _ => BigInt::zero(),
    }
}

fn int_bit_length(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("bit_length", &args[1..], 0, 0)?;
    Ok(Value::Int(
        big_receiver(vm, args[0]).magnitude().bits() as i64
    ))
}

fn int_bit_count(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("bit_count", &args[1..], 0, 0)?;
    let ones: u64 = big_receiver(vm, args[0])
        .magnitude()
        .iter_u64_digits()
        .map(|d| u64::from(d.count_ones()))
        .sum();
    Ok(Value::Int(ones as i64))
}

fn number_itself(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("conjugate", &args[1..], 0, 0)?;
    Ok(number_attr(&mut vm.heap, args[0], "real").unwrap_or(args[0]))
}

fn float_is_integer(_: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("is_integer", &args[1..], 0, 0)?;
    let Value::Float(f) = args[0] else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn float_as_integer_ratio(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("as_integer_ratio", &args[1..], 0, 0)?;
    let Value::Float(f) = args[0] else {
        return Ok(Value::None);
    };
    if f.is_nan() {
        return Err(Exception::new(
            "ValueError",
            "cannot convert NaN to integer ratio",
        ));
    }
    if f.is_infinite() {
        return Err(Exception::new(
            "OverflowError",
            "cannot convert Infinity to integer ratio",
        ));
    }
    // f = mantissa * 2^exponent exactly; reduce by the common power of two.
    let bits = f.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (mut mantissa, mut exp) = if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), exponent - 1075)
    };
    while mantissa != 0 && mantissa % 2 == 0 && exp < 0 {
        mantissa /= 2;
        exp += 1;
    }
    let mut numerator = BigInt::from(mantissa);
    let mut denominator = BigInt::from(1);
    if exp > 0 {
        numerator <<= exp as usize;
    } else {
        denominator <<= (-exp) as usize;
    }
    if f < 0.0 {
        numerator = -numerator;
    }
    let n = ops::int_value(&mut vm.heap, numerator);
    let d = ops::int_value(&mut vm.heap, denominator);
    Ok(Value::Obj(vm.heap.alloc(Object::Tuple(Box::new([n, d])))))
}
