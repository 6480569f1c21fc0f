//! The `math` module: float functions with CPython's domain errors, and its constants.

use std::rc::Rc;

use super::ops::{self, type_name};
use super::{Exception, Vm};
use crate::runtime::object::NativeFn;
use crate::runtime::{Heap, Object, Value};

/// The attributes of `math`.
pub(super) fn attributes(heap: &mut Heap) -> crate::runtime::object::ModuleAttrs {
    let table: [(&'static str, NativeFn); 38] = [
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
        ("dist", math_dist),
        ("pow", math_pow),
        ("isqrt", math_isqrt),
        ("gcd", math_gcd),
        ("isclose", math_isclose),
        ("trunc", math_trunc),
        ("log2", math_log2),
        ("log10", math_log10),
        ("asin", math_asin),
        ("acos", math_acos),
        ("atan", math_atan),
        ("sinh", math_sinh),
        ("cosh", math_cosh),
        ("tanh", math_tanh),
        ("degrees", math_degrees),
        ("radians", math_radians),
        ("isnan", math_isnan),
        ("isinf", math_isinf),
        ("isfinite", math_isfinite),
        ("copysign", math_copysign),
        ("fmod", math_fmod),
        ("factorial", math_factorial),
        ("lcm", math_lcm),
        ("comb", math_comb),
        ("perm", math_perm),
        ("prod", math_prod),
        ("fsum", math_fsum),
    ];
    let mut attrs: crate::runtime::object::ModuleAttrs = table
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

/// Checks that math function `name` got one argument (CPython names it `math.name`).
fn one_argument(name: &str, args: &[Value]) -> Result<(), Exception> {
    if args.len() == 1 {
        return Ok(());
    }
    super::builtins::arity(&format!("math.{name}"), args, 1, 1)
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
    one_argument(name, args)?;
    let x = float_arg(&vm.heap, args[0])?;
    if !domain(x) {
        return Err(Exception::new("ValueError", "math domain error"));
    }
    let y = f(x);
    if y.is_infinite() && x.is_finite() {
        return Err(Exception::new("OverflowError", "math range error"));
    }
    Ok(Value::Float(y))
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
    one_argument(name, args)?;
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
    let coordinates = args
        .iter()
        .map(|&a| float_arg(&vm.heap, a))
        .collect::<Result<Vec<f64>, _>>()?;
    Ok(Value::Float(euclidean_norm(coordinates)))
}

/// `math.dist(p, q)`: the distance between two points given as sequences of coordinates.
fn math_dist(vm: &mut Vm, args: &[Value], _: &[(Rc<str>, Value)]) -> Result<Value, Exception> {
    super::builtins::arity("dist", args, 2, 2)?;
    let mut points = Vec::with_capacity(2);
    for &point in args {
        let coordinates = match point.as_obj().map(|r| vm.heap.get(r)) {
            Some(Object::Tuple(items)) => items.to_vec(),
            Some(Object::List(items)) => items.clone(),
            _ => {
                return Err(Exception::new(
                    "TypeError",
                    "dist(): argument must be tuple or list",
                ))
            }
        };
        let floats = coordinates
            .into_iter()
            .map(|c| float_arg(&vm.heap, c))
            .collect::<Result<Vec<f64>, _>>()?;
        points.push(floats);
    }
    if points[0].len() != points[1].len() {
        return Err(Exception::new(
            "ValueError",
            "both points must have the same number of dimensions",
        ));
    }
    let differences = points[0]
        .iter()
        .zip(&points[1])
        .map(|(p, q)| p - q)
        .collect();
    Ok(Value::Float(euclidean_norm(differences)))
}

/// The length of a vector, as CPython computes it (so the last bit agrees): the coordinates
/// are scaled by a power of two below 1, their squares summed in double length (an exact
/// product by fused multiply-add, a compensated sum), and the square root gets one Newton
/// correction from the residual.
fn euclidean_norm(mut v: Vec<f64>) -> f64 {
    let mut max = 0.0f64;
    let mut nan = false;
    for x in &mut v {
        *x = x.abs();
        nan |= x.is_nan();
        max = max.max(*x);
    }
    if max.is_infinite() {
        return max;
    }
    if nan {
        return f64::NAN;
    }
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    let exponent = frexp_exponent(max);
    if exponent < -1023 {
        // Subnormal: scaled up first (scaling by 2^-exponent would overflow).
        let normal: Vec<f64> = v.iter().map(|x| x / f64::MIN_POSITIVE).collect();
        return f64::MIN_POSITIVE * euclidean_norm(normal);
    }
    let scale = power_of_two(-exponent);
    let mut sum = SquareSum::default();
    for x in v {
        sum.add(x * scale);
    }
    let mut h = sum.total().sqrt();
    sum.subtract_square(h);
    h += sum.total() / (2.0 * h);
    h / scale
}

/// A sum of squares kept as `1 + csum` plus the low parts of the products and of the sums
/// (starting at 1 keeps the additions exact).
struct SquareSum {
    csum: f64,
    low_products: f64,
    low_sums: f64,
}

impl Default for SquareSum {
    fn default() -> Self {
        SquareSum {
            csum: 1.0,
            low_products: 0.0,
            low_sums: 0.0,
        }
    }
}

impl SquareSum {
    /// Adds the exact product `x * y` (`x * x` for a square).
    fn add_product(&mut self, x: f64, y: f64) {
        let hi = x * y;
        let lo = x.mul_add(y, -hi);
        let sum = self.csum + hi;
        self.low_sums += (self.csum - sum) + hi;
        self.csum = sum;
        self.low_products += lo;
    }

    fn add(&mut self, x: f64) {
        self.add_product(x, x);
    }

    fn subtract_square(&mut self, h: f64) {
        self.add_product(-h, h);
    }

    fn total(&self) -> f64 {
        self.csum - 1.0 + (self.low_products + self.low_sums)
    }
}

/// `2^e` exactly, for `-1074 <= e <= 1023` (subnormal below -1022).
fn power_of_two(e: i32) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e + 1074))
    }
}

