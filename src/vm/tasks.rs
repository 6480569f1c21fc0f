//! Futures and tasks at work: completing a future (which schedules its done-callbacks), the
//! `result()`/`cancel()` rules, a task's step (its execution swapped into the VM, run until it
//! returns, raises or awaits something pending), `await` of every kind of awaitable, and
//! `gather`'s bookkeeping. The order of everything scheduled mirrors CPython's `asyncio`.

use super::dispatch::Exit;
use super::{Exception, Vm};
use crate::runtime::object::GeneratorState;
use crate::runtime::tasks::{
    DoneCallback, Execution, Future, FutureKind, Job, Outcome, Task, Waiter,
};
use crate::runtime::{ObjRef, Object, Value};

/// What an `await` did with the awaitable on top of the stack.
#[derive(PartialEq)]
pub(super) enum Awaited {
    /// Its value is on the stack, or its frame is running: go on.
    Continue,
    /// The task must wait: its step ends here.
    Suspend,
}

impl Vm {
    pub(super) fn future(&self, r: ObjRef) -> Option<&Future> {
        match self.heap.get(r) {
            Object::Future(f) => Some(f),
            _ => None,
        }
    }

    pub(super) fn future_mut(&mut self, r: ObjRef) -> Option<&mut Future> {
        match self.heap.get_mut(r) {
            Object::Future(f) => Some(f),
            _ => None,
        }
    }

    pub(super) fn task_mut(&mut self, r: ObjRef) -> Option<&mut Task> {
        self.future_mut(r).and_then(Future::task_mut)
    }

    /// A new pending future of loop `event_loop`.
    pub(super) fn new_future(&mut self, event_loop: ObjRef, kind: FutureKind) -> ObjRef {
        self.heap
            .alloc(Object::Future(Box::new(Future::new(event_loop, kind))))
    }

    /// A task driving coroutine `coro` on loop `event_loop`, its first step scheduled; it runs
    /// in the `context=` argument `context` (see [`Vm::context_argument`]).
    pub(super) fn new_task(
        &mut self,
        event_loop: ObjRef,
        coro: ObjRef,
        name: Option<ObjRef>,
        context: Option<Value>,
    ) -> ObjRef {
        let context = self.context_argument(context);
        self.tasks_made += 1;
        if let Object::Coroutine(c) = self.heap.get_mut(coro) {
            c.in_task = true;
        }
        let task = Task {
            coro,
            number: self.tasks_made,
            name,
            execution: Execution::default(),
            started: false,
            waiter: Waiter::Nothing,
            must_cancel: false,
            cancellation: None,
            context,
        };
        let r = self.new_future(event_loop, FutureKind::Task(task));
        self.live_tasks.insert(r);
        self.call_soon(
            event_loop,
            Job::Step {
                task: r,
                throw: None,
            },
        );
        r
    }

    /// Gives future `r` its outcome and schedules its done-callbacks, in the order they were
    /// added.
    pub(super) fn finish_future(&mut self, r: ObjRef, outcome: Outcome) {
        let Some(f) = self.future_mut(r) else { return };
        f.outcome = outcome;
        f.log_traceback = matches!(outcome, Outcome::Exception(_));
        let failed = f.log_traceback;
        let callbacks = std::mem::take(&mut f.callbacks);
        let (event_loop, is_task) = (f.event_loop, f.task().is_some());
        if is_task {
            self.live_tasks.remove(&r);
        }
        if failed {
            self.failed_futures.push(r);
            self.future_failed = true;
        }
        for callback in callbacks {
            self.call_soon(
                event_loop,
                Job::Done {
                    future: r,
                    callback,
                },
            );
        }
    }

    /// `add_done_callback`: scheduled at once if the future is done.
    pub(super) fn add_done_callback(&mut self, r: ObjRef, callback: DoneCallback) {
        let Some(f) = self.future_mut(r) else { return };
        if f.is_done() {
            let event_loop = f.event_loop;
            self.call_soon(
                event_loop,
                Job::Done {
                    future: r,
                    callback,
                },
            );
        } else {
            // Most futures get one callback (the task that awaits it, or a gather).
            if f.callbacks.capacity() == 0 {
                f.callbacks.reserve_exact(1);
            }
            f.callbacks.push(callback);
        }
    }

