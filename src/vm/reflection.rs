//! Built-ins about objects and classes: `type`, `isinstance`, `issubclass`, `id`, `hash`,
//! `callable`, `getattr`/`setattr`/`hasattr`/`delattr`, `vars`, `dir`, `super`, `object`,
//! `property`, `staticmethod`, `classmethod`.

use std::rc::Rc;

use super::builtins::{arity, expected_arity};
use super::classes::{class, is_subclass};
use super::ops::{self, new_str, type_name};
use super::{Exception, Vm};
use crate::runtime::{Object, Value};

type Kwargs<'a> = &'a [(Rc<str>, Value)];

fn attr_name(vm: &Vm, v: Value, func: &str) -> Result<Rc<str>, Exception> {
    match v.as_obj().map(|r| vm.heap.get(r)) {
        Some(Object::Str(s)) => Ok(Rc::from(&**s)),
        _ => Err(Exception::new(
            "TypeError",
            format!(
                "{func}(): attribute name must be string, not '{}'",
                type_name(&vm.heap, v)
            ),
        )),
    }
}

/// The classes a class-info argument names (a class or a tuple of them).
fn class_info(
    vm: &mut Vm,
    info: Value,
    func: &str,
) -> Result<Vec<crate::runtime::ObjRef>, Exception> {
    let wrong = || {
        Exception::new(
            "TypeError",
            format!("{func}() arg 2 must be a type, a tuple of types, or a union"),
        )
    };
    if ops::is_instance(&vm.heap, info) {
        // A `types.UnionType` (`int | str`) stands for its classes.
        let union = vm.embedded_global("types", "UnionType")?;
        if union.as_obj().is_some_and(|u| vm.is_instance(info, u)) {
            let args = vm.get_attr(info, &Rc::from("__args__"))?;
            return class_info(vm, args, func);
        }
    }
    match info.as_obj().map(|r| vm.heap.get(r)) {
        Some(Object::Class(_)) => Ok(info.as_obj().into_iter().collect()),
        Some(Object::Tuple(items)) => items
            .iter()
            .map(|v| {
                v.as_obj()
                    .filter(|&r| class(&vm.heap, r).is_some())
                    .ok_or_else(wrong)
            })
            .collect(),
        _ => Err(wrong()),
    }
}

/// `type(obj)`: its class; `type(name, bases, namespace)`: a new class.
pub(super) fn type_(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    match *args {
        [obj] => Ok(Value::Obj(vm.class_of(obj))),
        [name, bases, namespace] => {
            let base_values = match bases.as_obj().map(|r| vm.heap.get(r)) {
                Some(Object::Tuple(items)) => items.to_vec(),
                _ => Vec::new(),
            };
            let metaclass = vm.metaclass_for(None, &base_values)?;
            match metaclass {
                Some(m) => vm.call_value(Value::Obj(m), args, kwargs),
                None => class_from_parts(vm, [name, bases, namespace], kwargs, None),
            }
        }
        _ => Err(Exception::new("TypeError", "type() takes 1 or 3 arguments")),
    }
}

/// The class `type.__new__` makes of a name, a tuple of bases and a namespace dict, its type
/// `metaclass` (`None`: `type`).
pub(super) fn class_from_parts(
    vm: &mut Vm,
    [name, bases, namespace]: [Value; 3],
    keywords: Kwargs,
    metaclass: Option<crate::runtime::ObjRef>,
) -> Result<Value, Exception> {
    let Some(name) = ops::str_of(&vm.heap, name).map(Rc::from) else {
        return Err(Exception::new(
            "TypeError",
            format!(
                "type.__new__() argument 1 must be str, not {}",
                ops::type_name(&vm.heap, name)
            ),
        ));
    };
    let bases = match bases.as_obj().map(|r| vm.heap.get(r)) {
        Some(Object::Tuple(items)) => items.to_vec(),
        _ => {
            return Err(Exception::new(
                "TypeError",
                format!(
                    "type.__new__() argument 2 must be tuple, not {}",
                    ops::type_name(&vm.heap, bases)
                ),
            ))
        }
    };
    let pairs = match namespace.as_obj().map(|r| vm.heap.get(r)) {
        Some(Object::Dict(d)) => d.iter().collect::<Vec<(Value, Value)>>(),
        _ => {
            return Err(Exception::new(
                "TypeError",
                format!(
                    "type.__new__() argument 3 must be dict, not {}",
                    ops::type_name(&vm.heap, namespace)
                ),
            ))
        }
    };
    let namespace = super::containers::new_dict(&mut vm.heap, pairs)?;
    vm.with_pinned([namespace], |vm| {
        vm.make_class(name, &bases, namespace, keywords, metaclass)
    })
}

