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

/// A new, empty set (or frozenset).
fn empty_set(heap: &mut Heap, frozen: bool) -> Value {
    set_value(heap, Dict::new_set(), frozen)
}

/// A set display of constants, made as CPython makes it: the compiler folds the items into a
/// frozenset, rebuilds that from its own iteration order when it merges constants, and the
/// display copies it.
pub fn constant_display(heap: &mut Heap, items: Vec<Value>) -> Result<Value, Exception> {
    let mut folded = Dict::new_set();
    for v in items {
        folded.insert(heap, v, Value::None).map_err(unhashable)?;
    }
    let mut merged = Dict::new_set();
    for (k, _) in folded.iter() {
        merged.insert(heap, k, Value::None).map_err(unhashable)?;
    }
    Ok(set_value(heap, merged.copy_set(), false))
}

/// A set (or frozenset) object holding table `d`.
fn set_value(heap: &mut Heap, d: Dict, frozen: bool) -> Value {
    let obj = if frozen {
        Object::FrozenSet(d)
    } else {
        Object::Set(d)
    };
    Value::Obj(heap.alloc(obj))
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
    let set = empty_set(&mut vm.heap, frozen);
    let kept = std::iter::once(set).chain(items.iter().copied());
    vm.with_pinned(kept, |vm| {
        items.iter().try_for_each(|&v| set_add(vm, set, v))
    })?;
    Ok(set)
}

fn contains(heap: &Heap, d: &Dict, v: Value) -> Result<bool, Exception> {
    d.get(heap, v).map(|f| f.is_some()).map_err(unhashable)
}

/// `a op b` for two sets, built as CPython builds it (so its members come out in CPython's
/// order); `None` when they are not both sets.
pub fn binary(heap: &mut Heap, op: BinOp, a: Value, b: Value) -> Result<Option<Value>, Exception> {
    let (Some(tx), Some(ty)) = (table(heap, a), table(heap, b)) else {
        return Ok(None);
    };
    let none = Value::None;
    let result = match op {
        BinOp::BitOr => {
            let mut d = tx.copy_set();
            d.merge_set(heap, ty).map_err(unhashable)?;
            d
        }
        BinOp::BitAnd => {
            let (small, big) = if ty.len() > tx.len() {
                (tx, ty)
            } else {
                (ty, tx)
            };
            let mut d = Dict::new_set();
            for (k, _) in small.iter() {
                if contains(heap, big, k)? {
                    d.insert(heap, k, none).map_err(unhashable)?;
                }
            }
            d
        }
        BinOp::Sub if tx.len() >> 2 > ty.len() => {
            let mut d = tx.copy_set();
            for (k, _) in ty.iter() {
                d.remove(heap, k).map_err(unhashable)?;
            }
            d
        }
        BinOp::Sub => {
            let mut d = Dict::new_set();
            for (k, _) in tx.iter() {
                if !contains(heap, ty, k)? {
                    d.insert(heap, k, none).map_err(unhashable)?;
                }
            }
            d
        }
        BinOp::BitXor => {
            let mut d = ty.copy_set();
            toggle_members(heap, &mut d, tx)?;
            d
        }
        _ => return Ok(None),
    };
    let frozen = matches!(a.as_obj().map(|r| heap.get(r)), Some(Object::FrozenSet(_)));
    Ok(Some(set_value(heap, result, frozen)))
}

