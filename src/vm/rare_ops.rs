//! Instructions kept off the dispatch loop's hot path: building containers, names in class
//! bodies, closures' cells, imports, `with`, exception bookkeeping. They run in a function of
//! their own on the running frame (the top of the frame stack), so the loop itself stays
//! small enough for the compiler to keep its state in registers.

use std::rc::Rc;

use super::{containers, exceptions, ops, Exception, Frame, NameProblem, Vm};
use crate::compile::{Const, Op, HAS_ANNOTATIONS, HAS_KWDEFAULTS};
use crate::runtime::object::{Function, Loaded};
use crate::runtime::{Object, Value};

impl Vm {
    fn pop(&mut self) -> Value {
        self.stack.pop().unwrap_or(Value::None)
    }

    fn top(&self) -> Value {
        self.stack.last().copied().unwrap_or(Value::None)
    }

    fn top_two(&self) -> Result<[Value; 2], Exception> {
        match self.stack[..] {
            [.., a, b] => Ok([a, b]),
            _ => Err(Exception::new("SystemError", "operand stack underflow")),
        }
    }

    fn running_frame(&mut self) -> Result<&mut Frame, Exception> {
        self.frames
            .last_mut()
            .ok_or_else(|| Exception::new("SystemError", "no running frame"))
    }

