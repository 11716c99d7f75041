//! The loop's timers. As in node, timers are kept in one queue per delay: timers of the same
//! delay fall due in the order they were started, so starting one is a push at the back and
//! firing one a pop at the front — a million `setTimeout(f, 0)` cost no sorting. A small heap
//! holds the head of each queue, to find the queue due first.
//!
//! A stopped timer's entry stays in its queue until it reaches the front, where it is dropped:
//! only the map of live ids knows it was stopped. Its payload does not wait with it: payloads
//! live in that map, so stopping a timer lets go of what its callback holds at once (a socket's
//! idle timer of 60 s kept every closed connection alive for a minute otherwise). When stopped
//! entries outnumber the live timers, the queues are swept.

use rustc_hash::FxHashMap;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};
use std::time::{Duration, Instant};

pub struct Timers<T> {
    /// The timers of each delay, by deadline (start order, nearly always).
    queues: FxHashMap<Duration, VecDeque<Entry>>,
    /// The first entry of each non-empty queue, earliest first (entries whose queue has moved
    /// on since are skipped when met).
    heads: BinaryHeap<Reverse<(Place, Duration)>>,
    /// The live timers: id to the `seq` of their entry (a stopped timer is not here; one that
    /// was re-armed has a new `seq`) and their payload.
    live: FxHashMap<u32, (u64, T)>,
    /// Entries in the queues whose timer was stopped.
    stopped: usize,
    next_seq: u64,
    next_id: u32,
    /// Ids have wrapped around past u32::MAX: new ones must be checked for being in use.
    ids_wrapped: bool,
}

/// When an entry is due, and which start of which timer it is (`seq` also orders timers due at
/// the same instant by when they were started).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Place {
    deadline: Instant,
    seq: u64,
    id: u32,
}

struct Entry {
    place: Place,
    repeat: bool,
}

impl<T> Default for Timers<T> {
    fn default() -> Self {
        Timers {
            queues: FxHashMap::default(),
            heads: BinaryHeap::new(),
            live: FxHashMap::default(),
            stopped: 0,
            next_seq: 0,
            next_id: 0,
            ids_wrapped: false,
        }
    }
}

impl<T: Clone> Timers<T> {
    /// Starts a timer due after `delay`, and every `delay` after that if `repeat`; returns its
    /// id (never 0, so that a script can test an id for truth).
    pub fn start(&mut self, delay: Duration, repeat: bool, payload: T) -> u32 {
        let id = self.new_id();
        let deadline = Instant::now() + delay;
        self.next_seq += 1;
        let seq = self.next_seq;
        self.live.insert(id, (seq, payload));
        let place = Place { deadline, seq, id };
        self.enqueue(delay, Entry { place, repeat });
        id
    }

    fn new_id(&mut self) -> u32 {
        loop {
            self.next_id = self.next_id.wrapping_add(1);
            if self.next_id == 0 {
                self.ids_wrapped = true;
                continue;
            }
            if !self.ids_wrapped || !self.live.contains_key(&self.next_id) {
                return self.next_id;
            }
        }
    }

    /// Puts an entry in its delay's queue, in deadline order.
    fn enqueue(&mut self, delay: Duration, entry: Entry) {
        let queue = self.queues.entry(delay).or_default();
        let place = entry.place;
        // Almost always the latest deadline of its queue; an interval re-armed after a late
        // callback may belong further forward.
        let at = match queue.back() {
            Some(last) if last.place > place => queue.partition_point(|e| e.place < place),
            _ => queue.len(),
        };
        queue.insert(at, entry);
        if at == 0 {
            self.heads.push(Reverse((place, delay)));
        }
    }

    pub fn stop(&mut self, id: u32) {
        if self.live.remove(&id).is_some() {
            self.stopped += 1;
            // Sweep when most entries are stopped ones (a server whose connections each stop
            // a long idle timer): the cost is paid by the stops, a constant amount each.
            if self.stopped > 1024 && self.stopped > self.live.len() {
                self.sweep();
            }
        }
    }

    /// Drops the entries of stopped timers from the queues.
    fn sweep(&mut self) {
        let live = &self.live;
        self.queues.retain(|_, queue| {
            queue.retain(|e| {
                live.get(&e.place.id)
                    .is_some_and(|(seq, _)| *seq == e.place.seq)
            });
            !queue.is_empty()
        });
        self.heads = self
            .queues
            .iter()
            .filter_map(|(&delay, queue)| Some(Reverse((queue.front()?.place, delay))))
            .collect();
        self.stopped = 0;
    }

    pub fn is_empty(&self) -> bool {
        self.live.is_empty()
    }

    /// When the first queue is due (perhaps for a stopped timer: then `pop_due` finds nothing
    /// and the loop waits again).
    pub fn next_deadline(&mut self) -> Option<Instant> {
        self.current_head().map(|(place, _)| place.deadline)
    }

    /// The head of the queue due first, dropping heap entries that are out of date.
    fn current_head(&mut self) -> Option<(Place, Duration)> {
        loop {
            let Reverse((place, delay)) = *self.heads.peek()?;
            match self.queues.get(&delay).and_then(VecDeque::front) {
                Some(front) if front.place == place => return Some((place, delay)),
                _ => {
                    self.heads.pop();
                }
            }
        }
    }