/// The exponent `e` of `x = m * 2^e` with `0.5 <= m < 1` (C's `frexp`), for finite `x > 0`.
fn frexp_exponent(x: f64) -> i32 {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    if biased == 0 {
        // Subnormal: normalise through a multiplication by 2^64.
        return frexp_exponent(x * power_of_two(64)) - 64;
    }
    biased - 1022
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
    one_argument("isqrt", args)?;
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

type Kwargs<'a> = &'a [(Rc<str>, Value)];

fn math_trunc(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    rounding(vm, "trunc", args, f64::trunc)
}

fn math_log2(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    math_unary(vm, "log2", args, f64::log2, |x| x > 0.0)
}

fn math_log10(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    math_unary(vm, "log10", args, f64::log10, |x| x > 0.0)
}

fn math_asin(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    math_unary(vm, "asin", args, f64::asin, |x| (-1.0..=1.0).contains(&x))
}

fn math_acos(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    math_unary(vm, "acos", args, f64::acos, |x| (-1.0..=1.0).contains(&x))
}

fn math_atan(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    math_unary(vm, "atan", args, f64::atan, |_| true)
}

fn math_sinh(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    math_unary(vm, "sinh", args, f64::sinh, |_| true)
}

fn math_cosh(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    math_unary(vm, "cosh", args, f64::cosh, |_| true)
}

fn math_tanh(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    math_unary(vm, "tanh", args, f64::tanh, |_| true)
}

fn math_degrees(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    math_unary(vm, "degrees", args, f64::to_degrees, |_| true)
}

fn math_radians(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    math_unary(vm, "radians", args, f64::to_radians, |_| true)
}

/// A predicate on one float.
fn float_test(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    f: fn(f64) -> bool,
) -> Result<Value, Exception> {
    one_argument(name, args)?;
    Ok(Value::Bool(f(float_arg(&vm.heap, args[0])?)))
}

fn math_isnan(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    float_test(vm, "isnan", args, f64::is_nan)
}

fn math_isinf(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    float_test(vm, "isinf", args, f64::is_infinite)
}

fn math_isfinite(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    float_test(vm, "isfinite", args, f64::is_finite)
}

fn math_copysign(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    super::builtins::arity("copysign", args, 2, 2)?;
    let (x, y) = (float_arg(&vm.heap, args[0])?, float_arg(&vm.heap, args[1])?);
    Ok(Value::Float(x.copysign(y)))
}

fn math_fmod(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    super::builtins::arity("fmod", args, 2, 2)?;
    let (x, y) = (float_arg(&vm.heap, args[0])?, float_arg(&vm.heap, args[1])?);
    if y == 0.0 || x.is_infinite() {
        return Err(Exception::new("ValueError", "math domain error"));
    }
    Ok(Value::Float(x % y))
}

/// A non-negative int argument of `name`, as a big integer.
fn count_arg(vm: &Vm, name: &str, v: Value) -> Result<num_bigint::BigInt, Exception> {
    let n = match v {
        Value::Int(i) => num_bigint::BigInt::from(i),
        Value::Bool(b) => num_bigint::BigInt::from(u8::from(b)),
        Value::Obj(r) => match vm.heap.get(r) {
            Object::BigInt(b) => b.clone(),
            _ => return Err(super::ops::not_an_integer(&vm.heap, v)),
        },
        _ => return Err(super::ops::not_an_integer(&vm.heap, v)),
    };
    if n < num_bigint::BigInt::from(0) {
        return Err(Exception::new(
            "ValueError",
            format!("{name}() not defined for negative values"),
        ));
    }
    Ok(n)
}

/// The product of the integers in `from..=to`.
fn product_range(from: &num_bigint::BigInt, to: &num_bigint::BigInt) -> num_bigint::BigInt {
    let mut out = num_bigint::BigInt::from(1);
    let mut i = from.clone();
    while &i <= to {
        out *= &i;
        i += 1;
    }
    out
}

fn math_factorial(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    one_argument("factorial", args)?;
    if let Value::Float(_) = args[0] {
        return Err(super::ops::not_an_integer(&vm.heap, args[0]));
    }
    let n = count_arg(vm, "factorial", args[0])?;
    let f = product_range(&num_bigint::BigInt::from(1), &n);
    Ok(ops::int_value(&mut vm.heap, f))
}

fn math_perm(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    super::builtins::arity("perm", args, 1, 2)?;
    let n = count_arg(vm, "perm", args[0])?;
    let k = match args.get(1) {
        Some(&k) if k != Value::None => count_arg(vm, "perm", k)?,
        _ => n.clone(),
    };
    let p = if k > n {
        num_bigint::BigInt::from(0)
    } else {
        product_range(&(&n - &k + 1), &n)
    };
    Ok(ops::int_value(&mut vm.heap, p))
}

fn math_comb(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    super::builtins::arity("comb", args, 2, 2)?;
    let n = count_arg(vm, "comb", args[0])?;
    let k = count_arg(vm, "comb", args[1])?;
    let c = if k > n {
        num_bigint::BigInt::from(0)
    } else {
        let k = k.clone().min(&n - &k);
        product_range(&(&n - &k + 1), &n) / product_range(&num_bigint::BigInt::from(1), &k)
    };
    Ok(ops::int_value(&mut vm.heap, c))
}

fn math_lcm(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let mut l: i64 = 1;
    for &a in args {
        let n = super::builtins::int_arg(&vm.heap, a)?;
        if n == 0 {
            return Ok(Value::Int(0));
        }
        l = num_integer::Integer::lcm(&l, &n);
    }
    Ok(Value::Int(l))
}

fn math_prod(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    super::builtins::arity("prod", args, 1, 1)?;
    let items = vm.collect(args[0])?;
    let mut acc = Value::Int(1);
    for v in items {
        acc = vm.binary_op(crate::syntax::ast::BinOp::Mult, acc, v, false)?;
    }
    Ok(acc)
}

fn math_fsum(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    one_argument("fsum", args)?;
    let items = vm.collect(args[0])?;
    // Shewchuk's exact partial sums, as CPython's fsum.
    let mut partials: Vec<f64> = Vec::new();
    for v in items {
        let mut x = float_arg(&vm.heap, v)?;
        let mut kept = Vec::with_capacity(partials.len() + 1);
        for mut y in partials {
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                kept.push(lo);
            }
            x = hi;
        }
        kept.push(x);
        partials = kept;
    }
    // Add the partials from the largest, correcting the last rounding as CPython does.
    let mut n = partials.len();
    let mut hi = 0.0;
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            lo = y - (hi - x);
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}