pub(super) fn isinstance(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expected_arity("isinstance", args, 2, 2)?;
    let classes = class_info(vm, args[1], "isinstance")?;
    Ok(Value::Bool(
        classes.into_iter().any(|c| vm.is_instance(args[0], c)),
    ))
}

pub(super) fn issubclass(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expected_arity("issubclass", args, 2, 2)?;
    let Some(cls) = args[0].as_obj().filter(|&r| class(&vm.heap, r).is_some()) else {
        return Err(Exception::new(
            "TypeError",
            "issubclass() arg 1 must be a class",
        ));
    };
    let classes = class_info(vm, args[1], "issubclass")?;
    Ok(Value::Bool(
        classes.into_iter().any(|c| is_subclass(&vm.heap, cls, c)),
    ))
}

pub(super) fn id(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("id", args, 1, 1)?;
    let n = match args[0] {
        Value::Obj(r) => ops::address(r) as i64,
        other => {
            crate::runtime::dict::hash_value(&vm.heap, other).unwrap_or(0) as i64 & 0xffff_ffff
        }
    };
    Ok(Value::Int(n))
}

pub(super) fn hash(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("hash", args, 1, 1)?;
    if let Value::Int(n) = args[0] {
        return Ok(Value::Int(if n == -1 { -2 } else { n }));
    }
    vm.hash_of(args[0]).map(Value::Int)
}

pub(super) fn callable(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("callable", args, 1, 1)?;
    Ok(Value::Bool(vm.is_callable(args[0])))
}

impl Vm {
    /// `callable(v)`.
    pub(super) fn is_callable(&self, v: Value) -> bool {
        match v.as_obj().map(|r| self.heap.get(r)) {
            Some(
                Object::Function(_)
                | Object::Native(_)
                | Object::BoundMethod { .. }
                | Object::Method { .. }
                | Object::Class(_),
            ) => true,
            Some(Object::Instance(_)) => self.special_method(v, "__call__").is_some(),
            _ => false,
        }
    }
}

pub(super) fn getattr(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expected_arity("getattr", args, 2, 3)?;
    let name = attr_name(vm, args[1], "getattr")?;
    match vm.get_attr(args[0], &name) {
        Err(e) if e.kind == "AttributeError" && args.len() == 3 => Ok(args[2]),
        other => other,
    }
}

pub(super) fn setattr(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expected_arity("setattr", args, 3, 3)?;
    let name = attr_name(vm, args[1], "setattr")?;
    vm.set_attr(args[0], &name, args[2])?;
    Ok(Value::None)
}