    /// The id and payload of a timer due at `now`, if any. An interval is re-armed from its
    /// own deadline, not from `now`, so a slow callback does not make it drift; if the callback
    /// was so slow that whole periods passed, those are skipped rather than fired in a burst.
    pub fn pop_due(&mut self, now: Instant) -> Option<(u32, T)> {
        loop {
            let (place, delay) = self.current_head()?;
            if place.deadline > now {
                return None;
            }
            self.heads.pop();
            let queue = self.queues.get_mut(&delay)?;
            let entry = queue.pop_front()?;
            match queue.front() {
                Some(next) => self.heads.push(Reverse((next.place, delay))),
                None => {
                    self.queues.remove(&delay);
                }
            }
            if self.live.get(&place.id).map(|(seq, _)| *seq) != Some(place.seq) {
                self.stopped = self.stopped.saturating_sub(1);
                continue; // stopped
            }
            if !entry.repeat {
                let (_, payload) = self.live.remove(&place.id)?;
                return Some((place.id, payload));
            }
            return self
                .rearm(entry, delay, now)
                .map(|payload| (place.id, payload));
        }
    }

    /// Puts an interval back in its queue for its next period; gives its payload.
    fn rearm(&mut self, entry: Entry, delay: Duration, now: Instant) -> Option<T> {
        let period = delay.max(Duration::from_millis(1));
        let mut deadline = entry.place.deadline + period;
        if deadline <= now {
            let behind = (now - deadline).as_nanos() / period.as_nanos() + 1;
            deadline += period * u32::try_from(behind).unwrap_or(u32::MAX);
        }
        self.next_seq += 1;
        let seq = self.next_seq;
        let id = entry.place.id;
        let live = self.live.get_mut(&id)?;
        live.0 = seq;
        let payload = live.1.clone();
        let place = Place { deadline, seq, id };
        self.enqueue(delay, Entry { place, ..entry });
        Some(payload)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fires_in_deadline_order_and_ties_in_start_order() {
        let mut timers = Timers::default();
        let first = timers.start(Duration::from_millis(20), false, "a");
        let second = timers.start(Duration::ZERO, false, "b");
        let third = timers.start(Duration::ZERO, false, "c");
        let later = Instant::now() + Duration::from_millis(30);
        assert_eq!(timers.pop_due(later), Some((second, "b")));
        assert_eq!(timers.pop_due(later), Some((third, "c")));
        assert_eq!(timers.pop_due(later), Some((first, "a")));
        assert_eq!(timers.pop_due(later), None);
        assert!(timers.is_empty());
    }

    #[test]
    fn stopped_timers_never_fire() {
        let mut timers = Timers::default();
        let stopped = timers.start(Duration::ZERO, false, ());
        let later = timers.start(Duration::from_secs(60), false, ());
        assert!(stopped != 0 && later != 0 && stopped != later);
        timers.stop(stopped);
        assert_eq!(timers.pop_due(Instant::now()), None);
        assert!(!timers.is_empty());
        timers.stop(later);
        assert!(timers.is_empty());
    }

    /// A stopped timer lets go of its payload at once, and the queues do not keep an entry
    /// for each of many stopped timers.
    #[test]
    fn stopping_drops_the_payload_and_stopped_entries_are_swept() {
        let mut timers = Timers::default();
        let payload = std::rc::Rc::new(());
        let keep = timers.start(Duration::from_secs(60), false, payload.clone());
        for _ in 0..10_000 {
            let id = timers.start(Duration::from_secs(60), false, payload.clone());
            timers.stop(id);
        }
        assert_eq!(std::rc::Rc::strong_count(&payload), 2);
        let entries: usize = timers.queues.values().map(VecDeque::len).sum();
        assert!(entries <= 1100, "{entries} entries");
        assert!(timers.next_deadline().is_some());
        let later = Instant::now() + Duration::from_secs(61);
        assert_eq!(timers.pop_due(later).map(|(id, _)| id), Some(keep));
        assert_eq!(timers.pop_due(later).map(|(id, _)| id), None);
        assert!(timers.is_empty());
    }

    #[test]
    fn an_interval_keeps_its_phase_after_a_slow_callback() {
        let mut timers = Timers::default();
        let period = Duration::from_millis(10);
        let id = timers.start(period, true, ());
        let first = timers.next_deadline().expect("armed");
        // The callback ran 35 ms late: the 2nd, 3rd and 4th ticks are skipped, the 5th keeps
        // the original phase.
        assert_eq!(
            timers.pop_due(first + Duration::from_millis(35)),
            Some((id, ()))
        );
        assert_eq!(timers.next_deadline(), Some(first + period * 4));
    }

    #[test]
    fn a_late_interval_goes_before_later_timers_of_its_delay() {
        let mut timers = Timers::default();
        let period = Duration::from_millis(10);
        let interval = timers.start(period, true, "interval");
        let first = timers.next_deadline().expect("armed");
        // A timeout of the same delay, started 2 ms after the interval was due...
        std::thread::sleep((first + Duration::from_millis(2)) - Instant::now());
        let timeout = timers.start(period, false, "timeout");
        // ...and the interval fired late, after that: its next deadline (first + 10 ms) comes
        // before the timeout's (first + 12 ms or later), so it goes ahead in the queue. The
        // interval is popped at a fixed instant, not "now": on a loaded machine "now" could be
        // past first + 12 ms already, and the interval would be re-armed after the timeout.
        assert_eq!(
            timers.pop_due(first + Duration::from_millis(3)),
            Some((interval, "interval"))
        );
        let later = Instant::now() + Duration::from_millis(30);
        assert_eq!(timers.pop_due(later), Some((interval, "interval")));
        assert_eq!(timers.pop_due(later), Some((timeout, "timeout")));
    }
}
