//! Frames, and the asyncio objects built from them: futures, tasks (a future driving a
//! coroutine, which owns its frames while it is suspended), and what the event loop keeps.

use std::collections::VecDeque;
use std::rc::Rc;

use super::object::Loaded;
use super::value::{ObjRef, Value};

/// A running or waiting call: a frame stack holds one per call in progress, the running one
/// last.
#[derive(Debug)]
pub struct Frame {
    pub loaded: Rc<Loaded>,
    pub ip: usize,
    /// Index of local slot 0 in the value stack.
    pub base: usize,
    /// Length of the handled-exceptions stack when the frame started.
    pub handling_base: usize,
    pub kind: FrameKind,
}

impl Frame {
    /// The source line of the instruction it is running (or stopped at).
    pub fn line(&self) -> Option<u32> {
        let at = self.ip.saturating_sub(1);
        self.loaded.code.lines.get(at).copied()
    }
}

/// What a frame's return means.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FrameKind {
    /// A call: its value goes to the caller.
    Call,
    /// `__init__` run by a class call: the call's result is the new instance.
    Construct,
    /// The body of this generator: its return ends the generator.
    Generator(ObjRef),
}

/// The stacks of one line of execution: the frames, their values and the exceptions being
/// handled. The VM runs one at a time; a suspended task keeps its own, so switching tasks
/// swaps three vectors whatever the depth of its await chain.
#[derive(Debug, Default)]
pub struct Execution {
    pub frames: Vec<Frame>,
    pub stack: Vec<Value>,
    pub handling: Vec<Value>,
}

impl Execution {
    /// Every value it holds, for the collector (the constants of its frames' code included).
    pub fn values(&self) -> impl Iterator<Item = Value> + '_ {
        self.stack
            .iter()
            .chain(self.handling.iter())
            .chain(self.frames.iter().flat_map(|f| f.loaded.consts.iter()))
            .copied()
            .chain(self.frames.iter().filter_map(|f| match f.kind {
                FrameKind::Generator(g) => Some(Value::Obj(g)),
                _ => None,
            }))
    }
}

/// Where a future is in its life.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Outcome {
    Pending,
    Result(Value),
    /// The exception object it was given.
    Exception(Value),
    /// Cancelled, with the message given to `cancel` (`None` or a str) and, for a task whose
    /// coroutine ended by raising it, that `CancelledError` (else `None`).
    Cancelled {
        message: Value,
        error: Value,
    },
}

/// Something to do when a future is done (each is scheduled with `call_soon`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DoneCallback {
    /// Resume the task awaiting the future.
    Wakeup(ObjRef),
    /// The future is a child of this `gather`.
    Gather(ObjRef),
    /// The future is a task of this `TaskGroup`.
    TaskGroup(ObjRef),
    /// `run_until_complete` waits for this future: stop the loop.
    StopLoop(ObjRef),
    /// A callable, called with the future.
    Call(ObjRef),
    /// A handle of a callable, called with the future in the handle's `contextvars` context.
    CallInContext(ObjRef),
}

impl DoneCallback {
    fn value(self) -> Value {
        match self {
            DoneCallback::Wakeup(r)
            | DoneCallback::Gather(r)
            | DoneCallback::TaskGroup(r)
            | DoneCallback::StopLoop(r)
            | DoneCallback::Call(r)
            | DoneCallback::CallInContext(r) => Value::Obj(r),
        }
    }
}

/// `asyncio.Future`, and what a task or a gather adds to it.
#[derive(Debug)]
pub struct Future {
    pub outcome: Outcome,
    pub callbacks: Vec<DoneCallback>,
    /// Its exception was set and nobody has looked at it yet (reported when it is dropped).
    pub log_traceback: bool,
    /// A gather whose `cancel` reached a child: its result becomes a `CancelledError`.
    pub cancel_requested: bool,
    /// The event loop it belongs to.
    pub event_loop: ObjRef,
    pub kind: FutureKind,
}

#[derive(Debug)]
pub enum FutureKind {
    Plain,
    Task(Task),
    Gather(Box<Gather>),
    /// What `async with TaskGroup()` waits on at its end (done when the group's last task
    /// is): cancelling it cancels the group's tasks instead.
    GroupExit(ObjRef),
}

impl Future {
    pub fn new(event_loop: ObjRef, kind: FutureKind) -> Future {
        Future {
            outcome: Outcome::Pending,
            callbacks: Vec::new(),
            log_traceback: false,
            cancel_requested: false,
            event_loop,
            kind,
        }
    }

    pub fn task(&self) -> Option<&Task> {
        match &self.kind {
            FutureKind::Task(t) => Some(t),
            _ => None,
        }
    }