pub(super) fn hasattr(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expected_arity("hasattr", args, 2, 2)?;
    let name = attr_name(vm, args[1], "hasattr")?;
    match vm.get_attr(args[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.kind == "AttributeError" => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

pub(super) fn delattr(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expected_arity("delattr", args, 2, 2)?;
    let name = attr_name(vm, args[1], "delattr")?;
    vm.del_attr(args[0], &name)?;
    Ok(Value::None)
}

pub(super) fn vars(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expected_arity("vars", args, 1, 1)?;
    vm.get_attr(args[0], &Rc::from("__dict__"))
        .map_err(|_| Exception::new("TypeError", "vars() argument must have __dict__ attribute"))
}

pub(super) fn dir(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expected_arity("dir", args, 0, 1)?;
    if args.is_empty() {
        let mut names = vm.scope_names();
        names.sort();
        let items: Vec<Value> = names.iter().map(|n| new_str(&mut vm.heap, &**n)).collect();
        return Ok(Value::Obj(vm.heap.alloc(Object::List(items))));
    }
    let mut names: Vec<Rc<str>> = Vec::new();
    let v = args[0];
    if let Some((r, Object::Module(m))) = v.as_obj().map(|r| (r, vm.heap.get(r))) {
        let name = m.name.clone();
        vm.load_embedded(r, &name)?;
    }
    let add_class = |vm: &Vm, names: &mut Vec<Rc<str>>, cls| {
        if let Some(c) = class(&vm.heap, cls) {
            for &k in c.mro.iter() {
                if let Some(k) = class(&vm.heap, k) {
                    names.extend(k.attrs.keys().cloned());
                }
            }
        }
    };
    match v.as_obj().map(|r| vm.heap.get(r)) {
        Some(Object::Instance(i)) => {
            names.extend(i.attrs(&vm.shapes).into_iter().map(|(k, _)| k));
            let (cls, dict) = (i.class, i.dict());
            if let Some(Object::Dict(d)) = dict.map(|d| vm.heap.get(d)) {
                let keys: Vec<Value> = d.iter().map(|(k, _)| k).collect();
                let keys = keys
                    .into_iter()
                    .filter_map(|k| ops::str_of(&vm.heap, k).map(Rc::from));
                names.extend(keys);
            }
            add_class(vm, &mut names, cls);
        }
        Some(Object::Class(_)) => {
            if let Some(r) = v.as_obj() {
                add_class(vm, &mut names, r);
            }
        }
        Some(Object::Module(m)) => names.extend(m.attrs.keys().cloned()),
        _ => {}
    }
    names.sort();
    names.dedup();
    let items = names.iter().map(|n| new_str(&mut vm.heap, &**n)).collect();
    Ok(Value::Obj(vm.heap.alloc(Object::List(items))))
}

pub(super) fn super_(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    let [cls, receiver] = args else {
        return Err(Exception::new("RuntimeError", "super(): no arguments"));
    };
    let Some(cls) = cls.as_obj().filter(|&r| class(&vm.heap, r).is_some()) else {
        return Err(Exception::new(
            "TypeError",
            format!(
                "super() argument 1 must be a type, not {}",
                type_name(&vm.heap, *cls)
            ),
        ));
    };
    Ok(Value::Obj(vm.heap.alloc(Object::Super {
        class: cls,
        receiver: *receiver,
    })))
}

pub(super) fn object_new(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    if !args.is_empty() {
        return Err(Exception::new("TypeError", "object() takes no arguments"));
    }
    let cls = vm.builtin_type("object");
    Ok(vm.new_instance(cls, &[]))
}

/// `object.__init_subclass__`: takes no keywords.
pub(super) fn object_init_subclass(
    vm: &mut Vm,
    args: &[Value],
    kwargs: Kwargs,
) -> Result<Value, Exception> {
    if kwargs.is_empty() {
        return Ok(Value::None);
    }
    let name = match args
        .first()
        .and_then(|v| v.as_obj())
        .map(|r| vm.heap.get(r))
    {
        Some(Object::Class(c)) => c.name.to_string(),
        _ => "object".to_owned(),
    };
    Err(Exception::new(
        "TypeError",
        format!("{name}.__init_subclass__() takes no keyword arguments"),
    ))
}

/// `object.__new__(cls, …)`: a new instance of class `cls`; arguments only where `cls` takes
/// them in its own `__init__` (and does not define `__new__`).
pub(super) fn object_dunder_new(
    vm: &mut Vm,
    args: &[Value],
    kwargs: Kwargs,
) -> Result<Value, Exception> {
    let Some(&cls_value) = args.first() else {
        return Err(Exception::new(
            "TypeError",
            "object.__new__(): not enough arguments",
        ));
    };
    let cls = match cls_value.as_obj().map(|r| (r, vm.heap.get(r))) {
        Some((r, Object::Class(c))) if c.builtin.is_none() && !c.is_exception => r,
        Some((_, Object::Class(c))) if &*c.name == "object" => return object_new(vm, &[], &[]),
        Some((_, Object::Class(c))) => {
            return Err(Exception::new(
                "TypeError",
                format!("object.__new__({0}) is not safe, use {0}.__new__()", c.name),
            ))
        }
        _ => {
            return Err(Exception::new(
                "TypeError",
                format!(
                    "object.__new__(X): X is not a type object ({})",
                    type_name(&vm.heap, cls_value)
                ),
            ))
        }
    };
    let rest = &args[1..];
    if !rest.is_empty() || !kwargs.is_empty() {
        let hooks = vm.class_hooks(cls);
        let own_init = hooks.init.is_some_and(|i| {
            matches!(
                i.as_obj().map(|r| vm.heap.get(r)),
                Some(Object::Function(_))
            )
        });
        if hooks.new.is_some() || !own_init {
            let message = if hooks.new.is_some() {
                "object.__new__() takes exactly one argument (the type to instantiate)".to_owned()
            } else {
                let name = super::classes::class(&vm.heap, cls).map_or("object", |c| &*c.name);
                format!("{name}() takes no arguments")
            };
            return Err(Exception::new("TypeError", message));
        }
    }
    Ok(vm.new_instance(cls, rest))
}

/// `BaseException.__new__(cls, *args)`: a new exception of class `cls` with those `args`.
pub(super) fn base_exception_new(
    vm: &mut Vm,
    args: &[Value],
    _: Kwargs,
) -> Result<Value, Exception> {
    match args.first().and_then(|v| v.as_obj()) {
        Some(cls) if super::classes::class(&vm.heap, cls).is_some_and(|c| c.is_exception) => {
            Ok(vm.new_instance(cls, &args[1..]))
        }
        _ => Err(Exception::new(
            "TypeError",
            "BaseException.__new__(X): X is not a subtype of BaseException",
        )),
    }
}

/// `object.__init__`: refuses arguments unless the class defines its own `__init__`.
pub(super) fn object_init(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    if args.len() > 1 || !kwargs.is_empty() {
        let name = type_name(&vm.heap, args[0]).to_owned();
        let own_init = vm.special_method(args[0], "__init__").is_some();
        let message = if own_init {
            "object.__init__() takes exactly one argument (the instance to initialize)".to_owned()
        } else {
            format!("{name}() takes no arguments")
        };
        return Err(Exception::new("TypeError", message));
    }
    Ok(Value::None)
}

/// `object.__setattr__(obj, name, value)`: the store without the class's own hook.
pub(super) fn object_setattr(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("__setattr__", args, 3, 3)?;
    let name = crate::runtime::attrs::intern(&attr_name(vm, args[1], "__setattr__")?);
    vm.generic_set_attr(args[0], &name, args[2])?;
    Ok(Value::None)
}

/// `object.__delattr__(obj, name)`.
pub(super) fn object_delattr(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("__delattr__", args, 2, 2)?;
    let name = attr_name(vm, args[1], "__delattr__")?;
    vm.generic_del_attr(args[0], &name)?;
    Ok(Value::None)
}

/// `object.__getattribute__(obj, name)`.
pub(super) fn object_getattribute(
    vm: &mut Vm,
    args: &[Value],
    _: Kwargs,
) -> Result<Value, Exception> {
    arity("__getattribute__", args, 2, 2)?;
    let name = attr_name(vm, args[1], "__getattribute__")?;
    vm.generic_get_attr(args[0], &name)
}

/// `object.__eq__(a, b)`: identity, or `NotImplemented`.
pub(super) fn object_eq(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("__eq__", args, 2, 2)?;
    Ok(if ops::identical(args[0], args[1]) {
        Value::Bool(true)
    } else {
        vm.not_implemented
    })
}

/// `object.__ne__(a, b)`: the inverse of `a.__eq__(b)` unless that is `NotImplemented`.
pub(super) fn object_ne(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("__ne__", args, 2, 2)?;
    let equal = match vm.special_method(args[0], "__eq__") {
        Some(eq) => vm.call_value(eq, &args[..2], &[])?,
        None => object_eq(vm, args, &[])?,
    };
    if equal == vm.not_implemented {
        return Ok(equal);
    }
    ops::truthy_in(vm, equal).map(|t| Value::Bool(!t))
}

/// `object.__hash__(obj)`: by identity.
pub(super) fn object_hash(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("__hash__", args, 1, 1)?;
    match args[0] {
        Value::Obj(r) => Ok(Value::Int(crate::runtime::dict::identity_hash(r) as i64)),
        v => vm.hash_of(v).map(Value::Int),
    }
}

/// `object.__repr__(obj)`: `<module.Class object at 0x…>`.
pub(super) fn object_repr(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("__repr__", args, 1, 1)?;
    let text = match args[0] {
        Value::Obj(r) => ops::object_repr(&vm.heap, r),
        v => ops::repr(&vm.heap, v),
    };
    Ok(new_str(&mut vm.heap, text))
}

/// `object.__str__(obj)`: `repr(obj)`, with the class's own `__repr__`.
pub(super) fn object_str(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("__str__", args, 1, 1)?;
    let text = ops::repr_in(vm, args[0])?;
    Ok(new_str(&mut vm.heap, text))
}

pub(super) fn property(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    arity("property", args, 0, 4)?;
    let mut parts = [Value::None; 3];
    parts[..args.len().min(3)].copy_from_slice(&args[..args.len().min(3)]);
    for (k, v) in kwargs {
        match &**k {
            "fget" => parts[0] = *v,
            "fset" => parts[1] = *v,
            "fdel" => parts[2] = *v,
            _ => {}
        }
    }
    Ok(Value::Obj(vm.heap.alloc(Object::Property {
        getter: parts[0],
        setter: parts[1],
        deleter: parts[2],
        name: None,
    })))
}

/// `prop.setter(f)` / `prop.getter(f)` / `prop.deleter(f)`: a copy with that function replaced.
pub(super) fn property_with(vm: &mut Vm, args: &[Value], which: usize) -> Result<Value, Exception> {
    arity("setter", &args[1..], 1, 1)?;
    let Some(Object::Property {
        getter,
        setter,
        deleter,
        name,
    }) = args[0].as_obj().map(|r| vm.heap.get(r))
    else {
        return Err(Exception::new("TypeError", "not a property"));
    };
    let mut parts = [*getter, *setter, *deleter];
    parts[which] = args[1];
    let name = name.clone();
    Ok(Value::Obj(vm.heap.alloc(Object::Property {
        getter: parts[0],
        setter: parts[1],
        deleter: parts[2],
        name,
    })))
}

pub(super) fn property_getter(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    property_with(vm, args, 0)
}

pub(super) fn property_setter(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    property_with(vm, args, 1)
}

pub(super) fn property_deleter(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    property_with(vm, args, 2)
}

pub(super) fn staticmethod(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expected_arity("staticmethod", args, 1, 1)?;
    Ok(Value::Obj(vm.heap.alloc(Object::StaticMethod(args[0]))))
}

pub(super) fn classmethod(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    expected_arity("classmethod", args, 1, 1)?;
    Ok(Value::Obj(vm.heap.alloc(Object::ClassMethod(args[0]))))
}

/// `inspect._code_flags(f)`: the flags CPython's code objects carry that say what calling `f`
/// (a function, or a method of one) makes: a generator (`0x20`), a coroutine (`0x80`) or an
/// async generator (`0x200`); 0 for anything else.
pub(super) fn code_flags(vm: &mut Vm, args: &[Value], _: Kwargs) -> Result<Value, Exception> {
    arity("_code_flags", args, 1, 1)?;
    let func = match args[0].as_obj().map(|r| vm.heap.get(r)) {
        Some(Object::Method { func, .. }) => *func,
        _ => args[0],
    };
    let flags = match func.as_obj().map(|r| vm.heap.get(r)) {
        Some(Object::Function(f)) => match (f.loaded.code.is_generator, f.loaded.code.is_coroutine)
        {
            (true, true) => 0x200,
            (true, false) => 0x20,
            (false, true) => 0x80,
            (false, false) => 0,
        },
        _ => 0,
    };
    Ok(Value::Int(flags))
}