    /// `Future.cancel(msg)`, `Task.cancel(msg)` and a gather's `cancel(msg)`: whether the
    /// request was taken.
    pub(super) fn cancel_future(&mut self, r: ObjRef, message: Value) -> bool {
        let Some(f) = self.future_mut(r) else {
            return false;
        };
        if f.is_done() {
            return false;
        }
        match &mut f.kind {
            FutureKind::Plain => {
                self.finish_future(
                    r,
                    Outcome::Cancelled {
                        message,
                        error: Value::None,
                    },
                );
                true
            }
            FutureKind::Task(t) => {
                t.cancellation.get_or_insert_default().requests += 1;
                if !self.cancel_waiter(r, message) {
                    if let Some(t) = self.task_mut(r) {
                        t.must_cancel = true;
                        t.cancellation.get_or_insert_default().message = message;
                    }
                }
                true
            }
            FutureKind::GroupExit(g) => {
                let (g, l) = (*g, f.event_loop);
                self.task_group_parent_cancelled(g, l, message);
                true
            }
            FutureKind::Gather(g) => {
                let children = g.children.clone();
                let mut taken = false;
                for child in children {
                    taken |= self.cancel_future(child, message);
                }
                if taken {
                    if let Some(f) = self.future_mut(r) {
                        f.cancel_requested = true;
                    }
                }
                taken
            }
        }
    }

    /// A new `CancelledError(message)` object (no argument when the message is `None`).
    pub(super) fn new_cancelled_error(&mut self, message: Value) -> Value {
        let cls = self.builtin_type("CancelledError");
        let args: &[Value] = if message == Value::None {
            &[]
        } else {
            std::slice::from_ref(&message)
        };
        self.new_instance(cls, args)
    }

    /// The `CancelledError` a cancelled future raises (the one that ended a task's coroutine,
    /// the first time).
    fn cancelled_error(&mut self, r: ObjRef) -> Value {
        let Some(f) = self.future_mut(r) else {
            return Value::None;
        };
        let Outcome::Cancelled { message, error } = &mut f.outcome else {
            return Value::None;
        };
        if *error != Value::None {
            return std::mem::replace(error, Value::None);
        }
        let message = *message;
        self.new_cancelled_error(message)
    }

    /// `future.result()`: its value, or the exception it holds raised.
    pub(super) fn future_result(&mut self, r: ObjRef) -> Result<Value, Exception> {
        let Some(f) = self.future_mut(r) else {
            return Err(Exception::new("TypeError", "not a future"));
        };
        match f.outcome {
            Outcome::Pending => Err(Exception::new("InvalidStateError", "Result is not set.")),
            Outcome::Result(v) => Ok(v),
            Outcome::Exception(e) => {
                f.log_traceback = false;
                let prefix = self.traceback();
                Err(self.reraised(e, prefix))
            }
            Outcome::Cancelled { .. } => {
                let e = self.cancelled_error(r);
                Err(self.raised(e))
            }
        }
    }

    /// `future.exception()`: the exception it holds (`None` for a result).
    pub(super) fn future_exception(&mut self, r: ObjRef) -> Result<Value, Exception> {
        let Some(f) = self.future_mut(r) else {
            return Err(Exception::new("TypeError", "not a future"));
        };
        match f.outcome {
            Outcome::Pending => Err(Exception::new("InvalidStateError", "Exception is not set.")),
            Outcome::Result(_) => Ok(Value::None),
            Outcome::Exception(e) => {
                f.log_traceback = false;
                Ok(e)
            }
            Outcome::Cancelled { .. } => {
                let e = self.cancelled_error(r);
                Err(self.raised(e))
            }
        }
    }

