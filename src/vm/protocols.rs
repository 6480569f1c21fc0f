//! The operations that class instances can define in Python: arithmetic (`__add__`, its
//! reflected and in-place forms), unary operators, subscripts, `len`, iteration, and the special
//! methods the operators module runs through the [`Host`] trait (`__eq__`, `__repr__`, `__bool__`).
//! Built-in values take the operators module's paths directly.

use super::ops::{self, is_instance, type_name, Host};
use super::{Exception, Vm};
use crate::runtime::object::DictPart;
use crate::runtime::{Heap, ObjRef, Object, Value};
use crate::syntax::ast::{BinOp, UnaryOp};

impl Host for Vm {
    fn heap(&self) -> &Heap {
        &self.heap
    }

    fn next_item(&mut self, it: Value) -> Result<Option<Value>, Exception> {
        self.next(it)
    }

    fn table_lookup(&mut self, table: ObjRef, key: Value) -> Result<Option<Value>, Exception> {
        self.table_get(table, key)
    }

    fn special(
        &mut self,
        v: Value,
        name: &str,
        args: &[Value],
    ) -> Result<Option<Value>, Exception> {
        match self.special_method(v, name) {
            Some(Value::None) if name == "__hash__" => Ok(None),
            Some(method) => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(v);
                all.extend_from_slice(args);
                self.call_value(method, &all, &[]).map(Some)
            }
            None => Ok(None),
        }
    }

    fn is_not_implemented(&self, v: Value) -> bool {
        v == self.not_implemented
    }

    fn format_special(&mut self, v: Value, spec: &str) -> Result<Option<String>, Exception> {
        if self.special_method(v, "__format__").is_none() {
            return Ok(None);
        }
        let spec = ops::new_str(&mut self.heap, spec);
        match self.with_pinned([spec], |vm| vm.special(v, "__format__", &[spec]))? {
            Some(text) => ops::string_result(&self.heap, text, "__format__").map(Some),
            None => Ok(None),
        }
    }

    fn live_repr(&self, r: ObjRef) -> Option<String> {
        (self.current_task == Some(r)).then(|| self.future_repr(r))
    }

    fn repr_room(&self) -> usize {
        self.recursion_limit.saturating_sub(self.frames.len() + 1)
    }
}

/// The special method names of a binary operator: plain, reflected, in-place.
fn binary_names(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mult => ("__mul__", "__rmul__", "__imul__"),
        BinOp::MatMult => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::BitOr => ("__or__", "__ror__", "__ior__"),
        BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        BinOp::BitAnd => ("__and__", "__rand__", "__iand__"),
    }
}

impl Vm {
    /// `a op b` (or `a op= b` when `in_place`), with class instances' special methods.
    pub(super) fn binary_op(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
        in_place: bool,
    ) -> Result<Value, Exception> {
        if let Some(v) = ops::str_concat_fast_path(&mut self.heap, op, a, b) {
            return Ok(v);
        }
        if !is_instance(&self.heap, a) && !is_instance(&self.heap, b) {
            if in_place {
                if let Some(v) = super::containers::in_place(self, op, a, b)? {
                    return Ok(v);
                }
            }
            if op == BinOp::Mod {
                if let Some(Object::Str(_)) = a.as_obj().map(|r| self.heap.get(r)) {
                    return super::formatting::percent_format(self, a, b);
                }
            }
            if op == BinOp::BitOr {
                if let Some(v) = super::containers::dict_union(&mut self.heap, a, b)? {
                    return Ok(v);
                }
                if self.is_class(a) || self.is_class(b) {
                    let union = self.embedded_global("types", "_union")?;
                    let v = self.call_value(union, &[a, b], &[])?;
                    if !self.is_not_implemented(v) {
                        return Ok(v);
                    }
                }
            }
            if let Some(v) = super::sets::binary(&mut self.heap, op, a, b)? {
                return Ok(v);
            }
            if let Some(v) = self.dict_view_binary(op, a, b)? {
                return Ok(v);
            }
            return self.plain_binary(op, a, b, in_place);
        }
        let (name, reflected, inplace_name) = binary_names(op);
        if in_place {
            if let Some(v) = self.special(a, inplace_name, &[b])? {
                if !self.is_not_implemented(v) {
                    return Ok(v);
                }
            }
        }
        match self.special_binary(a, b, name, reflected, &[])? {
            Some(v) => Ok(v),
            None => self.plain_binary(op, a, b, in_place),
        }
    }

