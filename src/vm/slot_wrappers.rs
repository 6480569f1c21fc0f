//! The special methods of built-in values (`(1).__add__`, `[].__len__`, `"s".__iter__`,
//! `int.__add__`): which types have which (what `hasattr(x, "__iter__")` sees), and calling
//! one, through the operations the interpreter already has. An operator method given an
//! operand its type cannot handle returns `NotImplemented`, as CPython's do.

use std::rc::Rc;

use super::builtins::arity;
use super::{Exception, Vm};
use crate::runtime::object::NativeFn;
use crate::runtime::{Heap, Value};
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};

type Kwargs<'a> = &'a [(Rc<str>, Value)];

/// What kind of built-in a value is, for which special methods it has.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Int,
    Float,
    Text,
    List,
    Tuple,
    Dict,
    Set,
    Range,
    View,
    Iterator,
    Callable,
    Other,
}

fn kind_of_type(type_name: &str) -> Kind {
    match type_name {
        "int" | "bool" => Kind::Int,
        "float" => Kind::Float,
        "str" | "bytes" => Kind::Text,
        "list" => Kind::List,
        "tuple" => Kind::Tuple,
        "dict" => Kind::Dict,
        "set" | "frozenset" => Kind::Set,
        "range" => Kind::Range,
        "dict_keys" | "dict_values" | "dict_items" => Kind::View,
        "function" | "builtin_function_or_method" | "method" | "type" => Kind::Callable,
        _ => Kind::Other,
    }
}

fn kind_of(heap: &Heap, v: Value) -> Kind {
    match v.as_obj().map(|r| heap.get(r)) {
        Some(o) if o.is_iterator() => Kind::Iterator,
        _ => kind_of_type(super::ops::type_name(heap, v)),
    }
}

/// Whether a value of kind `k` (of the type named `type_name`) has special method `name`.
fn has(type_name: &str, k: Kind, name: &str) -> bool {
    use Kind::*;
    let number = matches!(k, Int | Float);
    let sized = matches!(k, Text | List | Tuple | Dict | Set | Range | View);
    match name {
        "__repr__" | "__str__" | "__eq__" | "__ne__" | "__format__" => true,
        "__hash__" => !matches!(type_name, "list" | "dict" | "set"),
        "__lt__" | "__le__" | "__gt__" | "__ge__" => {
            number || matches!(k, Text | List | Tuple | Set | View)
        }
        "__len__" | "__contains__" => sized,
        "__iter__" => sized || k == Iterator,
        "__next__" => k == Iterator,
        "__getitem__" => matches!(k, Text | List | Tuple | Dict | Range),
        "__setitem__" | "__delitem__" => matches!(k, List | Dict),
        "__call__" => k == Callable,
        "__add__" | "__mul__" | "__rmul__" => number || matches!(k, Text | List | Tuple),
        "__mod__" | "__rmod__" => number || k == Text,
        "__radd__" | "__sub__" | "__rsub__" | "__truediv__" | "__rtruediv__" | "__floordiv__"
        | "__rfloordiv__" | "__pow__" | "__rpow__" | "__neg__" | "__pos__" | "__abs__"
        | "__int__" | "__float__" | "__round__" => number,
        "__bool__" => number || type_name == "NoneType",
        "__and__" | "__or__" | "__xor__" | "__rand__" | "__ror__" | "__rxor__" => {
            k == Int || k == Set || (k == Dict && matches!(name, "__or__" | "__ror__"))
        }
        "__lshift__" | "__rshift__" | "__rlshift__" | "__rrshift__" | "__invert__"
        | "__index__" => k == Int,
        _ => false,
    }
}

/// Special method `name` of value `v` (a built-in one), if its type has it.
pub(super) fn slot(heap: &Heap, v: Value, name: &str) -> Option<(NativeFn, &'static str)> {
    slot_of_kind(super::ops::type_name(heap, v), kind_of(heap, v), name)
}

/// Special method `name` of the built-in value type named `type_name` (`int.__add__`), if
/// it has it. (`object` and the exceptions have theirs as natives in their namespaces.)
pub(super) fn type_slot(type_name: &str, name: &str) -> Option<(NativeFn, &'static str)> {
    match kind_of_type(type_name) {
        Kind::Other | Kind::Callable => None,
        k => slot_of_kind(type_name, k, name),
    }
}

fn slot_of_kind(type_name: &str, k: Kind, name: &str) -> Option<(NativeFn, &'static str)> {
    if !has(type_name, k, name) {
        return None;
    }
    SLOTS.iter().find(|(n, _)| *n == name).map(|&(n, f)| (f, n))
}

const SLOTS: &[(&str, NativeFn)] = &[
    ("__repr__", super::builtins::repr),
    ("__str__", super::builtins::str_),
    ("__format__", super::numbers::format),
    ("__hash__", super::reflection::hash),
    ("__len__", super::builtins::len),
    ("__iter__", super::iteration::iter),
    ("__next__", super::iteration::next),
    ("__abs__", super::builtins::abs),
    ("__round__", super::numbers::round),
    ("__int__", super::numbers::int),
    ("__float__", super::numbers::float),
    ("__index__", index),
    ("__bool__", bool_),
    ("__call__", call),
    ("__getitem__", getitem),
    ("__setitem__", setitem),
    ("__delitem__", delitem),
    ("__contains__", contains),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__lt__", lt),
    ("__le__", le),
    ("__gt__", gt),
    ("__ge__", ge),
    ("__neg__", neg),
    ("__pos__", pos),
    ("__invert__", invert),
    ("__add__", add),
    ("__radd__", radd),
    ("__sub__", sub),
    ("__rsub__", rsub),
    ("__mul__", mul),
    ("__rmul__", rmul),
    ("__truediv__", truediv),
    ("__rtruediv__", rtruediv),
    ("__floordiv__", floordiv),
    ("__rfloordiv__", rfloordiv),
    ("__mod__", mod_),
    ("__rmod__", rmod),
    ("__pow__", pow),
    ("__rpow__", rpow),
    ("__and__", and),
    ("__rand__", rand),
    ("__or__", or),
    ("__ror__", ror),
    ("__xor__", xor),
    ("__rxor__", rxor),
    ("__lshift__", lshift),
    ("__rlshift__", rlshift),
    ("__rshift__", rshift),
    ("__rrshift__", rrshift),
];