    /// Runs one job of the loop's. Only `SystemExit` and `KeyboardInterrupt` come back as
    /// errors; other failures of callbacks are reported as the loop's exception handler does.
    pub(super) fn run_job(&mut self, job: Job) -> Result<(), Exception> {
        match job {
            Job::Step { task, throw } => {
                self.step_task(task, throw.map_or(Value::None, Value::Obj))
            }
            Job::WakeSleeper { task, timer } => {
                match self.task_mut(task) {
                    Some(t) if t.waiter == Waiter::Timer(timer) => {}
                    _ => return Ok(()),
                };
                self.step_task(task, Value::None)
            }
            Job::Done { future, callback } => self.run_done_callback(future, callback),
            Job::Handle(h) => self.run_handle(h),
            Job::Finish(f) => {
                self.finish_future(f, Outcome::Result(Value::None));
                Ok(())
            }
            Job::WakeGroupParent(g) => self.wake_task_group_parent(g),
        }
    }

    fn run_done_callback(
        &mut self,
        future: ObjRef,
        callback: DoneCallback,
    ) -> Result<(), Exception> {
        match callback {
            DoneCallback::Wakeup(task) => self.step_task(task, Value::None),
            DoneCallback::Gather(outer) => {
                self.gather_child_done(outer, future);
                Ok(())
            }
            DoneCallback::TaskGroup(group) => {
                self.task_group_child_done(group, future);
                Ok(())
            }
            DoneCallback::StopLoop(_) => {
                let fatal = match self.outcome(future) {
                    Outcome::Exception(e) => self.is_fatal(e),
                    _ => false,
                };
                if !fatal {
                    if let Some(f) = self.future_mut(future) {
                        f.log_traceback = false;
                    }
                    if let Some(state) = self.running_state() {
                        state.stopping = true;
                    }
                }
                Ok(())
            }
            DoneCallback::Call(f) => self.run_callback(Value::Obj(f), &[Value::Obj(future)], None),
            DoneCallback::CallInContext(h) => {
                let (callback, context) = match self.heap.get(h) {
                    Object::Handle(handle) => (handle.callback, handle.context),
                    _ => return Ok(()),
                };
                let args = [Value::Obj(future)];
                self.in_context(context, |vm| vm.run_callback(callback, &args, None))
            }
        }
    }

    /// The future a task's `waiter` waits on, if it waits on one.
    fn waited_future(&mut self, waiter: Waiter) -> Option<&mut Future> {
        match waiter {
            Waiter::Future(w) => self.future_mut(w),
            _ => None,
        }
    }

    /// Whether exception object `e` is one the loop lets through (`SystemExit`,
    /// `KeyboardInterrupt`).
    pub(super) fn is_fatal(&self, e: Value) -> bool {
        ["SystemExit", "KeyboardInterrupt"]
            .iter()
            .any(|kind| super::exceptions::is_instance_of(&self.heap, e, kind))
    }

