import fs from "node:fs";
import path from "node:path";

// USER_HZ: the unit of /proc/<pid>/stat times, 100 on every Linux build.
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user and system) a PostgreSQL server has used so far: its
 * postmaster, the children it runs (backends, WAL writer, checkpointer...)
 * and, through the postmaster's cutime and cstime, every child it has reaped
 * (a backend's time lands there once its connection is closed). Linux only:
 * null when /proc cannot be read.
 */
export function postgresCpuSeconds(clusterDir: string): number | null {
  try {
    const postmaster = Number(fs.readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n")[0]);
    let ticks = 0;
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = readStat(entry);
      if (stat === null) continue;
      if (Number(entry) === postmaster) ticks += stat.utime + stat.stime + stat.cutime + stat.cstime;
      else if (stat.ppid === postmaster) ticks += stat.utime + stat.stime;
    }
    return ticks / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

function readStat(pid: string): { ppid: number; utime: number; stime: number; cutime: number; cstime: number } | null {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null; // gone meanwhile
  }
  // Fields after the command name (which may hold spaces), from field 3 on: state, ppid, ... utime is field 14.
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ").map(Number);
  const at = (field: number) => fields[field - 3] ?? 0;
  return { ppid: at(4), utime: at(14), stime: at(15), cutime: at(16), cstime: at(17) };
}