/// `a op= b` for a set `a`: its own table updated as CPython updates it (`&=` takes the
/// intersection's table); `None` when `b` is not a set.
pub fn update_in_place(
    heap: &mut Heap,
    op: BinOp,
    a: Value,
    b: Value,
) -> Result<Option<Value>, Exception> {
    if table(heap, b).is_none() {
        return Ok(None);
    }
    let (Some(r), Some(other)) = (a.as_obj(), b.as_obj()) else {
        return Ok(None);
    };
    if r == other {
        if matches!(op, BinOp::Sub | BinOp::BitXor) {
            if let Object::Set(d) = heap.get_mut(r) {
                d.clear();
            }
        }
        return Ok(Some(a));
    }
    if op == BinOp::BitAnd {
        let Some(Value::Obj(result)) = binary(heap, op, a, b)? else {
            return Ok(None);
        };
        let d = match heap.get_mut(result) {
            Object::Set(d) | Object::FrozenSet(d) => std::mem::take(d),
            _ => Dict::new_set(),
        };
        if let Object::Set(slot) = heap.get_mut(r) {
            *slot = d;
        }
        return Ok(Some(a));
    }
    let mut d = match heap.get_mut(r) {
        Object::Set(d) => std::mem::take(d),
        _ => return Ok(None),
    };
    let result = match (op, table(heap, b)) {
        (BinOp::BitOr, Some(other)) => d.merge_set(heap, other).map_err(unhashable),
        (BinOp::Sub, Some(other)) => other
            .iter()
            .try_for_each(|(k, _)| d.remove(heap, k).map(drop).map_err(unhashable)),
        (_, Some(other)) => toggle_members(heap, &mut d, other),
        (_, None) => Ok(()),
    };
    if let Object::Set(slot) = heap.get_mut(r) {
        *slot = d;
    }
    result.map(|()| Some(a))
}

/// `d ^= other`: each member of `other` leaves `d` if there, else joins it.
fn toggle_members(heap: &Heap, d: &mut Dict, other: &Dict) -> Result<(), Exception> {
    for (k, _) in other.iter() {
        if d.remove(heap, k).map_err(unhashable)?.is_none() {
            d.insert(heap, k, Value::None).map_err(unhashable)?;
        }
    }
    Ok(())
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
        d.clear();
    }
    Ok(Value::None)
}

fn update(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    for &other in &args[1..] {
        update_from(vm, args[0], other)?;
    }
    Ok(Value::None)
}

/// Adds the members of `other` to `set` as CPython's set update does: another set's by
/// merging tables, a dict's keys after growing the table for all of them, any other
/// iterable's items one by one.
fn update_from(vm: &mut Vm, set: Value, other: Value) -> Result<(), Exception> {
    let Some(r) = set.as_obj() else {
        return Ok(());
    };
    if table(&vm.heap, other).is_some() {
        let mut d = match vm.heap.get_mut(r) {
            Object::Set(d) | Object::FrozenSet(d) => std::mem::take(d),
            _ => return Ok(()),
        };
        let merged = table(&vm.heap, other).map(|t| d.merge_set(&vm.heap, t));
        if let Object::Set(slot) | Object::FrozenSet(slot) = vm.heap.get_mut(r) {
            *slot = d;
        }
        match merged {
            Some(Ok(())) => return Ok(()),
            // Members with Python-level hashing: one by one below.
            Some(Err(crate::runtime::dict::Unhashable::CustomHash(_))) => {}
            Some(Err(e)) => return Err(unhashable(e)),
            None => {}
        }
    }
    let incoming = match other.as_obj().map(|o| vm.heap.get(o)) {
        Some(Object::Dict(d)) => Some(d.len()),
        _ => None,
    };
    if let (Some(n), Object::Set(d) | Object::FrozenSet(d)) = (incoming, vm.heap.get_mut(r)) {
        d.reserve_members(n);
    }
    for v in vm.collect(other)? {
        set_add(vm, set, v)?;
    }
    Ok(())
}

/// Whether `v` is a member of set `set`.
fn has_member(vm: &mut Vm, set: Value, v: Value) -> Result<bool, Exception> {
    match set.as_obj() {
        Some(r) => vm.table_get(r, v).map(|found| found.is_some()),
        None => Ok(false),
    }
}

fn is_frozen(vm: &Vm, v: Value) -> bool {
    matches!(
        v.as_obj().map(|r| vm.heap.get(r)),
        Some(Object::FrozenSet(_))
    )
}

