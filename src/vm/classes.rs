//! Classes and instances: the built-in types as class objects, `class` statements (C3 method
//! resolution order), attribute lookup through descriptors (methods, properties, static and class
//! methods), `super()`, and `isinstance`.
//!
//! Every value has a class object, so `type(x)`, `isinstance` and `except` clauses treat built-in
//! and user classes alike. A class remembers whether it (or a base) defines a property: when none
//! does, an instance attribute read looks in the instance's own table first and skips the walk
//! up the MRO on a hit, which is what attribute-heavy code does most.

use std::rc::Rc;

use super::ops::{new_str, type_name};
use super::slot_wrappers;
use super::{Exception, Vm};
use crate::runtime::object::{
    Attrs, Class, ClassHooks, ExceptionState, GeneratorState, Instance, NativeFn,
};
use crate::runtime::{Heap, ObjRef, Object, Value};

/// Where an attribute was found when looking up a method to call.
pub(super) enum MethodLookup {
    /// A function defined on the class: call it with the object as first argument.
    Unbound(Value),
    /// Anything else: call this value as it is.
    Bound(Value),
}

/// The class object of a class value, with the borrow checker's help.
#[inline]
pub(super) fn class(heap: &Heap, r: ObjRef) -> Option<&Class> {
    match heap.get(r) {
        Object::Class(c) => Some(c),
        _ => None,
    }
}

/// The methods that take over attribute stores and deletions of a class's instances.
const ATTRIBUTE_HOOKS: [&str; 3] = ["__setattr__", "__delattr__", "__getattribute__"];

/// Looks `name` up along the MRO of class `cls`.
pub(super) fn lookup(heap: &Heap, cls: ObjRef, name: &str) -> Option<Value> {
    // Class attribute names are interned: the interned name is then compared by address.
    lookup_interned(heap, cls, &crate::runtime::attrs::interned(name)?)
}

/// [`lookup`] of an interned name (one from loaded code): pointer comparisons only.
pub(super) fn lookup_interned(heap: &Heap, cls: ObjRef, name: &Rc<str>) -> Option<Value> {
    let c = class(heap, cls)?;
    c.mro
        .iter()
        .find_map(|&k| class(heap, k).and_then(|k| k.attrs.get_interned(name).copied()))
}

/// Whether class `cls` is `base` or derives from it.
pub(super) fn is_subclass(heap: &Heap, cls: ObjRef, base: ObjRef) -> bool {
    cls == base || class(heap, cls).is_some_and(|c| c.mro.contains(&base))
}

/// C3 linearisation of a class with these bases; when no consistent order exists, the classes
/// the merge was stuck on (CPython names them in its error).
fn c3_mro(heap: &Heap, this: ObjRef, bases: &[ObjRef]) -> Result<Vec<ObjRef>, Vec<ObjRef>> {
    let mut sequences: Vec<Vec<ObjRef>> = bases
        .iter()
        .map(|&b| class(heap, b).map(|c| c.mro.to_vec()).unwrap_or_default())
        .collect();
    sequences.push(bases.to_vec());
    let mut out = vec![this];
    loop {
        sequences.retain(|s| !s.is_empty());
        if sequences.is_empty() {
            return Ok(out);
        }
        let head = sequences
            .iter()
            .map(|s| s[0])
            .find(|&h| !sequences.iter().any(|s| s[1..].contains(&h)));
        let Some(head) = head else {
            let mut stuck: Vec<ObjRef> = Vec::new();
            for s in &sequences {
                if !stuck.contains(&s[0]) {
                    stuck.push(s[0]);
                }
            }
            return Err(stuck);
        };
        out.push(head);
        for s in &mut sequences {
            if s[0] == head {
                s.remove(0);
            }
        }
    }
}

impl Vm {
    /// Makes a built-in class; `bases` empty means `object`.
    pub(super) fn builtin_class(
        &mut self,
        name: &'static str,
        base: Option<ObjRef>,
        constructor: Option<NativeFn>,
    ) -> ObjRef {
        let is_exception = base
            .is_some_and(|b| class(&self.heap, b).is_some_and(|c| c.is_exception))
            || name == "BaseException";
        let r = self.heap.alloc(Object::Class(Box::new(Class {
            name: Rc::from(name),
            bases: base.into_iter().collect(),
            mro: Box::new([]),
            attrs: Attrs::default(),
            builtin: Some(name),
            constructor,
            is_exception,
            attribute_hooks: false,
            hooks_cache: ClassHooks::default(),
            slots: None,
            metaclass: None,
        })));
        let mut mro = vec![r];
        if let Some(b) = base.and_then(|b| class(&self.heap, b)) {
            mro.extend(b.mro.iter());
        }
        if let Object::Class(c) = self.heap.get_mut(r) {
            c.mro = mro.into_boxed_slice();
        }
        self.types.insert(name, r);
        r
    }

