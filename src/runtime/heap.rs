//! The heap: an arena of object slots with a mark-and-sweep collector.
//!
//! Objects are allocated into slots addressed by [`ObjRef`]; freed slots are reused. Collection
//! is requested when the allocations since the last one pass a threshold that grows with the live
//! set (so a program with many live objects is not rescanned on every burst), and run by the VM
//! at a safepoint with its roots. Marking uses an explicit stack, so deep structures cannot
//! overflow the Rust stack; sweeping reads only the slots' flag bytes and drops the unreachable
//! objects that own memory, whose own fields are handles and so never recurse either.

use std::rc::Rc;

use super::object::{Object, TraceEntry};
use super::value::{ObjRef, Value};

/// Collections start once this many objects were allocated since the last one (or twice the
/// objects that survived it, if more).
const MIN_THRESHOLD: usize = 20_000;

/// Slots reserved when the heap is made: address space only (pages are mapped as slots are
/// first written), so that the slot array does not move while a program grows to this many
/// objects. A move copies the array while the old one is still mapped: at the moment of the
/// copy, twice the slots' memory is resident.
const RESERVED_SLOTS: usize = 1 << 20;

/// Bits of [`Heap::flags`], one byte per slot.
const MARKED: u8 = 1;
/// The slot's object holds no handles (a str, bytes, big int, range): marking it needs only
/// its flag, never the object itself — strings are most of many heaps, and reading each one's
/// slot at every collection would be a cache miss apiece.
const LEAF: u8 = 2;
/// The slot holds a live object.
const LIVE: u8 = 4;
/// The slot's object owns memory, so freeing it must drop it. The others (short strs, ranges,
/// iterators) are left in their freed slot and overwritten by the next allocation there: the
/// sweep then reads only this flag array, never the slots of most garbage.
const OWNS: u8 = 8;

/// The flags of a new slot holding `obj`.
fn flags_of(obj: &Object) -> u8 {
    let leaf = if obj.is_leaf() { LEAF } else { 0 };
    let owns = if obj.owns_memory() { OWNS } else { 0 };
    LIVE | leaf | owns
}

/// The heap: object slots, with one flag byte each, and the list of freed slots.
///
/// A freed slot holds either `None` or an object that owns no memory (left there by the sweep,
/// see [`OWNS`]); an allocation overwrites it without dropping it.
pub struct Heap {
    slots: Vec<Option<Object>>,
    flags: Vec<u8>,
    free: Vec<u32>,
    /// The slot the next allocation takes: always an empty one, neither live nor in `free`.
    ready: u32,
    /// Coroutines freed without ever being awaited (see [`Heap::take_unawaited`]).
    unawaited: Vec<(Rc<str>, Option<TraceEntry>)>,
    live: usize,
    /// Allocations left before a collection is wanted (counted down, so the check at every
    /// safepoint is one comparison).
    until_collection: usize,
}

impl Default for Heap {
    fn default() -> Heap {
        Heap {
            slots: {
                let mut slots = Vec::with_capacity(RESERVED_SLOTS);
                slots.push(None);
                slots
            },
            flags: vec![0],
            free: Vec::new(),
            ready: 0,
            unawaited: Vec::new(),
            live: 0,
            until_collection: MIN_THRESHOLD,
        }
    }
}

impl Heap {
    pub fn new() -> Heap {
        Heap::default()
    }

    /// Stores `obj` and returns its handle.
    #[inline(always)]
    pub fn alloc(&mut self, obj: Object) -> ObjRef {
        self.alloc_with(|| obj)
    }

    /// Stores the object `make` builds and returns its handle. The slot is chosen before the
    /// object is built (see `ready`), so that it is written straight into the slot: building
    /// it elsewhere and copying it over would read back bytes just written, in pieces of other
    /// sizes, which stalls the CPU until they are stored.
    #[inline(always)]
    pub fn alloc_with(&mut self, make: impl FnOnce() -> Object) -> ObjRef {
        self.live += 1;
        self.until_collection = self.until_collection.saturating_sub(1);
        let i = self.ready as usize;
        let slot = &mut self.slots[i];
        // SAFETY: `slot` is a valid place. The ready slot holds `None` or an object owning
        // nothing, so writing over it without dropping it leaks nothing.
        unsafe { std::ptr::write(slot, Some(make())) };
        self.flags[i] = slot.as_ref().map_or(0, flags_of);
        self.ready = match self.free.pop() {
            Some(next) => next,
            None => self.new_slot(),
        };
        ObjRef(i as u32)
    }

    /// Adds an empty slot at the end and returns its index.
    #[inline(never)]
    fn new_slot(&mut self) -> u32 {
        self.slots.push(None);
        self.flags.push(0);
        (self.slots.len() - 1) as u32
    }

