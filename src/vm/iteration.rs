//! The built-ins that consume or make iterators: `list`, `tuple`, `dict`, `sum`, `min`, `max`,
//! `sorted` (and `list.sort`), `enumerate`, `zip`, `map`, `filter`, `reversed`, `any`, `all`,
//! `iter`, `next`. Those that call a function per item (`key=`, `map`) call back into Python;
//! the values they hold meanwhile are pinned for the collector.

use std::cmp::Ordering;
use std::rc::Rc;

use super::builtins::{arity, expected_arity, int_arg};
use super::ops::{self, new_str, type_name};
use super::{Exception, Vm};
use crate::runtime::{Object, Value};
use crate::syntax::ast::{BinOp, CmpOp};

type Kwargs<'a> = &'a [(Rc<str>, Value)];

pub(super) fn list(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expected_arity("list", args, 0, 1)?;
    let items = match args.first() {
        Some(&v) => vm.collect(v)?,
        None => Vec::new(),
    };
    Ok(Value::Obj(vm.heap.alloc(Object::List(items))))
}

pub(super) fn tuple(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expected_arity("tuple", args, 0, 1)?;
    let items = match args.first() {
        Some(&v) => vm.collect(v)?,
        None => Vec::new(),
    };
    Ok(Value::Obj(
        vm.heap.alloc(Object::Tuple(items.into_boxed_slice())),
    ))
}

pub(super) fn dict(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    expected_arity("dict", args, 0, 1)?;
    let mut pairs = match args.first() {
        Some(&source) => vm.update_pairs(source)?,
        None => Vec::new(),
    };
    for (name, v) in kwargs {
        pairs.push((new_str(&mut vm.heap, &**name), *v));
    }
    super::containers::dict_from(vm, pairs)
}

