//! `dict`: insertion-ordered entries with a hash index. Keys hash and compare with Python's
//! rules for the built-in types (`1`, `1.0` and `True` are one key); the index
//! ([`super::hash_index`]) maps hashes computed here to entry positions, so lookups need the
//! heap (for string and tuple contents) but no allocation.

use std::cell::Cell;

use super::hash_index::Index;
use super::object::Object;
use super::pyhash::{hash_big, hash_float, hash_int, TupleHash};
use super::set_order::SetOrder;
use super::text::Text;
use super::value::Value;
use super::Heap;

/// Why a value cannot be a key.
pub enum Unhashable {
    /// Its type has no hash (the type's name).
    Type(String),
    /// Its class defines `__hash__` in Python, which keys do not run yet (the class's name).
    CustomHash(String),
}

/// How an instance of a Python class hashes: by identity, unless its class defines `__hash__`
/// (or defines `__eq__` without it, which makes it unhashable).
fn instance_hash(heap: &Heap, r: super::ObjRef, class: super::ObjRef) -> Result<u64, Unhashable> {
    let Object::Class(c) = heap.get(class) else {
        return Ok(identity_hash(r));
    };
    let defined = |name: &str| {
        c.mro.iter().find_map(|&k| match heap.get(k) {
            Object::Class(k) if k.builtin.is_none() => k.attrs.get(name).copied(),
            _ => None,
        })
    };
    match (defined("__hash__"), defined("__eq__")) {
        (Some(Value::None), _) | (None, Some(_)) => Err(Unhashable::Type(c.name.to_string())),
        (Some(_), _) => Err(Unhashable::CustomHash(c.name.to_string())),
        (None, None) => Ok(identity_hash(r)),
    }
}

