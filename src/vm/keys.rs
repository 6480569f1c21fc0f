//! Dict keys and set members whose class defines `__hash__` in Python: their hash comes from
//! calling it, and a candidate entry with the same hash matches when `==` (with the class's
//! `__eq__`) says so. The dict is only read to list candidates and written once the answer is
//! known, never borrowed while Python code runs.
//!
//! Keys without Python-level hashing take the dict's own path; these functions are where the
//! built-ins turn when it reports [`Unhashable::CustomHash`].

use super::containers::unhashable;
use super::ops::{self, identical};
use super::{Exception, Vm};
use crate::runtime::dict::{hash_value, Dict, MemberHashes, Unhashable};
use crate::runtime::{Heap, ObjRef, Object, Value};
use crate::syntax::ast::CmpOp;

/// How deeply tuples of such keys may nest inside a key.
const NESTING_LIMIT: usize = 1000;

impl Vm {
    /// The hash of `key` as a dict uses it, running `__hash__` where a class defines it.
    pub(super) fn key_hash(&mut self, key: Value) -> Result<u64, Exception> {
        self.nested_key_hash(key, 0)
    }

    fn nested_key_hash(&mut self, key: Value, depth: usize) -> Result<u64, Exception> {
        match hash_value(&self.heap, key) {
            Ok(h) => return Ok(h),
            Err(Unhashable::CustomHash(_)) => {}
            Err(e) => return Err(unhashable(e)),
        }
        if depth > NESTING_LIMIT {
            return Err(Exception::new(
                "RecursionError",
                "maximum recursion depth exceeded while calculating hash",
            ));
        }
        let members = match key.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::Tuple(items)) => Some((items.to_vec(), false)),
            Some(Object::FrozenSet(d)) => Some((d.iter().map(|(k, _)| k).collect(), true)),
            _ => None,
        };
        let Some((members, unordered)) = members else {
            return self.hash_of(key).map(|h| h as u64);
        };
        let mut hashes = MemberHashes::new(unordered);
        for m in members {
            hashes.absorb(self.nested_key_hash(m, depth + 1)?);
        }
        Ok(hashes.finish())
    }

    /// Runs `op` on table `r` with its own hashing; `None` when the key needs Python-level
    /// hashing instead.
    fn with_own_hashing<T>(
        &mut self,
        r: ObjRef,
        op: impl FnOnce(&mut Dict, &Heap) -> Result<T, Unhashable>,
    ) -> Result<Option<T>, Exception> {
        let mut d = match self.heap.get_mut(r) {
            Object::Dict(d) | Object::Set(d) | Object::FrozenSet(d) => std::mem::take(d),
            _ => return Err(Exception::new("SystemError", "not a dict or set")),
        };
        let result = op(&mut d, &self.heap);
        if let Object::Dict(slot) | Object::Set(slot) | Object::FrozenSet(slot) =
            self.heap.get_mut(r)
        {
            *slot = d;
        }
        match result {
            Ok(v) => Ok(Some(v)),
            Err(Unhashable::CustomHash(_)) => Ok(None),
            Err(e) => Err(unhashable(e)),
        }
    }

    /// The table of a dict, set or frozenset object.
    fn table(&mut self, r: ObjRef) -> Option<&mut Dict> {
        match self.heap.get_mut(r) {
            Object::Dict(d) | Object::Set(d) | Object::FrozenSet(d) => Some(d),
            _ => None,
        }
    }

    /// The position and stored key of `key` in table `r` (hashing to `hash`), comparing with
    /// `==` (the stored key on the left, as CPython does).
    fn key_position(
        &mut self,
        r: ObjRef,
        key: Value,
        hash: u64,
    ) -> Result<Option<(usize, Value)>, Exception> {
        let candidates = self
            .table(r)
            .map(|d| d.keys_with_hash(hash))
            .unwrap_or_default();
        for (i, stored) in candidates {
            if identical(stored, key) || ops::compare_in(self, CmpOp::Eq, stored, key)? {
                return Ok(Some((i, stored)));
            }
        }
        Ok(None)
    }

    /// `table[key]`, or `None` when the key is absent.
    pub(super) fn table_get(&mut self, r: ObjRef, key: Value) -> Result<Option<Value>, Exception> {
        let own = match self.heap.get(r) {
            Object::Dict(d) | Object::Set(d) | Object::FrozenSet(d) => d.get(&self.heap, key),
            _ => return Ok(None),
        };
        match own {
            Ok(found) => return Ok(found),
            Err(Unhashable::CustomHash(_)) => {}
            Err(e) => return Err(unhashable(e)),
        }
        let hash = self.key_hash(key)?;
        let found = self.key_position(r, key, hash)?;
        Ok(found.and_then(|(i, stored)| self.table(r).and_then(|d| d.value_at(i, stored))))
    }

    /// `table[key] = value` (a set's members have `None` as their value).
    pub(super) fn table_set(
        &mut self,
        r: ObjRef,
        key: Value,
        value: Value,
    ) -> Result<(), Exception> {
        match self.own_table_set(r, key, value) {
            Ok(()) => return Ok(()),
            Err(Unhashable::CustomHash(_)) => {}
            Err(e) => return Err(unhashable(e)),
        }
        let hash = self.key_hash(key)?;
        let found = self.key_position(r, key, hash)?.map(|(i, _)| i);
        self.place(r, hash, found, key, value);
        Ok(())
    }

    /// [`Vm::table_set`] of a key that hashes without Python code (else `CustomHash`, with
    /// nothing changed): found with the table borrowed along with the heap, then written.
    pub(super) fn own_table_set(
        &mut self,
        r: ObjRef,
        key: Value,
        value: Value,
    ) -> Result<(), Unhashable> {
        let (hash, found) = match self.heap.get(r) {
            Object::Dict(d) | Object::Set(d) | Object::FrozenSet(d) => d.locate(&self.heap, key)?,
            _ => return Ok(()),
        };
        self.place(r, hash, found, key, value);
        Ok(())
    }

    /// Sets the entry at `found`, or adds one for `key`.
    fn place(&mut self, r: ObjRef, hash: u64, found: Option<usize>, key: Value, value: Value) {
        if let Some(d) = self.table(r) {
            match found {
                Some(i) => d.set_value_at(i, value),
                None => d.insert_new(hash, key, value),
            }
        }
    }

    /// Removes `key` from table `r`: the value it had, if it was there.
    pub(super) fn table_remove(
        &mut self,
        r: ObjRef,
        key: Value,
    ) -> Result<Option<Value>, Exception> {
        if let Some(removed) = self.with_own_hashing(r, |d, heap| d.remove(heap, key))? {
            return Ok(removed);
        }
        let hash = self.key_hash(key)?;
        let found = self.key_position(r, key, hash)?;
        Ok(found.and_then(|(i, _)| self.table(r).and_then(|d| d.remove_at(hash, i))))
    }
}
