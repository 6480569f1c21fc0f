//! `set` and `frozenset`: stored as dicts whose keys are the members; their operators
//! (`| & - ^`, subset comparisons) and methods.

use std::rc::Rc;

use super::containers::unhashable;
use super::{Exception, Vm};
use crate::runtime::dict::Dict;
use crate::runtime::object::NativeFn;
use crate::runtime::{Heap, Object, Value};
use crate::syntax::ast::{BinOp, CmpOp};

type Kwargs<'a> = &'a [(Rc<str>, Value)];

/// A new set (or frozenset) of `items`.
pub fn new_set(heap: &mut Heap, items: Vec<Value>, frozen: bool) -> Result<Value, Exception> {
    let mut d = Dict::default();
    for v in items {
        d.insert(heap, v, Value::None).map_err(unhashable)?;
    }
    let obj = if frozen {
        Object::FrozenSet(d)
    } else {
        Object::Set(d)
    };
    Ok(Value::Obj(heap.alloc(obj)))
}

/// The members of a set or frozenset, if `v` is one.
pub fn members(heap: &Heap, v: Value) -> Option<Vec<Value>> {
    match v.as_obj().map(|r| heap.get(r)) {
        Some(Object::Set(d) | Object::FrozenSet(d)) => Some(d.iter().map(|(k, _)| k).collect()),
        _ => None,
    }
}

fn table(heap: &Heap, v: Value) -> Option<&Dict> {
    match v.as_obj().map(|r| heap.get(r)) {
        Some(Object::Set(d) | Object::FrozenSet(d)) => Some(d),
        _ => None,
    }
}

/// `set.add(v)` (and set comprehensions).
pub fn set_add(vm: &mut Vm, set: Value, v: Value) -> Result<(), Exception> {
    let Some(r) = set.as_obj() else {
        return Ok(());
    };
    vm.table_set(r, v, Value::None)
}

/// A new set (or frozenset) of `items`, running the `__hash__` and `__eq__` of members whose
/// classes define them.
pub fn set_from(vm: &mut Vm, items: Vec<Value>, frozen: bool) -> Result<Value, Exception> {
    let set = new_set(&mut vm.heap, Vec::new(), frozen)?;
    let mark = vm.pinned.len();
    vm.pinned.push(set);
    vm.pinned.extend_from_slice(&items);
    let result = items.iter().try_for_each(|&v| set_add(vm, set, v));
    vm.pinned.truncate(mark);
    result.map(|()| set)
}

fn contains(heap: &Heap, d: &Dict, v: Value) -> Result<bool, Exception> {
    d.get(heap, v).map(|f| f.is_some()).map_err(unhashable)
}

/// `a op b` for two sets; `None` when they are not both sets.
pub fn binary(heap: &mut Heap, op: BinOp, a: Value, b: Value) -> Result<Option<Value>, Exception> {
    let (Some(x), Some(y)) = (members(heap, a), members(heap, b)) else {
        return Ok(None);
    };
    let (Some(tx), Some(ty)) = (table(heap, a), table(heap, b)) else {
        return Ok(None);
    };
    let mut out = Vec::new();
    match op {
        BinOp::BitOr => {
            out.extend(&x);
            for &v in &y {
                if !contains(heap, tx, v)? {
                    out.push(v);
                }
            }
        }
        BinOp::BitAnd => {
            for &v in &x {
                if contains(heap, ty, v)? {
                    out.push(v);
                }
            }
        }
        BinOp::Sub => {
            for &v in &x {
                if !contains(heap, ty, v)? {
                    out.push(v);
                }
            }
        }
        BinOp::BitXor => {
            for &v in &x {
                if !contains(heap, ty, v)? {
                    out.push(v);
                }
            }
            for &v in &y {
                if !contains(heap, tx, v)? {
                    out.push(v);
                }
            }
        }
        _ => return Ok(None),
    }
    let frozen = matches!(a.as_obj().map(|r| heap.get(r)), Some(Object::FrozenSet(_)));
    new_set(heap, out, frozen).map(Some)
}