/// The receiver and the one operand of a binary special method.
fn operands(name: &str, args: &[Value]) -> Result<(Value, Value), Exception> {
    arity(name, args, 2, 2)?;
    Ok((args[0], args[1]))
}

/// Whether an operator method of `a` leaves operand `b` to `b`'s own method: a class
/// instance's, or a float's when `a` is an int.
fn defers(heap: &Heap, a: Value, b: Value) -> bool {
    super::ops::is_instance(heap, b)
        || (kind_of(heap, a) == Kind::Int && kind_of(heap, b) == Kind::Float)
}

/// `self op other` (`other op self` when `reflected`); `NotImplemented` when the operand is a
/// class instance (its own methods decide) or the types do not support the operator.
fn binary(vm: &mut Vm, args: &[Value], op: BinOp, reflected: bool) -> Result<Value, Exception> {
    let (a, b) = operands(super::ops::binary_symbol(op), args)?;
    if defers(&vm.heap, a, b) {
        return Ok(vm.not_implemented);
    }
    let (left, right) = if reflected { (b, a) } else { (a, b) };
    match vm.binary_op(op, left, right, false) {
        Err(e) if e.kind == "TypeError" && e.message.starts_with("unsupported operand") => {
            Ok(vm.not_implemented)
        }
        done => done,
    }
}

macro_rules! binary_slots {
    ($($name:ident: $op:ident, $reflected:expr;)*) => {$(
        fn $name(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
            binary(vm, args, BinOp::$op, $reflected)
        }
    )*};
}

binary_slots! {
    add: Add, false; radd: Add, true;
    sub: Sub, false; rsub: Sub, true;
    mul: Mult, false; rmul: Mult, true;
    truediv: Div, false; rtruediv: Div, true;
    floordiv: FloorDiv, false; rfloordiv: FloorDiv, true;
    mod_: Mod, false; rmod: Mod, true;
    pow: Pow, false; rpow: Pow, true;
    and: BitAnd, false; rand: BitAnd, true;
    or: BitOr, false; ror: BitOr, true;
    xor: BitXor, false; rxor: BitXor, true;
    lshift: LShift, false; rlshift: LShift, true;
    rshift: RShift, false; rrshift: RShift, true;
}

/// `self op other` for a comparison; `NotImplemented` for an instance operand, for `==`/`!=`
/// between unrelated types, and for orderings the types do not support.
fn compare(vm: &mut Vm, args: &[Value], op: CmpOp) -> Result<Value, Exception> {
    let (a, b) = operands("comparison", args)?;
    if defers(&vm.heap, a, b) {
        return Ok(vm.not_implemented);
    }
    let related = {
        let (ka, kb) = (kind_of(&vm.heap, a), kind_of(&vm.heap, b));
        let numbers = |k| matches!(k, Kind::Int | Kind::Float);
        (numbers(ka) && numbers(kb))
            || super::ops::type_name(&vm.heap, a) == super::ops::type_name(&vm.heap, b)
            || (ka == Kind::Set && kb == Kind::Set)
    };
    if matches!(op, CmpOp::Eq | CmpOp::NotEq) && !related {
        return Ok(vm.not_implemented);
    }
    match super::ops::compare_in(vm, op, a, b) {
        Ok(v) => Ok(Value::Bool(v)),
        Err(e) if e.kind == "TypeError" => Ok(vm.not_implemented),
        Err(e) => Err(e),
    }
}

macro_rules! comparison_slots {
    ($($name:ident: $op:ident;)*) => {$(
        fn $name(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
            compare(vm, args, CmpOp::$op)
        }
    )*};
}

comparison_slots! { eq: Eq; ne: NotEq; lt: Lt; le: LtE; gt: Gt; ge: GtE; }

fn unary(vm: &mut Vm, args: &[Value], op: UnaryOp) -> Result<Value, Exception> {
    arity("unary operator", args, 1, 1)?;
    vm.unary_op(op, args[0])
}

fn neg(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    unary(vm, args, UnaryOp::Neg)
}

fn pos(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    unary(vm, args, UnaryOp::Pos)
}

fn invert(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    unary(vm, args, UnaryOp::Invert)
}

fn bool_(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("__bool__", args, 1, 1)?;
    Ok(Value::Bool(super::ops::truthy(&vm.heap, args[0])))
}

fn index(_: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("__index__", args, 1, 1)?;
    match args[0] {
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        v => Ok(v),
    }
}

fn call(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    let Some((&callee, rest)) = args.split_first() else {
        return Err(Exception::new("TypeError", "__call__() needs an argument"));
    };
    vm.call_value(callee, rest, kwargs)
}

fn getitem(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let (container, key) = operands("__getitem__", args)?;
    vm.get_item(container, key)
}

fn setitem(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("__setitem__", args, 3, 3)?;
    vm.set_item(args[0], args[1], args[2])?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let (container, key) = operands("__delitem__", args)?;
    vm.del_item(container, key)?;
    Ok(Value::None)
}

fn contains(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let (container, item) = operands("__contains__", args)?;
    super::ops::compare_in(vm, CmpOp::In, item, container).map(Value::Bool)
}
