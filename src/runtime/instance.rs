//! Instances of classes defined in Python, and where their attributes live: the values in the
//! instance itself — the first [`INLINE`] in its heap slot, so that reading one touches no other
//! memory, the rest in a vector beside — and the names in the instance's shape
//! ([`super::shapes`]), shared with every instance that got the same names in the same order;
//! the methods that need names take the VM's [`Shapes`].
//! An instance that outgrows shapes (too many names, a deleted attribute, or no shapes left)
//! keeps all its attributes in a table of its own ([`Attrs`]) from then on.

use std::rc::Rc;

use super::attrs::{intern, Attrs};
use super::object::ExceptionState;
use super::shapes::{ShapeId, Shapes};
use super::{ObjRef, Value};

/// How many attribute values sit in the instance's heap slot.
pub const INLINE: usize = 3;

/// An instance of a class defined in Python.
///
/// ```
/// use baton::runtime::attrs::intern;
/// use baton::runtime::instance::Instance;
/// use baton::runtime::shapes::Shapes;
/// use baton::runtime::{Heap, Object, Value};
/// let (mut heap, mut shapes) = (Heap::new(), Shapes::default());
/// let class = heap.alloc(Object::List(Vec::new()));
/// let mut point = Instance::new(class, None);
/// point.set_interned(&mut shapes, &intern("x"), Value::Int(1));
/// assert_eq!(point.get(&shapes, "x"), Some(&Value::Int(1)));
/// assert_eq!(point.attrs(&shapes).len(), 1);
/// ```
#[derive(Debug)]
pub struct Instance {
    pub class: ObjRef,
    /// The names of the attributes; `None` once they are in `extra.table`.
    shape: Option<ShapeId>,
    inline: [Value; INLINE],
    extra: Option<Box<Extra>>,
}

/// What does not fit in an instance's heap slot.
#[derive(Debug, Default)]
struct Extra {
    /// The values after the inline ones, for an instance with a shape.
    spill: Vec<Value>,
    /// The attributes of an instance without a shape.
    table: Attrs,
    /// Set when the class derives from `BaseException`.
    exception: Option<ExceptionState>,
    /// The dict holding all the attributes, once the program asked for `__dict__`.
    dict: Option<ObjRef>,
}

impl Instance {
    pub fn new(class: ObjRef, exception: Option<ExceptionState>) -> Instance {
        Instance {
            class,
            shape: Some(ShapeId::EMPTY),
            inline: [Value::Unbound; INLINE],
            extra: exception.map(|e| {
                Box::new(Extra {
                    exception: Some(e),
                    ..Extra::default()
                })
            }),
        }
    }

    fn extra(&mut self) -> &mut Extra {
        self.extra.get_or_insert_with(Box::default)
    }

    /// The value at position `i` of a shaped instance.
    #[inline(always)]
    fn value_at(&self, i: usize) -> Option<&Value> {
        match self.inline.get(i) {
            Some(v) => Some(v),
            None => self.extra.as_ref()?.spill.get(i - INLINE),
        }
    }

    fn value_at_mut(&mut self, i: usize) -> Option<&mut Value> {
        match self.inline.get_mut(i) {
            Some(v) => Some(v),
            None => self.extra.as_mut()?.spill.get_mut(i - INLINE),
        }
    }

    /// The attribute named `name`, which must come from [`intern`] (as the names of loaded
    /// code do): no text is compared.
    #[inline(always)]
    pub fn get_interned(&self, shapes: &Shapes, name: &Rc<str>) -> Option<&Value> {
        match self.shape {
            Some(shape) => self.value_at(shapes.position(shape, name)?),
            None => self.extra.as_ref()?.table.get_interned(name),
        }
    }

    pub fn get(&self, shapes: &Shapes, name: &str) -> Option<&Value> {
        match self.shape {
            Some(shape) => self.value_at(shapes.position_text(shape, name)?),
            None => self.extra.as_ref()?.table.get(name),
        }
    }

    /// Sets attribute `name`, which must come from [`intern`]; a new one goes last.
    pub fn set_interned(&mut self, shapes: &mut Shapes, name: &Rc<str>, value: Value) {
        if let Some(shape) = self.shape {
            if let Some(slot) = shapes
                .position(shape, name)
                .and_then(|i| self.value_at_mut(i))
            {
                *slot = value;
                return;
            }
            if let Some(next) = shapes.with_key(shape, name) {
                let at = shapes.keys(shape).len();
                match self.inline.get_mut(at) {
                    Some(slot) => *slot = value,
                    None => self.extra().spill.push(value),
                }
                self.shape = Some(next);
                return;
            }
            self.leave_shapes(shapes);
        }
        self.extra().table.insert_interned(name, value);
    }

    /// Sets attribute `name`; a new one goes last.
    pub fn set(&mut self, shapes: &mut Shapes, name: &str, value: Value) {
        self.set_interned(shapes, &intern(name), value);
    }

    /// Removes attribute `name`, keeping the order of the rest.
    pub fn remove(&mut self, shapes: &Shapes, name: &str) -> Option<Value> {
        if let Some(shape) = self.shape {
            shapes.position_text(shape, name)?;
            self.leave_shapes(shapes);
        }
        self.extra.as_mut()?.table.shift_remove(name)
    }

