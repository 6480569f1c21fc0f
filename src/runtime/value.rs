//! `Value`: what a variable or stack slot holds — an immediate or a handle into the heap.

use std::mem::MaybeUninit;

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

    /// A copy of the value in `slot`, read as its two words. Values are mostly written a word
    /// at a time (tag, then payload); reading one back soon after as a single 16-byte load, as
    /// a plain copy may compile to, defeats the CPU's store forwarding and stalls it. The reads
    /// are volatile so that they are not merged into that one load again.
    ///
    /// ```
    /// use baton::runtime::Value;
    /// assert_eq!(Value::read(&Value::Float(0.5)), Value::Float(0.5));
    /// ```
    #[inline(always)]
    pub fn read(slot: &Value) -> Value {
        let words = (slot as *const Value).cast::<MaybeUninit<u64>>();
        // SAFETY: `slot` is a valid value, two words long; its words (the payload's padding
        // copied as uninitialised) make the same valid value.
        unsafe {
            std::mem::transmute::<[MaybeUninit<u64>; 2], Value>([
                words.read_volatile(),
                words.add(1).read_volatile(),
            ])
        }
    }

    /// Writes `v` into `slot` as its two words. The counterpart of [`Value::read`]: a value
    /// the compiler keeps in memory would otherwise be copied with one 16-byte load, which
    /// stalls when its two words were just stored one at a time.
    ///
    /// # Safety
    ///
    /// `slot` must be valid for writes of a `Value`.
    ///
    /// ```
    /// use baton::runtime::Value;
    /// let mut slot = Value::None;
    /// unsafe { Value::write(&mut slot, Value::Int(7)) };
    /// assert_eq!(slot, Value::Int(7));
    /// ```
    #[inline(always)]
    pub unsafe fn write(slot: *mut Value, v: Value) {
        // SAFETY: a value is two words (its padding copied as uninitialised); `slot` is valid
        // for writes of both (the caller's promise).
        unsafe {
            let [tag, payload] = std::mem::transmute::<Value, [MaybeUninit<u64>; 2]>(v);
            let words = slot.cast::<MaybeUninit<u64>>();
            words.write_volatile(tag);
            words.add(1).write_volatile(payload);
        }
    }

    pub fn as_obj(self) -> Option<ObjRef> {
        match self {
            Value::Obj(r) => Some(r),
            _ => None,
        }
    }
}
