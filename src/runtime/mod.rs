//! The runtime: values, the garbage-collected heap and the objects that live in it.
//!
//! Design: a [`Value`] is a small `Copy` enum — `None`, `Bool`, `Int(i64)`, `Float(f64)` inline,
//! everything else an [`ObjRef`] handle into the [`Heap`], an arena of slots. Handles are plain
//! indices, so objects can point at each other freely (cycles included) and native code can hold
//! them without reference counting; the heap reclaims what is unreachable with a mark-and-sweep
//! collection run only at the VM's safepoints (between instructions), from the VM's roots, with
//! an explicit mark stack — no Rust recursion over user data. `Rc<RefCell<…>>` was rejected: it
//! leaks cycles (asyncio is full of them) and its drop recursion overflows on deep structures.

pub mod attrs;
pub mod dict;
pub mod format;
pub mod hash_index;
pub mod heap;
pub mod instance;
pub mod object;
pub mod pyhash;
pub mod set_order;
pub mod shapes;
pub mod tasks;
pub mod text;
pub mod value;

pub use heap::Heap;
pub use object::Object;
pub use value::{ObjRef, Value};