    /// One step of `task`: its coroutine runs (with `throw` raised where it waits, unless it is
    /// `None`) until it returns, raises, or awaits something not ready.
    pub(super) fn step_task(&mut self, task: ObjRef, mut throw: Value) -> Result<(), Exception> {
        let Some(Object::Future(f)) = Some(self.heap.get_mut(task)) else {
            return Ok(());
        };
        if f.is_done() {
            return Ok(());
        }
        let Some(t) = f.task_mut() else { return Ok(()) };
        let mut execution = std::mem::take(&mut t.execution);
        let started = std::mem::replace(&mut t.started, true);
        let waiter = std::mem::replace(&mut t.waiter, Waiter::Nothing);
        if let Waiter::BadYield(error) = waiter {
            throw = Value::Obj(error);
        }
        let must_cancel = std::mem::replace(&mut t.must_cancel, false);
        let message = match must_cancel {
            true => t.cancel_message(),
            false => Value::None,
        };
        let coro = t.coro;
        let had_contexts = self.contexts_used;
        if had_contexts {
            let context = t.context;
            self.enter_step_context(context);
        }
        if must_cancel && !super::exceptions::is_instance_of(&self.heap, throw, "CancelledError") {
            // CPython's wakeup took the awaited future's result before the cancellation
            // replaced it: an exception there counts as retrieved.
            if let Some(awaited) = self.waited_future(waiter) {
                awaited.log_traceback = false;
            }
            throw = self.new_cancelled_error(message);
        }
        // (A started coroutine's task always has frames when it waits.)
        let frameless = execution.frames.is_empty();
        if let (true, Object::Sleep { awaited, .. }) = (frameless, self.heap.get_mut(coro)) {
            // A task of `sleep()` itself: it has no frames, only the sleep to wait on.
            if throw != Value::None {
                // Thrown into before it started, it ends at once (and counts as awaited).
                *awaited = true;
                let e = self.raised(throw);
                return self.end_step(task, Err(e));
            }
            if started {
                let result = execution.stack.last().copied().unwrap_or(Value::None);
                return self.end_step(task, Ok(result));
            }
            if std::mem::replace(awaited, true) {
                let e = Exception::new("RuntimeError", "cannot reuse already awaited coroutine");
                return self.end_step(task, Err(e));
            }
            execution.stack.push(Value::Obj(coro));
            self.suspend_task(task, execution);
            return Ok(());
        }
        if !started {
            if throw != Value::None {
                // Thrown into a coroutine that never started: it ends at once.
                if let Object::Coroutine(c) = self.heap.get_mut(coro) {
                    c.state = GeneratorState::Finished;
                }
                let e = self.raised(throw);
                return self.end_step(task, Err(e));
            }
            // Most tasks never await deeper than their coroutine: room for one frame.
            execution.frames.reserve_exact(1);
        }
        let outer = self.swap_execution(execution);
        self.set_aside.push(outer);
        let previous_task = self.current_task.replace(task);
        let previous_level = self.task_run_level;
        self.task_run_level = self.nested_runs + 1;
        let result = if started {
            self.resume_awaiter(throw)
        } else {
            self.enter_coroutine(Value::Obj(coro))
        };
        let result = match result {
            Ok(()) => self.run_down_to(0),
            Err(e) => Err(e),
        };
        // (A program that has no contexts yet runs every step in none: a step that makes the
        // first one keeps it for its task.)
        if self.contexts_used {
            self.end_step_context(task, had_contexts);
        }
        self.task_run_level = previous_level;
        self.current_task = previous_task;
        let outer = self.set_aside.pop().unwrap_or_default();
        let execution = self.swap_execution(outer);
        match result {
            Ok(Exit::Suspend) => {
                self.suspend_task(task, execution);
                Ok(())
            }
            Ok(Exit::Return(v) | Exit::Yield(v)) => self.end_step(task, Ok(v)),
            Err(e) => self.end_step(task, Err(e)),
        }
    }

    /// Puts `execution` in the VM and returns the one it replaces.
    pub(super) fn swap_execution(&mut self, mut execution: Execution) -> Execution {
        std::mem::swap(&mut self.frames, &mut execution.frames);
        std::mem::swap(&mut self.stack, &mut execution.stack);
        std::mem::swap(&mut self.handling, &mut execution.handling);
        execution
    }

    /// The value of the awaitable a resumed task waited on replaces it on the stack, or, with
    /// `throw` (or a failed future), the exception is raised there when the frames run.
    fn resume_awaiter(&mut self, throw: Value) -> Result<(), Exception> {
        if throw != Value::None {
            let prefix = self.traceback();
            self.pending_throw = Some(self.reraised(throw, prefix));
            return Ok(());
        }
        // A future gives its outcome now; a sleep's result took its place when it began.
        let awaited = self.stack.last().copied().unwrap_or(Value::None);
        let Some(r) = awaited
            .as_obj()
            .filter(|&r| matches!(self.heap.get(r), Object::Future(_)))
        else {
            return Ok(());
        };
        match self.future_result(r) {
            Ok(v) => {
                if let Some(top) = self.stack.last_mut() {
                    *top = v;
                }
            }
            Err(e) => self.pending_throw = Some(e),
        }
        Ok(())
    }

