//! The `math` module: float functions with CPython's domain errors, and its constants.

use std::collections::HashMap;
use std::rc::Rc;

use super::ops::{self, type_name};
use super::{Exception, Vm};
use crate::runtime::object::NativeFn;
use crate::runtime::{Heap, Object, Value};

/// The attributes of `math`.
pub(super) fn attributes(heap: &mut Heap) -> HashMap<Rc<str>, Value> {
    let table: [(&'static str, NativeFn); 15] = [
        ("sqrt", math_sqrt),
        ("floor", math_floor),
        ("ceil", math_ceil),
        ("fabs", math_fabs),
        ("exp", math_exp),
        ("log", math_log),
        ("sin", math_sin),
        ("cos", math_cos),
        ("tan", math_tan),
        ("atan2", math_atan2),
        ("hypot", math_hypot),
        ("pow", math_pow),
        ("isqrt", math_isqrt),
        ("gcd", math_gcd),
        ("isclose", math_isclose),
    ];
    let mut attrs: HashMap<Rc<str>, Value> = table
        .iter()
        .map(|&(n, f)| (Rc::from(n), super::builtins::native(heap, n, f)))
        .collect();
    let constants = [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ];
    for (n, v) in constants {
        attrs.insert(Rc::from(n), Value::Float(v));
    }
    attrs
}

fn float_arg(heap: &Heap, v: Value) -> Result<f64, Exception> {
    match v {
        Value::Float(f) => Ok(f),
        Value::Int(i) => Ok(i as f64),
        Value::Bool(b) => Ok(f64::from(u8::from(b))),
        Value::Obj(r) => match heap.get(r) {
            Object::BigInt(b) => num_traits::ToPrimitive::to_f64(b)
                .filter(|f| f.is_finite())
                .ok_or_else(|| {
                    Exception::new("OverflowError", "int too large to convert to float")
                }),
            _ => Err(Exception::new(
                "TypeError",
                format!("must be real number, not {}", type_name(heap, v)),
            )),
        },
        other => Err(Exception::new(
            "TypeError",
            format!("must be real number, not {}", type_name(heap, other)),
        )),
    }
}

/// A one-argument float function with CPython's domain error.
fn math_unary(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    f: fn(f64) -> f64,
    domain: fn(f64) -> bool,
) -> Result<Value, Exception> {
    super::builtins::arity(name, args, 1, 1)?;
    let x = float_arg(&vm.heap, args[0])?;
    if !domain(x) {
        return Err(Exception::new("ValueError", "math domain error"));
    }
    Ok(Value::Float(f(x)))
}

fn math_sqrt(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    math_unary(vm, "sqrt", args, f64::sqrt, |x| x >= 0.0 || x.is_nan())
}

fn math_exp(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    math_unary(vm, "exp", args, f64::exp, |_| true)
}

fn math_sin(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    math_unary(vm, "sin", args, f64::sin, |x| !x.is_infinite())
}

fn math_cos(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    math_unary(vm, "cos", args, f64::cos, |x| !x.is_infinite())
}

fn math_tan(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    math_unary(vm, "tan", args, f64::tan, |x| !x.is_infinite())
}

fn math_fabs(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    math_unary(vm, "fabs", args, f64::abs, |_| true)
}

fn math_log(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    super::builtins::arity("log", args, 1, 2)?;
    let x = float_arg(&vm.heap, args[0])?;
    let base = args.get(1).map(|&b| float_arg(&vm.heap, b)).transpose()?;
    if x <= 0.0 || base.is_some_and(|b| b <= 0.0 || b == 1.0) {
        return Err(Exception::new("ValueError", "math domain error"));
    }
    Ok(Value::Float(match base {
        Some(b) => x.ln() / b.ln(),
        None => x.ln(),
    }))
}

fn rounding(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    f: fn(f64) -> f64,
) -> Result<Value, Exception> {
    super::builtins::arity(name, args, 1, 1)?;
    if let Value::Int(_) = args[0] {
        return Ok(args[0]);
    }
    let x = float_arg(&vm.heap, args[0])?;
    ops::float_to_int(&mut vm.heap, f(x))
}

fn math_floor(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    rounding(vm, "floor", args, f64::floor)
}

fn math_ceil(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    rounding(vm, "ceil", args, f64::ceil)
}

fn math_atan2(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    super::builtins::arity("atan2", args, 2, 2)?;
    let (y, x) = (float_arg(&vm.heap, args[0])?, float_arg(&vm.heap, args[1])?);
    Ok(Value::Float(y.atan2(x)))
}

fn math_hypot(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    let mut sum = 0.0;
    for &a in args {
        let v = float_arg(&vm.heap, a)?;
        sum += v * v;
    }
    Ok(Value::Float(sum.sqrt()))
}

fn math_pow(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    super::builtins::arity("pow", args, 2, 2)?;
    let (x, y) = (float_arg(&vm.heap, args[0])?, float_arg(&vm.heap, args[1])?);
    if x == 0.0 && y < 0.0 || x < 0.0 && y.fract() != 0.0 {
        return Err(Exception::new("ValueError", "math domain error"));
    }
    Ok(Value::Float(x.powf(y)))
}

fn math_isqrt(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    super::builtins::arity("isqrt", args, 1, 1)?;
    let n = super::builtins::int_arg(&vm.heap, args[0])?;
    if n < 0 {
        return Err(Exception::new(
            "ValueError",
            "isqrt() argument must be nonnegative",
        ));
    }
    Ok(Value::Int(num_integer::Roots::sqrt(&n)))
}

fn math_gcd(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    let mut g: i64 = 0;
    for &a in args {
        g = num_integer::Integer::gcd(&g, &super::builtins::int_arg(&vm.heap, a)?);
    }
    Ok(Value::Int(g))
}

fn math_isclose(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    super::builtins::arity("isclose", args, 2, 2)?;
    let (a, b) = (float_arg(&vm.heap, args[0])?, float_arg(&vm.heap, args[1])?);
    Ok(Value::Bool(
        a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs()),
    ))
}