/// The hash of an object compared by identity.
pub fn identity_hash(r: super::ObjRef) -> u64 {
    (r.index() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Combines the hashes of a tuple's items (CPython's tuple hash) or of a frozenset's members
/// (order-independent) into the container's hash.
pub struct MemberHashes {
    tuple: TupleHash,
    unordered: Option<u64>,
    count: usize,
}

impl MemberHashes {
    pub fn new(frozen: bool) -> MemberHashes {
        MemberHashes {
            tuple: TupleHash::new(),
            unordered: frozen.then_some(0x1f3a_5c7e),
            count: 0,
        }
    }

    pub fn absorb(&mut self, member: u64) {
        self.count += 1;
        match &mut self.unordered {
            Some(h) => *h ^= member.wrapping_mul(0x9e37_79b9_7f4a_7c15),
            None => self.tuple.absorb(member),
        }
    }

    pub fn finish(&self) -> u64 {
        self.unordered
            .unwrap_or_else(|| self.tuple.finish(self.count))
    }
}

/// A tuple or frozenset whose hash waits for its members' hashes.
struct PendingHash {
    members: Vec<Value>,
    next: usize,
    hashes: MemberHashes,
}

/// Either the hash of a value that holds no keys, or the members of one that does.
enum HashStep {
    Done(u64),
    Members(PendingHash),
}

fn hash_step(heap: &Heap, v: Value) -> Result<HashStep, Unhashable> {
    let pending = |members: Vec<Value>, frozen: bool| {
        HashStep::Members(PendingHash {
            members,
            next: 0,
            hashes: MemberHashes::new(frozen),
        })
    };
    Ok(HashStep::Done(match v {
        Value::Unbound | Value::None => 0x9e37_79b9_7f4a_7c15,
        Value::Bool(b) => u64::from(b),
        Value::Int(i) => hash_int(i),
        Value::Float(f) => hash_float(f),
        Value::Obj(r) => match heap.get(r) {
            Object::Str(s) => str_hash(s),
            Object::Bytes(b) => bytes_hash(b),
            Object::BigInt(b) => hash_big(
                b.sign() == num_bigint::Sign::Minus,
                &b.magnitude().to_u32_digits(),
            ),
            Object::Tuple(items) => return Ok(pending(items.to_vec(), false)),
            Object::FrozenSet(d) => return Ok(pending(d.iter().map(|(k, _)| k).collect(), true)),
            Object::List(_) => return Err(Unhashable::Type("list".into())),
            Object::Dict(_) => return Err(Unhashable::Type("dict".into())),
            Object::Set(_) => return Err(Unhashable::Type("set".into())),
            Object::Instance(i) => instance_hash(heap, r, i.class)?,
            _ => identity_hash(r),
        },
    }))
}

/// Python's hash of a built-in value (equal values hash equal across int, float and bool).
/// Nested tuples are walked with an explicit stack, never Rust recursion.
#[inline(always)]
pub fn hash_value(heap: &Heap, v: Value) -> Result<u64, Unhashable> {
    // Most keys are strs and ints: their hashes without the walk's machinery.
    match v {
        Value::Int(i) => Ok(hash_int(i)),
        Value::Obj(r) => match heap.get(r) {
            Object::Str(s) => Ok(str_hash(s)),
            _ => hash_nested(heap, v),
        },
        _ => hash_nested(heap, v),
    }
}

/// [`hash_value`] of any value.
fn hash_nested(heap: &Heap, v: Value) -> Result<u64, Unhashable> {
    let mut waiting: Vec<PendingHash> = Vec::new();
    let mut current = v;
    loop {
        // Down: hash `current`, or start on its first member.
        let mut h = match hash_step(heap, current)? {
            HashStep::Done(h) => h,
            HashStep::Members(p) => match p.members.first() {
                Some(&first) => {
                    current = first;
                    waiting.push(p);
                    continue;
                }
                None => p.hashes.finish(),
            },
        };
        // Up: hand `h` to the container waiting for it, until one has members left.
        loop {
            let Some(top) = waiting.last_mut() else {
                return Ok(h);
            };
            top.hashes.absorb(h);
            top.next += 1;
            if let Some(&member) = top.members.get(top.next) {
                current = member;
                break;
            }
            h = top.hashes.finish();
            waiting.pop();
        }
    }
}

/// The hash of a str: its bytes', cached in the text.
#[inline(always)]
fn str_hash(s: &Text) -> u64 {
    s.hash_with(bytes_hash)
}

/// The hash of a str's or bytes' bytes: each eight-byte word (the last one padded with zeros)
/// mixed in by a folded multiply (the high and low halves of a 128-bit product), which spreads
/// every input bit over the whole hash.
fn bytes_hash(bytes: &[u8]) -> u64 {
    let mix = |h: u64, word: u64| {
        let product = u128::from(h ^ word) * 0x9e37_79b9_7f4a_7c15_u128;
        (product as u64) ^ ((product >> 64) as u64)
    };
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let mut word = [0u8; 8];
        word.copy_from_slice(w);
        h = mix(h, u64::from_le_bytes(word));
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(word));
    }
    h
}

/// Key equality: identity, numbers by value, strings and tuples by content (nested tuples
/// compared with an explicit stack of pairs, never Rust recursion).
#[inline(always)]
pub fn keys_equal(heap: &Heap, a: Value, b: Value) -> bool {
    // Most keys are strs or ints: the same object, or compared here, without a call.
    if let (Value::Obj(x), Value::Obj(y)) = (a, b) {
        if x == y {
            return true;
        }
        if let (Object::Str(s), Object::Str(t)) = (heap.get(x), heap.get(y)) {
            return s == t;
        }
    } else if let (Value::Int(i), Value::Int(j)) = (a, b) {
        return i == j;
    }
    nested_keys_equal(heap, a, b)
}

