//! `Value`: what a variable or stack slot holds — an immediate or a handle into the heap.

/// A handle to a heap object: an index into the heap's slot arena.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ObjRef(pub(crate) u32);

impl ObjRef {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A Python value. Small ints, floats, bools and `None` live inline; the rest on the heap.
///
/// The tag is a whole word and every payload sits in the second one (`repr(u64)`), so a value
/// moves as two words rather than field by field.
///
/// ```
/// use baton::runtime::Value;
/// assert_eq!(std::mem::size_of::<Value>(), 16);
/// assert!(Value::Int(0).is_int());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[repr(u64)]
pub enum Value {
    /// An unassigned local slot. Never visible to programs: loading it raises UnboundLocalError.
    Unbound,
    #[default]
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Obj(ObjRef),
}

impl Value {
    pub fn is_int(self) -> bool {
        matches!(self, Value::Int(_))
    }

    pub fn as_obj(self) -> Option<ObjRef> {
        match self {
            Value::Obj(r) => Some(r),
            _ => None,
        }
    }
}
