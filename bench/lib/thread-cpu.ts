import { readFileSync } from "node:fs";

/** Clock ticks per second of /proc's utime and stime: 100 on every mainstream Linux (getconf CLK_TCK). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time the main thread has used, in ms (Linux; null elsewhere). Unlike process.cpuUsage() it leaves out the load
 * generator's worker thread, so it measures the service alone, and unlike wall-clock latency it does not grow when
 * other processes compete for the CPUs. Resolution 10 ms: read it over whole measurements.
 */
export function mainThreadCpuMs(): number | null {
  return threadCpuMs(process.pid);
}

/** The same for another process's main thread (its thread id is its pid): a server the benchmark runs as a child. */
export function threadCpuMs(pid: number): number | null {
  return cpuMsOf(`/proc/${pid}/task/${pid}/stat`);
}

/** CPU time the calling thread has used, ms (Linux; null elsewhere): a worker thread, which mainThreadCpuMs does not see. */
export function currentThreadCpuMs(): number | null {
  return cpuMsOf("/proc/thread-self/stat");
}

/** CPU time a whole process has used, every thread included, in ms (Linux; null elsewhere): a worker the benchmark runs as a child. */
export function processCpuMs(pid: number): number | null {
  return cpuMsOf(`/proc/${pid}/stat`);
}

/** utime + stime of a /proc stat file, in ms; null where there is no /proc. */
function cpuMsOf(statPath: string): number | null {
  try {
    const stat = readFileSync(statPath, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // After the command name: state is field 3 of stat(5), utime 14 and stime 15.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
