//! Attribute tables of classes (and of instances that outgrew shapes, see `instance`): (name,
//! value) pairs in insertion order, which is the order `__dict__`, `vars` and `dir` show.
//!
//! Most tables are small, so they are scanned rather than hashed. Every key is interned (one
//! `Rc` per text, see [`intern`]), and so are the names in loaded code: a lookup by such a name
//! compares pointers only ([`Attrs::get_interned`]); a lookup by any other text compares
//! pointers first and then text. Tables past [`SCAN_LIMIT`] entries keep a hash index as well.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::Value;

/// Beyond this many entries a table keeps a hash index.
const SCAN_LIMIT: usize = 12;

type Index = HashMap<Rc<str>, usize, foldhash::fast::FixedState>;

thread_local! {
    static NAMES: RefCell<HashSet<Rc<str>, foldhash::fast::FixedState>> = RefCell::new(HashSet::default());
}

/// The interned copy of `name`, if it was ever interned (every attribute name is): a name
/// never interned is no attribute's.
pub fn interned(name: &str) -> Option<Rc<str>> {
    NAMES.with(|names| names.borrow().get(name).cloned())
}

/// The one `Rc` of `name`'s text on this thread (attribute names live as long as the thread,
/// as CPython's interned identifiers do).
pub fn intern(name: &str) -> Rc<str> {
    NAMES.with(|names| {
        let mut names = names.borrow_mut();
        if let Some(n) = names.get(name) {
            return n.clone();
        }
        let n: Rc<str> = Rc::from(name);
        names.insert(n.clone());
        n
    })
}

#[derive(Debug, Default)]
pub struct Attrs {
    entries: Vec<(Rc<str>, Value)>,
    index: Option<Box<Index>>,
    /// A bit per key, chosen by its interned pointer ([`name_bit`]): a lookup by an interned
    /// name whose bit is clear misses without a scan (method lookups ask instances first).
    present: u64,
}

/// The bit of [`Attrs::present`] an interned name sets.
#[inline]
pub(crate) fn name_bit(name: &Rc<str>) -> u64 {
    // Allocations are 16-byte aligned: the bits above those vary between names.
    1 << ((Rc::as_ptr(name) as *const u8 as usize >> 4) & 63)
}

impl Attrs {
    /// The entry of an interned name: pointer comparisons only.
    #[inline(always)]
    fn position_interned(&self, name: &Rc<str>) -> Option<usize> {
        if self.present & name_bit(name) == 0 {
            return None;
        }
        if let Some(index) = &self.index {
            return index.get(&**name).copied();
        }
        self.entries.iter().position(|(k, _)| Rc::ptr_eq(k, name))
    }

    fn position(&self, name: &str) -> Option<usize> {
        if let Some(index) = &self.index {
            return index.get(name).copied();
        }
        let (ptr, len) = (name.as_ptr(), name.len());
        for (i, (k, _)) in self.entries.iter().enumerate() {
            if k.as_ptr() == ptr && k.len() == len {
                return Some(i);
            }
        }
        self.entries.iter().position(|(k, _)| **k == *name)
    }

    /// The value of `name`, which must come from [`intern`] (as the names of loaded code do).
    #[inline(always)]
    pub fn get_interned(&self, name: &Rc<str>) -> Option<&Value> {
        self.position_interned(name).map(|i| &self.entries[i].1)
    }

    pub fn get(&self, name: &str) -> Option<&Value> {
        self.position(name).map(|i| &self.entries[i].1)
    }

    pub fn get_mut(&mut self, name: &str) -> Option<&mut Value> {
        self.position(name).map(|i| &mut self.entries[i].1)
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.position(name).is_some()
    }

    /// Sets `name`, keeping its place when it is already there.
    pub fn insert(&mut self, name: Rc<str>, value: Value) {
        match self.get_mut(&name) {
            Some(slot) => *slot = value,
            None => self.insert_interned(&intern(&name), value),
        }
    }

    /// [`Attrs::insert`] of a name that comes from [`intern`]: no text is compared or hashed.
    pub fn insert_interned(&mut self, name: &Rc<str>, value: Value) {
        if let Some(i) = self.position_interned(name) {
            self.entries[i].1 = value;
            return;
        }
        if let Some(index) = &mut self.index {
            index.insert(name.clone(), self.entries.len());
        }
        self.entries.push((name.clone(), value));
        self.present |= name_bit(name);
        if self.index.is_none() && self.entries.len() > SCAN_LIMIT {
            self.reindex();
        }
    }

    /// Removes `name`, keeping the order of the rest.
    pub fn shift_remove(&mut self, name: &str) -> Option<Value> {
        let i = self.position(name)?;
        let (_, v) = self.entries.remove(i);
        self.present = self
            .entries
            .iter()
            .fold(0, |bits, (k, _)| bits | name_bit(k));
        if self.index.is_some() {
            self.reindex();
        }
        Some(v)
    }

    fn reindex(&mut self) {
        self.index = (self.entries.len() > SCAN_LIMIT).then(|| {
            Box::new(
                self.entries
                    .iter()
                    .enumerate()
                    .map(|(i, (k, _))| (k.clone(), i))
                    .collect(),
            )
        });
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Rc<str>, &Value)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &Rc<str>> {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.entries.iter().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interned_lookups_find_keys_made_from_any_text() {
        let mut attrs = Attrs::default();
        attrs.insert(Rc::from(String::from("spam")), Value::Int(1));
        assert_eq!(attrs.get_interned(&intern("spam")), Some(&Value::Int(1)));
        assert_eq!(attrs.get_interned(&intern("eggs")), None);
        assert_eq!(attrs.get("spam"), Some(&Value::Int(1)));
    }

    #[test]
    fn interned_lookups_see_inserts_and_removals() {
        let names: Vec<Rc<str>> = (0..100).map(|i| intern(&format!("n{i}"))).collect();
        let mut attrs = Attrs::default();
        for (i, n) in names.iter().enumerate().step_by(2) {
            attrs.insert_interned(n, Value::Int(i as i64));
        }
        for (i, n) in names.iter().enumerate() {
            let expected = (i % 2 == 0).then_some(Value::Int(i as i64));
            assert_eq!(attrs.get_interned(n).copied(), expected);
        }
        for n in names.iter().step_by(4) {
            attrs.shift_remove(n);
        }
        for (i, n) in names.iter().enumerate() {
            let expected = (i % 4 == 2).then_some(Value::Int(i as i64));
            assert_eq!(attrs.get_interned(n).copied(), expected);
        }
    }

    #[test]
    fn keeps_order_across_replace_remove_and_index() {
        let mut attrs = Attrs::default();
        for i in 0..20 {
            attrs.insert(Rc::from(format!("a{i}")), Value::Int(i));
        }
        attrs.insert(Rc::from("a3"), Value::Int(33));
        assert_eq!(attrs.shift_remove("a0"), Some(Value::Int(0)));
        assert_eq!(attrs.get("a3"), Some(&Value::Int(33)));
        assert_eq!(attrs.get("a19"), Some(&Value::Int(19)));
        assert_eq!(attrs.get("a0"), None);
        assert_eq!(attrs.keys().next().map(|k| &**k), Some("a1"));
        while attrs.len() > 2 {
            let first = attrs.keys().next().cloned();
            first.map(|k| attrs.shift_remove(&k));
        }
        assert_eq!(attrs.get("a19"), Some(&Value::Int(19)));
        assert!(attrs.index.is_none());
    }
}
