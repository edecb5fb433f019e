//! Process figures from `/proc` (Linux); `None` where it does not exist.

fn status_kb(field: &str) -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(field))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Peak resident memory of this process (VmHWM) in bytes, where /proc exists.
pub fn peak_rss_bytes() -> Option<u64> {
    status_kb("VmHWM:")
}

/// Current resident memory (VmRSS) in bytes.
pub fn rss_bytes() -> Option<u64> {
    status_kb("VmRSS:")
}

/// CPU time of the calling thread in seconds (`/proc/thread-self/schedstat`),
/// which, unlike wall time, does not grow when other processes share the cores.
pub fn thread_cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}

#[cfg(test)]
mod tests {
    #[test]
    fn memory_figures_are_consistent_where_proc_exists() {
        if let (Some(now), Some(peak)) = (super::rss_bytes(), super::peak_rss_bytes()) {
            assert!(now > 0 && peak >= now, "rss {now} peak {peak}");
        }
    }
}
