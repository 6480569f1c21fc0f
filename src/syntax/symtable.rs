//! The symbol table: for every scope (module, function, lambda, class, comprehension) the names
//! that are its locals, in slot order, and those that are free (bound in an enclosing function)
//! or cells (its own locals that inner scopes use). Built from the check pass's scope records;
//! resolving `nonlocal` declarations is part of the same walk up the enclosing scopes.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::check::{Scope, ScopeKind};
use super::error::SyntaxError;
use super::span::Span;

/// How one scope's names resolve.
#[derive(Debug, Default, PartialEq)]
pub struct ScopeSymbols {
    /// Names local to the scope, in slot order (parameters first).
    pub locals: Vec<Rc<str>>,
    /// Names read from an enclosing function's scope.
    pub free: Vec<Rc<str>>,
    /// Locals of this scope that inner scopes read.
    pub cells: Vec<Rc<str>>,
}

/// Every scope of a module, keyed by the span of the node that opens it (the module's is empty).
#[derive(Debug, Default)]
pub struct SymbolTable {
    scopes: HashMap<Span, ScopeSymbols>,
}

impl SymbolTable {
    /// The symbols of the scope opened by the node at `span` (`Span::default()`: the module).
    pub fn scope(&self, span: Span) -> Option<&ScopeSymbols> {
        self.scopes.get(&span)
    }

    /// Resolves every scope; fails on a `nonlocal` with no binding, as CPython does.
    pub(super) fn build(scopes: Vec<Scope>) -> Result<SymbolTable, SyntaxError> {
        let index: HashMap<usize, usize> =
            scopes.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
        let parent_of = |s: &Scope| s.parent.and_then(|p| index.get(&p)).map(|&i| &scopes[i]);
        let mut order: Vec<&Scope> = scopes.iter().collect();
        order.sort_by_key(|s| s.id);
        let mut free: HashMap<usize, Vec<Rc<str>>> = HashMap::new();
        let mut cells: HashMap<usize, HashSet<Rc<str>>> = HashMap::new();
        for scope in &order {
            for name in &scope.nonlocals {
                if !(resolve(scope, &name.name, &parent_of, &mut free, &mut cells)) {
                    return Err(SyntaxError::new(
                        format!("no binding for nonlocal '{}' found", name.name),
                        name.span,
                    ));
                }
            }
            if scope.kind == ScopeKind::Module {
                continue;
            }
            let mut used: Vec<&Rc<str>> = scope
                .seen
                .keys()
                .filter(|n| !binds_locally(scope, n))
                .collect();
            used.sort();
            for name in used {
                if !scope.globals.contains(name) {
                    resolve(scope, name, &parent_of, &mut free, &mut cells);
                }
            }
        }
        let scopes = order
            .iter()
            .map(|s| {
                let own_cells = cells.remove(&s.id).unwrap_or_default();
                let symbols = ScopeSymbols {
                    locals: s
                        .order
                        .iter()
                        .filter(|n| binds_locally(s, n))
                        .cloned()
                        .collect(),
                    free: free.remove(&s.id).unwrap_or_default(),
                    cells: s
                        .order
                        .iter()
                        .filter(|n| own_cells.contains(*n))
                        .cloned()
                        .chain(own_cells.iter().filter(|n| &***n == "__class__").cloned())
                        .collect(),
                };
                (s.span, symbols)
            })
            .collect();
        Ok(SymbolTable { scopes })
    }
}

fn binds_locally(scope: &Scope, name: &Rc<str>) -> bool {
    scope.bound.contains(name)
        && !scope.globals.contains(name)
        && !scope.nonlocals.iter().any(|n| n.name == *name)
}

/// Looks `name` up the scopes enclosing `scope` (a class body's own names are skipped, as Python
/// does): when a function binds it, it becomes a cell there and free in every scope on the way,
/// class bodies included (they pass the cell on to their methods).
/// Returns whether a binding was found (otherwise the name is global).
fn resolve<'a>(
    scope: &'a Scope,
    name: &Rc<str>,
    parent_of: &impl Fn(&'a Scope) -> Option<&'a Scope>,
    free: &mut HashMap<usize, Vec<Rc<str>>>,
    cells: &mut HashMap<usize, HashSet<Rc<str>>>,
) -> bool {
    let mut path = vec![scope.id];
    let mut current = parent_of(scope);
    while let Some(p) = current {
        match p.kind {
            ScopeKind::Module => return false,
            ScopeKind::Class if &**name == "__class__" => {
                cells.entry(p.id).or_default().insert(name.clone());
                break;
            }
            ScopeKind::Class => path.push(p.id),
            _ if p.globals.contains(name) => return false,
            _ if binds_locally(p, name) => {
                cells.entry(p.id).or_default().insert(name.clone());
                break;
            }
            _ => path.push(p.id),
        }
        current = parent_of(p);
    }
    if current.is_none() {
        return false;
    }
    for id in path {
        let names = free.entry(id).or_default();
        if !names.contains(name) {
            names.push(name.clone());
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use crate::syntax::{check::check_module, parse_module};

    use super::*;

    fn symbols(src: &str) -> (SymbolTable, crate::syntax::ast::Module) {
        let m = parse_module(src).unwrap();
        (check_module(&m).unwrap(), m)
    }

    fn names(v: &[Rc<str>]) -> Vec<&str> {
        v.iter().map(|n| &**n).collect()
    }

    #[test]
    fn locals_parameters_first_and_globals_excluded() {
        let (table, m) =
            symbols("def f(a, b=1):\n    global g\n    c = a\n    g = c\n    for d in b: pass\n");
        let f = table.scope(m.body[0].span).unwrap();
        assert_eq!(names(&f.locals), ["a", "b", "c", "d"]);
        assert!(f.free.is_empty() && f.cells.is_empty());
    }

    #[test]
    fn closures_make_cells_and_free_names() {
        let src = "def outer():\n    x = 1\n    def mid():\n        def inner():\n            return x\n        return inner\n    return mid\n";
        let (table, m) = symbols(src);
        let outer = table.scope(m.body[0].span).unwrap();
        assert_eq!(names(&outer.cells), ["x"]);
        let crate::syntax::ast::StmtKind::FunctionDef(def) = &m.body[0].kind else {
            panic!()
        };
        let mid = table.scope(def.body[1].span).unwrap();
        assert_eq!(
            names(&mid.free),
            ["x"],
            "free in the scopes it passes through"
        );
    }

    #[test]
    fn nonlocal_needs_a_binding() {
        let m = parse_module("def f():\n    def g():\n        nonlocal y\n").unwrap();
        assert_eq!(
            check_module(&m).unwrap_err().message,
            "no binding for nonlocal 'y' found"
        );
    }
}