    /// A task stopped at an `await` of something not ready (on top of `execution`'s stack):
    /// it keeps its execution and waits for it.
    fn suspend_task(&mut self, task: ObjRef, mut execution: Execution) {
        /// What the task waits for.
        enum Wait {
            /// A bare yield (`sleep(0)`): the back of the ready queue.
            Turn,
            Seconds(f64),
            Future(ObjRef),
        }
        let awaited = execution.stack.last_mut();
        let wait = match awaited
            .as_deref()
            .and_then(|v| v.as_obj())
            .map(|r| (r, self.heap.get(r)))
        {
            Some((_, Object::Sleep { delay, result, .. })) => {
                let delay = *delay;
                // What the sleep will give takes its place now (the sleep object can go).
                if let Some(top) = awaited {
                    *top = *result;
                }
                if delay > 0.0 {
                    Wait::Seconds(delay)
                } else {
                    Wait::Turn
                }
            }
            Some((r, Object::Future(_))) => Wait::Future(r),
            _ => Wait::Turn,
        };
        let Some(f) = self.future_mut(task) else {
            return;
        };
        let event_loop = f.event_loop;
        let Some(t) = f.task_mut() else { return };
        t.execution = execution;
        let must_cancel = t.must_cancel;
        match wait {
            Wait::Turn => {
                self.call_soon(event_loop, Job::Step { task, throw: None });
                return;
            }
            Wait::Seconds(delay) => {
                let when = self.clock.monotonic() + delay;
                let timer = self.call_at(event_loop, when, |number| Job::WakeSleeper {
                    task,
                    timer: number,
                });
                if let Some(t) = self.task_mut(task) {
                    t.waiter = Waiter::Timer(timer);
                }
            }
            Wait::Future(waited) if waited == task => {
                let error = self.runtime_error_value(format!(
                    "Task cannot await on itself: {}",
                    self.future_repr(task)
                ));
                self.call_soon(
                    event_loop,
                    Job::Step {
                        task,
                        throw: error.as_obj(),
                    },
                );
                return;
            }
            Wait::Future(waited) => {
                self.add_done_callback(waited, DoneCallback::Wakeup(task));
                if let Some(t) = self.task_mut(task) {
                    t.waiter = Waiter::Future(waited);
                }
            }
        }
        if must_cancel {
            self.cancel_must(task);
        }
    }

    /// Cancels what task `task` waits for, if it can be: a future is cancelled (its
    /// done-callback resumes the task); a sleep's timer is void and the task resumes next time
    /// round with the `CancelledError` the sleep's future would raise.
    fn cancel_waiter(&mut self, task: ObjRef, message: Value) -> bool {
        let Some(f) = self.future_mut(task) else {
            return false;
        };
        let event_loop = f.event_loop;
        let Some(t) = f.task_mut() else { return false };
        match t.waiter {
            Waiter::Future(w) => self.cancel_future(w, message),
            Waiter::Timer(_) => {
                t.waiter = Waiter::Nothing;
                let error = self.new_cancelled_error(message);
                self.call_soon(
                    event_loop,
                    Job::Step {
                        task,
                        throw: error.as_obj(),
                    },
                );
                true
            }
            Waiter::Nothing | Waiter::BadYield(_) => false,
        }
    }

    /// A task asked to cancel before it waited on something: its new waiter is cancelled now.
    fn cancel_must(&mut self, task: ObjRef) {
        let Some(t) = self.task_mut(task) else { return };
        let message = t.cancel_message();
        if self.cancel_waiter(task, message) {
            if let Some(t) = self.task_mut(task) {
                t.must_cancel = false;
            }
        }
    }

    /// A task's coroutine returned `Ok` or raised: the task's future gets the outcome.
    fn end_step(
        &mut self,
        task: ObjRef,
        result: Result<Value, Exception>,
    ) -> Result<(), Exception> {
        if let Some(t) = self.task_mut(task) {
            t.execution = Execution::default();
        }
        let (must_cancel, message) = self.task_mut(task).map_or((false, Value::None), |t| {
            (t.must_cancel, t.cancel_message())
        });
        match result {
            Ok(_) if must_cancel => {
                self.finish_future(
                    task,
                    Outcome::Cancelled {
                        message,
                        error: Value::None,
                    },
                );
                Ok(())
            }
            Ok(v) => {
                self.finish_future(task, Outcome::Result(v));
                Ok(())
            }
            Err(e) => {
                let fatal = matches!(e.kind, "SystemExit" | "KeyboardInterrupt");
                let error = self.exception_object(&e);
                if e.kind == "CancelledError" {
                    self.finish_future(
                        task,
                        Outcome::Cancelled {
                            message: Value::None,
                            error,
                        },
                    );
                    return Ok(());
                }
                self.finish_future(task, Outcome::Exception(error));
                if fatal {
                    return Err(e);
                }
                Ok(())
            }
        }
    }

