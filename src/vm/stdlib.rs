//! Modules (or parts of them) written in Python and embedded in the binary: compiled and run
//! on first import, each with a global namespace of its own. Their globals live in VM slots
//! under names a program cannot spell (`module\0name`), so they neither see nor disturb the
//! program's globals; builtins resolve as usual.

use std::rc::Rc;

use super::{Exception, Vm};
use crate::compile::Code;
use crate::runtime::{ObjRef, Object, Value};

/// The Python half of each module that has one: its name and source.
const SOURCES: &[(&str, &str)] = &[
    ("__future__", include_str!("../stdlib/__future__.py")),
    ("abc", include_str!("../stdlib/abc.py")),
    ("asyncio", include_str!("../stdlib/asyncio.py")),
    ("bisect", include_str!("../stdlib/bisect.py")),
    ("collections", include_str!("../stdlib/collections.py")),
    ("contextlib", include_str!("../stdlib/contextlib.py")),
    ("contextvars", include_str!("../stdlib/contextvars.py")),
    ("copy", include_str!("../stdlib/copy.py")),
    ("dataclasses", include_str!("../stdlib/dataclasses.py")),
    ("enum", include_str!("../stdlib/enum.py")),
    ("functools", include_str!("../stdlib/functools.py")),
    ("heapq", include_str!("../stdlib/heapq.py")),
    ("inspect", include_str!("../stdlib/inspect.py")),
    ("itertools", include_str!("../stdlib/itertools.py")),
    ("json", include_str!("../stdlib/json.py")),
    ("logging", include_str!("../stdlib/logging.py")),
    ("operator", include_str!("../stdlib/operator.py")),
    ("random", include_str!("../stdlib/random.py")),
    ("string", include_str!("../stdlib/string.py")),
    ("sys", include_str!("../stdlib/sys.py")),
    ("time", include_str!("../stdlib/time.py")),
    ("types", include_str!("../stdlib/types.py")),
    ("typing", include_str!("../stdlib/typing.py")),
];

/// Whether module `name` has an embedded Python half.
pub(super) fn has_source(name: &str) -> bool {
    SOURCES.iter().any(|(m, _)| *m == name)
}

/// The file name of module `name`'s Python source in tracebacks (how CPython names frozen
/// modules).
fn file_name(module: &str) -> String {
    format!("<frozen {module}>")
}

/// The module whose embedded source `code` comes from, if it is one.
pub(super) fn module_of(code: &Code) -> Option<&str> {
    let module = code.filename.strip_prefix("<frozen ")?.strip_suffix('>')?;
    has_source(module).then_some(module)
}

/// Whether a global slot's name is one of an embedded module's (hidden from the program).
pub(super) fn is_private_slot(name: &str) -> bool {
    name.contains('\0')
}

impl Vm {
    /// The slot of global `name` for code of embedded module `module`.
    pub(super) fn module_slot(&mut self, module: &str, name: &Rc<str>) -> u32 {
        let key: Rc<str> = Rc::from(format!("{module}\0{name}"));
        if let Some(&slot) = self.global_slots.get(&key) {
            return slot;
        }
        let slot = self.global_slot(&key);
        let plain = self.global_slot(name);
        self.builtin_values[slot as usize] = self.builtin_values[plain as usize];
        slot
    }

    /// Global `name` of the embedded Python half of module `module` (which is imported, and
    /// its Python half run, if they were not yet); `Unbound` if it has none.
    pub(super) fn embedded_global(&mut self, module: &str, name: &str) -> Result<Value, Exception> {
        if let Some(m) = self.import(&Rc::from(module))?.as_obj() {
            self.load_embedded(m, module)?;
        }
        let slot = self.module_slot(module, &Rc::from(name));
        Ok(self.global_values[slot as usize])
    }

    /// Runs the embedded Python half of module object `m` (named `name`) if it has one not run
    /// yet, adding its globals to the module's attributes: whether it ran now.
    pub(super) fn load_embedded(&mut self, m: ObjRef, name: &str) -> Result<bool, Exception> {
        if !has_source(name) || !self.embedded_run.insert(name.into()) {
            return Ok(false);
        }
        let mut attrs = crate::runtime::object::ModuleAttrs::default();
        self.with_pinned([Value::Obj(m)], |vm| vm.run_embedded(name, &mut attrs))?;
        if let Object::Module(module) = self.heap.get_mut(m) {
            module.attrs.extend(attrs);
        }
        self.class_version += 1;
        Ok(true)
    }

    /// Runs the embedded Python source of module `name` and adds its globals (but the dunders
    /// other than `__all__`, and the modules it imported) to `attrs`.
    fn run_embedded(
        &mut self,
        name: &str,
        attrs: &mut crate::runtime::object::ModuleAttrs,
    ) -> Result<(), Exception> {
        let Some(&(_, source)) = SOURCES.iter().find(|(m, _)| *m == name) else {
            return Ok(());
        };
        let code = crate::compile_source(&file_name(name), source)
            .map_err(|e| Exception::new("ImportError", format!("embedded module {name}: {e}")))?;
        let names = code.names.clone();
        let loaded = self.load(code)?;
        let name_slot = self.module_slot(name, &Rc::from("__name__"));
        self.global_values[name_slot as usize] = super::ops::new_str(&mut self.heap, name);
        self.check_depth()?;
        let base = self.push_module_frame(loaded);
        let ran = self.execute();
        self.stack.truncate(base);
        ran?;
        for n in names {
            if n.starts_with("__") && &*n != "__all__" {
                continue;
            }
            let slot = self.module_slot(name, &n) as usize;
            let v = self.global_values[slot];
            // Modules it imported for its own use are not its attributes.
            let is_module = matches!(
                v.as_obj().map(|r| self.heap.get(r)),
                Some(Object::Module(_))
            );
            if v != Value::Unbound && !is_module {
                attrs.insert(n, v);
            }
        }
        Ok(())
    }
}
