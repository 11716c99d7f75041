//! The loop's timers: a heap keyed by deadline, and each timer's payload (for `setTimeout`,
//! handles on the callback and its arguments) by id.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::time::{Duration, Instant};

pub struct Timers<T> {
    /// Deadlines, earliest first; `seq` breaks ties in the order timers were started and
    /// tells a live entry from one left behind by `stop` or a restart.
    heap: BinaryHeap<Reverse<(Instant, u64, u32)>>,
    live: HashMap<u32, Timer<T>>,
    next_seq: u64,
    next_id: u32,
}

struct Timer<T> {
    seq: u64,
    deadline: Instant,
    repeat: Option<Duration>,
    payload: T,
}

impl<T> Default for Timers<T> {
    fn default() -> Self {
        Timers {
            heap: BinaryHeap::new(),
            live: HashMap::new(),
            next_seq: 0,
            next_id: 0,
        }
    }
}

impl<T: Clone> Timers<T> {
    /// Starts a timer due after `delay`, then every `repeat` if given; returns its id (never
    /// 0, so that a script can test an id for truth).
    pub fn start(&mut self, delay: Duration, repeat: Option<Duration>, payload: T) -> u32 {
        loop {
            self.next_id = self.next_id.wrapping_add(1);
            if self.next_id != 0 && !self.live.contains_key(&self.next_id) {
                break;
            }
        }
        let id = self.next_id;
        let deadline = Instant::now() + delay;
        self.next_seq += 1;
        let seq = self.next_seq;
        let timer = Timer {
            seq,
            deadline,
            repeat,
            payload,
        };
        self.live.insert(id, timer);
        self.heap.push(Reverse((deadline, seq, id)));
        id
    }

    pub fn stop(&mut self, id: u32) {
        self.live.remove(&id);
    }

    pub fn is_empty(&self) -> bool {
        self.live.is_empty()
    }

    /// When the next live timer is due.
    pub fn next_deadline(&mut self) -> Option<Instant> {
        self.drop_stale();
        self.heap.peek().map(|Reverse((deadline, _, _))| *deadline)
    }

    /// The id and payload of a timer due at `now`, if any. A repeating timer is re-armed from its own
    /// deadline, not from `now`, so a slow callback does not make the interval drift; if the
    /// callback was so slow that whole periods passed, those are skipped rather than fired in a
    /// burst.
    pub fn pop_due(&mut self, now: Instant) -> Option<(u32, T)> {
        self.drop_stale();
        let Reverse((deadline, _, id)) = *self.heap.peek()?;
        if deadline > now {
            return None;
        }
        self.heap.pop();
        let timer = self.live.get_mut(&id)?;
        match timer.repeat {
            Some(period) => {
                let period = period.max(Duration::from_millis(1));
                let mut next = timer.deadline + period;
                if next <= now {
                    let behind = (now - next).as_nanos() / period.as_nanos() + 1;
                    next += period * u32::try_from(behind).unwrap_or(u32::MAX);
                }
                self.next_seq += 1;
                timer.seq = self.next_seq;
                timer.deadline = next;
                self.heap.push(Reverse((next, timer.seq, id)));
                Some((id, timer.payload.clone()))
            }
            None => self.live.remove(&id).map(|timer| (id, timer.payload)),
        }
    }

    /// Pops heap entries whose timer was stopped or restarted since they were pushed.
    fn drop_stale(&mut self) {
        while let Some(Reverse((_, seq, id))) = self.heap.peek() {
            match self.live.get(id) {
                Some(timer) if timer.seq == *seq => return,
                _ => {
                    self.heap.pop();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fires_in_deadline_order_and_ties_in_start_order() {
        let mut timers = Timers::default();
        let first = timers.start(Duration::from_millis(20), None, "a");
        let second = timers.start(Duration::ZERO, None, "b");
        let third = timers.start(Duration::ZERO, None, "c");
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
        let stopped = timers.start(Duration::ZERO, None, ());
        let later = timers.start(Duration::from_secs(60), None, ());
        assert!(stopped != 0 && later != 0 && stopped != later);
        timers.stop(stopped);
        assert_eq!(timers.pop_due(Instant::now()), None);
        assert!(!timers.is_empty());
        timers.stop(later);
        assert!(timers.is_empty());
        assert_eq!(timers.next_deadline(), None);
    }

    #[test]
    fn an_interval_keeps_its_phase_after_a_slow_callback() {
        let mut timers = Timers::default();
        let period = Duration::from_millis(10);
        let id = timers.start(period, Some(period), ());
        let first = timers.next_deadline().expect("armed");
        // The callback ran 35 ms late: the 2nd, 3rd and 4th ticks are skipped, the 5th keeps
        // the original phase.
        assert_eq!(timers.pop_due(first + Duration::from_millis(35)), Some((id, ())));
        assert_eq!(timers.next_deadline(), Some(first + period * 4));
    }
}