pub(super) fn sum(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    arity("sum", args, 1, 2)?;
    let mut total = args.get(1).copied().unwrap_or(Value::Int(0));
    if let Some((_, start)) = kwargs.iter().find(|(k, _)| &**k == "start") {
        total = *start;
    }
    if let Some(Object::Str(_)) = total.as_obj().map(|r| vm.heap.get(r)) {
        return Err(Exception::new(
            "TypeError",
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    let items = vm.collect(args[0])?;
    let mark = vm.pinned.len();
    vm.pinned.extend(&items);
    let mut result = Ok(total);
    for item in items {
        result = result.and_then(|t| vm.binary_op(BinOp::Add, t, item, false));
        if let Ok(t) = result {
            vm.pinned.push(t);
        }
    }
    vm.pinned.truncate(mark);
    result
}

/// The `key=` and `default=` keywords of `min`/`max`/`sorted`, and `reverse=` where allowed.
struct Keywords {
    key: Option<Value>,
    default: Option<Value>,
    reverse: bool,
}

fn keywords(
    vm: &mut Vm,
    name: &str,
    kwargs: Kwargs,
    allowed: &[&str],
) -> Result<Keywords, Exception> {
    let mut k = Keywords {
        key: None,
        default: None,
        reverse: false,
    };
    for (n, v) in kwargs {
        if !allowed.contains(&&**n) {
            return Err(Exception::new(
                "TypeError",
                format!("'{n}' is an invalid keyword argument for {name}()"),
            ));
        }
        match &**n {
            "key" if *v != Value::None => k.key = Some(*v),
            "default" => k.default = Some(*v),
            "reverse" => k.reverse = ops::truthy_in(vm, *v)?,
            _ => {}
        }
    }
    Ok(k)
}

/// Applies `key` to each item (pinning the results).
fn keys_of(vm: &mut Vm, key: Option<Value>, items: &[Value]) -> Result<Vec<Value>, Exception> {
    let Some(key) = key else {
        return Ok(items.to_vec());
    };
    let mut out = Vec::with_capacity(items.len());
    for &item in items {
        let k = vm.call_value(key, &[item], &[])?;
        vm.pinned.push(k);
        out.push(k);
    }
    Ok(out)
}

fn extreme(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwargs: Kwargs,
    want: CmpOp,
) -> Result<Value, Exception> {
    let kw = keywords(vm, name, kwargs, &["key", "default"])?;
    let items = match args {
        [] => {
            return Err(Exception::new(
                "TypeError",
                format!("{name} expected at least 1 argument, got 0"),
            ))
        }
        [one] => vm.collect(*one)?,
        many => {
            if kw.default.is_some() {
                return Err(Exception::new(
                    "TypeError",
                    format!(
                        "Cannot specify a default for {name}() with multiple positional arguments"
                    ),
                ));
            }
            many.to_vec()
        }
    };
    let mark = vm.pinned.len();
    vm.pinned.extend(&items);
    let result = (|| {
        let keys = keys_of(vm, kw.key, &items)?;
        let mut best: Option<usize> = None;
        for i in 0..items.len() {
            best = Some(match best {
                Some(b) if !ops::compare_in(vm, want, keys[i], keys[b])? => b,
                _ => i,
            });
        }
        match (best, kw.default) {
            (Some(b), _) => Ok(items[b]),
            (None, Some(d)) => Ok(d),
            (None, None) => Err(Exception::new(
                "ValueError",
                format!("{name}() arg is an empty sequence"),
            )),
        }
    })();
    vm.pinned.truncate(mark);
    result
}

pub(super) fn min(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    extreme(vm, "min", args, kwargs, CmpOp::Lt)
}

pub(super) fn max(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    extreme(vm, "max", args, kwargs, CmpOp::Gt)
}

pub(super) fn sorted(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    if args.len() != 1 {
        return Err(Exception::new(
            "TypeError",
            format!("sorted expected 1 argument, got {}", args.len()),
        ));
    }
    let items = vm.collect(args[0])?;
    let list = Value::Obj(vm.heap.alloc(Object::List(items)));
    vm.pinned.push(list);
    let result = sort_list(vm, list, kwargs, "sort");
    vm.pinned.pop();
    result.map(|()| list)
}

/// Sorts a list in place, stably, as `list.sort` and `sorted` do, with `key=` and `reverse=`.
/// The list is empty while it is sorted (as CPython's is), so a key function that looks at it
/// sees no half-sorted state.
pub(super) fn sort_list(
    vm: &mut Vm,
    list: Value,
    kwargs: Kwargs,
    name: &str,
) -> Result<(), Exception> {
    let kw = keywords(vm, name, kwargs, &["key", "reverse"])?;
    let Some(r) = list.as_obj() else {
        return Ok(());
    };
    let items = match vm.heap.get_mut(r) {
        Object::List(items) => std::mem::take(items),
        _ => return Ok(()),
    };
    let mark = vm.pinned.len();
    vm.pinned.extend(&items);
    let sorted = (|| {
        let keys = keys_of(vm, kw.key, &items)?;
        let mut order: Vec<usize> = (0..items.len()).collect();
        if kw.reverse {
            order.reverse();
        }
        let mut error = None;
        let mut less = |a: usize, b: usize| -> bool {
            if error.is_some() {
                return false;
            }
            match ops::compare_in(vm, CmpOp::Lt, keys[a], keys[b]) {
                Ok(l) => l,
                Err(e) => {
                    error = Some(e);
                    false
                }
            }
        };
        order.sort_by(|&a, &b| {
            if less(a, b) {
                Ordering::Less
            } else if less(b, a) {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        });
        if kw.reverse {
            order.reverse();
        }
        match error {
            Some(e) => Err(e),
            None => Ok(order.into_iter().map(|i| items[i]).collect::<Vec<_>>()),
        }
    })();
    vm.pinned.truncate(mark);
    let result = match sorted {
        Ok(s) => {
            if let Object::List(slot) = vm.heap.get_mut(r) {
                *slot = s;
            }
            Ok(())
        }
        Err(e) => {
            if let Object::List(slot) = vm.heap.get_mut(r) {
                *slot = items;
            }
            Err(e)
        }
    };
    result
}

pub(super) fn enumerate(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    arity("enumerate", args, 1, 2)?;
    let mut start = match args.get(1) {
        Some(&v) => int_arg(&vm.heap, v)?,
        None => 0,
    };
    if let Some((_, v)) = kwargs.iter().find(|(k, _)| &**k == "start") {
        start = int_arg(&vm.heap, *v)?;
    }
    let it = vm.iter(args[0])?;
    Ok(Value::Obj(vm.heap.alloc(Object::Enumerate {
        iter: it,
        count: start,
    })))
}

fn iterators(vm: &mut Vm, args: &[Value]) -> Result<Box<[Value]>, Exception> {
    let mut out = Vec::with_capacity(args.len());
    for &a in args {
        let it = vm.iter(a)?;
        vm.pinned.push(it);
        out.push(it);
    }
    vm.pinned.truncate(vm.pinned.len() - out.len());
    Ok(out.into_boxed_slice())
}

pub(super) fn zip(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let iters = iterators(vm, args)?;
    Ok(Value::Obj(vm.heap.alloc(Object::Zip { iters })))
}

pub(super) fn map(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    if args.len() < 2 {
        return Err(Exception::new(
            "TypeError",
            "map() must have at least two arguments.",
        ));
    }
    let iters = iterators(vm, &args[1..])?;
    Ok(Value::Obj(vm.heap.alloc(Object::Map {
        func: args[0],
        iters,
    })))
}

pub(super) fn filter(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expected_arity("filter", args, 2, 2)?;
    let it = vm.iter(args[1])?;
    Ok(Value::Obj(vm.heap.alloc(Object::Filter {
        func: args[0],
        iter: it,
    })))
}

pub(super) fn reversed(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expected_arity("reversed", args, 1, 1)?;
    let v = args[0];
    if ops::is_instance(&vm.heap, v) {
        if let Some(it) = ops::Host::special(vm, v, "__reversed__", &[])? {
            return Ok(it);
        }
    }
    if let Some(r) = v.as_obj() {
        match vm.heap.get(r) {
            Object::List(items) => {
                let left = items.len();
                return Ok(Value::Obj(vm.heap.alloc(Object::Reversed { seq: r, left })));
            }
            Object::Tuple(_) | Object::Str(_) | Object::Range { .. } | Object::Dict(_) => {
                let mut items = vm.collect(v)?;
                items.reverse();
                let list = vm.heap.alloc(Object::List(items));
                return vm.iter(Value::Obj(list));
            }
            _ => {}
        }
    }
    Err(Exception::new(
        "TypeError",
        format!("'{}' object is not reversible", type_name(&vm.heap, v)),
    ))
}

fn any_all(vm: &mut Vm, args: &[Value], name: &str, stop_on: bool) -> Result<Value, Exception> {
    arity(name, args, 1, 1)?;
    let it = vm.iter(args[0])?;
    vm.pinned.push(it);
    let result = (|| {
        while let Some(item) = vm.next(it)? {
            if ops::truthy_in(vm, item)? == stop_on {
                return Ok(Value::Bool(stop_on));
            }
        }
        Ok(Value::Bool(!stop_on))
    })();
    vm.pinned.pop();
    result
}

pub(super) fn any(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    any_all(vm, args, "any", true)
}

pub(super) fn all(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    any_all(vm, args, "all", false)
}

pub(super) fn iter(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expected_arity("iter", args, 1, 2)?;
    if args.len() == 2 {
        return Err(Exception::new(
            "NotImplementedError",
            "iter(callable, sentinel) is not supported",
        ));
    }
    vm.iter(args[0])
}

pub(super) fn next(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expected_arity("next", args, 1, 2)?;
    let it = args[0];
    let is_iterator = match it.as_obj().map(|r| vm.heap.get(r)) {
        Some(Object::Instance(_)) => vm.special_method(it, "__next__").is_some(),
        Some(o) => o.is_iterator(),
        None => false,
    };
    if !is_iterator {
        return Err(Exception::new(
            "TypeError",
            format!("'{}' object is not an iterator", type_name(&vm.heap, it)),
        ));
    }
    if let Some(Object::Generator(_)) = it.as_obj().map(|r| vm.heap.get(r)) {
        return match super::generators::next(vm, &[it], &[]) {
            Err(e) if e.kind == "StopIteration" && args.len() == 2 => Ok(args[1]),
            other => other,
        };
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(&default) => Ok(default),
            None => Err(Exception::new("StopIteration", "")),
        },
    }
}

impl Vm {
    /// The next item of a `map`, `filter` or `reversed` iterator.
    pub(super) fn next_lazy(&mut self, it: Value) -> Result<Option<Value>, Exception> {
        let Some(r) = it.as_obj() else {
            return Ok(None);
        };
        match self.heap.get(r) {
            Object::Map { func, iters } => {
                let (func, iters) = (*func, iters.clone());
                let mut items = Vec::with_capacity(iters.len());
                for &inner in iters.iter() {
                    match self.next(inner)? {
                        Some(v) => {
                            self.pinned.push(v);
                            items.push(v);
                        }
                        None => {
                            self.pinned.truncate(self.pinned.len() - items.len());
                            return Ok(None);
                        }
                    }
                }
                let result = self.call_value(func, &items, &[]);
                self.pinned.truncate(self.pinned.len() - items.len());
                result.map(Some)
            }
            Object::Filter { func, iter } => {
                let (func, inner) = (*func, *iter);
                while let Some(item) = self.next(inner)? {
                    let keep = if func == Value::None {
                        item
                    } else {
                        self.pinned.push(item);
                        let k = self.call_value(func, &[item], &[]);
                        self.pinned.pop();
                        k?
                    };
                    if ops::truthy_in(self, keep)? {
                        return Ok(Some(item));
                    }
                }
                Ok(None)
            }
            Object::Reversed { seq, left } => {
                let (seq, left) = (*seq, *left);
                let len = match self.heap.get(seq) {
                    Object::List(items) => items.len(),
                    _ => 0,
                };
                if left == 0 || left > len {
                    return Ok(None);
                }
                if let Object::Reversed { left, .. } = self.heap.get_mut(r) {
                    *left -= 1;
                }
                match self.heap.get(seq) {
                    Object::List(items) => Ok(items.get(left - 1).copied()),
                    _ => Ok(None),
                }
            }
            _ => Ok(None),
        }
    }
}