    /// Runs `op`, one of the instructions the dispatch loop hands over, for the running frame.
    pub(super) fn run_rare_op(&mut self, op: Op) -> Result<(), Exception> {
        let frame = self.running_frame()?;
        let (loaded, base) = (frame.loaded.clone(), frame.base);
        match op {
            Op::LoadName(i) => {
                let name = &loaded.code.names[i as usize];
                let key = ops::new_str(&mut self.heap, &**name);
                let local = match self.stack[base].as_obj().map(|r| self.heap.get(r)) {
                    Some(Object::Dict(d)) => d.get(&self.heap, key).ok().flatten(),
                    _ => None,
                };
                let v = match local {
                    Some(v) => v,
                    None => {
                        let slot = loaded.globals[i as usize] as usize;
                        match (self.global_values[slot], self.builtin_values[slot]) {
                            (Value::Unbound, Value::Unbound) => {
                                return Err(self.name_error(
                                    &loaded.code,
                                    NameProblem::Undefined,
                                    name,
                                ))
                            }
                            (Value::Unbound, b) => b,
                            (g, _) => g,
                        }
                    }
                };
                self.stack.push(v);
            }
            Op::StoreName(i) => {
                let key = ops::new_str(&mut self.heap, &*loaded.code.names[i as usize]);
                let v = self.pop();
                containers::set_item(&mut self.heap, self.stack[base], key, v)?;
            }
            Op::DeleteName(i) => {
                let name = &loaded.code.names[i as usize];
                let key = ops::new_str(&mut self.heap, &**name);
                if containers::del_item(&mut self.heap, self.stack[base], key).is_err() {
                    return Err(self.name_error(&loaded.code, NameProblem::Undefined, name));
                }
            }
            Op::DeleteAttr(i) => {
                let obj = self.pop();
                self.del_attr(obj, &loaded.code.names[i as usize])?;
            }
            Op::Unary(uop) => {
                let a = self.pop();
                let v = self.unary_op(uop, a)?;
                self.stack.push(v);
            }
            Op::JumpIfFalseOrPop(t) | Op::JumpIfTrueOrPop(t) => {
                let truth = ops::truthy_in(self, self.top())?;
                if truth == matches!(op, Op::JumpIfTrueOrPop(_)) {
                    self.running_frame()?.ip = t as usize;
                } else {
                    self.stack.pop();
                }
            }
            Op::Await => {
                self.suspending = self.await_top()? == super::tasks::Awaited::Suspend;
            }
            Op::GetAIter => {
                let v = self.pop();
                let it = self.async_iter(v)?;
                self.stack.push(it);
            }
            Op::GetANext => {
                let step = self.async_next(self.top())?;
                self.stack.push(step);
            }
            Op::EndAsyncFor(t) => {
                let exc = self.pop();
                if !exceptions::is_instance_of(&self.heap, exc, "StopAsyncIteration") {
                    let mut prefix = self.traceback();
                    prefix.pop();
                    return Err(self.reraised(exc, prefix));
                }
                self.pop();
                self.running_frame()?.ip = t as usize;
            }
            Op::GetYieldFromIter if self.is_awaitable_object(self.top()) => {
                // `yield from` what `__await__` of a coroutine, future or sleep gives: it is
                // awaited, in place of the `yield from` loop (whose end the next op names).
                let frame = self.running_frame()?;
                let Some(&Op::YieldFrom(end)) = frame.loaded.ops.get(frame.ip + 1) else {
                    return Err(Exception::new("SystemError", "yield from without its loop"));
                };
                frame.ip = end as usize;
                self.suspending = self.await_top()? == super::tasks::Awaited::Suspend;
            }
            Op::GetIter | Op::GetYieldFromIter => {
                let v = self.pop();
                let it = self.iter(v)?;
                self.stack.push(it);
            }
            Op::LoadDeref(i) | Op::LoadClosure(i) => {
                let cell = self.stack[base + loaded.nlocals + i as usize];
                if let Op::LoadClosure(_) = op {
                    self.stack.push(cell);
                    return Ok(());
                }
                let v = match cell.as_obj().map(|r| self.heap.get(r)) {
                    Some(Object::Cell(v)) => *v,
                    _ => Value::Unbound,
                };
                if v == Value::Unbound {
                    return Err(self.unbound_deref(&loaded, i as usize));
                }
                self.stack.push(v);
            }
            Op::StoreDeref(i) => {
                let v = self.pop();
                let cell = self.stack[base + loaded.nlocals + i as usize];
                if let Some(Object::Cell(slot)) = cell.as_obj().map(|r| self.heap.get_mut(r)) {
                    *slot = v;
                }
            }
            Op::PushExcept => {
                let v = self.pop();
                self.handling.push(v);
            }
            Op::PopExcept => {
                self.handling.pop();
            }
            Op::LoadBuiltinException(c) => {
                let kind = match &loaded.code.consts[c as usize] {
                    Const::Str(name) => self.types.get(&**name).copied(),
                    _ => None,
                };
                let k = kind
                    .ok_or_else(|| Exception::new("SystemError", "unknown built-in exception"))?;
                self.stack.push(Value::Obj(k));
            }
            Op::CheckExcMatch => {
                let target = self.pop();
                let m = exceptions::matches(&self.heap, self.top(), target)?;
                self.stack.push(Value::Bool(m));
            }
            // Their operands stay on the stack (rooted) while Python code may run for them.
            Op::CheckEgMatch => {
                let [rest, types] = self.top_two()?;
                let (matched, rest) = self.except_star_match(rest, types)?;
                self.stack.truncate(self.stack.len() - 2);
                self.stack.extend([matched, rest]);
            }
            Op::PrepReraiseStar => {
                let [original, raised] = self.top_two()?;
                let result = self.prepare_except_star_reraise(original, raised)?;
                self.stack.truncate(self.stack.len() - 2);
                self.stack.push(result);
            }
            Op::ListExtend(depth) => {
                let v = self.pop();
                let items = self.collect(v)?;
                let list = self.stack[self.stack.len() - depth as usize];
                if let Some(Object::List(list)) = list.as_obj().map(|r| self.heap.get_mut(r)) {
                    list.extend(items);
                }
            }
            Op::ListToTuple | Op::ListToSet => {
                let list = self.pop();
                let items = match list.as_obj().map(|r| self.heap.get_mut(r)) {
                    Some(Object::List(items)) => std::mem::take(items),
                    _ => Vec::new(),
                };
                let v = if let Op::ListToTuple = op {
                    Value::Obj(self.heap.alloc(Object::Tuple(items.into_boxed_slice())))
                } else {
                    super::sets::set_from(self, items, false)?
                };
                self.stack.push(v);
            }
            Op::MapAdd(depth) => {
                let value = self.pop();
                let key = self.pop();
                let dict = self.stack[self.stack.len() - depth as usize];
                self.set_item(dict, key, value)?;
            }
            Op::DictMerge(depth) | Op::DictUpdate(depth) => {
                let mut other = self.top();
                // A mapping other than a dict gives its items through `keys()` first.
                let is_dict = matches!(
                    other.as_obj().map(|r| self.heap.get(r)),
                    Some(Object::Dict(_))
                );
                if !is_dict {
                    if let Some(pairs) = self.mapping_pairs(other)? {
                        other = containers::new_dict(&mut self.heap, pairs)?;
                    }
                }
                self.pop();
                let dict = self.stack[self.stack.len() - depth as usize];
                let strict = matches!(op, Op::DictMerge(_));
                if let Err(mut e) = containers::merge_dict(&mut self.heap, dict, other, strict) {
                    if strict && e.message.starts_with("got multiple") {
                        let callee = self.stack[self.stack.len() - 3];
                        let who = match callee.as_obj().map(|r| self.heap.get(r)) {
                            Some(Object::Function(f)) => {
                                format!("__main__.{}()", f.loaded.code.qualname)
                            }
                            _ => format!("{}()", ops::type_name(&self.heap, callee)),
                        };
                        e.message = format!("{who} {}", e.message);
                    }
                    return Err(e);
                }
            }
            Op::BuildSet(n) => {
                let items = self.stack.split_off(self.stack.len() - n as usize);
                let set = super::sets::set_from(self, items, false)?;
                self.stack.push(set);
            }
            Op::PopDropIterator => {
                let it = self.pop();
                match it.as_obj().map(|r| (r, self.heap.get(r))) {
                    Some((_, Object::Generator(_))) => {
                        // CPython closes a generator when its last reference goes; an error in
                        // doing so is reported and ignored, never raised here.
                        let _ = super::generators::close(self, &[it], &[]);
                    }
                    Some((g, Object::AsyncGenerator(_))) => self.drop_async_generator(g)?,
                    _ => {}
                }
            }
            Op::BuildConstSet(n) => {
                let items = self.stack.split_off(self.stack.len() - n as usize);
                let set = super::sets::constant_display(&mut self.heap, items)?;
                self.stack.push(set);
            }
            Op::SetAdd(depth) => {
                let v = self.pop();
                let set = self.stack[self.stack.len() - depth as usize];
                super::sets::set_add(self, set, v)?;
            }
            Op::DeleteSubscr => {
                let key = self.pop();
                let container = self.pop();
                self.del_item(container, key)?;
            }
            Op::BuildSlice => {
                let step = self.pop();
                let stop = self.pop();
                let start = self.pop();
                let r = self.heap.alloc(Object::Slice { start, stop, step });
                self.stack.push(Value::Obj(r));
            }
            Op::BuildMap(n) => {
                let flat = self.stack.split_off(self.stack.len() - 2 * n as usize);
                let pairs: Vec<(Value, Value)> = flat.chunks(2).map(|p| (p[0], p[1])).collect();
                let d = containers::dict_from(self, pairs)?;
                self.stack.push(d);
            }
            Op::DeleteFast(i) => {
                let slot = base + i as usize;
                if self.stack[slot] == Value::Unbound {
                    let name = &loaded.code.varnames[i as usize];
                    return Err(self.name_error(&loaded.code, NameProblem::UnboundLocal, name));
                }
                self.stack[slot] = Value::Unbound;
            }
            Op::DeleteGlobal(i) => {
                let slot = loaded.globals[i as usize] as usize;
                if self.global_values[slot] == Value::Unbound {
                    let name = &loaded.code.names[i as usize];
                    return Err(self.name_error(&loaded.code, NameProblem::Undefined, name));
                }
                self.global_values[slot] = Value::Unbound;
            }
            Op::UnpackSequence(n) | Op::UnpackEx(n, _) => {
                let seq = self.pop();
                let after = match op {
                    Op::UnpackEx(_, after) => Some(after as usize),
                    _ => None,
                };
                let items = self.unpack(seq, n as usize, after)?;
                self.stack.extend(items.into_iter().rev());
            }
            Op::FormatValue(conversion, has_spec) => {
                let spec = if has_spec { Some(self.pop()) } else { None };
                let v = self.pop();
                let converted = match conversion {
                    b'r' | b'a' => Some(ops::repr_in(self, v)?),
                    b's' => Some(ops::to_str_in(self, v)?),
                    _ => None,
                };
                let v = match converted {
                    Some(text) => ops::new_str(&mut self.heap, text),
                    None => v,
                };
                let spec = spec.map(|s| ops::to_str(&self.heap, s)).unwrap_or_default();
                let text = ops::format_value(self, v, &spec)?;
                let s = ops::new_str(&mut self.heap, text);
                self.stack.push(s);
            }
            Op::BuildTuple(n) => {
                let items = self.stack.split_off(self.stack.len() - n as usize);
                let t = self.heap.alloc(Object::Tuple(items.into_boxed_slice()));
                self.stack.push(Value::Obj(t));
            }
            Op::BuildList(n) => {
                let items = self.stack.split_off(self.stack.len() - n as usize);
                let l = self.heap.alloc(Object::List(items));
                self.stack.push(Value::Obj(l));
            }
            Op::MakeFunction(c, flags) => self.make_function(&loaded, c, flags)?,
            Op::BuildClass(argc, names) => {
                let at = self.stack.len() - argc as usize - 2;
                let body = self.stack[at];
                let name = match self.stack[at + 1].as_obj().map(|r| self.heap.get(r)) {
                    Some(Object::Str(s)) => Rc::from(&**s),
                    _ => Rc::from("?"),
                };
                let names: Rc<[Rc<str>]> = match loaded.code.consts.get(names as usize) {
                    Some(Const::KwNames(names)) => names.clone(),
                    _ => Rc::from([]),
                };
                let args = &self.stack[at + 2..];
                let (bases, values) = args.split_at(args.len() - names.len());
                let keywords: Vec<(Rc<str>, Value)> =
                    names.iter().cloned().zip(values.iter().copied()).collect();
                let bases = bases.to_vec();
                let class = self.build_class(body, name, &bases, &keywords)?;
                self.stack.truncate(at);
                self.stack.push(class);
            }
            Op::BeforeWith(slot) | Op::BeforeAsyncWith(slot) => {
                let manager = self.pop();
                let is_async = matches!(op, Op::BeforeAsyncWith(_));
                let (exit, entered) = self.enter_context(manager, is_async)?;
                self.stack[base + slot as usize] = exit;
                self.stack.push(entered);
            }
            Op::ExitWith(slot) => {
                self.call_exit(self.stack[base + slot as usize], None)?;
            }
            Op::ExitWithException(slot) => {
                let exc = self.pop();
                let result = self.call_exit(self.stack[base + slot as usize], Some(exc))?;
                let suppress = ops::truthy_in(self, result)?;
                self.stack.push(Value::Bool(suppress));
            }
            // What `__aexit__` returns is awaited by the next instruction.
            Op::AsyncExitWith(slot) => {
                let awaitable = self.call_exit(self.stack[base + slot as usize], None)?;
                self.stack.push(awaitable);
            }
            Op::AsyncExitWithException(slot) => {
                let exc = self.pop();
                let awaitable = self.call_exit(self.stack[base + slot as usize], Some(exc))?;
                self.stack.push(awaitable);
            }
            Op::ImportName(i) => {
                let m = self.import(&loaded.code.names[i as usize])?;
                self.stack.push(m);
            }
            Op::ImportFrom(i) => {
                let name = &loaded.code.names[i as usize];
                let module = self.top();
                let Some(Object::Module(m)) = module.as_obj().map(|r| self.heap.get(r)) else {
                    return Err(Exception::new("ImportError", "not a module"));
                };
                let module_name = m.name.clone();
                let v = self.get_attr(module, name).map_err(|_| {
                    Exception::new(
                        "ImportError",
                        format!(
                            "cannot import name '{name}' from '{module_name}' (unknown location)"
                        ),
                    )
                })?;
                self.stack.push(v);
            }
            _ => {
                return Err(Exception::new(
                    "SystemError",
                    format!("{op:?} reached the rare-instruction path"),
                ))
            }
        }
        Ok(())
    }