    /// `a op b` where one side is a dict's keys or items view and the operator a set's
    /// (`&`, `|`, `-`, `^`): both sides as sets; `None` for other operands.
    fn dict_view_binary(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
    ) -> Result<Option<Value>, Exception> {
        let is_set_view = |v: Value| {
            matches!(
                v.as_obj().map(|r| self.heap.get(r)),
                Some(Object::DictView {
                    part: DictPart::Keys | DictPart::Items,
                    ..
                })
            )
        };
        let set_op = matches!(
            op,
            BinOp::BitAnd | BinOp::BitOr | BinOp::Sub | BinOp::BitXor
        );
        if !set_op || !(is_set_view(a) || is_set_view(b)) {
            return Ok(None);
        }
        let set_class = Value::Obj(self.builtin_type("set"));
        let a = self.call_value(set_class, &[a], &[])?;
        let b = self.with_pinned([a], |vm| vm.call_value(set_class, &[b], &[]))?;
        super::sets::binary(&mut self.heap, op, a, b)
    }

    /// `a.name(b, *extra)`, else `b.reflected(a)` (unless `reflected` is empty), for the
    /// instances among them: the first result other than `NotImplemented`.
    pub(super) fn special_binary(
        &mut self,
        a: Value,
        b: Value,
        name: &str,
        reflected: &str,
        extra: &[Value],
    ) -> Result<Option<Value>, Exception> {
        if !is_instance(&self.heap, a) && !is_instance(&self.heap, b) {
            return Ok(None);
        }
        let found = match extra {
            [] => self.special(a, name, &[b])?,
            _ => self.special(a, name, &[&[b], extra].concat())?,
        };
        if let Some(v) = found {
            if !self.is_not_implemented(v) {
                return Ok(Some(v));
            }
        }
        if reflected.is_empty() {
            return Ok(None);
        }
        match self.special(b, reflected, &[a])? {
            Some(v) if !self.is_not_implemented(v) => Ok(Some(v)),
            _ => Ok(None),
        }
    }

    /// `a op b` of values without special methods; an unsupported `a op= b` names `op=`, as
    /// CPython does.
    fn plain_binary(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
        in_place: bool,
    ) -> Result<Value, Exception> {
        ops::binary(&mut self.heap, op, a, b).map_err(|mut e| {
            if in_place && e.message.starts_with("unsupported operand type(s) for ") {
                let (ta, tb) = (ops::type_name(&self.heap, a), ops::type_name(&self.heap, b));
                let symbol = ops::binary_symbol(op);
                e.message = format!("unsupported operand type(s) for {symbol}=: '{ta}' and '{tb}'");
            }
            e
        })
    }

    /// `op a`, with class instances' special methods.
    pub(super) fn unary_op(&mut self, op: UnaryOp, a: Value) -> Result<Value, Exception> {
        if op == UnaryOp::Not {
            return ops::truthy_in(self, a).map(|t| Value::Bool(!t));
        }
        if is_instance(&self.heap, a) {
            let name = match op {
                UnaryOp::Neg => "__neg__",
                UnaryOp::Pos => "__pos__",
                _ => "__invert__",
            };
            if let Some(v) = self.special(a, name, &[])? {
                return Ok(v);
            }
        }
        ops::unary(&mut self.heap, op, a)
    }