    /// The object behind a handle. Handles held by reachable values always point at live slots
    /// (the collector frees only unreachable ones), so a dead slot here is a collector bug.
    #[inline(always)]
    pub fn get(&self, r: ObjRef) -> &Object {
        self.slots[r.index()]
            .as_ref()
            .expect("handle to a freed heap slot")
    }

    /// Every live object, mutably.
    pub fn objects_mut(&mut self) -> impl Iterator<Item = &mut Object> {
        self.slots
            .iter_mut()
            .zip(&self.flags)
            .filter(|(_, &flags)| flags & LIVE != 0)
            .filter_map(|(slot, _)| slot.as_mut())
    }

    #[inline(always)]
    pub fn get_mut(&mut self, r: ObjRef) -> &mut Object {
        self.slots[r.index()]
            .as_mut()
            .expect("handle to a freed heap slot")
    }

    /// The object at `read`, and the one at `write` mutably (two different live slots).
    #[inline(always)]
    pub fn get_two_mut(&mut self, read: ObjRef, write: ObjRef) -> Option<(&Object, &mut Object)> {
        match self.slots.get_disjoint_mut([read.index(), write.index()]) {
            Ok([Some(read), Some(write)]) => Some((read, write)),
            _ => None,
        }
    }

    /// The coroutines freed since the last call that were never awaited: their names and where
    /// they were made.
    pub fn take_unawaited(&mut self) -> Vec<(Rc<str>, Option<TraceEntry>)> {
        std::mem::take(&mut self.unawaited)
    }

    /// Number of live objects.
    pub fn live(&self) -> usize {
        self.live
    }

    /// Whether enough was allocated since the last collection to make one worthwhile: twice as
    /// many objects as survived it (at least `MIN_THRESHOLD`), so collection work stays
    /// proportional to allocation, and garbage waiting for it at most twice the live heap.
    pub fn wants_collection(&self) -> bool {
        self.until_collection == 0
    }

    /// Flags every object reachable from `roots`.
    fn mark(&mut self, roots: impl IntoIterator<Item = Value>) {
        let mut stack: Vec<ObjRef> = Vec::new();
        let mut marker = Marker {
            flags: &mut self.flags,
            stack: &mut stack,
        };
        marker.extend(roots.into_iter().filter_map(Value::as_obj));
        while let Some(r) = stack.pop() {
            if let Some(Some(obj)) = self.slots.get(r.index()) {
                obj.trace(&mut Marker {
                    flags: &mut self.flags,
                    stack: &mut stack,
                });
            }
        }
    }

    /// Those of `candidates` that nothing reachable from `roots` references (a collection
    /// would free them), found without freeing anything.
    pub fn unreachable(
        &mut self,
        roots: impl IntoIterator<Item = Value>,
        candidates: &[ObjRef],
    ) -> Vec<ObjRef> {
        self.mark(roots);
        let found = candidates
            .iter()
            .copied()
            .filter(|r| self.flags.get(r.index()).is_some_and(|f| f & MARKED == 0))
            .collect();
        for flags in self.flags.iter_mut() {
            *flags &= !MARKED;
        }
        found
    }

    /// Frees every object not reachable from `roots`.
    pub fn collect(&mut self, roots: impl IntoIterator<Item = Value>) {
        self.mark(roots);
        for (i, flags) in self.flags.iter_mut().enumerate() {
            let f = *flags;
            if f & MARKED != 0 {
                *flags = f & !MARKED;
            } else if f & LIVE != 0 {
                if f & OWNS != 0 {
                    // Only objects owning memory are read here (a coroutine does).
                    if let Some(unawaited) = self.slots[i].as_ref().and_then(Object::unawaited) {
                        self.unawaited.push(unawaited);
                    }
                    // Dropped where it lies: `take` would first copy the whole object out.
                    self.slots[i] = None;
                }
                *flags = 0;
                self.free.push(i as u32);
                self.live -= 1;
            }
        }
        self.until_collection = MIN_THRESHOLD.max(2 * self.live);
    }
}

/// Marks the objects a traced object references: each is flagged when first seen, and only
/// those holding handles wait on the stack to be traced in turn (strs never do).
pub struct Marker<'a> {
    flags: &'a mut [u8],
    stack: &'a mut Vec<ObjRef>,
}

impl Marker<'_> {
    #[inline]
    pub fn push(&mut self, r: ObjRef) {
        if let Some(flags) = self.flags.get_mut(r.index()) {
            if *flags & MARKED == 0 {
                *flags |= MARKED;
                if *flags & LEAF == 0 {
                    self.stack.push(r);
                }
            }
        }
    }
}

