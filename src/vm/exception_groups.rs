//! Exception groups: the `BaseExceptionGroup` and `ExceptionGroup` classes (construction,
//! `split`, `subgroup`, `derive`), and what `except*` clauses do with them — matching a clause's
//! types against what is left of the caught exception, and working out what to raise when the
//! clauses are done.

use std::rc::Rc;

use super::builtins::arity;
use super::classes::class;
use super::exceptions::{is_instance_of, is_kind, state, state_mut};
use super::ops::{self, new_str};
use super::{Exception, Vm};
use crate::runtime::{Heap, ObjRef, Object, Value};

type Kwargs<'a> = &'a [(Rc<str>, Value)];

/// Makes the two exception group classes: `ExceptionGroup` derives from both
/// `BaseExceptionGroup` and `Exception`.
pub(super) fn install(vm: &mut Vm) {
    let base_exception = vm.builtin_type("BaseException");
    let exception = vm.builtin_type("Exception");
    let object = vm.builtin_type("object");
    let base_group = vm.builtin_class("BaseExceptionGroup", Some(base_exception), None);
    let group = vm.builtin_class("ExceptionGroup", Some(base_group), None);
    if let Object::Class(c) = vm.heap.get_mut(group) {
        c.bases = Box::new([base_group, exception]);
        c.mro = Box::new([group, base_group, exception, base_exception, object]);
    }
    let methods: [(&'static str, crate::runtime::object::NativeFn); 4] = [
        ("__init__", group_init),
        ("derive", group_derive),
        ("split", group_split),
        ("subgroup", group_subgroup),
    ];
    vm.add_native_methods(base_group, &methods);
    for (name, r) in [
        ("BaseExceptionGroup", base_group),
        ("ExceptionGroup", group),
    ] {
        vm.set_builtin(name, Value::Obj(r));
    }
}

/// Whether `v` is an exception group.
fn is_group(vm: &Vm, v: Value) -> bool {
    is_instance_of(&vm.heap, v, "BaseExceptionGroup")
}

/// The sub-exceptions of `v` if it is an exception group.
pub(super) fn sub_exceptions(vm: &Vm, v: Value) -> Option<Vec<Value>> {
    let items = state(&vm.heap, v).map_or(Value::None, |s| s.group_items);
    match items.as_obj().map(|r| vm.heap.get(r)) {
        Some(Object::Tuple(items)) => Some(items.to_vec()),
        _ => None,
    }
}

/// `str(group)`: `message (n sub-exceptions)`; `None` if `exc` is not a group.
pub(super) fn group_text(heap: &Heap, exc: Value) -> Option<String> {
    let s = state(heap, exc)?;
    let count = match s.group_items.as_obj().map(|r| heap.get(r)) {
        Some(Object::Tuple(items)) => items.len(),
        _ => return None,
    };
    let message = s
        .args
        .first()
        .and_then(|&m| ops::str_of(heap, m))
        .unwrap_or_default();
    let plural = if count == 1 { "" } else { "s" };
    Some(format!("{message} ({count} sub-exception{plural})"))
}

/// `BaseExceptionGroup(message, exceptions)`: checks both, and makes a `BaseExceptionGroup` of
/// nothing but `Exception`s an `ExceptionGroup`, as CPython's constructor does.
fn group_init(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let Some((&this, rest)) = args.split_first() else {
        return Ok(Value::None);
    };
    let Some(cls) = this.as_obj().and_then(|r| match vm.heap.get(r) {
        Object::Instance(i) => Some(i.class),
        _ => None,
    }) else {
        return Ok(Value::None);
    };
    if rest.len() != 2 {
        return Err(Exception::new(
            "TypeError",
            format!(
                "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
                rest.len()
            ),
        ));
    }
    let (message, given) = (rest[0], rest[1]);
    if ops::str_of(&vm.heap, message).is_none() {
        return Err(Exception::new(
            "TypeError",
            format!(
                "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
                ops::type_name(&vm.heap, message)
            ),
        ));
    }
    let excs = match given.as_obj().map(|r| vm.heap.get(r)) {
        Some(Object::List(items)) => items.clone(),
        Some(Object::Tuple(items)) => items.to_vec(),
        _ => {
            return Err(Exception::new(
                "TypeError",
                "second argument (exceptions) must be a sequence",
            ))
        }
    };
    if excs.is_empty() {
        return Err(Exception::new(
            "ValueError",
            "second argument (exceptions) must be a non-empty sequence",
        ));
    }
    let mut all_exceptions = true;
    for (i, &e) in excs.iter().enumerate() {
        let is_exception = match e.as_obj().map(|r| vm.heap.get(r)) {
            Some(Object::Instance(inst)) if inst.is_exception() => {
                is_kind(&vm.heap, inst.class, "Exception")
            }
            _ => {
                return Err(Exception::new(
                    "ValueError",
                    format!("Item {i} of second argument (exceptions) is not an exception"),
                ))
            }
        };
        all_exceptions &= is_exception;
    }
    let base_group = vm.builtin_type("BaseExceptionGroup");
    let group = vm.builtin_type("ExceptionGroup");
    let class_for_items = if cls == base_group && all_exceptions {
        group
    } else {
        cls
    };
    if !all_exceptions && is_kind(&vm.heap, cls, "Exception") {
        let message = if cls == group {
            "Cannot nest BaseExceptions in an ExceptionGroup".to_owned()
        } else {
            let name = class(&vm.heap, cls).map_or(Rc::from("?"), |c| c.name.clone());
            format!("Cannot nest BaseExceptions in '{name}'")
        };
        return Err(Exception::new("TypeError", message));
    }
    let items = Value::Obj(vm.heap.alloc(Object::Tuple(excs.into_boxed_slice())));
    if let Some(Object::Instance(i)) = this.as_obj().map(|r| vm.heap.get_mut(r)) {
        i.class = class_for_items;
        if let Some(s) = i.exception_mut() {
            s.args = Box::new([message, given]);
            s.message = None;
            s.group_items = items;
        }
    }
    Ok(Value::None)
}

/// `group.derive(excs)`: a group of the same message holding `excs`.
fn group_derive(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("derive", args, 2, 2)?;
    let message = state(&vm.heap, args[0]).and_then(|s| s.args.first().copied());
    vm.new_exception_group(message.unwrap_or(Value::None), args[1])
}

fn group_split(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("split", args, 2, 2)?;
    let condition = Condition::new(vm, args[1])?;
    let (matched, rest) = vm.split_group(args[0], &condition)?;
    let pair = [matched.unwrap_or(Value::None), rest.unwrap_or(Value::None)];
    Ok(Value::Obj(vm.heap.alloc(Object::Tuple(Box::new(pair)))))
}

fn group_subgroup(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("subgroup", args, 2, 2)?;
    let condition = Condition::new(vm, args[1])?;
    let (matched, _) = vm.split_group(args[0], &condition)?;
    Ok(matched.unwrap_or(Value::None))
}

/// What `split` and `subgroup` select by.
enum Condition {
    /// An exception class or a tuple of them.
    Types(Value),
    /// A function of an exception.
    Predicate(Value),
    /// The leaves that are these objects (what `except*` clauses raised again).
    Leaves(Vec<Value>),
}

impl Condition {
    fn new(vm: &Vm, v: Value) -> Result<Condition, Exception> {
        let is_exception_class = |r: ObjRef| class(&vm.heap, r).is_some_and(|c| c.is_exception);
        match v.as_obj().map(|r| (r, vm.heap.get(r))) {
            Some((r, Object::Class(_))) if is_exception_class(r) => Ok(Condition::Types(v)),
            Some((_, Object::Tuple(items)))
                if items
                    .iter()
                    .all(|t| t.as_obj().is_some_and(is_exception_class)) =>
            {
                Ok(Condition::Types(v))
            }
            Some((_, Object::Function(_) | Object::Native(_) | Object::Method { .. })) => {
                Ok(Condition::Predicate(v))
            }
            _ => Err(Exception::new(
                "TypeError",
                "expected a function, exception type or tuple of exception types",
            )),
        }
    }
}

impl Vm {
    /// `BaseExceptionGroup(message, excs)`: an `ExceptionGroup` when they all are `Exception`s.
    pub(super) fn new_exception_group(
        &mut self,
        message: Value,
        excs: Value,
    ) -> Result<Value, Exception> {
        let base_group = self.builtin_type("BaseExceptionGroup");
        self.call_value(Value::Obj(base_group), &[message, excs], &[])
    }

    fn condition_holds(&mut self, exc: Value, condition: &Condition) -> Result<bool, Exception> {
        match condition {
            Condition::Types(t) => super::exceptions::matches(&self.heap, exc, *t),
            Condition::Predicate(f) => {
                let verdict = self.call_value(*f, &[exc], &[])?;
                ops::truthy_in(self, verdict)
            }
            Condition::Leaves(leaves) => Ok(leaves.contains(&exc)),
        }
    }

    /// `exc.split(condition)` for a group or a single exception: the part that matches and
    /// the rest, each `None` when empty. Groups made for the parts keep `exc`'s traceback,
    /// cause and context.
    fn split_group(
        &mut self,
        exc: Value,
        condition: &Condition,
    ) -> Result<(Option<Value>, Option<Value>), Exception> {
        self.split_group_at(exc, condition, 0)
    }

    /// `split_group` of a group nested `depth` deep in the one being split (as deep as the
    /// recursion limit allows, as in CPython).
    fn split_group_at(
        &mut self,
        exc: Value,
        condition: &Condition,
        depth: usize,
    ) -> Result<(Option<Value>, Option<Value>), Exception> {
        if self.frames.len() + depth >= self.recursion_limit {
            return Err(Exception::new(
                "RecursionError",
                "maximum recursion depth exceeded in exceptiongroup_split_recursive",
            ));
        }
        if self.condition_holds(exc, condition)? {
            return Ok((Some(exc), None));
        }
        if !is_group(self, exc) {
            return Ok((None, Some(exc)));
        }
        let mut matched = Vec::new();
        let mut rest = Vec::new();
        for e in sub_exceptions(self, exc).unwrap_or_default() {
            let (m, r) = self
                .with_pinned(matched.iter().chain(&rest).copied().chain([exc]), |vm| {
                    vm.split_group_at(e, condition, depth + 1)
                })?;
            matched.extend(m);
            rest.extend(r);
        }
        let matched = self.derived(exc, matched, &rest)?;
        let pinned = matched.into_iter().chain([exc]);
        let rest = self.with_pinned(pinned, |vm| vm.derived(exc, rest, &[]))?;
        Ok((matched, rest))
    }

    /// `group.derive(excs)` with `group`'s traceback, cause and context, or `None` for no
    /// exceptions (`keep` stays alive meanwhile).
    fn derived(
        &mut self,
        group: Value,
        excs: Vec<Value>,
        keep: &[Value],
    ) -> Result<Option<Value>, Exception> {
        if excs.is_empty() {
            return Ok(None);
        }
        let list = Value::Obj(self.heap.alloc(Object::List(excs)));
        let derive = self.get_attr(group, &Rc::from("derive"))?;
        let made = self.with_pinned(keep.iter().copied().chain([list, group]), |vm| {
            vm.call_value(derive, &[list], &[])
        })?;
        let copied = state(&self.heap, group).map(|s| (s.traceback.clone(), s.cause, s.context));
        if let (Some((traceback, cause, context)), Some(s)) =
            (copied, state_mut(&mut self.heap, made))
        {
            s.traceback = traceback;
            s.cause = cause;
            s.context = context;
        }
        // Its notes too, in a list of its own.
        let notes = match group.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::Instance(i)) => i.get(&self.shapes, "__notes__").copied(),
            _ => None,
        };
        if let Some(Object::List(items)) = notes.and_then(|n| n.as_obj()).map(|r| self.heap.get(r))
        {
            let copy = Value::Obj(self.heap.alloc(Object::List(items.clone())));
            self.with_pinned([made, copy], |vm| {
                vm.set_attr(made, &Rc::from("__notes__"), copy)
            })?;
        }
        Ok(Some(made))
    }

    /// `except* types`: splits `rest` (what no clause has matched yet; `None` once nothing is
    /// left) by `types`, returning the part for this clause (`None` when nothing matched) and
    /// the new rest. A single exception that matches comes wrapped in an `ExceptionGroup`.
    pub(super) fn except_star_match(
        &mut self,
        rest: Value,
        types: Value,
    ) -> Result<(Value, Value), Exception> {
        let valid = Condition::new(self, types)
            .ok()
            .filter(|c| matches!(c, Condition::Types(_)));
        let Some(condition) = valid else {
            return Err(Exception::new(
                "TypeError",
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        };
        let catches_groups = |vm: &Vm, t: Value| {
            t.as_obj()
                .is_some_and(|r| is_kind(&vm.heap, r, "BaseExceptionGroup"))
        };
        let catches_group = match types.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::Tuple(items)) => items.iter().any(|&t| catches_groups(self, t)),
            _ => catches_groups(self, types),
        };
        if catches_group {
            return Err(Exception::new(
                "TypeError",
                "catching ExceptionGroup with except* is not allowed. Use except instead.",
            ));
        }
        if rest == Value::None {
            return Ok((Value::None, Value::None));
        }
        if self.condition_holds(rest, &condition)? {
            if is_group(self, rest) {
                return Ok((rest, Value::None));
            }
            let wrapped = self.wrap_in_group(rest)?;
            return Ok((wrapped, Value::None));
        }
        if !is_group(self, rest) {
            return Ok((Value::None, rest));
        }
        let (matched, left) = self.split_group(rest, &condition)?;
        Ok((matched.unwrap_or(Value::None), left.unwrap_or(Value::None)))
    }

    /// `ExceptionGroup('', [exc])`, with `exc`'s traceback.
    fn wrap_in_group(&mut self, exc: Value) -> Result<Value, Exception> {
        let items = Value::Obj(self.heap.alloc(Object::Tuple(Box::new([exc]))));
        let empty = new_str(&mut self.heap, "");
        let wrapped = self.new_exception_group(empty, items)?;
        let traceback = state(&self.heap, exc).map(|s| s.traceback.clone());
        if let (Some(traceback), Some(s)) = (traceback, state_mut(&mut self.heap, wrapped)) {
            s.traceback = traceback;
        }
        Ok(wrapped)
    }

    /// After the `except*` clauses of a `try` that caught `original`: what to raise, from the
    /// exceptions the clauses raised and what no clause matched (`raised`, in that order), or
    /// `None`. Exceptions raised again unchanged go back into `original`'s structure; new ones
    /// are grouped with that.
    pub(super) fn prepare_except_star_reraise(
        &mut self,
        original: Value,
        raised: Value,
    ) -> Result<Value, Exception> {
        let raised = match raised.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::List(items)) => items.clone(),
            _ => Vec::new(),
        };
        let raised: Vec<Value> = raised.into_iter().filter(|&e| e != Value::None).collect();
        if !is_group(self, original) {
            return Ok(raised.first().copied().unwrap_or(Value::None));
        }
        let (again, mut new): (Vec<Value>, Vec<Value>) = raised
            .into_iter()
            .partition(|&e| self.same_metadata(e, original));
        let mut leaves = Vec::new();
        for e in again {
            self.collect_leaves(e, &mut leaves);
        }
        let projected = if leaves.is_empty() {
            None
        } else {
            self.split_group(original, &Condition::Leaves(leaves))?.0
        };
        if new.is_empty() {
            return Ok(projected.unwrap_or(Value::None));
        }
        new.extend(projected);
        if let [only] = new[..] {
            return Ok(only);
        }
        let list = Value::Obj(self.heap.alloc(Object::List(new)));
        let empty = new_str(&mut self.heap, "");
        self.new_exception_group(empty, list)
    }

    /// Whether `e` carries `original`'s traceback, cause and context (a part of it raised again
    /// by a bare `raise`, rather than a new exception).
    fn same_metadata(&self, e: Value, original: Value) -> bool {
        match (state(&self.heap, e), state(&self.heap, original)) {
            (Some(a), Some(b)) => {
                a.cause == b.cause && a.context == b.context && a.traceback == b.traceback
            }
            _ => false,
        }
    }

    fn collect_leaves(&self, e: Value, leaves: &mut Vec<Value>) {
        let mut pending = vec![e];
        while let Some(e) = pending.pop() {
            match sub_exceptions(self, e) {
                Some(subs) => pending.extend(subs.into_iter().rev()),
                None => leaves.push(e),
            }
        }
    }
}