    /// What instance `v`'s `__index__` gives (an int), or `v` itself when it is not an
    /// instance with one.
    pub(super) fn index_value(&mut self, v: Value) -> Result<Value, Exception> {
        if !is_instance(&self.heap, v) {
            return Ok(v);
        }
        match self.special(v, "__index__", &[])? {
            Some(i @ (Value::Int(_) | Value::Bool(_))) => Ok(i),
            Some(i)
                if matches!(
                    i.as_obj().map(|r| self.heap.get(r)),
                    Some(Object::BigInt(_))
                ) =>
            {
                Ok(i)
            }
            Some(i) => Err(Exception::new(
                "TypeError",
                format!(
                    "__index__ returned non-int (type {})",
                    ops::type_name(&self.heap, i)
                ),
            )),
            None => Ok(v),
        }
    }

    /// `container[key]`.
    pub(super) fn get_item(&mut self, container: Value, key: Value) -> Result<Value, Exception> {
        if is_instance(&self.heap, container) {
            if let Some(v) = self.special(container, "__getitem__", &[key])? {
                return Ok(v);
            }
        }
        if let Some(d) = self.dict_ref(container) {
            return match self.table_get(d, key)? {
                Some(v) => Ok(v),
                None => Err(self.key_error(key)),
            };
        }
        if let Some(Object::Class(c)) = container.as_obj().map(|r| self.heap.get(r)) {
            return self.class_get_item(c.builtin, container, key);
        }
        let key = self.index_value(key)?;
        super::containers::get_item(&mut self.heap, container, key)
    }