    pub fn task_mut(&mut self) -> Option<&mut Task> {
        match &mut self.kind {
            FutureKind::Task(t) => Some(t),
            _ => None,
        }
    }

    pub fn is_done(&self) -> bool {
        self.outcome != Outcome::Pending
    }

    /// Python's name for its type.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            FutureKind::Plain | FutureKind::GroupExit(_) => "Future",
            FutureKind::Task(_) => "Task",
            FutureKind::Gather(_) => "_GatheringFuture",
        }
    }

    /// Every value it references, for the collector.
    pub fn values(&self) -> impl Iterator<Item = Value> + '_ {
        let outcome = match self.outcome {
            Outcome::Pending => [Value::None, Value::None],
            Outcome::Result(v) | Outcome::Exception(v) => [v, Value::None],
            Outcome::Cancelled { message, error } => [message, error],
        };
        let (task, gather): (Option<&Task>, Option<&Gather>) = match &self.kind {
            FutureKind::Plain | FutureKind::GroupExit(_) => (None, None),
            FutureKind::Task(t) => (Some(t), None),
            FutureKind::Gather(g) => (None, Some(g)),
        };
        let group = match self.kind {
            FutureKind::GroupExit(g) => Some(Value::Obj(g)),
            _ => None,
        };
        outcome
            .into_iter()
            .chain(group)
            .chain(self.callbacks.iter().map(|c| c.value()))
            .chain(std::iter::once(Value::Obj(self.event_loop)))
            .chain(task.into_iter().flat_map(Task::values))
            .chain(
                gather
                    .into_iter()
                    .flat_map(|g| g.children.iter().map(|&c| Value::Obj(c))),
            )
    }
}

/// What a suspended task waits for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Waiter {
    Nothing,
    Future(ObjRef),
    /// A timer of the loop's (`asyncio.sleep` with a delay), by its number.
    Timer(u32),
    /// A turn of the loop, after which this exception (a generator's bad yield) is raised
    /// where it waits.
    BadYield(ObjRef),
}

/// A task: the coroutine it drives and, between steps, that coroutine's execution.
#[derive(Debug)]
pub struct Task {
    /// The coroutine (or `asyncio.sleep(…)` object) it drives.
    pub coro: ObjRef,
    /// Its number among the tasks made (`Task-N` is its default name).
    pub number: u64,
    /// The name given to it (a str), or `None` for `Task-N`.
    pub name: Option<ObjRef>,
    pub execution: Execution,
    /// Whether its first step has run.
    pub started: bool,
    pub waiter: Waiter,
    /// `cancel()` came while no waiter could take it: the next step raises `CancelledError`.
    pub must_cancel: bool,
    /// Set by its first `cancel()` (boxed: few tasks are cancelled, and a parked task's size
    /// counts).
    pub cancellation: Option<Box<Cancellation>>,
    /// The `contextvars` context its steps run in (none while the program has none).
    pub context: Option<ObjRef>,
}

/// The cancellation requests a task had.
#[derive(Debug, Default)]
pub struct Cancellation {
    /// The message of the cancellation the next step raises (with `must_cancel`).
    pub message: Value,
    /// How many requests are not withdrawn by `uncancel()` (`cancelling()`).
    pub requests: u32,
}

impl Task {
    /// The message of the cancellation its next step raises, if `must_cancel`.
    pub fn cancel_message(&self) -> Value {
        self.cancellation
            .as_ref()
            .map_or(Value::None, |c| c.message)
    }

    /// How many cancellation requests it has (`cancelling()`).
    pub fn cancel_requests(&self) -> u32 {
        self.cancellation.as_ref().map_or(0, |c| c.requests)
    }

    pub fn values(&self) -> impl Iterator<Item = Value> + '_ {
        [
            Value::Obj(self.coro),
            self.name.map_or(Value::None, Value::Obj),
            self.cancel_message(),
            self.context.map_or(Value::None, Value::Obj),
        ]
        .into_iter()
        .chain(match self.waiter {
            Waiter::Future(r) | Waiter::BadYield(r) => Some(Value::Obj(r)),
            _ => None,
        })
        .chain(self.execution.values())
    }
}

/// What `gather` adds to its future: the children in argument order (duplicates repeated).
#[derive(Debug)]
pub struct Gather {
    pub children: Vec<ObjRef>,
    /// How many distinct children there are, and how many have finished.
    pub distinct: usize,
    pub finished: usize,
    pub return_exceptions: bool,
}