    /// A `RuntimeError(message)` object.
    fn runtime_error_value(&mut self, message: String) -> Value {
        let e = Exception::new("RuntimeError", message);
        self.exception_object(&e)
    }

    /// `await` of the value on top of the stack. A coroutine runs in a frame above; a done
    /// future gives its result at once; a pending one (or `sleep`) suspends the task, which
    /// only the step of a task can do.
    pub(super) fn await_top(&mut self) -> Result<Awaited, Exception> {
        let awaited = self.stack.last().copied().unwrap_or(Value::None);
        let Some(r) = awaited.as_obj() else {
            return Err(not_awaitable(self, awaited));
        };
        match self.heap.get_mut(r) {
            Object::Coroutine(_) => {
                self.enter_coroutine(awaited)?;
                Ok(Awaited::Continue)
            }
            Object::AsyncGenStep { .. } => {
                self.await_async_step(r)?;
                Ok(Awaited::Continue)
            }
            Object::Sleep { awaited, .. } => {
                if *awaited {
                    return Err(Exception::new(
                        "RuntimeError",
                        "cannot reuse already awaited coroutine",
                    ));
                }
                *awaited = true;
                self.running_loop_ref()?;
                self.suspend_here("asyncio.sleep")
            }
            Object::Future(f) => {
                if f.is_done() {
                    let v = self.future_result(r)?;
                    if let Some(top) = self.stack.last_mut() {
                        *top = v;
                    }
                    return Ok(Awaited::Continue);
                }
                self.suspend_here("a pending future")
            }
            Object::Instance(_) => {
                let Some(method) = self.special_method(awaited, "__await__") else {
                    return Err(not_awaitable(self, awaited));
                };
                let iterator = self.call_value(method, &[awaited], &[])?;
                if self.is_awaitable_object(iterator) {
                    self.replace_top(iterator);
                    return self.await_top();
                }
                // A generator runs in a frame above, its yields going to the task.
                if let Some(g) = self.plain_generator(iterator) {
                    self.replace_top(iterator);
                    if self.generator_frame(g, Value::None)?.is_none() {
                        self.replace_top(Value::None);
                    }
                    return Ok(Awaited::Continue);
                }
                match iterator.as_obj().map(|i| self.heap.get(i)) {
                    Some(o) if o.is_iterator() => Err(Exception::new(
                        "NotImplementedError",
                        "an __await__ that returns an iterator other than a generator",
                    )),
                    _ => Err(Exception::new(
                        "TypeError",
                        format!(
                            "__await__() returned non-iterator of type '{}'",
                            super::ops::type_name(&self.heap, iterator)
                        ),
                    )),
                }
            }
            _ => Err(not_awaitable(self, awaited)),
        }
    }

    /// Where coroutine `coro`, run by a task, is: its frames are the task's (the coroutine
    /// object itself is spent once they start).
    pub(super) fn task_coroutine_state(&self, coro: ObjRef) -> GeneratorState {
        let task = self.live_tasks.iter().copied().find(|&t| {
            self.future(t)
                .and_then(Future::task)
                .is_some_and(|t| t.coro == coro)
        });
        match task.and_then(|t| Some((t, self.future(t)?.task()?))) {
            Some((t, _)) if self.current_task == Some(t) => GeneratorState::Running,
            Some((_, task)) if task.started => GeneratorState::Suspended,
            Some(_) => GeneratorState::Created,
            None => GeneratorState::Finished,
        }
    }

    /// Whether `v` is a coroutine, future or sleep (what `await` takes as it is).
    pub(super) fn is_awaitable_object(&self, v: Value) -> bool {
        matches!(
            v.as_obj().map(|r| self.heap.get(r)),
            Some(Object::Coroutine(_) | Object::Future(_) | Object::Sleep { .. })
        )
    }