/// [`keys_equal`] of any values.
#[inline(never)]
fn nested_keys_equal(heap: &Heap, a: Value, b: Value) -> bool {
    // Most keys are not tuples: no pair stack for them.
    let mut pairs = Vec::new();
    let (mut a, mut b) = (a, b);
    loop {
        if a != b {
            let equal = match (a, b) {
                (Value::Obj(x), Value::Obj(y)) => match (heap.get(x), heap.get(y)) {
                    (Object::Str(s), Object::Str(t)) => s == t,
                    (Object::Bytes(s), Object::Bytes(t)) => s == t,
                    (Object::BigInt(s), Object::BigInt(t)) => s == t,
                    (Object::Tuple(s), Object::Tuple(t)) if s.len() == t.len() => {
                        pairs.extend(s.iter().copied().zip(t.iter().copied()));
                        true
                    }
                    (Object::FrozenSet(s), Object::FrozenSet(t)) => {
                        s.len() == t.len()
                            && s.iter().all(|(k, _)| matches!(t.get(heap, k), Ok(Some(_))))
                    }
                    _ => false,
                },
                _ => numbers_equal(a, b),
            };
            if !equal {
                return false;
            }
        }
        match pairs.pop() {
            Some((x, y)) => (a, b) = (x, y),
            None => return true,
        }
    }
}

/// Equality of an int, a float or a bool with another (`1 == 1.0 == True`); machine ints
/// that differ are unequal, and an int equals a float only when the float is exactly it.
fn numbers_equal(a: Value, b: Value) -> bool {
    let number = |v: Value| match v {
        Value::Bool(b) => Some(f64::from(u8::from(b))),
        Value::Int(i) => Some(i as f64),
        Value::Float(f) => Some(f),
        _ => None,
    };
    match (a, b) {
        (Value::Int(_) | Value::Bool(_), Value::Int(_) | Value::Bool(_)) => {
            let int = |v: Value| match v {
                Value::Int(i) => i,
                Value::Bool(b) => i64::from(b),
                _ => 0,
            };
            int(a) == int(b)
        }
        (Value::Int(i), Value::Float(f)) | (Value::Float(f), Value::Int(i)) => {
            const TWO_TO_63: f64 = 9_223_372_036_854_775_808.0;
            f.fract() == 0.0 && (-TWO_TO_63..TWO_TO_63).contains(&f) && f as i64 == i
        }
        _ => match (number(a), number(b)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        },
    }
}

/// One key and its value, with the key's hash. A removed entry keeps its place, with the key
/// `Unbound` (never a program's value), until the entries are compacted.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    hash: u64,
    key: Value,
    value: Value,
}

impl Entry {
    fn is_live(&self) -> bool {
        self.key != Value::Unbound
    }
}

/// No key looked up (a handle index no heap reaches).
const NO_KEY: u32 = u32::MAX;

/// The dict's storage: its entries in insertion order and an [`Index`] of them. A set's table
/// also keeps its members in CPython's layout, for its iteration order.
#[derive(Debug)]
pub struct Dict {
    entries: Vec<Entry>,
    index: Index,
    /// The last key object found (its handle's index, or `NO_KEY`) and where: a program
    /// often looks the same key up again right after (`if k in d: d[k] += 1`), and is then
    /// answered without hashing or probing. Forgotten whenever entries move or go, and at every
    /// collection (see [`Dict::forget_last_lookup`]), so the handle is never a reused one.
    last_key: Cell<u32>,
    last_position: Cell<u32>,
    order: Option<Box<SetOrder>>,
}

/// The entries of a [`Dict`], in its order.
pub enum Entries<'a> {
    Inserted(std::slice::Iter<'a, Entry>),
    Members(Box<dyn Iterator<Item = (u64, Value)> + 'a>),
}

impl Iterator for Entries<'_> {
    type Item = (Value, Value);

    fn next(&mut self) -> Option<(Value, Value)> {
        match self {
            Entries::Inserted(entries) => entries.find(|e| e.is_live()).map(|e| (e.key, e.value)),
            Entries::Members(members) => members.next().map(|(_, k)| (k, Value::None)),
        }
    }
}

impl Default for Dict {
    fn default() -> Dict {
        Dict {
            entries: Vec::new(),
            index: Index::default(),
            last_key: Cell::new(NO_KEY),
            last_position: Cell::new(0),
            order: None,
        }
    }
}

