//! Metaclasses: classes deriving from `type`, whose instances are classes. A class made by
//! one records it (`Class::metaclass`); its type is then that metaclass, whose methods its
//! special operations (`len(C)`, `for x in C`, `C[k]`, `repr(C)`, `C(…)` through `__call__`)
//! and attribute lookups fall back to. `type.__new__`, `type.__init__` and `type.__call__`
//! are the natives a metaclass's own methods reach through `super()`.

use std::rc::Rc;

use super::classes::{class, is_subclass};
use super::ops::{new_str, type_name};
use super::{Exception, Vm};
use crate::runtime::{ObjRef, Object, Value};

type Kwargs<'a> = &'a [(Rc<str>, Value)];

impl Vm {
    /// The metaclass of a class statement: `metaclass=` (`explicit`) or its bases' most
    /// derived one; `None` for `type`.
    pub(super) fn metaclass_for(
        &mut self,
        explicit: Option<Value>,
        bases: &[Value],
    ) -> Result<Option<ObjRef>, Exception> {
        let type_class = self.builtin_type("type");
        let mut winner = match explicit {
            Some(m) => match m.as_obj() {
                Some(r) if class(&self.heap, r).is_some() => Some(r),
                _ => {
                    return Err(Exception::new(
                        "NotImplementedError",
                        "a metaclass that is not a class is not supported yet",
                    ))
                }
            },
            None => None,
        };
        for base in bases {
            let Some(meta) = base.as_obj().and_then(|b| class(&self.heap, b)?.metaclass) else {
                continue;
            };
            winner = match winner {
                None => Some(meta),
                Some(w) if is_subclass(&self.heap, w, meta) => Some(w),
                Some(w) if is_subclass(&self.heap, meta, w) => Some(meta),
                Some(w) if w == type_class => Some(meta),
                Some(_) => {
                    return Err(Exception::new(
                        "TypeError",
                        "metaclass conflict: the metaclass of a derived class must be a \
                         (non-strict) subclass of the metaclasses of all its bases",
                    ))
                }
            };
        }
        Ok(winner.filter(|&m| m != type_class))
    }

    /// Makes class `name` with metaclass `metaclass`: `metaclass(name, bases, namespace,
    /// **keywords)`.
    pub(super) fn call_metaclass(
        &mut self,
        metaclass: ObjRef,
        name: &str,
        bases: &[Value],
        namespace: Value,
        keywords: Kwargs,
    ) -> Result<Value, Exception> {
        let name = new_str(&mut self.heap, name);
        let bases = Value::Obj(self.heap.alloc(Object::Tuple(bases.into())));
        self.with_pinned([name, bases], |vm| {
            vm.call_value(Value::Obj(metaclass), &[name, bases, namespace], keywords)
        })
    }

    /// The `__call__` that metaclass `meta` defines in Python, if it does.
    pub(super) fn metaclass_call(&self, meta: ObjRef) -> Option<Value> {
        let found = super::classes::lookup(&self.heap, meta, "__call__")?;
        matches!(
            found.as_obj().map(|r| self.heap.get(r)),
            Some(Object::Function(_))
        )
        .then_some(found)
    }

    /// Makes an instance of class `cls` as calling it does (without its metaclass's
    /// `__call__`): `__new__`, then `__init__` when that gave an instance of `cls`.
    pub(super) fn construct(
        &mut self,
        cls: ObjRef,
        args: &[Value],
        keywords: Kwargs,
    ) -> Result<Value, Exception> {
        let hooks = self.class_hooks(cls);
        let exception = class(&self.heap, cls).is_some_and(|c| c.is_exception);
        let made = match hooks.new {
            Some(new) => {
                let new = match new.as_obj().map(|n| self.heap.get(n)) {
                    Some(Object::StaticMethod(f)) => *f,
                    _ => new,
                };
                let mut call_args = Vec::with_capacity(args.len() + 1);
                call_args.push(Value::Obj(cls));
                call_args.extend_from_slice(args);
                self.call_value(new, &call_args, keywords)?
            }
            None if class(&self.heap, cls).is_some_and(|c| c.constructor.is_some()) => {
                return self.call_value(Value::Obj(cls), args, keywords);
            }
            None if exception => self.new_instance(cls, args),
            None => self.new_instance(cls, &[]),
        };
        let init = hooks.init.filter(|i| {
            matches!(
                i.as_obj().map(|r| self.heap.get(r)),
                Some(Object::Function(_))
            )
        });
        match init {
            Some(init) if self.is_instance(made, cls) => {
                let mut call_args = Vec::with_capacity(args.len() + 1);
                call_args.push(made);
                call_args.extend_from_slice(args);
                let returned =
                    self.with_pinned([made], |vm| vm.call_value(init, &call_args, keywords))?;
                if returned != Value::None {
                    return Err(Exception::new(
                        "TypeError",
                        format!(
                            "__init__() should return None, not '{}'",
                            type_name(&self.heap, returned)
                        ),
                    ));
                }
            }
            None if hooks.new.is_none()
                && !exception
                && (!args.is_empty() || !keywords.is_empty()) =>
            {
                let name = class(&self.heap, cls).map_or("object", |c| &*c.name);
                return Err(Exception::new(
                    "TypeError",
                    format!("{name}() takes no arguments"),
                ));
            }
            _ => {}
        }
        Ok(made)
    }
}

/// `type.__new__(metaclass, name, bases, namespace, **keywords)`: a new class whose type is
/// `metaclass`.
pub(super) fn type_new(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    let [metaclass, name, bases, namespace] = *args else {
        return Err(Exception::new(
            "TypeError",
            "type.__new__() takes exactly 3 arguments",
        ));
    };
    let Some(metaclass) = metaclass.as_obj().filter(|&m| class(&vm.heap, m).is_some()) else {
        return Err(Exception::new(
            "TypeError",
            format!(
                "type.__new__(X): X is not a type object ({})",
                type_name(&vm.heap, metaclass)
            ),
        ));
    };
    let metaclass = Some(metaclass).filter(|&m| m != vm.builtin_type("type"));
    super::reflection::class_from_parts(vm, [name, bases, namespace], kwargs, metaclass)
}

/// `type.__init__`: the class is complete already.
pub(super) fn type_init(_: &mut Vm, _: &[Value], _: Kwargs) -> Result<Value, Exception> {
    Ok(Value::None)
}

/// `type.__call__(cls, *args, **kwargs)`: makes an instance of `cls` (what a metaclass's
/// `__call__` reaches through `super()`).
pub(super) fn type_call(vm: &mut Vm, args: &[Value], kwargs: Kwargs) -> Result<Value, Exception> {
    let Some(cls) = args
        .first()
        .and_then(|v| v.as_obj())
        .filter(|&c| class(&vm.heap, c).is_some())
    else {
        return Err(Exception::new(
            "TypeError",
            "descriptor '__call__' requires a 'type' object",
        ));
    };
    vm.construct(cls, &args[1..], kwargs)
}
