//! Shapes: the attribute names of an instance, in the order it got them, shared by every
//! instance that got the same names in the same order. An instance then holds only its values
//! (the first few inline in its heap slot, see [`super::instance`]) and the handle of its shape;
//! a lookup by name scans the shape's few names, which every instance of a class shares and so
//! stay in cache.
//!
//! Shapes form a tree from the empty shape: adding name `n` to shape `s` moves an instance to
//! the child of `s` for `n`, made on first use. The VM keeps them all ([`Shapes`]) and never
//! frees one, so their number is capped ([`MAX_SHAPES`]) and so is their size ([`MAX_KEYS`]);
//! an instance that would need a shape past either keeps its attributes in a table of its own
//! instead.

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::rc::Rc;

use super::attrs::name_bit;

/// The most names a shape holds.
pub const MAX_KEYS: usize = 12;

/// The most shapes a VM makes.
const MAX_SHAPES: usize = 1 << 16;

/// The handle of a shape: its index plus one (so that `Option<ShapeId>` takes no more room).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ShapeId(NonZeroU32);

impl ShapeId {
    /// The shape of an instance with no attributes.
    pub const EMPTY: ShapeId = ShapeId(NonZeroU32::MIN);

    fn index(self) -> usize {
        self.0.get() as usize - 1
    }
}

struct Shape {
    /// Interned names, in the order they were added.
    keys: Box<[Rc<str>]>,
    /// The [`name_bit`]s of the keys: a name whose bit is clear is not among them.
    present: u64,
    /// The child last made or found (by the interned name's address): instances of a class
    /// mostly get their attributes in one order.
    last_child: Option<(usize, ShapeId)>,
}

/// Every shape made so far.
pub struct Shapes {
    shapes: Vec<Shape>,
    /// The child of a shape for a name (by the interned name's address).
    children: HashMap<(ShapeId, usize), ShapeId, foldhash::fast::FixedState>,
}

impl Default for Shapes {
    fn default() -> Shapes {
        Shapes {
            shapes: vec![Shape {
                keys: Box::new([]),
                present: 0,
                last_child: None,
            }],
            children: HashMap::default(),
        }
    }
}

/// The address that stands for an interned name.
fn address(name: &Rc<str>) -> usize {
    Rc::as_ptr(name) as *const u8 as usize
}

impl Shapes {
    #[inline(always)]
    fn shape(&self, id: ShapeId) -> Option<&Shape> {
        self.shapes.get(id.index())
    }

    /// The position of interned name `name` (see [`super::attrs::intern`]) in shape `id`:
    /// pointer comparisons only.
    #[inline(always)]
    pub fn position(&self, id: ShapeId, name: &Rc<str>) -> Option<usize> {
        let shape = self.shape(id)?;
        if shape.present & name_bit(name) == 0 {
            return None;
        }
        shape.keys.iter().position(|k| Rc::ptr_eq(k, name))
    }

    /// The position of `name`, interned or not.
    pub fn position_text(&self, id: ShapeId, name: &str) -> Option<usize> {
        self.shape(id)?.keys.iter().position(|k| **k == *name)
    }

    /// The names of shape `id`, in order.
    pub fn keys(&self, id: ShapeId) -> &[Rc<str>] {
        self.shape(id).map_or(&[], |shape| &shape.keys)
    }

    /// Shape `id` with interned name `name` (not among its names) added last; `None` when
    /// that shape would hold too many names or no more shapes may be made.
    pub fn with_key(&mut self, id: ShapeId, name: &Rc<str>) -> Option<ShapeId> {
        let edge = address(name);
        let parent = self.shape(id)?;
        if let Some((last, child)) = parent.last_child {
            if last == edge {
                return Some(child);
            }
        }
        let child = match self.children.get(&(id, edge)) {
            Some(&child) => child,
            None => {
                if parent.keys.len() >= MAX_KEYS || self.shapes.len() >= MAX_SHAPES {
                    return None;
                }
                let keys: Box<[Rc<str>]> = parent.keys.iter().chain([name]).cloned().collect();
                let present = parent.present | name_bit(name);
                let child = ShapeId(NonZeroU32::new(u32::try_from(self.shapes.len() + 1).ok()?)?);
                self.shapes.push(Shape {
                    keys,
                    present,
                    last_child: None,
                });
                self.children.insert((id, edge), child);
                child
            }
        };
        if let Some(parent) = self.shapes.get_mut(id.index()) {
            parent.last_child = Some((edge, child));
        }
        Some(child)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::attrs::intern;

    #[test]
    fn instances_adding_the_same_names_share_shapes() {
        let mut shapes = Shapes::default();
        let (x, y) = (intern("shape_test_x"), intern("shape_test_y"));
        let mut path = |first: &Rc<str>, second: &Rc<str>| {
            let s = shapes.with_key(ShapeId::EMPTY, first)?;
            shapes.with_key(s, second)
        };
        let (a, b, reversed) = (path(&x, &y), path(&x, &y), path(&y, &x));
        assert_eq!(a, b);
        assert_ne!(a, reversed);
        let a = a.unwrap_or(ShapeId::EMPTY);
        assert_eq!(shapes.keys(a), &[x.clone(), y.clone()]);
        assert_eq!(shapes.position(a, &y), Some(1));
        assert_eq!(shapes.position_text(a, "shape_test_x"), Some(0));
        assert_eq!(shapes.position(a, &intern("shape_test_z")), None);
    }

    #[test]
    fn shapes_stop_at_max_keys() {
        let mut shapes = Shapes::default();
        let mut shape = ShapeId::EMPTY;
        for i in 0..MAX_KEYS {
            let name = intern(&format!("shape_cap_{i}"));
            shape = shapes.with_key(shape, &name).unwrap_or(ShapeId::EMPTY);
        }
        assert_eq!(shapes.keys(shape).len(), MAX_KEYS);
        assert_eq!(shapes.with_key(shape, &intern("shape_cap_last")), None);
    }
}