impl Extend<ObjRef> for Marker<'_> {
    #[inline]
    fn extend<I: IntoIterator<Item = ObjRef>>(&mut self, refs: I) {
        refs.into_iter().for_each(|r| self.push(r));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(heap: &mut Heap, items: Vec<Value>) -> ObjRef {
        heap.alloc(Object::List(items))
    }

    #[test]
    fn unreachable_cycles_are_freed() {
        let mut heap = Heap::new();
        let a = list(&mut heap, vec![]);
        let b = list(&mut heap, vec![Value::Obj(a)]);
        if let Object::List(items) = heap.get_mut(a) {
            items.push(Value::Obj(b));
        }
        let kept = list(&mut heap, vec![Value::Int(1)]);
        heap.collect([Value::Obj(kept)]);
        assert_eq!(heap.live(), 1);
        // The next allocation takes the slot made ready before the collection; the one after
        // it a freed one.
        let reused = [list(&mut heap, vec![]), list(&mut heap, vec![])];
        assert!(
            reused.contains(&a) || reused.contains(&b),
            "freed slots are reused"
        );
    }

    #[test]
    fn unreachable_finds_what_a_collection_would_free_and_frees_nothing() {
        let mut heap = Heap::new();
        let held = list(&mut heap, vec![]);
        let root = list(&mut heap, vec![Value::Obj(held)]);
        let dropped = list(&mut heap, vec![]);
        let found = heap.unreachable([Value::Obj(root)], &[held, dropped]);
        assert_eq!(found, vec![dropped]);
        assert_eq!(heap.live(), 3);
        // The marks are cleared: a collection from the same root frees just the dropped one.
        heap.collect([Value::Obj(root)]);
        assert_eq!(heap.live(), 2);
    }

    #[test]
    fn deep_structures_mark_without_recursion() {
        let mut heap = Heap::new();
        let mut inner = list(&mut heap, vec![]);
        for _ in 0..1_000_000 {
            inner = list(&mut heap, vec![Value::Obj(inner)]);
        }
        heap.collect([Value::Obj(inner)]);
        assert_eq!(heap.live(), 1_000_001);
        heap.collect([]);
        assert_eq!(heap.live(), 0);
    }

    #[test]
    fn strings_reached_only_through_containers_survive() {
        let mut heap = Heap::new();
        let kept = heap.alloc(Object::Str("kept".into()));
        heap.alloc(Object::Str("dropped".into()));
        let holder = list(&mut heap, vec![Value::Obj(kept)]);
        heap.collect([Value::Obj(holder)]);
        assert_eq!(heap.live(), 2);
        assert!(matches!(heap.get(kept), Object::Str(s) if &**s == "kept"));
        heap.collect([Value::Obj(holder)]);
        assert_eq!(heap.live(), 2, "marks are cleared between collections");
    }

    #[test]
    fn freed_objects_are_dropped_only_when_they_own_memory() {
        let mut heap = Heap::new();
        let name: std::rc::Rc<str> = "attr".into();
        heap.alloc(Object::Property {
            getter: Value::None,
            setter: Value::None,
            deleter: Value::None,
            name: Some(name.clone()),
        });
        heap.alloc(Object::Str("long ".repeat(20).into()));
        let short = heap.alloc(Object::Str("short".into()));
        heap.collect([]);
        assert_eq!(
            std::rc::Rc::strong_count(&name),
            1,
            "the property was dropped"
        );
        assert_eq!(heap.live(), 0);
        assert_eq!(
            heap.objects_mut().count(),
            0,
            "left-behind objects are not live"
        );
        // The slot made ready before the collection goes first, then the freed ones.
        heap.alloc(Object::Str("ready".into()));
        let reused = heap.alloc(Object::Str("new".into()));
        assert_eq!(reused, short, "the highest freed slot is reused first");
        assert!(matches!(heap.get(reused), Object::Str(s) if &**s == "new"));
        assert_eq!(heap.objects_mut().count(), 2);
    }

    #[test]
    fn garbage_alone_triggers_collection() {
        let mut heap = Heap::new();
        for _ in 0..MIN_THRESHOLD {
            list(&mut heap, vec![]);
        }
        assert!(
            heap.wants_collection(),
            "uncollected garbage must not raise the threshold"
        );
    }

    #[test]
    fn threshold_grows_with_the_live_set() {
        let mut heap = Heap::new();
        let items: Vec<Value> = (0..MIN_THRESHOLD)
            .map(|_| Value::Obj(list(&mut heap, vec![])))
            .collect();
        let root = list(&mut heap, items);
        assert!(heap.wants_collection());
        heap.collect([Value::Obj(root)]);
        assert!(!heap.wants_collection());
    }
}
