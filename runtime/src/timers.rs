//! The loop's timers: a heap keyed by deadline. JavaScript keeps the callbacks (stdlib/node.js
//! maps each timer id to its function); this side only knows ids and when they are due.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::time::{Duration, Instant};

#[derive(Default)]
pub struct Timers {
    /// Deadlines, earliest first; `seq` breaks ties in the order timers were started and
    /// tells a live entry from one left behind by `stop` or a restart.
    heap: BinaryHeap<Reverse<(Instant, u64, u32)>>,
    live: HashMap<u32, Timer>,
    next_seq: u64,
}

struct Timer {
    seq: u64,
    deadline: Instant,
    repeat: Option<Duration>,
}

impl Timers {
    /// Starts (or restarts) timer `id`, due after `delay`, then every `repeat` if given.
    pub fn start(&mut self, id: u32, delay: Duration, repeat: Option<Duration>) {
        let deadline = Instant::now() + delay;
        self.next_seq += 1;
        let seq = self.next_seq;
        self.live.insert(id, Timer { seq, deadline, repeat });
        self.heap.push(Reverse((deadline, seq, id)));
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

    /// The id of a timer due at `now`, if any. A repeating timer is re-armed from its own
    /// deadline, not from `now`, so a slow callback does not make the interval drift; if the
    /// callback was so slow that whole periods passed, those are skipped rather than fired in a
    /// burst.
    pub fn pop_due(&mut self, now: Instant) -> Option<u32> {
        self.drop_stale();
        let Reverse((deadline, _, id)) = *self.heap.peek()?;
        if deadline > now {
            return None;
        }
        self.heap.pop();
        let Some(timer) = self.live.get_mut(&id) else {
            return Some(id);
        };
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
            }
            None => {
                self.live.remove(&id);
            }
        }
        Some(id)
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
        timers.start(1, Duration::from_millis(20), None);
        timers.start(2, Duration::ZERO, None);
        timers.start(3, Duration::ZERO, None);
        let later = Instant::now() + Duration::from_millis(30);
        assert_eq!(timers.pop_due(later), Some(2));
        assert_eq!(timers.pop_due(later), Some(3));
        assert_eq!(timers.pop_due(later), Some(1));
        assert_eq!(timers.pop_due(later), None);
        assert!(timers.is_empty());
    }

    #[test]
    fn stopped_and_restarted_timers_fire_only_as_last_set() {
        let mut timers = Timers::default();
        timers.start(1, Duration::ZERO, None);
        timers.start(2, Duration::ZERO, None);
        timers.stop(1);
        timers.start(2, Duration::from_secs(60), None);
        assert_eq!(timers.pop_due(Instant::now()), None);
        assert!(!timers.is_empty());
        timers.stop(2);
        assert!(timers.is_empty());
        assert_eq!(timers.next_deadline(), None);
    }

    #[test]
    fn an_interval_keeps_its_phase_after_a_slow_callback() {
        let mut timers = Timers::default();
        let period = Duration::from_millis(10);
        timers.start(7, period, Some(period));
        let first = timers.next_deadline().expect("armed");
        // The callback ran 35 ms late: the 2nd, 3rd and 4th ticks are skipped, the 5th keeps
        // the original phase.
        assert_eq!(timers.pop_due(first + Duration::from_millis(35)), Some(7));
        assert_eq!(timers.next_deadline(), Some(first + period * 4));
    }
}