    /// Gives class `cls` the built-in functions `methods` as its methods.
    pub(super) fn add_native_methods(&mut self, cls: ObjRef, methods: &[(&'static str, NativeFn)]) {
        for &(name, func) in methods {
            let f = super::builtins::native(&mut self.heap, name, func);
            if let Object::Class(c) = self.heap.get_mut(cls) {
                c.attrs.insert(Rc::from(name), f);
            }
        }
    }

    /// Gives built-in class `cls` the native `func` as its `__new__` (a static method).
    pub(super) fn add_static_new(&mut self, cls: ObjRef, func: NativeFn) {
        let new = super::builtins::native(&mut self.heap, "__new__", func);
        let new = Value::Obj(self.heap.alloc(Object::StaticMethod(new)));
        if let Object::Class(c) = self.heap.get_mut(cls) {
            c.attrs.insert(Rc::from("__new__"), new);
        }
    }

    /// The class of built-in type `name` (made on first use for the types nobody names in code,
    /// like `range_iterator`).
    pub(super) fn builtin_type(&mut self, name: &'static str) -> ObjRef {
        match self.types.get(name) {
            Some(&r) => r,
            None => {
                let object = self.types.get("object").copied();
                self.builtin_class(name, object, None)
            }
        }
    }

    /// `type(v)`.
    pub(super) fn class_of(&mut self, v: Value) -> ObjRef {
        if let Value::Obj(r) = v {
            match self.heap.get(r) {
                Object::Instance(i) => return i.class,
                Object::Class(c) if c.metaclass.is_some() => {
                    return c.metaclass.unwrap_or(r);
                }
                _ => {}
            }
        }
        let name = match v {
            Value::Obj(r) => self.heap.get(r).type_name(),
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            Value::None | Value::Unbound => "NoneType",
        };
        self.builtin_type(name)
    }

    /// `isinstance(v, cls)` for one class.
    pub(super) fn is_instance(&mut self, v: Value, cls: ObjRef) -> bool {
        let own = self.class_of(v);
        is_subclass(&self.heap, own, cls)
    }

    /// The `class` statement's last step: a class named `name` with these bases and the
    /// namespace its body filled.
    pub(super) fn make_class(
        &mut self,
        name: Rc<str>,
        bases: &[Value],
        namespace: Value,
        keywords: &[(Rc<str>, Value)],
        metaclass: Option<ObjRef>,
    ) -> Result<Value, Exception> {
        let mut base_refs = Vec::with_capacity(bases.len());
        for &b in bases {
            match b.as_obj().filter(|&r| class(&self.heap, r).is_some()) {
                Some(r) => base_refs.push(r),
                None => {
                    return Err(Exception::new(
                        "TypeError",
                        format!("bases must be types, not {}", type_name(&self.heap, b)),
                    ))
                }
            }
        }
        for &b in &base_refs {
            let Some(c) = class(&self.heap, b) else {
                continue;
            };
            if c.builtin.is_some() && !c.is_exception && !matches!(&*c.name, "object" | "type") {
                return Err(Exception::new(
                    "NotImplementedError",
                    format!(
                        "subclassing the built-in type '{}' is not supported yet",
                        c.name
                    ),
                ));
            }
        }
        if base_refs.is_empty() {
            base_refs.push(self.builtin_type("object"));
        }
        let mut attrs = Attrs::default();
        if let Some(Object::Dict(d)) = namespace.as_obj().map(|r| self.heap.get(r)) {
            for (k, v) in d.iter() {
                if let Some(Object::Str(s)) = k.as_obj().map(|r| self.heap.get(r)) {
                    attrs.insert(Rc::from(&**s), v);
                }
            }
        }
        if attrs.contains_key("__del__") {
            return Err(Exception::new(
                "NotImplementedError",
                "__del__ (finalizers) is not supported yet",
            ));
        }
        let slots = match attrs.get("__slots__") {
            Some(&own) => self.slot_names(own, &base_refs)?,
            None => None,
        };
        // `__new__` is a static method without saying so.
        if let Some(new) = attrs.get_mut("__new__") {
            if let Some(Object::Function(_)) = new.as_obj().map(|r| self.heap.get(r)) {
                *new = Value::Obj(self.heap.alloc(Object::StaticMethod(*new)));
            }
        }
        // `__set_name__` of the properties among them.
        for (attr, v) in attrs.iter() {
            if let Some(Object::Property { name, .. }) = v.as_obj().map(|r| self.heap.get_mut(r)) {
                *name = Some(attr.clone());
            }
        }
        let is_exception = base_refs
            .iter()
            .any(|&b| class(&self.heap, b).is_some_and(|c| c.is_exception));
        let attribute_hooks = base_refs
            .iter()
            .any(|&b| class(&self.heap, b).is_some_and(|c| c.attribute_hooks))
            || slots.is_some()
            || attrs.values().any(|v| self.is_descriptor(*v))
            || ATTRIBUTE_HOOKS.iter().any(|hook| attrs.contains_key(hook));
        self.any_attribute_hooks |= attribute_hooks;
        self.any_getattribute |= attrs.contains_key("__getattribute__");
        let r = self.heap.alloc(Object::Class(Box::new(Class {
            name: name.clone(),
            bases: base_refs.clone().into_boxed_slice(),
            mro: Box::new([]),
            attrs,
            builtin: None,
            constructor: None,
            is_exception,
            attribute_hooks,
            hooks_cache: ClassHooks::default(),
            slots,
            metaclass,
        })));
        // A new class may reuse a collected class's handle: caches naming that one go stale.
        self.class_version += 1;
        let mro = c3_mro(&self.heap, r, &base_refs).map_err(|stuck| {
            let names: Vec<String> = stuck
                .iter()
                .filter_map(|&b| class(&self.heap, b).map(|c| c.name.to_string()))
                .collect();
            Exception::new(
                "TypeError",
                format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                ),
            )
        })?;
        if let Object::Class(c) = self.heap.get_mut(r) {
            c.mro = mro.into_boxed_slice();
        }
        self.with_pinned([Value::Obj(r)], |vm| {
            vm.set_names(r)?;
            vm.init_subclass(r, keywords)
        })?;
        Ok(Value::Obj(r))
    }

    /// Calls the `__init_subclass__` that new class `cls` inherits (implicitly a class method)
    /// with the class statement's keywords.
    fn init_subclass(
        &mut self,
        cls: ObjRef,
        keywords: &[(Rc<str>, Value)],
    ) -> Result<(), Exception> {
        let mro = class(&self.heap, cls)
            .map(|c| c.mro.clone())
            .unwrap_or_default();
        let Some(hook) = mro.iter().skip(1).find_map(|&b| {
            class(&self.heap, b)?
                .attrs
                .get("__init_subclass__")
                .copied()
        }) else {
            return Ok(());
        };
        match hook.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::ClassMethod(f)) => {
                let f = *f;
                self.call_value(f, &[Value::Obj(cls)], keywords)?;
            }
            Some(Object::StaticMethod(f)) => {
                let f = *f;
                self.call_value(f, &[], keywords)?;
            }
            _ => {
                self.call_value(hook, &[Value::Obj(cls)], keywords)?;
            }
        }
        Ok(())
    }

    /// A new, uninitialised instance of user class `cls`.
    pub(super) fn new_instance(&mut self, cls: ObjRef, args: &[Value]) -> Value {
        Value::Obj(self.new_instance_ref(cls, args))
    }

    /// The same, as its handle (returned in a register: a `Value` result goes through memory,
    /// and copying it from there right after it was written stalls on store forwarding).
    pub(super) fn new_instance_ref(&mut self, cls: ObjRef, args: &[Value]) -> ObjRef {
        let is_exception = class(&self.heap, cls).is_some_and(|c| c.is_exception);
        let exception = is_exception.then(|| ExceptionState {
            args: args.into(),
            ..ExceptionState::default()
        });
        self.heap
            .alloc_with(|| Object::Instance(Instance::new(cls, exception)))
    }

    /// A dict of attribute names and values (a `__dict__`).
    fn attribute_dict(&mut self, pairs: Vec<(Rc<str>, Value)>) -> Result<Value, Exception> {
        let pairs: Vec<(Value, Value)> = pairs
            .into_iter()
            .map(|(k, v)| (new_str(&mut self.heap, &*k), v))
            .collect();
        super::containers::new_dict(&mut self.heap, pairs)
    }

    /// Whether class attribute `v` takes part in its instances' attribute access: a property,
    /// or an instance of a class defining `__get__`, `__set__` or `__delete__`.
    fn is_descriptor(&self, v: Value) -> bool {
        self.defines_any(v, &["__get__", "__set__", "__delete__"])
    }

    /// Whether class attribute `v` wins over an instance's own attribute of the same name: a
    /// property, or an instance of a class defining `__set__` or `__delete__`.
    fn is_data_descriptor(&self, v: Value) -> bool {
        self.defines_any(v, &["__set__", "__delete__"])
    }

    /// Whether `v` is a property, or an instance whose class defines one of `methods`.
    fn defines_any(&self, v: Value, methods: &[&str]) -> bool {
        match v.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::Property { .. }) => true,
            Some(Object::Instance(_)) => {
                methods.iter().any(|m| self.special_method(v, m).is_some())
            }
            _ => false,
        }
    }

    /// The attribute names the instances of a class with `__slots__` `own` and bases `bases`
    /// are limited to; `None` when they are not (a base without slots, or `__dict__` among
    /// them).
    fn slot_names(
        &mut self,
        own: Value,
        bases: &[ObjRef],
    ) -> Result<Option<Box<[Rc<str>]>>, Exception> {
        let items = match own.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::Str(_)) => vec![own],
            _ => self.collect(own)?,
        };
        let mut names: Vec<Rc<str>> = Vec::with_capacity(items.len());
        for item in items {
            match item.as_obj().map(|r| self.heap.get(r)) {
                Some(Object::Str(s)) => names.push(Rc::from(&**s)),
                _ => {
                    return Err(Exception::new(
                        "TypeError",
                        format!(
                            "__slots__ items must be strings, not '{}'",
                            type_name(&self.heap, item)
                        ),
                    ))
                }
            }
        }
        for &b in bases {
            match class(&self.heap, b) {
                Some(c) if c.builtin == Some("object") => {}
                Some(Class {
                    slots: Some(inherited),
                    ..
                }) => names.extend(inherited.iter().cloned()),
                _ => return Ok(None),
            }
        }
        if names.iter().any(|n| &**n == "__dict__") {
            return Ok(None);
        }
        Ok(Some(names.into_boxed_slice()))
    }

    /// Calls `__set_name__(cls, name)` of the attributes of new class `cls` whose classes
    /// define it.
    fn set_names(&mut self, cls: ObjRef) -> Result<(), Exception> {
        let attrs: Vec<(Rc<str>, Value)> = class(&self.heap, cls)
            .map(|c| c.attrs.iter().map(|(k, v)| (k.clone(), *v)).collect())
            .unwrap_or_default();
        for (name, v) in attrs {
            if !super::ops::is_instance(&self.heap, v) {
                continue;
            }
            if let Some(hook) = self.special_method(v, "__set_name__") {
                let name = new_str(&mut self.heap, &*name);
                self.call_value(hook, &[v, Value::Obj(cls), name], &[])?;
            }
        }
        Ok(())
    }

    /// Notes that class `cls`'s attributes changed: cached lookups go stale, and when it gained
    /// a property or an attribute hook, it and every class deriving from it now have hooks.
    fn class_changed(&mut self, cls: ObjRef, gained_hook: bool) {
        self.class_version += 1;
        if gained_hook {
            self.any_attribute_hooks = true;
            for obj in self.heap.objects_mut() {
                if let Object::Class(c) = obj {
                    if c.mro.contains(&cls) {
                        c.attribute_hooks = true;
                    }
                }
            }
        }
    }

    /// What `__init__` and `__new__` of class `cls` resolve to, cached in the class until any
    /// class changes.
    pub(super) fn class_hooks(&mut self, cls: ObjRef) -> ClassHooks {
        match self.heap.get(cls) {
            Object::Class(c) if c.hooks_cache.version == self.class_version => c.hooks_cache,
            _ => self.resolve_class_hooks(cls),
        }
    }

    /// [`Vm::class_hooks`] when the class's cache is stale: resolves and caches them.
    #[inline(never)]
    fn resolve_class_hooks(&mut self, cls: ObjRef) -> ClassHooks {
        let version = self.class_version;
        let Object::Class(c) = self.heap.get(cls) else {
            return ClassHooks::default();
        };
        // The built-in classes' `__new__` (`object`'s, `BaseException`'s) make what a call
        // makes without one.
        let new = c
            .mro
            .iter()
            .filter_map(|&b| class(&self.heap, b))
            .take_while(|c| c.builtin.is_none())
            .find_map(|c| c.attrs.get("__new__").copied())
            .or_else(|| {
                // A metaclass makes classes (`type.__new__`).
                let type_class = *self.types.get("type")?;
                c.mro
                    .contains(&type_class)
                    .then(|| class(&self.heap, type_class)?.attrs.get("__new__").copied())
                    .flatten()
            });
        let hooks = ClassHooks {
            version,
            init: lookup_interned(&self.heap, cls, &self.init_name),
            new,
        };
        if let Object::Class(c) = self.heap.get_mut(cls) {
            c.hooks_cache = hooks;
        }
        hooks
    }

    /// Whether class `cls` or a base holds a property or defines `__setattr__`/`__delattr__`
    /// (if not, an instance's own attributes are read and written without looking at the class).
    #[inline(always)]
    pub(super) fn has_attribute_hooks(&self, cls: ObjRef) -> bool {
        self.any_attribute_hooks && class(&self.heap, cls).is_some_and(|c| c.attribute_hooks)
    }

    /// Whether attribute `name` of `cls`'s instances is a data descriptor (which an instance's
    /// own attribute does not hide).
    fn has_data_descriptor(&self, cls: ObjRef, name: &str) -> bool {
        self.has_attribute_hooks(cls)
            && lookup(&self.heap, cls, name).is_some_and(|v| self.is_data_descriptor(v))
    }

    /// Binds what the class holds under an attribute name to the object it was looked up on.
    fn bind(&mut self, found: Value, receiver: Value, owner: ObjRef) -> Result<Value, Exception> {
        let Some(r) = found.as_obj() else {
            return Ok(found);
        };
        let bound = match self.heap.get(r) {
            Object::Function(_) | Object::Native(_) => Object::Method {
                func: found,
                receiver,
            },
            Object::StaticMethod(f) => return Ok(*f),
            Object::ClassMethod(f) => Object::Method {
                func: *f,
                receiver: Value::Obj(owner),
            },
            Object::Instance(_) => {
                return match self.special_method(found, "__get__") {
                    Some(get) => self.call_value(get, &[found, receiver, Value::Obj(owner)], &[]),
                    None => Ok(found),
                }
            }
            Object::Property { getter, .. } => {
                let getter = *getter;
                if getter == Value::None {
                    return Err(Exception::new("AttributeError", "property has no getter"));
                }
                return self.call_value(getter, &[receiver], &[]);
            }
            _ => return Ok(found),
        };
        Ok(Value::Obj(self.heap.alloc(bound)))
    }

    /// `obj.name`.
    pub(super) fn get_attr(&mut self, obj: Value, name: &Rc<str>) -> Result<Value, Exception> {
        if let Some(hook) = self.own_getattribute(obj) {
            let attr = new_str(&mut self.heap, &**name);
            match self.call_value(hook, &[obj, attr], &[]) {
                Err(e) if e.kind == "AttributeError" => {
                    let cls = self.class_of(obj);
                    match lookup(&self.heap, cls, "__getattr__") {
                        Some(fallback) => return self.call_value(fallback, &[obj, attr], &[]),
                        None => return Err(e),
                    }
                }
                done => return done,
            }
        }
        if let Some(v) = self.get_attr_opt(obj, name)? {
            return Ok(v);
        }
        if let Some(Object::Instance(i)) = obj.as_obj().map(|r| self.heap.get(r)) {
            let cls = i.class;
            if let Some(hook) = lookup(&self.heap, cls, "__getattr__") {
                let attr = new_str(&mut self.heap, &**name);
                return self.call_value(hook, &[obj, attr], &[]);
            }
        }
        Err(self.no_attribute(obj, name))
    }

    /// `object.__getattribute__`: `obj.name` as found on the object and its class, without
    /// the class's `__getattribute__` or `__getattr__`.
    pub(super) fn generic_get_attr(
        &mut self,
        obj: Value,
        name: &Rc<str>,
    ) -> Result<Value, Exception> {
        match self.get_attr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    /// The AttributeError for a missing attribute, worded by the kind of object.
    pub(super) fn no_attribute(&self, obj: Value, name: &str) -> Exception {
        let message = match obj.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::Module(m)) => format!("module '{}' has no attribute '{name}'", m.name),
            Some(Object::Class(c)) => format!("type object '{}' has no attribute '{name}'", c.name),
            _ => format!(
                "'{}' object has no attribute '{name}'",
                type_name(&self.heap, obj)
            ),
        };
        Exception::new("AttributeError", message)
    }

    /// The `__getattribute__` instance `obj`'s class defines in Python, if it does.
    fn own_getattribute(&self, obj: Value) -> Option<Value> {
        if !self.any_getattribute {
            return None;
        }
        let Some(Object::Instance(i)) = obj.as_obj().map(|r| self.heap.get(r)) else {
            return None;
        };
        if !self.has_attribute_hooks(i.class) {
            return None;
        }
        let hook = lookup(&self.heap, i.class, "__getattribute__")?;
        matches!(
            hook.as_obj().map(|r| self.heap.get(r)),
            Some(Object::Function(_))
        )
        .then_some(hook)
    }

    /// `obj.name`, or `None` when there is no such attribute (before `__getattr__`).
    fn get_attr_opt(&mut self, obj: Value, name: &Rc<str>) -> Result<Option<Value>, Exception> {
        let Some(r) = obj.as_obj() else {
            return Ok(self.builtin_attr(obj, name));
        };
        match self.heap.get(r) {
            Object::Instance(i) => {
                let cls = i.class;
                let own = match i.get(&self.shapes, name) {
                    Some(&v) => Some(v),
                    None => self.dict_attr(r, name)?,
                };
                if let Some(v) = own {
                    if !self.has_data_descriptor(cls, name) {
                        return Ok(Some(v));
                    }
                }
                if let Some(found) = lookup(&self.heap, cls, name) {
                    return self.bind(found, obj, cls).map(Some);
                }
                Ok(self.special_instance_attr(r, name))
            }
            Object::Class(c) => {
                match &**name {
                    "__name__" | "__qualname__" => {
                        let n = c.name.clone();
                        return Ok(Some(new_str(&mut self.heap, &*n)));
                    }
                    "__mro__" | "__bases__" => {
                        let items: Vec<Value> = if &**name == "__mro__" {
                            c.mro.iter().map(|&k| Value::Obj(k)).collect()
                        } else {
                            c.bases.iter().map(|&k| Value::Obj(k)).collect()
                        };
                        let t = self.heap.alloc(Object::Tuple(items.into_boxed_slice()));
                        return Ok(Some(Value::Obj(t)));
                    }
                    "__base__" => {
                        return Ok(Some(
                            c.bases.first().map_or(Value::None, |&b| Value::Obj(b)),
                        ));
                    }
                    "__module__" => {
                        let m = super::ops::class_module(&self.heap, c).to_owned();
                        return Ok(Some(new_str(&mut self.heap, m)));
                    }
                    "__dict__" => {
                        let pairs: Vec<(Rc<str>, Value)> =
                            c.attrs.iter().map(|(k, v)| (k.clone(), *v)).collect();
                        return self.attribute_dict(pairs).map(Some);
                    }
                    _ => {}
                }
                if let Some((func, name)) =
                    c.builtin.and_then(|t| slot_wrappers::type_slot(t, name))
                {
                    return Ok(Some(super::builtins::native(&mut self.heap, name, func)));
                }
                let metaclass = c.metaclass;
                let Some(found) = lookup(&self.heap, r, name) else {
                    // What the metaclass defines, bound to the class.
                    return match metaclass.and_then(|m| lookup(&self.heap, m, name)) {
                        Some(found) => self.bind(found, obj, metaclass.unwrap_or(r)).map(Some),
                        // What `type` has (`__call__`).
                        None => Ok(self.builtin_attr(obj, name)),
                    };
                };
                let unbound = match found.as_obj().map(|f| self.heap.get(f)) {
                    Some(Object::StaticMethod(f)) => *f,
                    Some(Object::ClassMethod(f)) => {
                        let f = *f;
                        Value::Obj(self.heap.alloc(Object::Method {
                            func: f,
                            receiver: obj,
                        }))
                    }
                    Some(Object::Instance(_)) => match self.special_method(found, "__get__") {
                        Some(get) => self.call_value(get, &[found, Value::None, obj], &[])?,
                        None => found,
                    },
                    _ => found,
                };
                Ok(Some(unbound))
            }
            Object::Super {
                class: after,
                receiver,
            } => {
                let (after, receiver) = (*after, *receiver);
                // A class receiver is a class method's `cls` when `after` is in its MRO, else
                // an instance of a metaclass.
                let owner = match receiver.as_obj().map(|r| (r, self.heap.get(r))) {
                    Some((r, Object::Class(c))) if c.mro.contains(&after) => r,
                    _ => self.class_of(receiver),
                };
                let mro = class(&self.heap, owner)
                    .map(|c| c.mro.to_vec())
                    .unwrap_or_default();
                let start = mro
                    .iter()
                    .position(|&k| k == after)
                    .map_or(mro.len(), |p| p + 1);
                let found = mro[start..]
                    .iter()
                    .find_map(|&k| class(&self.heap, k).and_then(|c| c.attrs.get(name).copied()));
                match found {
                    Some(f) => self.bind(f, receiver, owner).map(Some),
                    None => Ok(None),
                }
            }
            Object::Module(m) => match m.attrs.get(name) {
                Some(&v) => Ok(Some(v)),
                // The module's Python half runs the first time a name it lacks is asked for.
                None => {
                    let module = m.name.clone();
                    if !self.load_embedded(r, &module)? {
                        return Ok(None);
                    }
                    match self.heap.get(r) {
                        Object::Module(m) => Ok(m.attrs.get(name).copied()),
                        _ => Ok(None),
                    }
                }
            },
            Object::Function(f) => {
                if let Some(&v) = f.attrs.get(name) {
                    return Ok(Some(v));
                }
                Ok(match &**name {
                    "__name__" => {
                        let n = f.name.clone();
                        Some(new_str(&mut self.heap, &*n))
                    }
                    "__qualname__" => {
                        let n = f.loaded.code.qualname.clone();
                        Some(new_str(&mut self.heap, &*n))
                    }
                    "__module__" => Some(new_str(&mut self.heap, "__main__")),
                    "__doc__" => match f.loaded.code.doc.clone() {
                        Some(doc) => Some(new_str(&mut self.heap, &*doc)),
                        None => Some(Value::None),
                    },
                    "__dict__" => {
                        let pairs: Vec<(Rc<str>, Value)> =
                            f.attrs.iter().map(|(k, v)| (k.clone(), *v)).collect();
                        Some(self.attribute_dict(pairs)?)
                    }
                    "__defaults__" => match f.defaults.is_empty() {
                        true => Some(Value::None),
                        false => {
                            let items = f.defaults.clone();
                            Some(Value::Obj(self.heap.alloc(Object::Tuple(items))))
                        }
                    },
                    "__annotations__" => {
                        // Made empty the first time it is asked for, then kept.
                        let annotations = super::containers::new_dict(&mut self.heap, Vec::new())?;
                        if let Object::Function(f) = self.heap.get_mut(r) {
                            f.attrs.insert(name.clone(), annotations);
                        }
                        Some(annotations)
                    }
                    _ => self.builtin_attr(obj, name),
                })
            }
            Object::Native(n) => Ok(match &**name {
                "__name__" | "__qualname__" => {
                    let n = n.name;
                    Some(new_str(&mut self.heap, n))
                }
                _ => self.builtin_attr(obj, name),
            }),
            Object::Method { func, receiver } => {
                let (func, receiver) = (*func, *receiver);
                match &**name {
                    "__self__" => Ok(Some(receiver)),
                    "__func__" => Ok(Some(func)),
                    _ => self.get_attr_opt(func, name),
                }
            }
            Object::Generator(g) | Object::Coroutine(g) | Object::AsyncGenerator(g) => {
                let prefix = match self.heap.get(r) {
                    Object::Generator(_) => "gi_",
                    Object::Coroutine(_) => "cr_",
                    _ => "ag_",
                };
                let (code, mut state) = (&g.loaded.code, g.state);
                if g.in_task {
                    state = self.task_coroutine_state(r);
                }
                let code = code.clone();
                let text = match &**name {
                    "__name__" => Some(code.name.clone()),
                    "__qualname__" => Some(code.qualname.clone()),
                    _ => None,
                };
                if let Some(text) = text {
                    return Ok(Some(new_str(&mut self.heap, &*text)));
                }
                Ok(match name.strip_prefix(prefix) {
                    Some("running") => Some(Value::Bool(state == GeneratorState::Running)),
                    Some("suspended") if prefix != "ag_" => {
                        Some(Value::Bool(state == GeneratorState::Suspended))
                    }
                    _ => self.builtin_attr(obj, name),
                })
            }
            Object::Property { getter, .. } if &**name == "fget" => Ok(Some(*getter)),
            Object::StaticMethod(f) | Object::ClassMethod(f) if &**name == "__func__" => {
                Ok(Some(*f))
            }
            _ => Ok(self.builtin_attr(obj, name)),
        }
    }

    /// The attributes of the built-in types: their methods, bound to the object.
    fn builtin_attr(&mut self, obj: Value, name: &str) -> Option<Value> {
        if name == "__class__" {
            return Some(Value::Obj(self.class_of(obj)));
        }
        if let Some(v) = super::numbers::number_attr(&mut self.heap, obj, name) {
            return Some(v);
        }
        if let Some(Object::Slice { start, stop, step }) = obj.as_obj().map(|r| self.heap.get(r)) {
            match name {
                "start" => return Some(*start),
                "stop" => return Some(*stop),
                "step" => return Some(*step),
                _ => {}
            }
        }
        let method = super::containers::method(type_name(&self.heap, obj), name)
            .or_else(|| slot_wrappers::slot(&self.heap, obj, name));
        let Some((func, name)) = method else {
            // What the type holds besides its methods (`dict.fromkeys`) is the same from its
            // instances.
            let cls = self.class_of(obj);
            let found = lookup(&self.heap, cls, name)?;
            return match self.heap.get(found.as_obj()?) {
                Object::Native(n) if n.receiver.is_none() => Some(found),
                _ => None,
            };
        };
        Some(Value::Obj(self.heap.alloc(Object::BoundMethod {
            receiver: obj,
            func,
            name,
        })))
    }

    /// Instance `r`'s `__dict__`: the dict its attributes live in from the first time it is
    /// asked for, so that changing one changes the other. Its class's instances go through
    /// the slow attribute paths from then on.
    pub(super) fn instance_dict(&mut self, r: ObjRef) -> Result<Value, Exception> {
        let Object::Instance(i) = self.heap.get(r) else {
            return Err(Exception::new("TypeError", "not an instance"));
        };
        if let Some(d) = i.dict() {
            return Ok(Value::Obj(d));
        }
        let (class, pairs) = (i.class, i.attrs(&self.shapes));
        let d = self.attribute_dict(pairs)?;
        if let (Object::Instance(i), Some(d)) = (self.heap.get_mut(r), d.as_obj()) {
            i.move_to_dict(d);
        }
        if let Object::Class(c) = self.heap.get_mut(class) {
            c.attribute_hooks = true;
        }
        self.any_attribute_hooks = true;
        self.class_version += 1;
        Ok(d)
    }

    /// The value of attribute `name` in the dict of instance `r`, if it keeps its attributes
    /// in one.
    fn dict_attr(&mut self, r: ObjRef, name: &str) -> Result<Option<Value>, Exception> {
        let Some(d) = self.instance_dict_ref(r) else {
            return Ok(None);
        };
        let key = new_str(&mut self.heap, name);
        self.with_pinned([key], |vm| vm.table_get(d, key))
    }

    fn instance_dict_ref(&self, r: ObjRef) -> Option<ObjRef> {
        match self.heap.get(r) {
            Object::Instance(i) => i.dict(),
            _ => None,
        }
    }

    /// The attributes every instance has without storing them: `__class__`, `__dict__`, and an
    /// exception's `args`, `__cause__`, `__context__`.
    fn special_instance_attr(&mut self, r: ObjRef, name: &str) -> Option<Value> {
        let Object::Instance(i) = self.heap.get(r) else {
            return None;
        };
        match (name, i.exception()) {
            ("__class__", _) => Some(Value::Obj(i.class)),
            ("__dict__", _) => self.instance_dict(r).ok(),
            ("args", Some(e)) => {
                let args = e.args.clone();
                Some(Value::Obj(self.heap.alloc(Object::Tuple(args))))
            }
            ("__cause__", Some(e)) => Some(e.cause),
            ("message", Some(e)) if e.group_items != Value::None => e.args.first().copied(),
            ("exceptions", Some(e)) if e.group_items != Value::None => Some(e.group_items),
            ("__context__", Some(e)) => Some(e.context),
            ("__suppress_context__", Some(e)) => Some(Value::Bool(e.suppress_context)),
            ("__traceback__", Some(_)) => Some(Value::None),
            ("value", Some(e))
                if super::exceptions::is_kind(&self.heap, i.class, "StopIteration") =>
            {
                Some(e.args.first().copied().unwrap_or(Value::None))
            }
            ("code", Some(e)) if super::exceptions::is_kind(&self.heap, i.class, "SystemExit") => {
                Some(match &*e.args {
                    [] => Value::None,
                    [one] => *one,
                    many => {
                        let many: Box<[Value]> = many.into();
                        Value::Obj(self.heap.alloc(Object::Tuple(many)))
                    }
                })
            }
            _ => None,
        }
    }

    /// `obj.name = value`, through the class's `__setattr__` when it defines one.
    pub(super) fn set_attr(
        &mut self,
        obj: Value,
        name: &Rc<str>,
        value: Value,
    ) -> Result<(), Exception> {
        if let Some(hook) = self.special_method(obj, "__setattr__") {
            let name = new_str(&mut self.heap, &**name);
            return self.call_value(hook, &[obj, name, value], &[]).map(drop);
        }
        self.generic_set_attr(obj, name, value)
    }

    /// `object.__setattr__`: stores the attribute, through a property if there is one.
    pub(super) fn generic_set_attr(
        &mut self,
        obj: Value,
        name: &Rc<str>,
        value: Value,
    ) -> Result<(), Exception> {
        let Some(r) = obj.as_obj() else {
            return Err(self.no_attribute(obj, name));
        };
        match self.heap.get(r) {
            Object::Instance(i) => {
                let cls = i.class;
                if let Some(done) = self.through_property(obj, cls, name, Some(value)) {
                    return done;
                }
                if let Some(Class {
                    slots: Some(slots), ..
                }) = class(&self.heap, cls)
                {
                    if !slots.iter().any(|s| s == name) {
                        return Err(self.no_attribute(obj, name));
                    }
                }
                if let Some(d) = self.instance_dict_ref(r) {
                    let key = new_str(&mut self.heap, &**name);
                    return self.with_pinned([key], |vm| vm.table_set(d, key, value));
                }
                if let Object::Instance(i) = self.heap.get_mut(r) {
                    match (&**name, i.exception_mut()) {
                        ("__cause__", Some(e)) => {
                            e.cause = value;
                            e.suppress_context = true;
                        }
                        ("__context__", Some(e)) => e.context = value,
                        _ => i.set(&mut self.shapes, name, value),
                    }
                }
                Ok(())
            }
            Object::Class(c) if c.builtin.is_none() => {
                let hook = self.is_descriptor(value) || ATTRIBUTE_HOOKS.contains(&&**name);
                self.any_getattribute |= &**name == "__getattribute__";
                if let Object::Class(c) = self.heap.get_mut(r) {
                    c.attrs.insert(name.clone(), value);
                }
                self.class_changed(r, hook);
                Ok(())
            }
            Object::Class(c) => Err(Exception::new(
                "TypeError",
                format!(
                    "cannot set '{name}' attribute of immutable type '{}'",
                    c.name
                ),
            )),
            Object::Module(_) => {
                if let Object::Module(m) = self.heap.get_mut(r) {
                    m.attrs.insert(name.clone(), value);
                }
                // Cached lookups of module attributes go stale with the classes'.
                self.class_version += 1;
                Ok(())
            }
            Object::Function(_) => {
                if let Object::Function(f) = self.heap.get_mut(r) {
                    f.attrs.insert(name.clone(), value);
                }
                Ok(())
            }
            _ => Err(self.no_attribute(obj, name)),
        }
    }

    /// Sets (with a value) or deletes attribute `name` of instance `obj` through a property of
    /// its class `cls`; `None` when the class has no such property.
    fn through_property(
        &mut self,
        obj: Value,
        cls: ObjRef,
        name: &str,
        value: Option<Value>,
    ) -> Option<Result<(), Exception>> {
        let found = lookup(&self.heap, cls, name)?;
        if super::ops::is_instance(&self.heap, found) {
            let (method, args) = match value {
                Some(v) => ("__set__", vec![found, obj, v]),
                None => ("__delete__", vec![found, obj]),
            };
            let hook = self.special_method(found, method);
            return match hook {
                Some(hook) => Some(self.call_value(hook, &args, &[]).map(drop)),
                // A data descriptor without this method refuses it.
                None if self.is_data_descriptor(found) => Some(Err(Exception::new(
                    "AttributeError",
                    method.trim_matches('_'),
                ))),
                None => None,
            };
        }
        let Some(Object::Property {
            setter,
            deleter,
            name: given_name,
            ..
        }) = found.as_obj().map(|p| self.heap.get(p))
        else {
            return None;
        };
        let (accessor, what) = match value {
            Some(_) => (*setter, "setter"),
            None => (*deleter, "deleter"),
        };
        if accessor == Value::None {
            let named = given_name
                .as_ref()
                .map_or(String::new(), |n| format!(" '{n}'"));
            return Some(Err(Exception::new(
                "AttributeError",
                format!(
                    "property{named} of '{}' object has no {what}",
                    type_name(&self.heap, obj)
                ),
            )));
        }
        let args: Vec<Value> = std::iter::once(obj).chain(value).collect();
        Some(self.call_value(accessor, &args, &[]).map(drop))
    }

    /// `del obj.name`, through the class's `__delattr__` when it defines one.
    pub(super) fn del_attr(&mut self, obj: Value, name: &Rc<str>) -> Result<(), Exception> {
        if let Some(hook) = self.special_method(obj, "__delattr__") {
            let name = new_str(&mut self.heap, &**name);
            return self.call_value(hook, &[obj, name], &[]).map(drop);
        }
        self.generic_del_attr(obj, name)
    }

    /// `object.__delattr__`.
    pub(super) fn generic_del_attr(&mut self, obj: Value, name: &Rc<str>) -> Result<(), Exception> {
        if let Some(Object::Instance(i)) = obj.as_obj().map(|r| self.heap.get(r)) {
            let cls = i.class;
            if let Some(done) = self.through_property(obj, cls, name, None) {
                return done;
            }
        }
        if let Some(d) = obj.as_obj().and_then(|r| self.instance_dict_ref(r)) {
            let key = new_str(&mut self.heap, &**name);
            return match self.with_pinned([key], |vm| vm.table_remove(d, key))? {
                Some(_) => Ok(()),
                None => Err(self.no_attribute(obj, name)),
            };
        }
        let (removed, from_class) = match obj.as_obj().map(|r| self.heap.get_mut(r)) {
            Some(Object::Instance(i)) => (i.remove(&self.shapes, name).is_some(), None),
            Some(Object::Class(c)) if c.builtin.is_none() => {
                (c.attrs.shift_remove(name).is_some(), obj.as_obj())
            }
            _ => (false, None),
        };
        if !removed {
            return Err(self.no_attribute(obj, name));
        }
        if let Some(cls) = from_class {
            self.class_changed(cls, false);
        }
        Ok(())
    }

    /// Finds method `name` for calling on `obj` without making a bound-method object when the
    /// class holds a plain function.
    pub(super) fn lookup_method(
        &mut self,
        obj: Value,
        name: &Rc<str>,
    ) -> Result<MethodLookup, Exception> {
        match obj.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::Instance(i)) => {
                let cls = i.class;
                if i.get_interned(&self.shapes, name).is_none()
                    && i.dict().is_none()
                    && self.own_getattribute(obj).is_none()
                {
                    if let Some(found) = lookup_interned(&self.heap, cls, name) {
                        if let Some(Object::Function(_)) = found.as_obj().map(|r| self.heap.get(r))
                        {
                            return Ok(MethodLookup::Unbound(found));
                        }
                    }
                }
            }
            // A container's method is its type's native, which takes the object first: no
            // bound method is made.
            Some(
                o @ (Object::Str(_)
                | Object::List(_)
                | Object::Tuple(_)
                | Object::Dict(_)
                | Object::Set(_)
                | Object::FrozenSet(_)),
            ) => {
                let cls = self.builtin_type(o.type_name());
                if let Some(found) = lookup_interned(&self.heap, cls, name) {
                    if let Some(Object::Native(n)) = found.as_obj().map(|r| self.heap.get(r)) {
                        if n.receiver.is_some() {
                            return Ok(MethodLookup::Unbound(found));
                        }
                    }
                }
            }
            // A module's function (`asyncio.sleep(…)`): straight from its attributes.
            Some(Object::Module(m)) => {
                if let Some(&v) = m.attrs.get(name) {
                    return Ok(MethodLookup::Bound(v));
                }
            }
            _ => {}
        }
        self.get_attr(obj, name).map(MethodLookup::Bound)
    }

    /// Special method `name` as the instance's class defines it in Python (the built-in
    /// classes' own behaviour is built into the operators, so their natives do not count).
    pub(super) fn special_method(&self, v: Value, name: &str) -> Option<Value> {
        let class = match v.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::Instance(i)) => i.class,
            Some(Object::Class(c)) => c.metaclass?,
            _ => return None,
        };
        let found = lookup(&self.heap, class, name)?;
        let native = matches!(
            found.as_obj().map(|r| self.heap.get(r)),
            Some(Object::Native(_))
        );
        (!native).then_some(found)
    }

    /// Special method `name` of `v`: as [`Vm::special_method`] finds it for an instance, or
    /// the built-in type's own (a task group's `__aenter__`), taking `v` first.
    pub(super) fn protocol_method(&mut self, v: Value, name: &str) -> Option<Value> {
        if let Some(found) = self.special_method(v, name) {
            return Some(found);
        }
        let (func, name) = super::containers::method(type_name(&self.heap, v), name)?;
        Some(Value::Obj(self.heap.alloc(Object::Native(
            crate::runtime::object::NativeFunction {
                name,
                func,
                keywords: false,
                receiver: None,
            },
        ))))
    }

    /// Runs a class body (its function, with a fresh namespace) and makes the class; the body
    /// returns the `__class__` cell its methods use, if any, which then gets the class.
    pub(super) fn build_class(
        &mut self,
        body: Value,
        name: Rc<str>,
        bases: &[Value],
        keywords: &[(Rc<str>, Value)],
    ) -> Result<Value, Exception> {
        let mut keywords = keywords.to_vec();
        let explicit = keywords
            .iter()
            .position(|(k, _)| &**k == "metaclass")
            .map(|at| keywords.remove(at).1);
        let metaclass = self.metaclass_for(explicit, bases)?;
        let namespace = super::containers::new_dict(&mut self.heap, Vec::new())?;
        self.pinned.push(namespace);
        let result = self.call_value(body, &[namespace], &[]).and_then(|cell| {
            let class = match metaclass {
                Some(m) => self.call_metaclass(m, &name, bases, namespace, &keywords)?,
                None => self.make_class(name, bases, namespace, &keywords, None)?,
            };
            if let Some(Object::Cell(slot)) = cell.as_obj().map(|r| self.heap.get_mut(r)) {
                *slot = class;
            }
            Ok(class)
        });
        self.pinned.pop();
        result
    }
}