    /// Generator `gen`, run by an `await` (its `__await__`), yielded `v`: the task waits for
    /// it — a future until it is done, `None` one turn of the loop, anything else one turn and
    /// then a `RuntimeError` — with the generator's frame back on top, where the value of its
    /// `yield` will be.
    pub(super) fn generator_yielded_to_task(
        &mut self,
        gen: ObjRef,
        v: Value,
    ) -> Result<(), Exception> {
        self.suspend_here("a generator's yield")?;
        let waitable = v == Value::None || super::asyncio::future_ref(&self.heap, v).is_some();
        if !waitable {
            // As CPython's task does: the next step raises the error at the yield.
            let shown = super::ops::repr_in(self, v)?;
            let e = Exception::new("RuntimeError", format!("Task got bad yield: {shown}"));
            let error = self.exception_object(&e).as_obj();
            let task = self.current_task;
            if let (Some(error), Some(t)) = (error, task.and_then(|t| self.task_mut(t))) {
                t.waiter = Waiter::BadYield(error);
            }
        }
        self.generator_frame(gen, if waitable { v } else { Value::None })?;
        Ok(())
    }

    /// Suspends the running task at this `await` of `what`, if this is a task's own run (not
    /// code a native runs inside it, such as a coroutine driven by `send`).
    fn suspend_here(&self, what: &str) -> Result<Awaited, Exception> {
        if self.current_task.is_some() && self.nested_runs == self.task_run_level {
            return Ok(Awaited::Suspend);
        }
        Err(Exception::new(
            "NotImplementedError",
            format!("awaiting {what} outside a task's own frames (in a coroutine driven by send() or a native callback)"),
        ))
    }

    /// A child of gather `outer` is done.
    fn gather_child_done(&mut self, outer: ObjRef, child: ObjRef) {
        let Some(Object::Future(f)) = Some(self.heap.get_mut(outer)) else {
            return;
        };
        let outer_done = f.is_done();
        let cancel_requested = f.cancel_requested;
        let FutureKind::Gather(g) = &mut f.kind else {
            return;
        };
        g.finished += 1;
        let (finished, distinct, return_exceptions) = (g.finished, g.distinct, g.return_exceptions);
        let child_outcome = self.outcome(child);
        if outer_done {
            if let (Outcome::Exception(_), Some(c)) = (child_outcome, self.future_mut(child)) {
                c.log_traceback = false;
            }
            return;
        }
        if !return_exceptions {
            match child_outcome {
                Outcome::Cancelled { .. } => {
                    let e = self.cancelled_error(child);
                    self.finish_future(outer, Outcome::Exception(e));
                    return;
                }
                Outcome::Exception(e) => {
                    if let Some(c) = self.future_mut(child) {
                        c.log_traceback = false;
                    }
                    self.finish_future(outer, Outcome::Exception(e));
                    return;
                }
                _ => {}
            }
        }
        if finished < distinct {
            return;
        }
        let children = match self.future(outer).map(|f| &f.kind) {
            Some(FutureKind::Gather(g)) => g.children.clone(),
            _ => return,
        };
        let children_last = children.last().copied();
        let mut results = Vec::with_capacity(children.len());
        for c in children {
            results.push(match self.outcome(c) {
                Outcome::Result(v) => v,
                Outcome::Exception(e) => {
                    if let Some(f) = self.future_mut(c) {
                        f.log_traceback = false;
                    }
                    e
                }
                Outcome::Cancelled { message, .. } => {
                    let message = if message == Value::None {
                        super::ops::new_str(&mut self.heap, "")
                    } else {
                        message
                    };
                    self.new_cancelled_error(message)
                }
                Outcome::Pending => Value::None,
            });
        }
        if cancel_requested {
            let last = children_last.unwrap_or(child);
            let e = self.cancelled_error(last);
            self.finish_future(outer, Outcome::Exception(e));
        } else {
            let list = self.heap.alloc(Object::List(results));
            self.finish_future(outer, Outcome::Result(Value::Obj(list)));
        }
    }
}

/// `TypeError: object X can't be used in 'await' expression`.
pub(super) fn not_awaitable(vm: &Vm, v: Value) -> Exception {
    Exception::new(
        "TypeError",
        format!(
            "object {} can't be used in 'await' expression",
            super::ops::type_name(&vm.heap, v)
        ),
    )
}