    /// `MakeFunction`: a function from code constant `c`, its closure cells and defaults taken
    /// off the stack.
    fn make_function(&mut self, loaded: &Loaded, c: u32, flags: u32) -> Result<(), Exception> {
        let Const::Code(code) = &loaded.code.consts[c as usize] else {
            return Err(Exception::new("SystemError", "MakeFunction without code"));
        };
        let code = code.clone();
        let closure = self.stack.split_off(self.stack.len() - code.freevars.len());
        let mut attrs = crate::runtime::attrs::Attrs::default();
        if flags & HAS_ANNOTATIONS != 0 {
            let annotations = self.pop();
            attrs.insert(Rc::from("__annotations__"), annotations);
        }
        let kwdefaults = if flags & HAS_KWDEFAULTS != 0 {
            let d = self.pop();
            self.kwonly_defaults(&code, d)
        } else {
            Box::new([])
        };
        let ndefaults = (flags & !(HAS_KWDEFAULTS | HAS_ANNOTATIONS)) as usize;
        let defaults = self.stack.split_off(self.stack.len() - ndefaults);
        let name = code.name.clone();
        let loaded = self.load(code)?;
        let f = Function {
            name,
            loaded,
            defaults: defaults.into_boxed_slice(),
            kwdefaults,
            closure: closure.into_boxed_slice(),
            attrs,
        };
        let r = self.heap.alloc(Object::Function(Box::new(f)));
        self.stack.push(Value::Obj(r));
        Ok(())
    }

    /// The keyword-only defaults of a new function, by parameter (unbound where there is none).
    fn kwonly_defaults(&self, code: &crate::compile::Code, dict: Value) -> Box<[Value]> {
        let start = code.argcount as usize;
        let names = &code.varnames[start..start + code.kwonlycount as usize];
        names
            .iter()
            .map(|n| match dict.as_obj().map(|r| self.heap.get(r)) {
                Some(Object::Dict(d)) => d
                    .iter()
                    .find(|(k, _)| {
                        matches!(k.as_obj().map(|r| self.heap.get(r)), Some(Object::Str(s)) if **s == **n)
                    })
                    .map_or(Value::Unbound, |(_, v)| v),
                _ => Value::Unbound,
            })
            .collect()
    }

    /// The NameError for a cell or free variable read before it was assigned.
    fn unbound_deref(&self, loaded: &Loaded, i: usize) -> Exception {
        let code = &loaded.code;
        let name = code
            .cellvars
            .iter()
            .chain(&code.freevars)
            .nth(i)
            .cloned()
            .unwrap_or_default();
        let problem = if i < code.cellvars.len() {
            NameProblem::UnboundLocal
        } else {
            NameProblem::UnboundFree
        };
        self.name_error(code, problem, &name)
    }
}