impl Dict {
    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    #[inline(always)]
    fn find(&self, heap: &Heap, hash: u64, key: Value) -> Option<usize> {
        let key_object = match key {
            Value::Obj(r) if r.0 == self.last_key.get() => {
                return Some(self.last_position.get() as usize)
            }
            Value::Obj(r) => r.0,
            _ => NO_KEY,
        };
        let found = self.index.find(
            hash,
            #[inline(always)]
            |i| {
                self.entries
                    .get(i)
                    .is_some_and(|e| e.hash == hash && keys_equal(heap, e.key, key))
            },
        );
        if let Some(i) = found {
            self.last_key.set(key_object);
            self.last_position.set(i as u32);
        }
        found
    }

    /// Forgets the last key found. The collector calls it on every live dict, as the key's
    /// handle may be freed and reused by another object.
    pub fn forget_last_lookup(&self) {
        self.last_key.set(NO_KEY);
    }

    /// The positions and keys of the entries whose keys hash to `hash` (for lookups whose key
    /// equality runs Python code, which the caller does with the dict released).
    pub fn keys_with_hash(&self, hash: u64) -> Vec<(usize, Value)> {
        self.index
            .candidates(hash)
            .into_iter()
            .filter_map(|i| {
                let e = self.entries.get(i)?;
                (e.hash == hash && e.is_live()).then_some((i, e.key))
            })
            .collect()
    }

    /// The value at position `i` if its key is still `key`.
    pub fn value_at(&self, i: usize, key: Value) -> Option<Value> {
        self.entries
            .get(i)
            .filter(|e| e.key == key && e.is_live())
            .map(|e| e.value)
    }

    /// Sets the value at position `i` (found by [`Dict::keys_with_hash`]).
    pub fn set_value_at(&mut self, i: usize, value: Value) {
        if let Some(e) = self.entries.get_mut(i).filter(|e| e.is_live()) {
            e.value = value;
        }
    }

    /// The hash of `key` and the position of its entry, if it has one.
    #[inline]
    pub fn locate(&self, heap: &Heap, key: Value) -> Result<(u64, Option<usize>), Unhashable> {
        let hash = hash_value(heap, key)?;
        Ok((hash, self.find(heap, hash, key)))
    }

    #[inline]
    pub fn get(&self, heap: &Heap, key: Value) -> Result<Option<Value>, Unhashable> {
        let hash = hash_value(heap, key)?;
        Ok(self
            .find(heap, hash, key)
            .and_then(|i| self.entries.get(i))
            .map(|e| e.value))
    }

    /// Sets `key` to `value`, keeping the original position (and key object) of an existing key.
    pub fn insert(&mut self, heap: &Heap, key: Value, value: Value) -> Result<(), Unhashable> {
        let hash = hash_value(heap, key)?;
        match self.find(heap, hash, key) {
            Some(i) => self.set_value_at(i, value),
            None => self.insert_new(hash, key, value),
        }
        Ok(())
    }