/// Something the loop runs: a ready callback, or a timer's when it is due.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Job {
    /// A task's step; with an exception object to throw into its coroutine, if any.
    Step { task: ObjRef, throw: Option<ObjRef> },
    /// A done-callback of a finished future.
    Done {
        future: ObjRef,
        callback: DoneCallback,
    },
    /// A callback scheduled by the program (`call_soon`, `call_later`): a handle object.
    Handle(ObjRef),
    /// The timer of a task sleeping: wake it unless it stopped waiting for it.
    WakeSleeper { task: ObjRef, timer: u32 },
    /// Give a future the result `None` (a step that finishes at once).
    Finish(ObjRef),
    /// The task that entered this TaskGroup was cancelled while waiting at the group's end:
    /// what it does when it wakes (cancel the group's tasks, finish if they are done).
    WakeGroupParent(ObjRef),
}

impl Job {
    fn values(self) -> [Value; 2] {
        match self {
            Job::Step { task, throw } => [Value::Obj(task), throw.map_or(Value::None, Value::Obj)],
            Job::Done { future, callback } => [Value::Obj(future), callback.value()],
            Job::Handle(h)
            | Job::WakeSleeper { task: h, .. }
            | Job::Finish(h)
            | Job::WakeGroupParent(h) => [Value::Obj(h), Value::None],
        }
    }
}

/// A job due at a time of the loop's clock.
#[derive(Clone, Copy, Debug)]
pub struct Timer {
    pub when: f64,
    pub job: Job,
}

/// A callback the program scheduled, as `call_soon`/`call_later` return it.
#[derive(Debug)]
pub struct Handle {
    pub callback: Value,
    pub args: Box<[Value]>,
    pub cancelled: bool,
    /// When it is due, for a timer's handle.
    pub when: Option<f64>,
    /// The `contextvars` context the callback runs in.
    pub context: Option<ObjRef>,
}

/// An event loop's queues. While it runs they live in the VM; otherwise in its object.
#[derive(Debug, Default)]
pub struct LoopState {
    /// Callbacks ready to run, in order.
    pub ready: VecDeque<Job>,
    /// Timers, as a binary heap ordered by `when` (kept exactly as Python's `heapq` keeps it,
    /// so that timers due at the same time run in CPython's order).
    pub timers: Vec<Timer>,
    pub timers_made: u32,
    pub stopping: bool,
    pub closed: bool,
    pub debug: bool,
    /// What `set_exception_handler` set (`None`: the default handler).
    pub exception_handler: Value,
}

impl LoopState {
    pub fn values(&self) -> impl Iterator<Item = Value> + '_ {
        self.ready
            .iter()
            .chain(self.timers.iter().map(|t| &t.job))
            .flat_map(|j| j.values())
            .chain([self.exception_handler])
    }
}

/// `asyncio.TaskGroup`: the tasks it made that are still running, and the errors they ended
/// with.
#[derive(Debug, Default)]
pub struct TaskGroup {
    /// The task that entered it.
    pub parent: Option<ObjRef>,
    pub tasks: Vec<ObjRef>,
    pub errors: Vec<Value>,
    /// What the body of the `async with` raised (other than a cancellation): the group's last
    /// error.
    pub body_error: Option<Value>,
    pub entered: bool,
    pub exiting: bool,
    pub aborting: bool,
    /// What `__aexit__` waits on until the last task is done.
    pub on_completed: Option<ObjRef>,
    /// The `CancelledError` the `async with` ends with when no task failed: the one its body
    /// raised, or the one the parent got while waiting at its end.
    pub propagate_cancel: Option<Value>,
    /// The group cancelled its parent (a task failed): `__aexit__` takes that back.
    pub parent_cancel_requested: bool,
    /// A `SystemExit` or `KeyboardInterrupt` of a task or the body: raised as it is.
    pub base_error: Option<Value>,
    /// The parent waiting at the end was cancelled: its wakeup (a `Job::WakeGroupParent`) is
    /// due, and it, not the last task's end, finishes the group.
    pub wake_pending: bool,
    /// The message of that cancellation.
    pub cancel_message: Value,
}

impl TaskGroup {
    pub fn values(&self) -> impl Iterator<Item = Value> + '_ {
        self.parent
            .iter()
            .chain(self.tasks.iter())
            .chain(self.on_completed.iter())
            .map(|&r| Value::Obj(r))
            .chain(self.errors.iter().copied())
            .chain(self.body_error)
            .chain(self.propagate_cancel)
            .chain(self.base_error)
            .chain(std::iter::once(self.cancel_message))
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    /// A parked task's memory is mostly its future's allocation: keep it within mimalloc's
    /// 192-byte size class.
    #[test]
    fn a_task_fits_a_192_byte_allocation() {
        assert!(std::mem::size_of::<Future>() <= 192);
    }
}