/// Set comparisons: equality and the subset/superset orderings; `None` when not both sets.
pub fn compare(heap: &Heap, op: CmpOp, a: Value, b: Value) -> Result<Option<bool>, Exception> {
    let (Some(tx), Some(ty)) = (table(heap, a), table(heap, b)) else {
        return Ok(None);
    };
    let subset = |small: &Dict, big: &Dict| -> Result<bool, Exception> {
        for (k, _) in small.iter() {
            if !contains(heap, big, k)? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    let (n, m) = (tx.len(), ty.len());
    Ok(Some(match op {
        CmpOp::Eq => n == m && subset(tx, ty)?,
        CmpOp::NotEq => !(n == m && subset(tx, ty)?),
        CmpOp::LtE => subset(tx, ty)?,
        CmpOp::Lt => n < m && subset(tx, ty)?,
        CmpOp::GtE => subset(ty, tx)?,
        CmpOp::Gt => n > m && subset(ty, tx)?,
        _ => return Ok(None),
    }))
}

/// The methods of sets (those that change the set, then those frozensets share) and of
/// frozensets.
pub fn method_tables(type_name: &str) -> &'static [&'static [(&'static str, NativeFn)]] {
    const CHANGING: &[(&str, NativeFn)] = &[
        ("add", add),
        ("discard", discard),
        ("remove", remove),
        ("pop", pop),
        ("clear", clear),
        ("update", update),
    ];
    const SHARED: &[(&str, NativeFn)] = &[
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
        ("copy", copy),
    ];
    match type_name {
        "set" => &[CHANGING, SHARED],
        "frozenset" => &[SHARED],
        _ => &[],
    }
}

fn add(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    super::builtins::arity("add", &args[1..], 1, 1)?;
    set_add(vm, args[0], args[1])?;
    Ok(Value::None)
}

fn remove_member(vm: &mut Vm, args: &[Value], name: &str) -> Result<bool, Exception> {
    super::builtins::arity(name, &args[1..], 1, 1)?;
    let Some(r) = args[0].as_obj() else {
        return Ok(false);
    };
    vm.table_remove(r, args[1]).map(|v| v.is_some())
}

fn discard(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    remove_member(vm, args, "discard")?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    if remove_member(vm, args, "remove")? {
        Ok(Value::None)
    } else {
        Err(Exception::key_error(&vm.heap, args[1]))
    }
}

fn pop(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let first = table(&vm.heap, args[0]).and_then(|d| d.iter().next().map(|(k, _)| k));
    let Some(first) = first else {
        return Err(Exception::new("KeyError", "'pop from an empty set'"));
    };
    remove_member(vm, &[args[0], first], "pop")?;
    Ok(first)
}

fn clear(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    if let Some(Object::Set(d)) = args[0].as_obj().map(|r| vm.heap.get_mut(r)) {
        *d = Dict::default();
    }
    Ok(Value::None)
}

fn update(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    for &other in &args[1..] {
        for v in vm.collect(other)? {
            set_add(vm, args[0], v)?;
        }
    }
    Ok(Value::None)
}

/// Applies a set operator to the receiver and each argument (any iterable) in turn.
fn fold(vm: &mut Vm, args: &[Value], op: BinOp) -> Result<Value, Exception> {
    let frozen = matches!(
        args[0].as_obj().map(|r| vm.heap.get(r)),
        Some(Object::FrozenSet(_))
    );
    let items = members(&vm.heap, args[0]).unwrap_or_default();
    let mut acc = set_from(vm, items, frozen)?;
    for &other in &args[1..] {
        let items = vm.collect(other)?;
        let other = set_from(vm, items, false)?;
        acc = binary(&mut vm.heap, op, acc, other)?.unwrap_or(acc);
    }
    Ok(acc)
}

fn union(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    fold(vm, args, BinOp::BitOr)
}

fn intersection(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    fold(vm, args, BinOp::BitAnd)
}

fn difference(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    fold(vm, args, BinOp::Sub)
}

fn symmetric_difference(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    fold(vm, args, BinOp::BitXor)
}

fn relation(vm: &mut Vm, args: &[Value], op: CmpOp, name: &str) -> Result<Value, Exception> {
    super::builtins::arity(name, &args[1..], 1, 1)?;
    let items = vm.collect(args[1])?;
    let other = set_from(vm, items, false)?;
    Ok(Value::Bool(
        compare(&vm.heap, op, args[0], other)?.unwrap_or(false),
    ))
}

fn issubset(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    relation(vm, args, CmpOp::LtE, "issubset")
}

fn issuperset(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    relation(vm, args, CmpOp::GtE, "issuperset")
}

fn isdisjoint(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let both = fold(vm, args, BinOp::BitAnd)?;
    Ok(Value::Bool(
        table(&vm.heap, both).is_none_or(|d| d.is_empty()),
    ))
}

fn copy(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let frozen = matches!(
        args[0].as_obj().map(|r| vm.heap.get(r)),
        Some(Object::FrozenSet(_))
    );
    let items = members(&vm.heap, args[0]).unwrap_or_default();
    set_from(vm, items, frozen)
}

fn construct(vm: &mut Vm, args: &[Value], frozen: bool) -> Result<Value, Exception> {
    let name = if frozen { "frozenset" } else { "set" };
    super::builtins::arity(name, args, 0, 1)?;
    let items = match args.first() {
        Some(&v) => vm.collect(v)?,
        None => Vec::new(),
    };
    set_from(vm, items, frozen)
}

/// `set(iterable)`.
pub fn set_new(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    construct(vm, args, false)
}

/// `frozenset(iterable)`.
pub fn frozenset_new(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    construct(vm, args, true)
}