    /// Moves the attributes into a table of the instance's own.
    fn leave_shapes(&mut self, shapes: &Shapes) {
        let attrs = self.attrs(shapes);
        let extra = self.extra();
        extra.spill = Vec::new();
        for (name, value) in attrs {
            extra.table.insert_interned(&name, value);
        }
        self.inline = [Value::Unbound; INLINE];
        self.shape = None;
    }

    /// The attributes, in the order they were added.
    pub fn attrs(&self, shapes: &Shapes) -> Vec<(Rc<str>, Value)> {
        match self.shape {
            Some(shape) => shapes
                .keys(shape)
                .iter()
                .enumerate()
                .filter_map(|(i, name)| Some((name.clone(), *self.value_at(i)?)))
                .collect(),
            None => self.extra.as_ref().map_or_else(Vec::new, |extra| {
                extra.table.iter().map(|(k, v)| (k.clone(), *v)).collect()
            }),
        }
    }

    /// The dict holding the attributes, once the instance moved them there (see
    /// [`Instance::move_to_dict`]).
    pub fn dict(&self) -> Option<ObjRef> {
        self.extra.as_ref()?.dict
    }

    /// From now on the attributes live in dict `d` (which holds them already): the instance
    /// keeps none of its own, so its `__dict__` and its attributes are one.
    pub fn move_to_dict(&mut self, d: ObjRef) {
        let extra = self.extra();
        extra.spill = Vec::new();
        extra.table = Attrs::default();
        extra.dict = Some(d);
        self.inline = [Value::Unbound; INLINE];
        self.shape = None;
    }

    /// Every value the instance's attributes hold (for the collector), its dict included.
    pub fn values(&self) -> impl Iterator<Item = Value> + '_ {
        let (spill, table, dict) = match &self.extra {
            Some(extra) => (&extra.spill[..], Some(&extra.table), extra.dict),
            None => (&[][..], None, None),
        };
        self.inline
            .iter()
            .chain(spill)
            .chain(table.into_iter().flat_map(Attrs::values))
            .copied()
            .chain(dict.map(Value::Obj))
    }

    pub fn exception(&self) -> Option<&ExceptionState> {
        self.extra.as_ref()?.exception.as_ref()
    }

    pub fn exception_mut(&mut self) -> Option<&mut ExceptionState> {
        self.extra.as_mut()?.exception.as_mut()
    }

    pub fn is_exception(&self) -> bool {
        self.exception().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn instance() -> Instance {
        Instance::new(ObjRef(0), None)
    }

    #[test]
    fn an_instance_moved_to_a_dict_keeps_no_attributes_of_its_own() {
        let shapes = &mut Shapes::default();
        let mut inst = instance();
        inst.set(shapes, "moved_attr", Value::Int(1));
        inst.move_to_dict(ObjRef(7));
        assert_eq!(inst.get(shapes, "moved_attr"), None);
        assert!(inst.attrs(shapes).is_empty());
        assert_eq!(inst.dict(), Some(ObjRef(7)));
        assert!(inst.values().any(|v| v == Value::Obj(ObjRef(7))));
    }

    #[test]
    fn attributes_keep_their_order_inline_and_spilled() {
        let shapes = &mut Shapes::default();
        let mut inst = instance();
        let names: Vec<Rc<str>> = (0..INLINE + 3)
            .map(|i| intern(&format!("inst_attr_{i}")))
            .collect();
        for (i, name) in names.iter().enumerate() {
            inst.set_interned(shapes, name, Value::Int(i as i64));
        }
        inst.set(shapes, "inst_attr_1", Value::Int(10));
        let got: Vec<(Rc<str>, Value)> = inst.attrs(shapes);
        assert_eq!(got.len(), names.len());
        for (i, (name, value)) in got.iter().enumerate() {
            assert_eq!(name, &names[i]);
            let want = if i == 1 { 10 } else { i as i64 };
            assert_eq!(*value, Value::Int(want));
        }
        assert_eq!(
            inst.get_interned(shapes, &names[INLINE + 1]),
            Some(&Value::Int(4))
        );
    }

    #[test]
    fn removal_and_many_names_move_attributes_to_a_table() {
        let shapes = &mut Shapes::default();
        let mut inst = instance();
        for i in 0..super::super::shapes::MAX_KEYS + 2 {
            inst.set(shapes, &format!("inst_many_{i}"), Value::Int(i as i64));
        }
        assert!(inst.shape.is_none());
        assert_eq!(inst.get(shapes, "inst_many_13"), Some(&Value::Int(13)));
        let mut inst = instance();
        inst.set(shapes, "inst_del_a", Value::Int(1));
        inst.set(shapes, "inst_del_b", Value::Int(2));
        assert_eq!(inst.remove(shapes, "inst_del_missing"), None);
        assert_eq!(inst.remove(shapes, "inst_del_a"), Some(Value::Int(1)));
        assert_eq!(inst.get(shapes, "inst_del_a"), None);
        assert_eq!(
            inst.get_interned(shapes, &intern("inst_del_b")),
            Some(&Value::Int(2))
        );
        inst.set(shapes, "inst_del_a", Value::Int(3));
        let names: Vec<Rc<str>> = inst.attrs(shapes).into_iter().map(|(k, _)| k).collect();
        assert_eq!(names, vec![intern("inst_del_b"), intern("inst_del_a")]);
    }
}