fn union(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let frozen = is_frozen(vm, args[0]);
    let result = copy_of(&mut vm.heap, args[0], frozen).unwrap_or(Value::None);
    vm.with_pinned([result], |vm| {
        args[1..]
            .iter()
            .try_for_each(|&other| update_from(vm, result, other))
    })?;
    Ok(result)
}

fn intersection(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let frozen = is_frozen(vm, args[0]);
    let mut result = args[0];
    if args.len() == 1 {
        return Ok(copy_of(&mut vm.heap, result, frozen).unwrap_or(Value::None));
    }
    for &other in &args[1..] {
        result = match binary(&mut vm.heap, BinOp::BitAnd, result, other)? {
            Some(both) => both,
            None => {
                let both = empty_set(&mut vm.heap, frozen);
                vm.with_pinned([result, both], |vm| -> Result<(), Exception> {
                    for v in vm.collect(other)? {
                        if has_member(vm, result, v)? {
                            set_add(vm, both, v)?;
                        }
                    }
                    Ok(())
                })?;
                both
            }
        };
    }
    Ok(result)
}

fn difference(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let frozen = is_frozen(vm, args[0]);
    let mut result = args[0];
    let mut rest = &args[1..];
    if let Some(&first) = rest.first() {
        if let Some(d) = binary(&mut vm.heap, BinOp::Sub, result, first)? {
            result = d;
            rest = &rest[1..];
        }
    }
    if result == args[0] {
        result = copy_of(&mut vm.heap, result, frozen).unwrap_or(Value::None);
    }
    vm.with_pinned([result], |vm| -> Result<(), Exception> {
        for &other in rest {
            for v in vm.collect(other)? {
                if let Some(r) = result.as_obj() {
                    vm.table_remove(r, v)?;
                }
            }
        }
        Ok(())
    })?;
    Ok(result)
}

fn symmetric_difference(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    super::builtins::arity("symmetric_difference", &args[1..], 1, 1)?;
    if let Some(d) = binary(&mut vm.heap, BinOp::BitXor, args[0], args[1])? {
        return Ok(d);
    }
    let items = vm.collect(args[1])?;
    let result = set_from(vm, items, is_frozen(vm, args[0]))?;
    vm.with_pinned([result], |vm| -> Result<(), Exception> {
        for v in members(&vm.heap, args[0]).unwrap_or_default() {
            let Some(r) = result.as_obj() else {
                break;
            };
            if vm.table_remove(r, v)?.is_none() {
                vm.table_set(r, v, Value::None)?;
            }
        }
        Ok(())
    })?;
    Ok(result)
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
    let both = intersection(vm, args, &[])?;
    Ok(Value::Bool(
        table(&vm.heap, both).is_none_or(|d| d.is_empty()),
    ))
}

fn copy(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let frozen = matches!(
        args[0].as_obj().map(|r| vm.heap.get(r)),
        Some(Object::FrozenSet(_))
    );
    Ok(copy_of(&mut vm.heap, args[0], frozen).unwrap_or(Value::None))
}

/// A new set (or frozenset) with the members of set `v`, laid out as CPython copies a set.
fn copy_of(heap: &mut Heap, v: Value, frozen: bool) -> Option<Value> {
    let d = table(heap, v)?.copy_set();
    Some(set_value(heap, d, frozen))
}

fn construct(vm: &mut Vm, args: &[Value], frozen: bool) -> Result<Value, Exception> {
    let name = if frozen { "frozenset" } else { "set" };
    super::builtins::arity(name, args, 0, 1)?;
    let set = empty_set(&mut vm.heap, frozen);
    if let Some(&source) = args.first() {
        vm.with_pinned([set], |vm| update_from(vm, set, source))?;
    }
    Ok(set)
}

/// `set(iterable)`.
pub fn set_new(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    construct(vm, args, false)
}

/// `frozenset(iterable)`.
pub fn frozenset_new(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    construct(vm, args, true)
}