    /// The hash and position of every live entry.
    fn live_entries(entries: &[Entry]) -> impl Iterator<Item = (u64, usize)> + '_ {
        entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.is_live())
            .map(|(i, e)| (e.hash, i))
    }

    /// Adds `key`, which is not in the dict and hashes to `hash`.
    pub fn insert_new(&mut self, hash: u64, key: Value, value: Value) {
        if self.index.is_full() {
            // Removed entries go when the index is rebuilt, so that positions stay below the
            // index's size (see `hash_index`).
            self.entries.retain(Entry::is_live);
            self.forget_last_lookup();
            self.index = Index::build(self.len() + 1, Dict::live_entries(&self.entries));
        }
        let position = self.entries.len();
        self.entries.push(Entry { hash, key, value });
        self.index.insert(hash, position);
        if let Some(order) = &mut self.order {
            order.add(hash, key);
        }
    }

    pub fn remove(&mut self, heap: &Heap, key: Value) -> Result<Option<Value>, Unhashable> {
        let hash = hash_value(heap, key)?;
        let Some(i) = self.find(heap, hash, key) else {
            return Ok(None);
        };
        Ok(self.remove_at(hash, i))
    }

    /// Removes the entry at position `i`, whose key hashes to `hash`; its value.
    pub fn remove_at(&mut self, hash: u64, i: usize) -> Option<Value> {
        self.forget_last_lookup();
        let e = self.entries.get_mut(i).filter(|e| e.is_live())?;
        let (key, removed) = (e.key, e.value);
        e.key = Value::Unbound;
        e.value = Value::None;
        self.index.remove(hash, i);
        if let Some(order) = &mut self.order {
            order.discard(hash, key);
        }
        if self.entries.len() > 16 && self.len() * 2 < self.entries.len() {
            self.compact();
        }
        Some(removed)
    }

    fn compact(&mut self) {
        self.entries.retain(Entry::is_live);
        self.entries.shrink_to_fit();
        self.index = Index::build(self.len(), Dict::live_entries(&self.entries));
    }

    /// Live entries: a dict's in insertion order, a set's in CPython's order.
    pub fn iter(&self) -> Entries<'_> {
        match &self.order {
            Some(order) => Entries::Members(Box::new(order.members())),
            None => Entries::Inserted(self.entries.iter()),
        }
    }

    /// An empty set's table.
    pub fn new_set() -> Dict {
        Dict {
            order: Some(Box::default()),
            ..Dict::default()
        }
    }

    /// Adds the members of set table `other` missing here, as CPython's set update does.
    pub fn merge_set(&mut self, heap: &Heap, other: &Dict) -> Result<(), Unhashable> {
        if self.is_empty() && self.order.as_ref().is_some_and(|o| o.is_unused()) {
            let frozen_copy = other.copy_set();
            *self = frozen_copy;
            return Ok(());
        }
        if let Some(order) = &mut self.order {
            order.reserve_for_merge(other.len());
        }
        for (key, value) in other.iter() {
            if self.get(heap, key)?.is_none() {
                self.insert(heap, key, value)?;
            }
        }
        Ok(())
    }

    /// Grows a set's table as CPython does before adding `n` members from a dict.
    pub fn reserve_members(&mut self, n: usize) {
        if let Some(order) = &mut self.order {
            order.reserve_for_merge(n);
        }
    }

    /// A copy of this set's table, laid out as CPython's `set(s)` lays out its copy.
    pub fn copy_set(&self) -> Dict {
        let entries: Vec<Entry> = self
            .entries
            .iter()
            .copied()
            .filter(Entry::is_live)
            .collect();
        Dict {
            index: Index::build(entries.len(), Dict::live_entries(&entries)),
            last_key: Cell::new(NO_KEY),
            last_position: Cell::new(0),
            entries,
            order: self
                .order
                .as_ref()
                .map(|order| Box::new(SetOrder::copy_of(order))),
        }
    }

    /// The `n`-th live entry's position at or after `from`, for iterators that survive inserts.
    pub fn entry_at(&self, from: usize) -> Option<(usize, Value, Value)> {
        self.entries
            .iter()
            .enumerate()
            .skip(from)
            .find(|(_, e)| e.is_live())
            .map(|(i, e)| (i, e.key, e.value))
    }

    pub fn clear(&mut self) {
        let set = self.order.is_some();
        *self = if set {
            Dict::new_set()
        } else {
            Dict::default()
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_share_keys_and_order_is_kept() {
        let mut heap = Heap::new();
        let mut d = Dict::default();
        let s = Value::Obj(heap.alloc(Object::Str("a".into())));
        d.insert(&heap, Value::Int(1), Value::Int(10)).ok();
        d.insert(&heap, s, Value::Int(20)).ok();
        d.insert(&heap, Value::Float(1.0), Value::Int(11)).ok();
        d.insert(&heap, Value::Bool(true), Value::Int(12)).ok();
        assert_eq!(d.len(), 2);
        let keys: Vec<Value> = d.iter().map(|e| e.0).collect();
        assert_eq!(keys, [Value::Int(1), s]);
        let other = Value::Obj(heap.alloc(Object::Str("a".into())));
        assert_eq!(d.get(&heap, other).ok().flatten(), Some(Value::Int(20)));
        assert_eq!(
            d.remove(&heap, Value::Int(1)).ok().flatten(),
            Some(Value::Int(12))
        );
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn many_removals_compact() {
        let heap = Heap::new();
        let mut d = Dict::default();
        for i in 0..1000 {
            d.insert(&heap, Value::Int(i), Value::Int(i)).ok();
        }
        for i in 0..990 {
            d.remove(&heap, Value::Int(i)).ok();
        }
        assert_eq!(d.len(), 10);
        assert_eq!(
            d.get(&heap, Value::Int(995)).ok().flatten(),
            Some(Value::Int(995))
        );
        assert_eq!(d.iter().count(), 10);
    }

    #[test]
    fn the_last_key_found_is_forgotten_when_it_may_mislead() {
        let mut heap = Heap::new();
        let str_value = |heap: &mut Heap, s: &str| Value::Obj(heap.alloc(Object::Str(s.into())));
        let stored = str_value(&mut heap, "x");
        let mut d = Dict::default();
        d.insert(&heap, stored, Value::Int(1)).ok();
        // An equal key object, found: remembered, then found again at once.
        let probe = str_value(&mut heap, "x");
        assert_eq!(d.get(&heap, probe).ok().flatten(), Some(Value::Int(1)));
        assert_eq!(d.get(&heap, probe).ok().flatten(), Some(Value::Int(1)));
        // Removed: not found through the memory of it.
        d.remove(&heap, stored).ok();
        assert_eq!(d.get(&heap, probe).ok().flatten(), None);
        // A collection forgets it: the probe's handle can come back as another object.
        d.insert(&heap, stored, Value::Int(2)).ok();
        assert_eq!(d.get(&heap, probe).ok().flatten(), Some(Value::Int(2)));
        let table = Value::Obj(heap.alloc(Object::Dict(d)));
        heap.collect([table, stored]);
        // The slot made ready before the collection goes first, then the freed ones.
        str_value(&mut heap, "ready");
        let reused = str_value(&mut heap, "y");
        assert_eq!(reused, probe, "the freed handle is reused");
        let Object::Dict(d) = heap.get(table.as_obj().expect("a dict")) else {
            unreachable!("allocated as a dict");
        };
        assert_eq!(d.get(&heap, reused).ok().flatten(), None);
    }

    fn nested_tuple(heap: &mut Heap, depth: usize) -> Value {
        let mut t = Value::Obj(heap.alloc(Object::Tuple(Box::new([]))));
        for i in 0..depth {
            t = Value::Obj(heap.alloc(Object::Tuple(Box::new([t, Value::Int(i as i64)]))));
        }
        t
    }

    #[test]
    fn deep_tuples_hash_and_compare_without_recursion() {
        let mut heap = Heap::new();
        let a = nested_tuple(&mut heap, 1_000_000);
        let b = nested_tuple(&mut heap, 1_000_000);
        let c = nested_tuple(&mut heap, 999_999);
        assert_eq!(hash_value(&heap, a).ok(), hash_value(&heap, b).ok());
        assert!(keys_equal(&heap, a, b));
        assert!(!keys_equal(&heap, a, c));
    }

    #[test]
    fn numbers_are_one_key_only_when_exactly_equal() {
        assert!(numbers_equal(Value::Int(1), Value::Float(1.0)));
        assert!(numbers_equal(Value::Bool(true), Value::Int(1)));
        assert!(!numbers_equal(
            Value::Int(i64::MAX),
            Value::Float(9_223_372_036_854_775_808.0)
        ));
        assert!(!numbers_equal(
            Value::Int((1 << 53) + 1),
            Value::Float((1u64 << 53) as f64)
        ));
    }
}