    /// `cls[key]`: a built-in generic's `types.GenericAlias` (`list[int]`), or what the
    /// class's `__class_getitem__` (implicitly a class method) makes of `key`.
    fn class_get_item(
        &mut self,
        builtin: Option<&'static str>,
        cls: Value,
        key: Value,
    ) -> Result<Value, Exception> {
        const GENERIC: [&str; 6] = ["list", "dict", "tuple", "set", "frozenset", "type"];
        if builtin.is_some_and(|name| GENERIC.contains(&name)) {
            let alias = self.embedded_global("types", "GenericAlias")?;
            return self.call_value(alias, &[cls, key], &[]);
        }
        let hook = cls
            .as_obj()
            .and_then(|r| super::classes::lookup(&self.heap, r, "__class_getitem__"));
        let Some(hook) = hook else {
            let name = match cls.as_obj().map(|r| self.heap.get(r)) {
                Some(Object::Class(c)) => c.name.to_string(),
                _ => ops::to_str(&self.heap, cls),
            };
            return Err(Exception::new(
                "TypeError",
                format!("type '{name}' is not subscriptable"),
            ));
        };
        let function = match hook.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::ClassMethod(f)) => *f,
            _ => hook,
        };
        self.call_value(function, &[cls, key], &[])
    }

    /// `KeyError(key)`, its message the key's `repr` (with the class's `__repr__`).
    pub(super) fn key_error(&mut self, key: Value) -> Exception {
        let mut e = Exception::key_error(&self.heap, key);
        if let Ok(text) = ops::repr_in(self, key) {
            e.message = text;
        }
        e
    }

    fn is_class(&self, v: Value) -> bool {
        matches!(v.as_obj().map(|r| self.heap.get(r)), Some(Object::Class(_)))
    }

    /// The dict object `v` is, if it is one.
    fn dict_ref(&self, v: Value) -> Option<ObjRef> {
        v.as_obj()
            .filter(|&r| matches!(self.heap.get(r), Object::Dict(_)))
    }

    /// `container[key] = value`.
    pub(super) fn set_item(
        &mut self,
        container: Value,
        key: Value,
        value: Value,
    ) -> Result<(), Exception> {
        if is_instance(&self.heap, container)
            && self
                .special(container, "__setitem__", &[key, value])?
                .is_some()
        {
            return Ok(());
        }
        let list = container
            .as_obj()
            .filter(|&r| matches!(self.heap.get(r), Object::List(_)));
        let is_slice = matches!(
            key.as_obj().map(|r| self.heap.get(r)),
            Some(Object::Slice { .. })
        );
        if let (Some(list), true) = (list, is_slice) {
            let items = self.collect(value)?;
            return super::containers::assign_slice(&mut self.heap, list, key, items);
        }
        if let Some(d) = self.dict_ref(container) {
            return self.table_set(d, key, value);
        }
        let key = self.index_value(key)?;
        super::containers::set_item(&mut self.heap, container, key, value)
    }

    /// `del container[key]`.
    pub(super) fn del_item(&mut self, container: Value, key: Value) -> Result<(), Exception> {
        if is_instance(&self.heap, container)
            && self.special(container, "__delitem__", &[key])?.is_some()
        {
            return Ok(());
        }
        if let Some(d) = self.dict_ref(container) {
            return match self.table_remove(d, key)? {
                Some(_) => Ok(()),
                None => Err(self.key_error(key)),
            };
        }
        let key = self.index_value(key)?;
        super::containers::del_item(&mut self.heap, container, key)
    }

    /// `len(v)`.
    pub(super) fn len_of(&mut self, v: Value) -> Result<usize, Exception> {
        if is_instance(&self.heap, v) {
            return match self.special(v, "__len__", &[])? {
                Some(Value::Int(n)) if n >= 0 => Ok(n as usize),
                Some(Value::Int(_)) => {
                    Err(Exception::new("ValueError", "__len__() should return >= 0"))
                }
                Some(other) => Err(super::ops::not_an_integer(&self.heap, other)),
                None => Err(Exception::new(
                    "TypeError",
                    format!("object of type '{}' has no len()", type_name(&self.heap, v)),
                )),
            };
        }
        super::builtins::builtin_len(&self.heap, v)
    }

    /// `iter(v)`.
    pub(super) fn iter(&mut self, v: Value) -> Result<Value, Exception> {
        if is_instance(&self.heap, v) {
            if let Some(it) = self.special(v, "__iter__", &[])? {
                if self.special_method(it, "__next__").is_none() && is_instance(&self.heap, it) {
                    return Err(Exception::new(
                        "TypeError",
                        format!(
                            "iter() returned non-iterator of type '{}'",
                            type_name(&self.heap, it)
                        ),
                    ));
                }
                return Ok(it);
            }
            if let (Some(seq), Some(_)) = (v.as_obj(), self.special_method(v, "__getitem__")) {
                return Ok(Value::Obj(
                    self.heap.alloc(Object::SeqIter { seq, index: 0 }),
                ));
            }
        }
        super::builtins::iter(&mut self.heap, v)
    }

    /// The iterator's next item, or `None` when it is exhausted.
    pub(super) fn next(&mut self, it: Value) -> Result<Option<Value>, Exception> {
        match it.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::Instance(_)) => match self.special(it, "__next__", &[]) {
                Ok(Some(v)) => Ok(Some(v)),
                Ok(None) => Err(Exception::new(
                    "TypeError",
                    format!("'{}' object is not an iterator", type_name(&self.heap, it)),
                )),
                Err(e) if e.kind == "StopIteration" => Ok(None),
                Err(e) => Err(e),
            },
            Some(Object::SeqIter { seq, index }) => {
                let (seq, index) = (*seq, *index);
                if !matches!(self.heap.get(seq), Object::Instance(_)) {
                    return super::builtins::next(&mut self.heap, it);
                }
                if let Some(Object::SeqIter { index, .. }) =
                    it.as_obj().map(|r| self.heap.get_mut(r))
                {
                    *index += 1;
                }
                match self.get_item(Value::Obj(seq), Value::Int(index as i64)) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if matches!(e.kind, "IndexError" | "StopIteration") => Ok(None),
                    Err(e) => Err(e),
                }
            }
            Some(Object::Generator(_)) => self.resume_for_next(it),
            Some(Object::Map { .. } | Object::Filter { .. } | Object::Reversed { .. }) => {
                self.next_lazy(it)
            }
            Some(Object::Enumerate { iter, count }) => {
                let (inner, n) = (*iter, *count);
                let Some(item) = self.next(inner)? else {
                    return Ok(None);
                };
                if let Some(Object::Enumerate { count, .. }) =
                    it.as_obj().map(|r| self.heap.get_mut(r))
                {
                    *count += 1;
                }
                let pair = self
                    .heap
                    .alloc(Object::Tuple(Box::new([Value::Int(n), item])));
                Ok(Some(Value::Obj(pair)))
            }
            // `zip()` of nothing is empty at once.
            Some(Object::Zip { iters }) if iters.is_empty() => Ok(None),
            Some(Object::Zip { iters }) => {
                let iters = iters.clone();
                let mut items = Vec::with_capacity(iters.len());
                for &inner in iters.iter() {
                    match self.next(inner)? {
                        Some(v) => items.push(v),
                        None => return Ok(None),
                    }
                }
                Ok(Some(Value::Obj(
                    self.heap.alloc(Object::Tuple(items.into_boxed_slice())),
                )))
            }
            _ => super::builtins::next(&mut self.heap, it),
        }
    }

    /// All items of an iterable.
    /// The items of a mapping: a dict's own, or, for an object with a `keys` method, each key
    /// with `obj[key]`; `None` for anything else.
    pub(super) fn mapping_pairs(
        &mut self,
        v: Value,
    ) -> Result<Option<Vec<(Value, Value)>>, Exception> {
        if let Some(Object::Dict(d)) = v.as_obj().map(|r| self.heap.get(r)) {
            return Ok(Some(d.iter().collect()));
        }
        let Some(keys) = self.special_method(v, "keys") else {
            return Ok(None);
        };
        let keys = self.call_value(keys, &[v], &[])?;
        let keys = self.with_pinned([v, keys], |vm| vm.collect(keys))?;
        let mut pairs = Vec::with_capacity(keys.len());
        for k in keys {
            let pinned = pairs.iter().flat_map(|&(a, b): &(Value, Value)| [a, b]);
            let value = self.with_pinned(pinned.chain([v, k]).collect::<Vec<_>>(), |vm| {
                vm.get_item(v, k)
            })?;
            pairs.push((k, value));
        }
        Ok(Some(pairs))
    }

    /// What `dict(source)` and `d.update(source)` add: a mapping's items, or the pairs an
    /// iterable of two-item sequences gives.
    pub(super) fn update_pairs(&mut self, source: Value) -> Result<Vec<(Value, Value)>, Exception> {
        if let Some(pairs) = self.mapping_pairs(source)? {
            return Ok(pairs);
        }
        let mut pairs = Vec::new();
        for (i, item) in self.collect(source)?.into_iter().enumerate() {
            let pair = self.collect(item).map_err(|_| {
                Exception::new(
                    "TypeError",
                    format!("cannot convert dictionary update sequence element #{i} to a sequence"),
                )
            })?;
            if pair.len() != 2 {
                return Err(Exception::new(
                    "ValueError",
                    format!(
                        "dictionary update sequence element #{i} has length {}; 2 is required",
                        pair.len()
                    ),
                ));
            }
            pairs.push((pair[0], pair[1]));
        }
        Ok(pairs)
    }

    pub(super) fn collect(&mut self, v: Value) -> Result<Vec<Value>, Exception> {
        match v.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::List(items)) => return Ok(items.clone()),
            Some(Object::Tuple(items)) => return Ok(items.to_vec()),
            _ => {}
        }
        let it = self.iter(v)?;
        let mark = self.pinned.len();
        self.pinned.push(it);
        let mut out = Vec::new();
        let result = loop {
            match self.next(it) {
                Ok(Some(item)) => {
                    self.pinned.push(item);
                    out.push(item);
                }
                Ok(None) => break Ok(out),
                Err(e) => break Err(e),
            }
        };
        self.pinned.truncate(mark);
        result
    }

    /// `hash(v)`.
    pub(super) fn hash_of(&mut self, v: Value) -> Result<i64, Exception> {
        if let Some(h) = self.special(v, "__hash__", &[])? {
            return match h {
                Value::Int(n) => Ok(n),
                Value::Bool(b) => Ok(i64::from(b)),
                _ => Err(Exception::new(
                    "TypeError",
                    "__hash__ method should return an integer",
                )),
            };
        }
        self.key_hash(v).map(|h| h as i64)
    }

    /// `str(v)` as a new str value.
    pub(super) fn str_value(&mut self, v: Value) -> Result<Value, Exception> {
        if let Some(Object::Str(_)) = v.as_obj().map(|r| self.heap.get(r)) {
            return Ok(v);
        }
        let text = ops::to_str_in(self, v)?;
        Ok(ops::new_str(&mut self.heap, text))
    }

    /// Unpacks `seq` for an assignment to `before` targets, or, with `after`, to `before`
    /// targets, a starred one (which gets a list) and `after` more.
    pub(super) fn unpack(
        &mut self,
        seq: Value,
        before: usize,
        after: Option<usize>,
    ) -> Result<Vec<Value>, Exception> {
        let it = self.iter(seq).map_err(|e| {
            e.reworded_type_error(|| {
                format!(
                    "cannot unpack non-iterable {} object",
                    type_name(&self.heap, seq)
                )
            })
        })?;
        let mark = self.pinned.len();
        self.pinned.push(it);
        let result = self.unpack_items(it, before, after);
        self.pinned.truncate(mark);
        result
    }

    fn unpack_items(
        &mut self,
        it: Value,
        before: usize,
        after: Option<usize>,
    ) -> Result<Vec<Value>, Exception> {
        let mut items = Vec::with_capacity(before);
        let Some(after) = after else {
            while let Some(v) = self.next(it)? {
                if items.len() == before {
                    return Err(Exception::new(
                        "ValueError",
                        format!("too many values to unpack (expected {before})"),
                    ));
                }
                self.pinned.push(v);
                items.push(v);
            }
            if items.len() < before {
                return Err(Exception::new(
                    "ValueError",
                    format!(
                        "not enough values to unpack (expected {before}, got {})",
                        items.len()
                    ),
                ));
            }
            return Ok(items);
        };
        while let Some(v) = self.next(it)? {
            self.pinned.push(v);
            items.push(v);
        }
        if items.len() < before + after {
            return Err(Exception::new(
                "ValueError",
                format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    before + after,
                    items.len()
                ),
            ));
        }
        let tail = items.split_off(items.len() - after);
        let middle = items.split_off(before);
        let list = Value::Obj(self.heap.alloc(Object::List(middle)));
        items.push(list);
        items.extend(tail);
        Ok(items)
    }

    /// Enters a `with` statement's context manager: its bound `__exit__`, and what `__enter__`
    /// returned. In `async with` (`is_async`), `__aexit__` and what `__aenter__` returned (to
    /// be awaited).
    pub(super) fn enter_context(
        &mut self,
        manager: Value,
        is_async: bool,
    ) -> Result<(Value, Value), Exception> {
        let (enter_name, exit_name, kind) = if is_async {
            ("__aenter__", "__aexit__", "asynchronous ")
        } else {
            ("__enter__", "__exit__", "")
        };
        let enter = self.protocol_method(manager, enter_name);
        let exit = self.protocol_method(manager, exit_name);
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let missing = if enter.is_none() {
                String::new()
            } else {
                format!(" (missed {exit_name} method)")
            };
            return Err(Exception::new(
                "TypeError",
                format!(
                    "'{}' object does not support the {kind}context manager protocol{missing}",
                    type_name(&self.heap, manager)
                ),
            ));
        };
        let bound = Value::Obj(self.heap.alloc(Object::Method {
            func: exit,
            receiver: manager,
        }));
        self.pinned.push(bound);
        let entered = self.call_value(enter, &[manager], &[]);
        self.pinned.pop();
        Ok((bound, entered?))
    }

    /// Calls a `with` statement's `__exit__` (or `__aexit__`) for exception `exc`, or with
    /// three `None`s when the body ended without one: what it returned.
    pub(super) fn call_exit(
        &mut self,
        exit: Value,
        exc: Option<Value>,
    ) -> Result<Value, Exception> {
        let args = match exc {
            Some(exc) => [Value::Obj(self.class_of(exc)), exc, Value::None],
            None => [Value::None; 3],
        };
        self.call_value(exit, &args, &[])
    }
}
